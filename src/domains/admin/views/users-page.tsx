import type { Role } from '../../../platform/context.js';
import { localePath, translator, type Locale } from '../../../platform/i18n/index.js';
import { Alert, Button, Field, Form, Select } from '../../../platform/layout/components.js';
import { messages } from '../messages.js';
import { roles, type AdminUser, type Page } from '../service.js';
import { AdminNav, Cell, Pagination, Table, When } from './parts.js';

export interface UsersFilter {
  search?: string;
  role?: Role;
}

export function UsersPage(props: { locale: Locale; users: Page<AdminUser>; filter: UsersFilter; deleted: boolean }) {
  const { locale, users, filter } = props;
  const t = translator(messages, locale);
  const path = '/admin/benutzer';
  return (
    <>
      <AdminNav locale={locale} current="users" />
      <h1 class="kern-heading-large">{t('users.title')}</h1>
      {props.deleted && <Alert kind="success" title={t('status.deleted')} />}
      <Form action={localePath(locale, path)} method="get" csrf="" class="qn-filter">
        <Field name="q" type="search" label={t('users.search')} value={filter.search} maxLength={200} />
        <Select
          name="role"
          label={t('users.role')}
          value={filter.role ?? ''}
          options={[{ value: '', label: t('users.allRoles') }, ...roles.map((r) => ({ value: r, label: t(`role.${r}`) }))]}
        />
        <div class="qn-actions">
          <Button kind="secondary">{t('users.filter')}</Button>
          {(filter.search || filter.role) && (
            <a class="kern-link" href={localePath(locale, path)}>
              {t('users.reset')}
            </a>
          )}
        </div>
      </Form>
      {users.total === 0 ? (
        <p class="kern-body">{t('users.none')}</p>
      ) : (
        <Table caption={t('users.caption', { count: users.total })} headers={[t('users.name'), t('users.email'), t('users.role'), t('users.verified'), t('users.created')]}>
          {users.items.map((u) => (
            <tr key={u.id} class="kern-table__row">
              <Cell header>
                <a class="kern-link" href={localePath(locale, `${path}/${u.id}`)}>
                  {u.name}
                </a>
              </Cell>
              <Cell>{u.email}</Cell>
              <Cell>{t(`role.${u.role}`)}</Cell>
              <Cell>{u.verified ? t('users.yes') : t('users.no')}</Cell>
              <Cell>
                <When locale={locale} date={u.createdAt} />
              </Cell>
            </tr>
          ))}
        </Table>
      )}
      <Pagination locale={locale} page={users} path={path} params={{ q: filter.search, role: filter.role }} />
    </>
  );
}
