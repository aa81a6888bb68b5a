import { berlinParts, fromBerlin } from '../../../platform/berlin-time.js';
import { localePath, translator, type Locale } from '../../../platform/i18n/index.js';
import { formatLabels, messages, type MessageKey } from '../messages.js';
import type { FormatSummary } from '../present.js';
import { FilterForm, FormatsSubnav, listQuery, SubscribeLinks } from './list-page.js';
import { formatMonth, formatTime } from './when.js';

/** /formate/kalender: a month as a table of weeks (rows) and weekdays (columns), each day with its formats. */

export interface CalendarView {
  /** "2025-06" */
  month: string;
  filters: Record<string, string>;
  filterErrors?: Record<string, string>;
  items: FormatSummary[];
  coordinator: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');

function shiftMonth(month: string, by: number): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (number - 1) + by;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}

/** ISO week number of a calendar date. */
function isoWeek(year: number, month: number, day: number): number {
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const firstDay = new Date(Date.UTC(date.getUTCFullYear(), 0, 1));
  return Math.ceil(((date.getTime() - firstDay.getTime()) / 86_400_000 + 1) / 7);
}

export function CalendarPage(props: { locale: Locale; view: CalendarView }) {
  const { locale, view } = props;
  const t = translator(messages, locale);
  const labels = formatLabels(locale);
  const [year, month] = view.month.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(year, month - 1, 1));
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7;
  const byDay = new Map<number, FormatSummary[]>();
  for (const item of view.items) {
    const day = berlinParts(item.startsAt).day;
    byDay.set(day, [...(byDay.get(day) ?? []), item]);
  }
  const weeks: (number | null)[][] = [];
  for (let cell = 0; cell < lead + daysInMonth; cell += 7) {
    weeks.push(Array.from({ length: 7 }, (_, i) => (cell + i - lead >= 0 && cell + i - lead < daysInMonth ? cell + i - lead + 1 : null)));
  }
  const monthName = formatMonth(locale, fromBerlin(year, month, 15));
  const link = (m: string) => localePath(locale, `/formate/kalender${listQuery(view.filters, { monat: m })}`);
  return (
    <div class="qn-stack">
      <h1 class="kern-heading-large">{t('calendar.title', { month: monthName })}</h1>
      <FormatsSubnav locale={locale} current="calendar" />
      <FilterForm locale={locale} action="/formate/kalender" filters={view.filters} errors={view.filterErrors} coordinator={view.coordinator} keep={{ monat: view.month }} />
      <nav aria-label={t('calendar.title', { month: monthName })}>
        <ul class="qn-chips">
          <li>
            <a class="kern-link" href={link(shiftMonth(view.month, -1))} rel="prev">
              {t('calendar.previous')}
            </a>
          </li>
          <li>
            <a class="kern-link" href={link(shiftMonth(view.month, 1))} rel="next">
              {t('calendar.next')}
            </a>
          </li>
          <li>
            <a class="kern-link" href={localePath(locale, `/formate${listQuery(view.filters, { monat: view.month, zeitraum: 'alle' })}`)}>
              {t('calendar.list')}
            </a>
          </li>
        </ul>
      </nav>
      {view.items.length === 0 && <p class="kern-body">{t('calendar.none')}</p>}
      <div class="qn-table-wrap">
        <table class="kern-table qn-calendar">
          <caption class="kern-title">{t('calendar.caption', { month: monthName })}</caption>
          <thead class="kern-table__head">
            <tr class="kern-table__row">
              <td class="kern-table__cell"></td>
              {[1, 2, 3, 4, 5, 6, 7].map((d) => (
                <th key={d} scope="col" class="kern-table__header">
                  {t(`weekday.${d}` as MessageKey)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody class="kern-table__body">
            {weeks.map((week) => {
              const firstDay = week.find((d) => d !== null)!;
              return (
                <tr key={firstDay} class="kern-table__row">
                  <th scope="row" class="kern-table__header">
                    {t('calendar.week', { week: isoWeek(year, month, firstDay) })}
                  </th>
                  {week.map((day, i) => (
                    <td key={i} class="kern-table__cell">
                      {day !== null && (
                        <>
                          <span class="qn-calendar__day">{day}</span>
                          {(byDay.get(day) ?? []).length > 0 && (
                            <ul class="qn-calendar__items">
                              {byDay.get(day)!.map((item) => (
                                <li key={item.id}>
                                  <a class="kern-link" href={localePath(locale, `/formate/${encodeURIComponent(item.slug)}`)}>
                                    {`${formatTime(locale, item.startsAt)} ${item.title}`}
                                  </a>
                                  <span class="kern-body kern-body--small">{` (${labels.kind(item.kind)}${item.status === 'cancelled' ? `, ${labels.status('cancelled')}` : ''})`}</span>
                                </li>
                              ))}
                            </ul>
                          )}
                        </>
                      )}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <SubscribeLinks locale={locale} kind={view.filters.art} />
    </div>
  );
}
