import { localePath, translator, type Locale } from '../../../platform/i18n/index.js';
import { messages } from '../messages.js';
import { roles, type getOverview } from '../service.js';
import { AdminNav, Cell, Table } from './parts.js';

type Overview = Awaited<ReturnType<typeof getOverview>>;

export function OverviewPage(props: { locale: Locale; overview: Overview }) {
  const { locale, overview: o } = props;
  const t = translator(messages, locale);
  const link = (path: string, text: string) => (
    <a class="kern-link" href={localePath(locale, path)}>
      {text}
    </a>
  );
  return (
    <>
      <AdminNav locale={locale} current="overview" />
      <h1 class="kern-heading-large">{t('overview.title')}</h1>
      <p class="kern-body">{t('overview.intro')}</p>
      <ul class="kern-list kern-list--bullet">
        <li>{link('/admin/benutzer', t('overview.usersCount', { count: o.users }))}</li>
        <li>{link('/admin/postausgang', t('overview.outboxCount', { count: o.outbox }))}</li>
        <li>{link('/admin/protokoll', t('overview.auditCount', { count: o.audit }))}</li>
        <li>{link('/admin/rueckmeldungen', t('overview.feedbackCount', { count: o.feedback }))}</li>
      </ul>
      <h2 class="kern-heading-medium">{t('overview.users')}</h2>
      <Table caption={t('overview.byRole')} headers={[t('overview.role'), t('overview.count')]}>
        {roles.map((role) => (
          <tr key={role} class="kern-table__row">
            <Cell header>
              <a class="kern-link" href={`${localePath(locale, '/admin/benutzer')}?role=${role}`}>
                {t(`role.${role}`)}
              </a>
            </Cell>
            <td class="kern-table__cell kern-table__cell--numeric">{o.byRole[role]}</td>
          </tr>
        ))}
      </Table>
    </>
  );
}
