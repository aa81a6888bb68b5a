import { localePath, translator, type Locale } from '../../../platform/i18n/index.js';
import { Alert, Button, ErrorSummary, Field, Form, TableHead } from '../../../platform/layout/components.js';
import { modelLabels } from '../../actors/service.js';
import type { Participant, ParticipantList } from '../attendance.js';
import { messages } from '../messages.js';
import { NoticeAlert, type Notice } from './notices.js';
import { formatWhen } from './when.js';

/** For those who run a format: the participant list, printable badges and sign-in sheet, and check-in on a phone. */

function PrintButton(props: { locale: Locale }) {
  // A plain link back is all that works without JavaScript; printing is the browser's own menu.
  const t = translator(messages, props.locale);
  return <p class="kern-body qn-no-print">{t('participants.print')}: Strg+P / ⌘P</p>;
}

function Table(props: { locale: Locale; caption: string; people: Participant[]; csrf: string; path: string; waitlist?: boolean }) {
  const t = translator(messages, props.locale);
  const model = modelLabels(props.locale);
  if (props.people.length === 0) return <p class="kern-body">{t('participants.none')}</p>;
  return (
    <div class="qn-table-wrap">
      <table class="kern-table">
        <caption class="kern-title">{props.caption}</caption>
        <TableHead
          columns={[
            ...(props.waitlist ? [t('participants.position')] : []),
            t('participants.name'),
            t('participants.organisation'),
            t('participants.sector'),
            t('participants.email'),
            ...(props.waitlist ? [] : [t('participants.attended')]),
            { label: t('mine.action'), srOnly: true as const },
          ]}
        />
        <tbody class="kern-table__body">
          {props.people.map((p) => (
            <tr key={p.id} class="kern-table__row">
              {props.waitlist && <td class="kern-table__cell">{p.waitlistPosition}</td>}
              <th scope="row" class="kern-table__header">
                {p.name}
                {!p.member && ` (${t('participants.guest')})`}
              </th>
              <td class="kern-table__cell">{p.organisation ?? '–'}</td>
              <td class="kern-table__cell">{model.sector(p.sector)}</td>
              <td class="kern-table__cell">{p.email}</td>
              {!props.waitlist && <td class="kern-table__cell">{p.attended ? t('participants.yes') : '–'}</td>}
              <td class="kern-table__cell">
                <Form action={localePath(props.locale, `${props.path}/teilnehmende/stornieren`)} csrf={props.csrf}>
                  <input type="hidden" name="anmeldung" value={String(p.id)} />
                  <Button kind="tertiary">{t('participants.cancel', { name: p.name })}</Button>
                </Form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ParticipantsPage(props: { locale: Locale; csrf: string; list: ParticipantList; notice?: Notice; message?: string }) {
  const { locale, list } = props;
  const t = translator(messages, locale);
  const path = `/formate/${list.format.slug}`;
  const link = (suffix: string) => localePath(locale, `${path}${suffix}`);
  return (
    <div class="qn-stack">
      <h1 class="kern-heading-large">{t('participants.title', { title: list.format.title })}</h1>
      <NoticeAlert locale={locale} notice={props.notice} />
      <ErrorSummary errors={undefined} labels={{}} locale={locale} message={props.message} />
      <p class="kern-body">{formatWhen(locale, list.format.starts_at, list.format.ends_at)}</p>
      <ul class="kern-list">
        <li>
          <a class="kern-link" href={link('/anwesenheit')}>
            {t('participants.attendance')}
          </a>
        </li>
        <li>
          <a class="kern-link" href={link('/teilnehmende.csv')} type="text/csv" download>
            {t('participants.csv')}
          </a>
        </li>
        <li>
          <a class="kern-link" href={link('/namensschilder')}>
            {t('participants.badges')}
          </a>
        </li>
        <li>
          <a class="kern-link" href={link('/unterschriften')}>
            {t('participants.signIn')}
          </a>
        </li>
        <li>
          <a class="kern-link" href={link('')}>
            {t('registration.toFormat')}
          </a>
        </li>
      </ul>
      {list.unconfirmed > 0 && <Alert kind="info" title={t('participants.unconfirmed', { count: list.unconfirmed })} />}
      <h2 class="kern-heading-medium">{t('participants.registered', { count: list.registered.length })}</h2>
      <Table locale={locale} caption={t('participants.registered', { count: list.registered.length })} people={list.registered} csrf={props.csrf} path={path} />
      <h2 class="kern-heading-medium">{t('participants.waitlisted', { count: list.waitlisted.length })}</h2>
      <Table locale={locale} caption={t('participants.waitlisted', { count: list.waitlisted.length })} people={list.waitlisted} csrf={props.csrf} path={path} waitlist />
    </div>
  );
}

export function BadgesPage(props: { locale: Locale; list: ParticipantList }) {
  const { locale, list } = props;
  const t = translator(messages, locale);
  const model = modelLabels(locale);
  return (
    <div>
      <h1 class="kern-heading-large qn-no-print">{t('badges.title', { title: list.format.title })}</h1>
      <PrintButton locale={locale} />
      <ul class="qn-badges">
        {list.registered.map((p) => (
          <li key={p.id} class="qn-badge">
            <span class="qn-badge__name">{p.name}</span>
            {p.organisation && <span class="qn-badge__org">{p.organisation}</span>}
            <span class="qn-badge__sector">{model.sector(p.sector)}</span>
            <span class="qn-badge__event">{list.format.title}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function SignInPage(props: { locale: Locale; list: ParticipantList }) {
  const { locale, list } = props;
  const t = translator(messages, locale);
  return (
    <div>
      <h1 class="kern-heading-large">{t('signIn.title', { title: list.format.title })}</h1>
      <p class="kern-body">{formatWhen(locale, list.format.starts_at, list.format.ends_at)}</p>
      <PrintButton locale={locale} />
      <table class="kern-table qn-sign-in">
        <caption class="kern-sr-only">{t('signIn.title', { title: list.format.title })}</caption>
        <TableHead columns={[t('participants.name'), t('participants.organisation'), t('participants.signature')]} />
        <tbody class="kern-table__body">
          {list.registered.map((p) => (
            <tr key={p.id} class="kern-table__row">
              <td class="kern-table__cell">{p.name}</td>
              <td class="kern-table__cell">{p.organisation ?? ''}</td>
              <td class="kern-table__cell qn-sign-in__signature"></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Check-in on a phone: one large button per person, a search to find them; works without JavaScript. */
export function AttendancePage(props: { locale: Locale; csrf: string; list: ParticipantList; search: string; message?: string }) {
  const { locale, list } = props;
  const t = translator(messages, locale);
  const path = `/formate/${list.format.slug}`;
  const needle = props.search.trim().toLowerCase();
  const shown = needle ? list.registered.filter((p) => `${p.name} ${p.organisation ?? ''}`.toLowerCase().includes(needle)) : list.registered;
  return (
    <div class="qn-stack">
      <h1 class="kern-heading-large">{t('attendance.title', { title: list.format.title })}</h1>
      <ErrorSummary errors={undefined} labels={{}} locale={locale} message={props.message} />
      <p class="kern-body" role="status">
        {t('attendance.intro', { attended: list.attended, count: list.registered.length })}
      </p>
      <Form action={localePath(locale, `${path}/anwesenheit`)} method="get" csrf="" class="qn-filter">
        <Field name="suche" type="search" label={t('attendance.search')} value={props.search} />
        <Button kind="secondary">{t('attendance.filter')}</Button>
      </Form>
      <ul class="qn-check-in">
        {shown.map((p) => (
          <li key={p.id} class={`qn-check-in__item${p.attended ? ' qn-check-in__item--present' : ''}`} id={`person-${p.id}`}>
            <div>
              <span class="qn-check-in__name">{p.name}</span>
              {p.organisation && <span class="kern-body kern-body--small">{` · ${p.organisation}`}</span>}
              {p.attended && <span class="kern-body kern-body--small">{` · ${t('attendance.present')}`}</span>}
            </div>
            <Form action={localePath(locale, `${path}/anwesenheit`)} csrf={props.csrf}>
              <input type="hidden" name="anmeldung" value={String(p.id)} />
              <input type="hidden" name="anwesend" value={p.attended ? '0' : '1'} />
              {props.search && <input type="hidden" name="suche" value={props.search} />}
              <Button kind={p.attended ? 'secondary' : 'primary'}>{p.attended ? t('attendance.undo', { name: p.name }) : t('attendance.checkIn', { name: p.name })}</Button>
            </Form>
          </li>
        ))}
      </ul>
      <p class="kern-body kern-body--small">{t('attendance.ties')}</p>
      <p class="kern-body">
        <a class="kern-link" href={localePath(locale, `${path}/teilnehmende`)}>
          {t('participants.title', { title: list.format.title })}
        </a>
      </p>
    </div>
  );
}
