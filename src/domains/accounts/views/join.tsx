import { localePath } from '../../../platform/i18n/index.js';
import { Alert, Button, Field } from '../../../platform/layout/components.js';
import { NAME_MAX } from '../registration.js';
import { FormPage, Intro, MessagePage, PageLink, texts, type FormState, type View, type ViewContext } from './shared.js';

export function registerView(view: ViewContext, state: FormState): View {
  const t = texts(view.locale);
  const { values, errors } = state;
  return {
    title: t('register.title'),
    body: (
      <FormPage
        view={view}
        title={t('register.title')}
        action="/registrieren"
        state={state}
        labels={{ name: 'field.name', email: 'field.email', password: 'field.password' }}
        intro={<Intro>{t('register.intro')}</Intro>}
        after={
          <PageLink locale={view.locale} path="/anmelden">
            {`${t('register.haveAccount')} ${t('login.title')}`}
          </PageLink>
        }
      >
        <Field name="name" label={t('field.name')} hint={t('field.name.hint')} value={values.name} error={errors.name} autocomplete="name" required maxLength={NAME_MAX} />
        <Field name="email" type="email" label={t('field.email')} value={values.email} error={errors.email} autocomplete="email" required maxLength={254} />
        <Field name="password" type="password" label={t('field.password')} hint={t('field.password.hint')} error={errors.password} autocomplete="new-password" required />
        <Button>{t('register.submit')}</Button>
      </FormPage>
    ),
  };
}

/** After registering or asking for a new link: the same page whether or not the address is known. */
export function checkMailView(view: ViewContext, sent: 'register.sent' | 'resend.sent' | 'forgot.sent', email: string): View {
  const t = texts(view.locale);
  return {
    title: t('checkMail.title'),
    body: (
      <MessagePage title={t('checkMail.title')} kind="success" text={t(sent, { email })}>
        <p class="kern-body">{t('register.noMail')}</p>
        <PageLink locale={view.locale} path="/konto/bestaetigen/neu">
          {t('resend.title')}
        </PageLink>
      </MessagePage>
    ),
  };
}

/** The login form; after a failed attempt, why (one text for unknown address and wrong password). */
export function loginView(view: ViewContext, form: FormState, failed?: 'invalid' | 'unverified'): View {
  const t = texts(view.locale);
  const state = failed === 'invalid' ? { ...form, message: t('login.invalid') } : form;
  const { values, errors } = state;
  return {
    title: t('login.title'),
    body: (
      <FormPage
        view={view}
        title={t('login.title')}
        action="/anmelden"
        state={state}
        labels={{ email: 'field.email', password: 'field.password' }}
        intro={
          failed === 'unverified' && (
            <Alert kind="warning" title={t('login.unverified')} role="alert">
              <a class="kern-link" href={localePath(view.locale, '/konto/bestaetigen/neu')}>
                {t('resend.title')}
              </a>
            </Alert>
          )
        }
        after={
          <ul class="kern-list">
            <li>
              <a class="kern-link" href={localePath(view.locale, '/passwort-vergessen')}>
                {t('login.forgot')}
              </a>
            </li>
            <li>
              <a class="kern-link" href={localePath(view.locale, '/registrieren')}>
                {`${t('login.noAccount')} ${t('register.title')}`}
              </a>
            </li>
          </ul>
        }
      >
        <input type="hidden" name="next" value={values.next ?? ''} />
        <Field name="email" type="email" label={t('field.email')} value={values.email} error={errors.email} autocomplete="email" required maxLength={254} />
        <Field name="password" type="password" label={t('field.password')} error={errors.password} autocomplete="current-password" required />
        <Button>{t('login.submit')}</Button>
      </FormPage>
    ),
  };
}
