import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { berlinDateTimeProperty, formatUtcDateTime } from './europe-berlin.js';

const dtstart = (iso: string) => berlinDateTimeProperty('DTSTART', new Date(iso));

// The reference: Node's tzdata through Intl, created once (a formatter per call is slow).
const intlBerlin = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Berlin',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZoneName: 'shortOffset',
});

function intlLocal(instant: Date): { local: string; offset: string } {
  const part = Object.fromEntries(intlBerlin.formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    local: `${part.year}${part.month}${part.day}T${part.hour}${part.minute}${part.second}`,
    offset: part.timeZoneName ?? '',
  };
}

describe('berlinDateTimeProperty', () => {
  it('switches to summer time at 01:00 UTC on the last Sunday of March', () => {
    expect(dtstart('2025-03-30T00:59:59Z')).toBe('DTSTART;TZID=Europe/Berlin:20250330T015959');
    expect(dtstart('2025-03-30T01:00:00Z')).toBe('DTSTART;TZID=Europe/Berlin:20250330T030000');
  });

  it('switches back at 01:00 UTC on the last Sunday of October', () => {
    expect(dtstart('2025-10-26T00:00:00Z')).toBe('DTSTART:20251026T000000Z');
    expect(dtstart('2025-10-25T23:59:59Z')).toBe('DTSTART;TZID=Europe/Berlin:20251026T015959');
    expect(dtstart('2025-10-26T02:00:00Z')).toBe('DTSTART;TZID=Europe/Berlin:20251026T030000');
  });

  it('writes the repeated October hour in UTC, both passes of it', () => {
    expect(dtstart('2025-10-26T00:59:00Z')).toBe('DTSTART:20251026T005900Z');
    expect(dtstart('2025-10-26T01:00:00Z')).toBe('DTSTART:20251026T010000Z');
    expect(dtstart('2025-10-26T01:59:59Z')).toBe('DTSTART:20251026T015959Z');
  });

  it('uses the last Sunday also when the month ends on a Sunday', () => {
    // 31 March 2024 and 31 October 2027 are Sundays.
    expect(dtstart('2024-03-31T01:00:00Z')).toBe('DTSTART;TZID=Europe/Berlin:20240331T030000');
    expect(dtstart('2027-10-31T02:00:00Z')).toBe('DTSTART;TZID=Europe/Berlin:20271031T030000');
    expect(dtstart('2027-10-30T12:00:00Z')).toBe('DTSTART;TZID=Europe/Berlin:20271030T140000');
  });

  it('agrees with the tz database at any second from 1996 to 2100', () => {
    const instants = fc.date({ min: new Date('1996-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true });
    fc.assert(
      fc.property(instants, (instant) => {
        const property = berlinDateTimeProperty('DTSTART', instant);
        const { local, offset } = intlLocal(instant);
        if (property.endsWith('Z')) {
          // Only the hour that the clocks show twice: 02:xx local on the switch back.
          expect(local.slice(4, 6)).toBe('10');
          expect(local.slice(9, 11)).toBe('02');
        } else {
          expect(property).toBe(`DTSTART;TZID=Europe/Berlin:${local}`);
        }
        expect(['GMT+1', 'GMT+2']).toContain(offset);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses dates before the summer-time rule of the VTIMEZONE and invalid dates', () => {
    expect(() => dtstart('1995-12-31T12:00:00Z')).toThrow(RangeError);
    expect(() => berlinDateTimeProperty('DTSTART', new Date('nonsense'))).toThrow(RangeError);
  });
});

describe('formatUtcDateTime', () => {
  it('writes UTC with Z and drops milliseconds', () => {
    expect(formatUtcDateTime(new Date('2025-03-30T01:02:03.999Z'))).toBe('20250330T010203Z');
    expect(formatUtcDateTime(new Date('2025-12-31T23:59:59Z'))).toBe('20251231T235959Z');
  });
});
