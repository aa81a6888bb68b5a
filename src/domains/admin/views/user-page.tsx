import { localePath, translator, type Locale } from '../../../platform/i18n/index.js';
import { Alert, Button, Fact, Form, Select } from '../../../platform/layout/components.js';
import { messages, type AdminMessageKey } from '../messages.js';
import { roles, type AdminUserDetail } from '../service.js';
import { AdminNav, When, auditAction } from './parts.js';

/** What the page reports after an action: a redirect's status, or an outcome that was refused. */
export type UserNotice = 'role-changed' | 'role-unchanged' | 'last-admin' | 'unconfirmed';

const notices: Record<UserNotice, { kind: 'success' | 'info' | 'danger'; key: AdminMessageKey }> = {
  'role-changed': { kind: 'success', key: 'status.roleChanged' },
  'role-unchanged': { kind: 'info', key: 'status.roleUnchanged' },
  'last-admin': { kind: 'danger', key: 'user.lastAdmin' },
  unconfirmed: { kind: 'danger', key: 'user.deleteUnconfirmed' },
};

export function UserPage(props: { locale: Locale; user: AdminUserDetail; csrf: string; notice?: UserNotice }) {
  const { locale, user } = props;
  const t = translator(messages, locale);
  const base = localePath(locale, `/admin/benutzer/${user.id}`);
  const notice = props.notice ? notices[props.notice] : undefined;
  const unconfirmed = props.notice === 'unconfirmed';
  return (
    <>
      <AdminNav locale={locale} current="users" exact={false} />
      <h1 class="kern-heading-large">{t('user.title', { name: user.name })}</h1>
      {notice &&
        (notice.kind === 'danger' ? (
          <Alert kind="danger" role="alert" title={t('status.failed')}>
            <p class="kern-body">{t(notice.key)}</p>
          </Alert>
        ) : (
          <Alert kind={notice.kind} title={t(notice.key)} />
        ))}

      <h2 class="kern-heading-medium">{t('user.details')}</h2>
      <dl class="kern-description-list">
        <Fact term={t('users.name')}>{user.name}</Fact>
        <Fact term={t('users.email')}>{user.email}</Fact>
        <Fact term={t('users.role')}>{t(`role.${user.role}`)}</Fact>
        <Fact term={t('user.locale')}>{t(`locale.${user.locale}`)}</Fact>
        <Fact term={t('users.verified')}>{user.verifiedAt ? <When locale={locale} date={user.verifiedAt} /> : t('user.notVerified')}</Fact>
        <Fact term={t('users.created')}>
          <When locale={locale} date={user.createdAt} />
        </Fact>
        <Fact term={t('user.updated')}>
          <When locale={locale} date={user.updatedAt} />
        </Fact>
        <Fact term={t('user.sessions')}>{user.activeSessions}</Fact>
      </dl>

      <h2 class="kern-heading-medium">{t('user.changeRole')}</h2>
      <Form action={`${base}/rolle`} csrf={props.csrf} class="qn-form">
        <p class="kern-body">{t('user.changeRoleHint')}</p>
        <Select name="role" label={t('user.newRole')} value={user.role} options={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        <Button>{t('user.saveRole')}</Button>
      </Form>

      <h2 class="kern-heading-medium">{t('user.delete')}</h2>
      <Form action={`${base}/loeschen`} csrf={props.csrf} class="qn-form">
        <p class="kern-body">{t('user.deleteHint')}</p>
        <div class={`kern-form-check${unconfirmed ? ' kern-form-check--error' : ''}`}>
          <input
            class={`kern-form-check__checkbox${unconfirmed ? ' kern-form-check__checkbox--error' : ''}`}
            type="checkbox"
            id="feld-confirm"
            name="confirm"
            value="yes"
            aria-invalid={unconfirmed ? 'true' : undefined}
          />
          <label class="kern-label" for="feld-confirm">
            {t('user.deleteConfirm')}
          </label>
        </div>
        <Button kind="secondary">{t('user.deleteButton')}</Button>
      </Form>

      {user.history.length > 0 && (
        <>
          <h2 class="kern-heading-medium">{t('user.history')}</h2>
          <ul class="kern-list kern-list--bullet">
            {user.history.map((entry) => (
              <li key={entry.id}>
                <When locale={locale} date={entry.createdAt} /> – {auditAction(locale, entry)} ({entry.actorLabel})
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <a class="kern-link" href={localePath(locale, '/admin/benutzer')}>
          {t('user.back')}
        </a>
      </p>
    </>
  );
}
