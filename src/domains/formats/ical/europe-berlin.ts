/**
 * Europe/Berlin as the calendar files describe it: one VTIMEZONE with the EU summer-time rule, and
 * the conversion of instants to local times by that same rule.
 *
 * The conversion is arithmetic (platform/berlin-time.ts) rather than Intl on purpose: a client turns DTSTART;TZID back into
 * an instant with the VTIMEZONE we publish, so our local times must follow exactly the rule written
 * there (not whatever tzdata Node ships), and it is fast enough for feeds of thousands of events.
 * The rule holds since 1996; should the EU abolish summer time, both halves change together here.
 */

import { summerTime } from '../../../platform/berlin-time.js';

export const BERLIN_TZID = 'Europe/Berlin';

// From the rule's first year; the last keeps local times of the final night within four digits.
const FIRST_YEAR = 1996;
const LAST_YEAR = 9998;

/** DTSTART values are the first onsets of the rule (31 March and 27 October 1996 were Sundays). */
export const BERLIN_VTIMEZONE: readonly string[] = [
  'BEGIN:VTIMEZONE',
  `TZID:${BERLIN_TZID}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19960331T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19961027T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

const HOUR = 3_600_000;

/**
 * A DATE-TIME property (DTSTART, DTEND) for an instant: Berlin local time with TZID. Readers
 * disagree about the hour that Berlin's clocks show twice each October (RFC 5545 §3.3.5 means its
 * first pass, ical.js takes the second), so an instant in that hour is written in UTC instead.
 */
export function berlinDateTimeProperty(name: string, instant: Date): string {
  const ms = checked(instant);
  const [start, end] = summerTime(instant.getUTCFullYear());
  if (ms >= end - HOUR && ms < end + HOUR) return `${name}:${formatFields(instant)}Z`;
  const offset = ms >= start && ms < end ? 2 * HOUR : HOUR;
  return `${name};TZID=${BERLIN_TZID}:${formatFields(new Date(ms + offset))}`;
}

/** An instant as an iCalendar UTC DATE-TIME: `20250330T010000Z`. */
export function formatUtcDateTime(instant: Date): string {
  checked(instant);
  return `${formatFields(instant)}Z`;
}

function checked(instant: Date): number {
  const year = instant.getUTCFullYear();
  if (!(year >= FIRST_YEAR && year <= LAST_YEAR)) throw new RangeError(`date outside ${FIRST_YEAR}–${LAST_YEAR}: ${String(instant)}`);
  return instant.getTime();
}

const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));

/** The UTC fields of a date, seconds precision (iCalendar has no fractions); the year has 4 digits by checked(). */
function formatFields(date: Date): string {
  const d = TWO_DIGITS;
  return `${date.getUTCFullYear()}${d[date.getUTCMonth() + 1]}${d[date.getUTCDate()]}T${d[date.getUTCHours()]}${d[date.getUTCMinutes()]}${d[date.getUTCSeconds()]}`;
}
