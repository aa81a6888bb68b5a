import { berlinParts } from '../../../platform/berlin-time.js';
import type { Locale } from '../../../platform/i18n/index.js';

/** A format's time as people read it: "Do., 12. Juni 2025, 09:30–16:00 Uhr", across days with both dates. */

const day: Record<Locale, Intl.DateTimeFormat> = {
  de: new Intl.DateTimeFormat('de-DE', { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Berlin' }),
  en: new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Berlin' }),
};
const time: Record<Locale, Intl.DateTimeFormat> = {
  de: new Intl.DateTimeFormat('de-DE', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Berlin' }),
  en: new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Berlin' }),
};
const month: Record<Locale, Intl.DateTimeFormat> = {
  de: new Intl.DateTimeFormat('de-DE', { month: 'long', year: 'numeric', timeZone: 'Europe/Berlin' }),
  en: new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'Europe/Berlin' }),
};

const sameDay = (a: Date, b: Date) => {
  const x = berlinParts(a);
  const y = berlinParts(b);
  return x.year === y.year && x.month === y.month && x.day === y.day;
};

export function formatWhen(locale: Locale, startsAt: Date, endsAt: Date): string {
  const suffix = locale === 'de' ? ' Uhr' : '';
  if (sameDay(startsAt, endsAt)) return `${day[locale].format(startsAt)}, ${time[locale].format(startsAt)}–${time[locale].format(endsAt)}${suffix}`;
  return `${day[locale].format(startsAt)}, ${time[locale].format(startsAt)}${suffix} – ${day[locale].format(endsAt)}, ${time[locale].format(endsAt)}${suffix}`;
}

export function formatDay(locale: Locale, date: Date): string {
  return day[locale].format(date);
}

export function formatTime(locale: Locale, date: Date): string {
  return time[locale].format(date);
}

/** "Juni 2025" */
export function formatMonth(locale: Locale, date: Date): string {
  return month[locale].format(date);
}
