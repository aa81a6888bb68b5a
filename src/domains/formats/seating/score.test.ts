import { describe, expect, it } from 'vitest';
import { scoreSeating } from './score.js';
import type { SeatingInput } from './types.js';
import { crossSectorUpperBound } from './upper-bound.js';

const person = (id: string, sector: string | null, group?: string) => ({ id, sector, group });

describe('scoreSeating', () => {
  const input: SeatingInput = {
    people: [person('a1', 'A'), person('a2', 'A'), person('b1', 'B'), person('b2', 'B', 'org'), person('u', null, 'org')],
    tables: 2,
    tableSizes: [3, 3],
    rounds: 2,
    knownPairs: [['a1', 'b1']],
    pins: [
      { personId: 'u', round: 0, table: 0 },
      { personId: 'a2', round: 1, table: 1 },
    ],
  };
  const plan = {
    rounds: [
      [['a1', 'b1', 'u'], ['a2', 'b2']],
      [['a1', 'b1', 'a2'], ['b2', 'u']],
    ],
  };

  it('counts a hand-made plan pair by pair', () => {
    // Met: a1–b1 (tie, twice), a1–u, b1–u, a2–b2, a1–a2 (same sector), b1–a2, b2–u (same organisation).
    expect(scoreSeating(input, plan)).toEqual({ newCrossSectorPairs: 4, crossSectorShare: 6 / 7, repeatedPairs: 1, knownPairsMet: 2, pinsKept: false });
  });

  it('keeps pins only when every pinned person sits at their table', () => {
    const pinsKept = { rounds: [plan.rounds[0]!, [['a1', 'b1', 'u'], ['b2', 'a2']]] };
    expect(scoreSeating(input, pinsKept).pinsKept).toBe(true);
    const pinnedLeftOut = { rounds: [[['a1', 'b1'], ['a2', 'b2']], pinsKept.rounds[1]!] };
    expect(scoreSeating(input, pinnedLeftOut).pinsKept).toBe(false);
  });

  it('rejects a plan that does not fit the event', () => {
    const mismatch = (rounds: string[][][]) => () => scoreSeating(input, { rounds });
    expect(mismatch(plan.rounds.slice(0, 1))).toThrow(expect.objectContaining({ code: 'seating.plan_mismatch' }));
    expect(mismatch([plan.rounds[0]!, [['a1', 'b1', 'a2', 'b2', 'u']]])).toThrow(expect.objectContaining({ code: 'seating.plan_mismatch' }));
    expect(mismatch([plan.rounds[0]!, [['a1', 'nobody'], []]])).toThrow(expect.objectContaining({ code: 'seating.plan_mismatch', details: { round: 1, personId: 'nobody', problem: 'unknown' } }));
    expect(mismatch([plan.rounds[0]!, [['a1', 'b1'], ['a1']]])).toThrow(expect.objectContaining({ details: { round: 1, personId: 'a1', problem: 'seated twice' } }));
  });
});

describe('crossSectorUpperBound', () => {
  const crowd = (sectors: (string | null)[]) => sectors.map((sector, i) => person(`p${i}`, sector));

  it('is perfect mixing when every sector fits once per table', () => {
    expect(crossSectorUpperBound({ people: crowd(['A', 'A', 'B', 'B']), tables: 2, rounds: 1 })).toEqual({ share: 1, pairs: 2 });
    expect(crossSectorUpperBound({ people: crowd(['A', 'A', 'B', 'B', 'C', 'C']), tables: 2, rounds: 2 })).toEqual({ share: 1, pairs: 12 });
  });

  it('counts people without a sector as one sector of their own', () => {
    // Three unknowns at two tables of two: one pair of them must sit together.
    expect(crossSectorUpperBound({ people: crowd([null, null, null, 'A']), tables: 2, rounds: 1 })).toEqual({ share: 0.5, pairs: 1 });
  });

  it('fills the largest tables when there are spare seats', () => {
    expect(crossSectorUpperBound({ people: crowd(['A', 'B', 'C']), tables: 2, tableSizes: [3, 1], rounds: 1 })).toEqual({ share: 1, pairs: 3 });
  });

  it('starts from the pinned people and leaves out pinned pairs who know each other', () => {
    const people = crowd(['A', 'A', 'B', 'B']);
    const pinned = (ids: string[]) => ids.map((personId) => ({ personId, round: 0, table: 0 }));
    expect(crossSectorUpperBound({ people, tables: 2, rounds: 1, pins: pinned(['p0', 'p1']) })).toEqual({ share: 0.5, pairs: 1 });
    expect(crossSectorUpperBound({ people, tables: 2, rounds: 1, pins: pinned(['p0', 'p2']), knownPairs: [['p0', 'p2']] })).toEqual({ share: 1, pairs: 1 });
  });

  it('bounds the share of plans without repeats only: repeating same-sector pairs can look more mixed', () => {
    const input: SeatingInput = { people: crowd(['A', 'A', 'A', 'A', 'B', 'B', 'C', 'C']), tables: 2, rounds: 2 };
    const repeating = {
      rounds: [
        [['p0', 'p1', 'p4', 'p6'], ['p2', 'p3', 'p5', 'p7']],
        [['p0', 'p1', 'p5', 'p7'], ['p2', 'p3', 'p4', 'p6']],
      ],
    };
    const bound = crossSectorUpperBound(input);
    const score = scoreSeating(input, repeating);
    expect(bound).toEqual({ share: 10 / 12, pairs: 20 });
    expect(score).toMatchObject({ crossSectorShare: 18 / 20, repeatedPairs: 4, newCrossSectorPairs: 18 });
    expect(score.newCrossSectorPairs).toBeLessThanOrEqual(bound.pairs);
  });
});
