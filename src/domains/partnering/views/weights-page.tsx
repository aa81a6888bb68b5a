import { translator, type Locale } from '../../../platform/i18n/index.js';
import { Button, Field, Form, FormPage } from '../../../platform/layout/components.js';
import { localePath } from '../../../platform/i18n/index.js';
import { messages } from '../messages.js';
import { DEFAULT_WEIGHTS, WEIGHT_KEYS, type Weights } from '../scoring.js';
import { NoticeAlert, type Notice } from './dashboard.js';
import type { FormState } from './introduction-pages.js';

const number = (locale: Locale, value: number) => value.toLocaleString(locale === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 2 });

/** The coordinators' weights of the suggestion score, with their defaults; a reset button. */
export function WeightsPage(props: { locale: Locale; csrf: string; weights: Weights; state?: FormState; notice?: Notice }) {
  const { locale } = props;
  const t = translator(messages, locale);
  const state = props.state ?? { values: Object.fromEntries(WEIGHT_KEYS.map((k) => [k, number(locale, props.weights[k])])), errors: {} };
  return (
    <>
      <FormPage
        locale={locale}
        csrf={props.csrf}
        title={t('weights.title')}
        action="/vernetzung/gewichte"
        errors={state.errors}
        message={state.message}
        labels={Object.fromEntries(WEIGHT_KEYS.map((k) => [k, t(`weight.${k}`)]))}
        intro={
          <>
            <NoticeAlert locale={locale} notice={props.notice} />
            <p class="kern-body">{t('weights.intro')}</p>
          </>
        }
        after={
          <Form action={localePath(locale, '/vernetzung/gewichte')} csrf={props.csrf}>
            <input type="hidden" name="reset" value="yes" />
            <Button kind="secondary">{t('weights.reset')}</Button>
          </Form>
        }
      >
        {WEIGHT_KEYS.map((key) => (
          <Field key={key} name={key} label={t(`weight.${key}`)} hint={t('weights.default', { value: number(locale, DEFAULT_WEIGHTS[key]) })} value={state.values[key]} error={state.errors[key]} required maxLength={10} />
        ))}
        <Button>{t('weights.submit')}</Button>
      </FormPage>
    </>
  );
}
