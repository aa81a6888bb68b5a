import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { berlinLocalString, berlinOffsetMinutes, berlinParts, fromBerlin, parseBerlinLocal } from './berlin-time.js';

const intl = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const viaIntl = (date: Date) => {
  const p = Object.fromEntries(intl.formatToParts(date).map((part) => [part.type, part.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
};

describe('Berlin wall-clock time', () => {
  it('switches at 01:00 UTC on the last Sundays of March and October', () => {
    expect(berlinOffsetMinutes(new Date('2025-03-30T00:59:59Z'))).toBe(60);
    expect(berlinOffsetMinutes(new Date('2025-03-30T01:00:00Z'))).toBe(120);
    expect(berlinOffsetMinutes(new Date('2025-10-26T00:59:59Z'))).toBe(120);
    expect(berlinOffsetMinutes(new Date('2025-10-26T01:00:00Z'))).toBe(60);
    expect(berlinLocalString(new Date('2025-03-30T01:00:00Z'))).toBe('2025-03-30T03:00');
  });

  it('agrees with the time-zone database for any instant 1996–2100', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1996-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }), (date) => {
        expect(berlinLocalString(date)).toBe(viaIntl(date));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads a local time back to its instant, across both switches', () => {
    expect(parseBerlinLocal('2025-06-12T09:30')?.toISOString()).toBe('2025-06-12T07:30:00.000Z');
    expect(parseBerlinLocal('2025-01-12 09:30')?.toISOString()).toBe('2025-01-12T08:30:00.000Z');
    expect(parseBerlinLocal('2025-03-30T02:30')?.toISOString()).toBe('2025-03-30T01:30:00.000Z');
    expect(parseBerlinLocal('2025-10-26T02:30')?.toISOString()).toBe('2025-10-26T00:30:00.000Z');
    fc.assert(
      fc.property(fc.date({ min: new Date('1996-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }), (date) => {
        const p = berlinParts(date);
        const back = fromBerlin(p.year, p.month, p.day, p.hour, p.minute);
        expect(berlinLocalString(back)).toBe(berlinLocalString(date));
      }),
    );
  });

  it('refuses what is no date', () => {
    for (const text of ['2025-02-29T10:00', '2025-13-01T10:00', '2025-01-01T24:00', '12.06.2025', '', '2025-06-12T9:30', '1800-01-01']) {
      expect(parseBerlinLocal(text), text).toBeNull();
    }
  });
});
