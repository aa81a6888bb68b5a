/**
 * Wall-clock time in Germany (Europe/Berlin) without Intl: the EU rule since 1996 switches to summer
 * time (UTC+2) on the last Sunday of March at 01:00 UTC and back (UTC+1) on the last Sunday of October
 * at 01:00 UTC. Forms give local times; the database keeps instants; calendars want both.
 */

const MINUTE_MS = 60_000;

function lastSundayUtc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

const summerTimes = new Map<number, readonly [number, number]>();

/** A year's summer time as [start, end) in epoch ms (cached: calendar feeds ask for thousands of dates). */
export function summerTime(year: number): readonly [number, number] {
  let range = summerTimes.get(year);
  if (!range) {
    range = [lastSundayUtc(year, 2), lastSundayUtc(year, 9)];
    summerTimes.set(year, range);
  }
  return range;
}

/** Minutes ahead of UTC at this instant: 120 in summer, 60 in winter. */
export function berlinOffsetMinutes(instant: Date | number): number {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  const [start, end] = summerTime(new Date(ms).getUTCFullYear());
  return ms >= start && ms < end ? 120 : 60;
}

export interface BerlinParts {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function berlinParts(instant: Date): BerlinParts {
  const local = new Date(instant.getTime() + berlinOffsetMinutes(instant) * MINUTE_MS);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2025-06-12T09:30": the value of an `<input type="datetime-local">`. */
export function berlinLocalString(instant: Date): string {
  const p = berlinParts(instant);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** "2025-06" of the instant in Germany: the calendar month it belongs to. */
export function berlinMonth(instant: Date): string {
  const p = berlinParts(instant);
  return `${p.year}-${pad(p.month)}`;
}

/**
 * The instant of a German wall-clock time. A time in the spring gap (02:30 on the day clocks go
 * forward) becomes the same clock reading in summer time (03:30); a time that occurs twice in
 * autumn is taken in summer time, its first occurrence.
 */
export function fromBerlin(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  const local = Date.UTC(year, month - 1, day, hour, minute);
  const summer = local - 120 * MINUTE_MS;
  return new Date(berlinOffsetMinutes(summer) === 120 ? summer : local - 60 * MINUTE_MS);
}

/** "YYYY-MM-DDTHH:MM" (or with a space, or a date alone = midnight) as a German wall-clock time; null when not a real date. */
export function parseBerlinLocal(text: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::00)?)?$/.exec(text.trim());
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map((part) => (part === undefined ? 0 : Number(part))) as [number, number, number, number, number];
  if (year < 1990 || year > 2200 || month < 1 || month > 12 || hour > 23 || minute > 59) return null;
  if (day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return fromBerlin(year, month, day, hour, minute);
}
