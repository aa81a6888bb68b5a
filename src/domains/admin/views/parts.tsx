import type { ComponentChildren } from 'preact';
import { formatDateTime, localePath, translator, type Locale } from '../../../platform/i18n/index.js';
import type { AuditEntry } from '../../../platform/audit.js';
import type { Role } from '../../../platform/context.js';
import { Pager } from '../../../platform/layout/components.js';
import { messages } from '../messages.js';
import { roles, type Page } from '../service.js';

type Section = 'overview' | 'users' | 'outbox' | 'audit' | 'feedback';

const sections: { key: Section; path: string }[] = [
  { key: 'overview', path: '/admin' },
  { key: 'users', path: '/admin/benutzer' },
  { key: 'outbox', path: '/admin/postausgang' },
  { key: 'audit', path: '/admin/protokoll' },
  { key: 'feedback', path: '/admin/rueckmeldungen' },
];

/** The admin area's own navigation, above each admin page's heading. */
export function AdminNav(props: { locale: Locale; current: Section; exact?: boolean }) {
  const t = translator(messages, props.locale);
  return (
    <nav aria-label={t('nav.label')} class="qn-subnav">
      <ul class="kern-list kern-list--horizontal">
        {sections.map((s) => (
          <li key={s.key}>
            <a class="kern-link" href={localePath(props.locale, s.path)} aria-current={s.key === props.current ? (props.exact === false ? 'true' : 'page') : undefined}>
              {t(`nav.${s.key}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Previous / next links that keep the current filters. */
export function Pagination(props: { locale: Locale; page: Page<unknown>; path: string; params?: Record<string, string | undefined> }) {
  const href = (target: number) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(props.params ?? {})) if (value) search.set(key, value);
    if (target > 1) search.set('page', String(target));
    const query = search.toString();
    return localePath(props.locale, props.path) + (query ? `?${query}` : '');
  };
  return <Pager locale={props.locale} label={translator(messages, props.locale)('pagination.label')} page={props.page.page} pages={props.page.pages} href={href} />;
}

export function When(props: { locale: Locale; date: Date }) {
  return <time dateTime={props.date.toISOString()}>{formatDateTime(props.locale, props.date)}</time>;
}

/** A table with caption and the KERN classes; header cells get scope="col". */
export function Table(props: { caption: string; headers: string[]; children: ComponentChildren }) {
  return (
    <div class="qn-table-wrap">
      <table class="kern-table kern-table--small">
        <caption class="kern-title">{props.caption}</caption>
        <thead>
          <tr class="kern-table__row">
            {props.headers.map((h) => (
              <th key={h} scope="col" class="kern-table__header">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="kern-table__body">{props.children}</tbody>
      </table>
    </div>
  );
}

export function Cell(props: { children: ComponentChildren; header?: boolean }) {
  return props.header ? (
    <th scope="row" class="kern-table__header">
      {props.children}
    </th>
  ) : (
    <td class="kern-table__cell">{props.children}</td>
  );
}

/** "Role changed: Member → Administrator" and the like, for the audit log and the user page. */
export function auditAction(locale: Locale, entry: AuditEntry): string {
  const t = translator(messages, locale);
  const label = t(`audit.action.${entry.action}`);
  const { from, to } = entry.details;
  if (entry.action === 'user.role_changed' && isRole(from) && isRole(to)) return `${label}: ${t('audit.roleChange', { from: t(`role.${from}`), to: t(`role.${to}`) })}`;
  return label;
}

const isRole = (value: unknown): value is Role => roles.includes(value as Role);
