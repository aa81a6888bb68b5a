import { formatDate, localePath } from '../../../platform/i18n/index.js';
import { Alert, Button, Fact, Field, Form, Select } from '../../../platform/layout/components.js';
import { NAME_MAX } from '../registration.js';
import type { Account } from '../profile.js';
import type { MessageKey } from '../messages.js';
import { FormPage, PageLink, texts, type FormState, type View, type ViewContext } from './shared.js';

/** Success notices shown on the overview after a change (?hinweis=…). */
export const notices = { profil: 'notice.profile', passwort: 'notice.password', email: 'notice.email' } as const satisfies Record<string, MessageKey>;
export type Notice = keyof typeof notices;
export const isNotice = (value: unknown): value is Notice => typeof value === 'string' && Object.hasOwn(notices, value);

export function accountView(view: ViewContext, account: Account, notice: Notice | null): View {
  const t = texts(view.locale);
  const link = (path: string) => localePath(view.locale, path);
  const settings: [string, MessageKey][] = [
    ['/konto/profil', 'account.editProfile'],
    ['/konto/email', 'account.changeEmail'],
    ['/konto/passwort', 'account.changePassword'],
    ['/konto/zugangsschluessel', 'account.tokens'],
  ];
  const network: [string, MessageKey][] = [
    ['/vernetzung', 'account.partnering'],
    ['/konto/organisationen', 'account.organisations'],
    ['/akteure/neu', 'account.createActor'],
  ];
  // Coordinators (and admins) curate the directory: the pages are linked only here.
  const coordination: [string, MessageKey][] = [
    ['/akteure/pruefung', 'account.review'],
    ['/akteure/vokabular', 'account.vocabulary'],
    ['/akteure/import', 'account.import'],
    ['/akteure/export', 'account.export'],
  ];
  return {
    title: t('account.title'),
    body: (
      <div class="qn-stack">
        <h1 class="kern-heading-large">{t('account.title')}</h1>
        {notice && <Alert kind="success" title={t(notices[notice])} />}
        <section aria-labelledby="angaben">
          <h2 class="kern-heading-medium" id="angaben">
            {t('account.details')}
          </h2>
          <dl class="kern-description-list">
            <Fact term={t('field.name')}>{account.name}</Fact>
            <Fact term={t('field.email')}>{account.email}</Fact>
            <Fact term={t('account.role')}>{t(`role.${account.role}`)}</Fact>
            <Fact term={t('account.locale')}>{t(`locale.${account.locale}`)}</Fact>
            <Fact term={t('account.memberSince')}>{formatDate(view.locale, account.createdAt)}</Fact>
          </dl>
        </section>
        <section aria-labelledby="einstellungen">
          <h2 class="kern-heading-medium" id="einstellungen">
            {t('account.settings')}
          </h2>
          <Links view={view} links={settings} />
        </section>
        <section aria-labelledby="netzwerk">
          <h2 class="kern-heading-medium" id="netzwerk">
            {t('account.network')}
          </h2>
          <Links view={view} links={network} />
        </section>
        {account.role !== 'member' && (
          <section aria-labelledby="koordination">
            <h2 class="kern-heading-medium" id="koordination">
              {t('account.coordination')}
            </h2>
            <Links view={view} links={coordination} />
          </section>
        )}
        <section aria-labelledby="geraete">
          <h2 class="kern-heading-medium" id="geraete">
            {t('account.sessions')}
          </h2>
          <p class="kern-body">{t('account.sessionCount', { count: account.activeSessions })}</p>
          <p class="kern-body kern-body--small">{t('account.logoutEverywhereHint')}</p>
          <Form action={link('/konto/abmelden-ueberall')} csrf={view.csrf}>
            <Button kind="secondary">{t('account.logoutEverywhere')}</Button>
          </Form>
        </section>
        <section aria-labelledby="daten">
          <h2 class="kern-heading-medium" id="daten">
            {t('account.data')}
          </h2>
          <ul class="kern-list">
            <li>
              <a class="kern-link" href={link('/konto/meine-daten.json')} download="meine-daten.json">
                {t('account.download')}
              </a>
            </li>
            <li>
              <a class="kern-link" href={link('/konto/loeschen')}>
                {t('account.delete')}
              </a>
            </li>
          </ul>
        </section>
      </div>
    ),
  };
}

function Links(props: { view: ViewContext; links: [string, MessageKey][] }) {
  const t = texts(props.view.locale);
  return (
    <ul class="kern-list">
      {props.links.map(([path, label]) => (
        <li key={path}>
          <a class="kern-link" href={localePath(props.view.locale, path)}>
            {t(label)}
          </a>
        </li>
      ))}
    </ul>
  );
}

export function profileView(view: ViewContext, state: FormState): View {
  const t = texts(view.locale);
  return {
    title: t('profile.title'),
    body: (
      <FormPage
        view={view}
        title={t('profile.title')}
        action="/konto/profil"
        state={state}
        labels={{ name: 'field.name', locale: 'field.locale' }}
        after={<PageLink locale={view.locale} path="/konto">{t('cancel')}</PageLink>}
      >
        <Field name="name" label={t('field.name')} hint={t('field.name.hint')} value={state.values.name} error={state.errors.name} autocomplete="name" required maxLength={NAME_MAX} />
        <Select
          name="locale"
          label={t('field.locale')}
          value={state.values.locale}
          error={state.errors.locale}
          options={[
            { value: 'de', label: t('locale.de') },
            { value: 'en', label: t('locale.en') },
          ]}
        />
        <Button>{t('profile.submit')}</Button>
      </FormPage>
    ),
  };
}
