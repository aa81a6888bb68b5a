import { Button, Field } from '../../../platform/layout/components.js';
import type { LinkProblem } from '../one-time-tokens.js';
import { FormPage, Intro, MessagePage, PageLink, texts, type FormState, type View, type ViewContext } from './shared.js';

/** Pages behind the links we mail: confirm, reset, new address; and the forms that request them. */

export function verifiedView(view: ViewContext): View {
  const t = texts(view.locale);
  return {
    title: t('verify.title'),
    body: (
      <MessagePage title={t('verify.title')} kind="success" text={t('verify.done')}>
        <PageLink locale={view.locale} path="/anmelden">
          {t('verify.toLogin')}
        </PageLink>
      </MessagePage>
    ),
  };
}

/** A link that cannot be used: says why, and where to get a new one. */
export function linkProblemView(view: ViewContext, problem: LinkProblem | 'taken', renew: { path: string; label: 'resend.title' | 'reset.requestNew' | 'account.changeEmail' }): View {
  const t = texts(view.locale);
  return {
    title: t('link.title'),
    body: (
      <MessagePage title={t('link.title')} kind={problem === 'missing' ? 'info' : 'danger'} text={t(`link.${problem}`)}>
        <PageLink locale={view.locale} path={renew.path}>
          {t(renew.label)}
        </PageLink>
      </MessagePage>
    ),
  };
}

/** One email field: new confirmation link, or password reset link. */
export function requestLinkView(view: ViewContext, state: FormState, kind: 'resend' | 'forgot'): View {
  const t = texts(view.locale);
  const path = kind === 'resend' ? '/konto/bestaetigen/neu' : '/passwort-vergessen';
  return {
    title: t(`${kind}.title`),
    body: (
      <FormPage view={view} title={t(`${kind}.title`)} action={path} state={state} labels={{ email: 'field.email' }} intro={<Intro>{t(`${kind}.intro`)}</Intro>}>
        <Field name="email" type="email" label={t('field.email')} value={state.values.email} error={state.errors.email} autocomplete="email" required maxLength={254} />
        <Button>{t(`${kind}.submit`)}</Button>
      </FormPage>
    ),
  };
}

export function resetView(view: ViewContext, state: FormState): View {
  const t = texts(view.locale);
  return {
    title: t('reset.title'),
    body: (
      <FormPage view={view} title={t('reset.title')} action="/passwort-zuruecksetzen" state={state} labels={{ password: 'field.newPassword' }}>
        <input type="hidden" name="token" value={state.values.token ?? ''} />
        <Field name="password" type="password" label={t('field.newPassword')} hint={t('field.password.hint')} error={state.errors.password} autocomplete="new-password" required />
        <Button>{t('reset.submit')}</Button>
      </FormPage>
    ),
  };
}

export function resetDoneView(view: ViewContext): View {
  const t = texts(view.locale);
  return {
    title: t('reset.done.title'),
    body: (
      <MessagePage title={t('reset.done.title')} kind="success" text={t('reset.done')}>
        <PageLink locale={view.locale} path="/anmelden">
          {t('back.login')}
        </PageLink>
      </MessagePage>
    ),
  };
}

export function emailChangedView(view: ViewContext, email: string): View {
  const t = texts(view.locale);
  return {
    title: t('emailConfirm.title'),
    body: (
      <MessagePage title={t('emailConfirm.title')} kind="success" text={t('emailConfirm.done', { email })}>
        <PageLink locale={view.locale} path="/konto">
          {t('back.account')}
        </PageLink>
      </MessagePage>
    ),
  };
}
