import type { FieldErrors } from '../../../platform/errors/index.js';
import { localePath, translator, type Locale } from '../../../platform/i18n/index.js';
import { Alert, Button, ErrorSummary, Field, Form } from '../../../platform/layout/components.js';
import { messages } from '../messages.js';
import { FEEDBACK_MESSAGE_MAX, type Operator } from '../service.js';
import { AccessibilityStatement } from './accessibility-statement.js';

export interface FeedbackFormState {
  values: Record<string, string>;
  errors?: FieldErrors;
  /** A message for the whole form (e.g. an expired form), when no single field is at fault. */
  message?: string;
}

export function AccessibilityPage(props: { locale: Locale; operator: Operator; publicUrl: string; csrf: string; form?: FeedbackFormState }) {
  return (
    <AccessibilityStatement locale={props.locale} operator={props.operator} publicUrl={props.publicUrl}>
      <FeedbackForm locale={props.locale} csrf={props.csrf} state={props.form ?? { values: {} }} />
    </AccessibilityStatement>
  );
}

function FeedbackForm(props: { locale: Locale; csrf: string; state: FeedbackFormState }) {
  const { locale, state } = props;
  const t = translator(messages, locale);
  const labels = { name: t('feedback.name'), email: t('feedback.email'), pageUrl: t('feedback.pageUrl'), message: t('feedback.message') };
  const errors = state.errors ?? {};
  return (
    <section aria-labelledby="rueckmeldung-formular">
      <h3 class="kern-heading-small" id="rueckmeldung-formular">
        {t('feedback.heading')}
      </h3>
      <ErrorSummary errors={state.errors} labels={labels} locale={locale} message={state.message} />
      <p class="kern-body">{t('feedback.intro')}</p>
      <Form action={`${localePath(locale, '/barrierefreiheit')}#rueckmeldung`} csrf={props.csrf} class="qn-form">
        <Field name="name" label={labels.name} value={state.values.name} error={errors.name} autocomplete="name" maxLength={200} />
        <Field name="email" type="email" label={labels.email} hint={t('feedback.emailHint')} value={state.values.email} error={errors.email} autocomplete="email" />
        <Field name="pageUrl" label={labels.pageUrl} hint={t('feedback.pageUrlHint')} value={state.values.pageUrl} error={errors.pageUrl} maxLength={500} />
        <Field
          name="message"
          label={labels.message}
          hint={t('feedback.messageHint')}
          value={state.values.message}
          error={errors.message}
          required
          multiline
          rows={8}
          maxLength={FEEDBACK_MESSAGE_MAX}
        />
        <p class="kern-body kern-body--small">
          <a class="kern-link" href={localePath(locale, '/datenschutz')}>
            {t('feedback.privacy')}
          </a>
        </p>
        <Button>{t('feedback.submit')}</Button>
      </Form>
    </section>
  );
}

export function FeedbackThanksPage(props: { locale: Locale }) {
  const t = translator(messages, props.locale);
  return (
    <>
      <h1 class="kern-heading-large">{t('thanks.title')}</h1>
      <Alert kind="success" title={t('thanks.text')}>
        <p class="kern-body">{t('thanks.reply')}</p>
      </Alert>
      <p>
        <a class="kern-link" href={localePath(props.locale, '/barrierefreiheit')}>
          {t('thanks.back')}
        </a>
      </p>
    </>
  );
}
