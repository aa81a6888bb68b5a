import { Button, Field } from '../../../platform/layout/components.js';
import { FormPage, Intro, MessagePage, PageLink, texts, type FormState, type View, type ViewContext } from './shared.js';

/** Changes that need the current password: password, email address, deleting the account. */

const cancel = (view: ViewContext) => (
  <PageLink locale={view.locale} path="/konto">
    {texts(view.locale)('cancel')}
  </PageLink>
);

export function passwordView(view: ViewContext, state: FormState): View {
  const t = texts(view.locale);
  return {
    title: t('password.title'),
    body: (
      <FormPage
        view={view}
        title={t('password.title')}
        action="/konto/passwort"
        state={state}
        labels={{ currentPassword: 'field.currentPassword', newPassword: 'field.newPassword' }}
        intro={<Intro>{t('password.intro')}</Intro>}
        after={cancel(view)}
      >
        <Field name="currentPassword" type="password" label={t('field.currentPassword')} error={state.errors.currentPassword} autocomplete="current-password" required />
        <Field name="newPassword" type="password" label={t('field.newPassword')} hint={t('field.password.hint')} error={state.errors.newPassword} autocomplete="new-password" required />
        <Button>{t('password.submit')}</Button>
      </FormPage>
    ),
  };
}

export function emailView(view: ViewContext, state: FormState, currentEmail: string): View {
  const t = texts(view.locale);
  return {
    title: t('email.title'),
    body: (
      <FormPage
        view={view}
        title={t('email.title')}
        action="/konto/email"
        state={state}
        labels={{ newEmail: 'field.newEmail', password: 'field.currentPassword' }}
        intro={<Intro>{t('email.intro', { email: currentEmail })}</Intro>}
        after={cancel(view)}
      >
        <Field name="newEmail" type="email" label={t('field.newEmail')} value={state.values.newEmail} error={state.errors.newEmail} autocomplete="email" required maxLength={254} />
        <Field name="password" type="password" label={t('field.currentPassword')} error={state.errors.password} autocomplete="current-password" required />
        <Button>{t('email.submit')}</Button>
      </FormPage>
    ),
  };
}

export function deleteView(view: ViewContext, state: FormState): View {
  const t = texts(view.locale);
  return {
    title: t('delete.title'),
    body: (
      <FormPage
        view={view}
        title={t('delete.title')}
        action="/konto/loeschen"
        state={state}
        labels={{ password: 'field.currentPassword' }}
        intro={
          <>
            <Intro>{t('delete.intro')}</Intro>
            <PageLink locale={view.locale} path="/konto/meine-daten.json">
              {`${t('delete.exportHint')} ${t('account.download')}`}
            </PageLink>
          </>
        }
        after={cancel(view)}
      >
        <Field name="password" type="password" label={t('field.currentPassword')} hint={t('delete.confirmHint')} error={state.errors.password} autocomplete="current-password" required />
        <Button>{t('delete.submit')}</Button>
      </FormPage>
    ),
  };
}

export function deletedView(view: ViewContext): View {
  const t = texts(view.locale);
  return {
    title: t('deleted.title'),
    body: (
      <MessagePage title={t('deleted.title')} kind="success" text={t('deleted.text')}>
        <PageLink locale={view.locale} path="/">
          {t('back.home')}
        </PageLink>
      </MessagePage>
    ),
  };
}
