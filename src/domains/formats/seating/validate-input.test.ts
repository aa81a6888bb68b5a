import { describe, expect, it } from 'vitest';
import { planSeating } from './plan-seating.js';
import type { SeatingInput } from './types.js';
import { SeatingInputError, type SeatingErrorCode } from './validate-input.js';

const people = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `p${i}`, sector: i % 2 ? 'welfare' : 'municipality' }));
const event = (overrides: Partial<SeatingInput> = {}): SeatingInput => ({ people: people(8), tables: 2, rounds: 2, ...overrides });

function codeOf(input: SeatingInput): string {
  try {
    planSeating(input);
  } catch (error) {
    expect(error).toBeInstanceOf(SeatingInputError);
    return (error as SeatingInputError).code;
  }
  return 'no error';
}

describe('validateSeatingInput', () => {
  const cases: [string, Partial<SeatingInput>, SeatingErrorCode][] = [
    ['more people than the sane maximum', { people: people(2001), tables: 300 }, 'seating.event_too_large'],
    ['a person twice', { people: [...people(3), { id: 'p0', sector: null }] }, 'seating.duplicate_person'],
    ['no rounds', { rounds: 0 }, 'seating.rounds_out_of_range'],
    ['too many rounds', { rounds: 13 }, 'seating.rounds_out_of_range'],
    ['half a round', { rounds: 1.5 }, 'seating.rounds_out_of_range'],
    ['no tables', { tables: 0 }, 'seating.tables_out_of_range'],
    ['a size for each table but one', { tables: 3, tableSizes: [4, 4] }, 'seating.table_sizes_invalid'],
    ['a negative table size', { tableSizes: [10, -1] }, 'seating.table_sizes_invalid'],
    ['more people than seats', { tableSizes: [4, 3] }, 'seating.too_many_people'],
    ['a tie to nobody', { knownPairs: [['p0', 'nobody']] }, 'seating.unknown_person'],
    ['a pin for nobody', { pins: [{ personId: 'nobody', round: 0, table: 0 }] }, 'seating.unknown_person'],
    ['a pin to a round that does not exist', { pins: [{ personId: 'p0', round: 2, table: 0 }] }, 'seating.pin_out_of_range'],
    ['a pin to a table that does not exist', { pins: [{ personId: 'p0', round: 0, table: 2 }] }, 'seating.pin_out_of_range'],
    ['a pin to table -1', { pins: [{ personId: 'p0', round: 0, table: -1 }] }, 'seating.pin_out_of_range'],
    [
      'two pins for one person in one round',
      { pins: [{ personId: 'p0', round: 1, table: 0 }, { personId: 'p0', round: 1, table: 1 }] },
      'seating.pin_conflict',
    ],
    ['more pins to a table than it has seats', { pins: ['p0', 'p1', 'p2', 'p3', 'p4'].map((personId) => ({ personId, round: 0, table: 1 })) }, 'seating.pinned_table_full'],
    ['a fractional seed', { seed: 0.5 }, 'seating.option_invalid'],
    ['a time budget of zero', { timeBudgetMs: 0 }, 'seating.option_invalid'],
  ];
  it.each(cases)('rejects %s', (_, overrides, code) => {
    expect(codeOf(event(overrides))).toBe(code);
  });

  it('accepts the edges of each limit', () => {
    const full = ['p0', 'p1', 'p2', 'p3'].map((personId) => ({ personId, round: 1, table: 1 }));
    expect(codeOf(event({ rounds: 12, pins: [...full, { personId: 'p0', round: 1, table: 1 }] }))).toBe('no error');
    expect(codeOf(event({ tableSizes: [4, 4] }))).toBe('no error');
  });

  it('names the problem in its details', () => {
    expect(() => planSeating(event({ tableSizes: [4, 3] }))).toThrow(expect.objectContaining({ code: 'seating.too_many_people', details: { people: 8, seats: 7 } }));
  });
});
