import type { AuditEntry } from '../../../platform/audit.js';
import { translator, type Locale } from '../../../platform/i18n/index.js';
import type { FeedbackEntry } from '../../pages/service.js';
import { messages } from '../messages.js';
import type { Page } from '../service.js';
import { AdminNav, Cell, Pagination, Table, When, auditAction } from './parts.js';

export function AuditPage(props: { locale: Locale; entries: Page<AuditEntry> }) {
  const { locale, entries } = props;
  const t = translator(messages, locale);
  return (
    <>
      <AdminNav locale={locale} current="audit" />
      <h1 class="kern-heading-large">{t('audit.title')}</h1>
      {entries.total === 0 ? (
        <p class="kern-body">{t('audit.none')}</p>
      ) : (
        <Table caption={t('audit.caption', { count: entries.total })} headers={[t('audit.when'), t('audit.actor'), t('audit.action'), t('audit.subject')]}>
          {entries.items.map((e) => (
            <tr key={e.id} class="kern-table__row">
              <Cell header>
                <When locale={locale} date={e.createdAt} />
              </Cell>
              <Cell>{e.actorLabel}</Cell>
              <Cell>{auditAction(locale, e)}</Cell>
              <Cell>{e.subjectLabel ?? '–'}</Cell>
            </tr>
          ))}
        </Table>
      )}
      <Pagination locale={locale} page={entries} path="/admin/protokoll" />
    </>
  );
}

export function FeedbackPage(props: { locale: Locale; feedback: Page<FeedbackEntry> }) {
  const { locale, feedback } = props;
  const t = translator(messages, locale);
  return (
    <>
      <AdminNav locale={locale} current="feedback" />
      <h1 class="kern-heading-large">{t('feedback.title')}</h1>
      {feedback.total === 0 ? (
        <p class="kern-body">{t('feedback.none')}</p>
      ) : (
        <Table caption={t('feedback.caption', { count: feedback.total })} headers={[t('feedback.received'), t('feedback.sender'), t('feedback.page'), t('feedback.message')]}>
          {feedback.items.map((f) => (
            <tr key={f.id} class="kern-table__row">
              <Cell header>
                <When locale={locale} date={f.createdAt} />
              </Cell>
              <Cell>
                {f.name ?? t('feedback.anonymous')}
                {f.email && (
                  <>
                    <br />
                    <a class="kern-link" href={`mailto:${f.email}`}>
                      {f.email}
                    </a>
                  </>
                )}
              </Cell>
              <Cell>{f.pageUrl ?? '–'}</Cell>
              <Cell>
                <span class="qn-pre-line">{f.message}</span>
              </Cell>
            </tr>
          ))}
        </Table>
      )}
      <Pagination locale={locale} page={feedback} path="/admin/rueckmeldungen" />
    </>
  );
}
