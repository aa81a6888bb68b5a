import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Random } from '../../../platform/random.js';
import { planSeating } from './plan-seating.js';
import { compileProblem } from './problem.js';
import { bestOfRandom, randomSeating } from './random-plan.js';
import { measurePlan, scoreSeating } from './score.js';
import type { SeatingInput, SeatingPin, SeatingPlan } from './types.js';
import { crossSectorUpperBound } from './upper-bound.js';
import { tableCapacities } from './validate-input.js';

/** A valid event of up to `maxPeople`: null sectors, colleagues, ties, spare seats and pins included. */
const events = (maxPeople: number, maxTables: number, maxRounds: number, spare = true) =>
  fc
    .record({
      people: fc.array(fc.record({ sector: fc.constantFrom('A', 'B', 'C', null), group: fc.option(fc.constantFrom('x', 'y'), { nil: undefined }) }), { maxLength: maxPeople }),
      tables: fc.integer({ min: 1, max: maxTables }),
      rounds: fc.integer({ min: 1, max: maxRounds }),
      spareSeats: spare ? fc.option(fc.array(fc.nat(3), { minLength: maxTables, maxLength: maxTables }), { nil: undefined }) : fc.constant(undefined),
      ties: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 10 }),
      pins: fc.array(fc.record({ person: fc.nat(), round: fc.nat(), table: fc.nat() }), { maxLength: 12 }),
      seed: fc.nat(1000),
    })
    .map(({ people, tables, rounds, spareSeats, ties, pins, seed }): SeatingInput => {
      const ids = people.map((_, i) => `p${i}`);
      const input: SeatingInput = { people: people.map((p, i) => ({ id: ids[i]!, ...p })), tables, rounds, seed };
      if (spareSeats) input.tableSizes = tableCapacities(input).map((size, t) => size + spareSeats[t]!);
      if (ids.length === 0) return input;
      input.knownPairs = ties.map(([a, b]) => [ids[a % ids.length]!, ids[b % ids.length]!]);
      input.pins = validPins(input, pins.map((pin) => ({ personId: ids[pin.person % ids.length]!, round: pin.round % rounds, table: pin.table % tables })));
      return input;
    });

/** Drops the pins that would contradict an earlier one or overfill a table. */
function validPins(input: SeatingInput, pins: SeatingPin[]): SeatingPin[] {
  const capacity = tableCapacities(input);
  const pinned = new Set<string>();
  const used = new Map<string, number>();
  return pins.filter((pin) => {
    const table = `${pin.round}:${pin.table}`;
    if (pinned.has(`${pin.round}:${pin.personId}`) || (used.get(table) ?? 0) >= capacity[pin.table]!) return false;
    pinned.add(`${pin.round}:${pin.personId}`);
    used.set(table, (used.get(table) ?? 0) + 1);
    return true;
  });
}

function expectValidPlan(input: SeatingInput, plan: SeatingPlan) {
  const capacity = tableCapacities(input);
  const everyone = input.people.map((p) => p.id).sort();
  expect(plan.rounds).toHaveLength(input.rounds);
  for (const round of plan.rounds) {
    expect(round.flat().sort()).toEqual(everyone);
    round.forEach((table, t) => expect(table.length).toBeLessThanOrEqual(capacity[t]!));
  }
  for (const pin of input.pins ?? []) expect(plan.rounds[pin.round]![pin.table]).toContain(pin.personId);
}

function expectWithinBound(input: SeatingInput, plan: SeatingPlan) {
  const bound = crossSectorUpperBound(input);
  const score = scoreSeating(input, plan);
  expect(score.newCrossSectorPairs).toBeLessThanOrEqual(bound.pairs);
  if (score.repeatedPairs === 0) expect(score.crossSectorShare).toBeLessThanOrEqual(bound.share + 1e-12);
}

describe('seating properties', () => {
  it('planSeating seats everyone once per round within capacity, keeps pins, and reports the score of its plan', () => {
    fc.assert(
      fc.property(events(24, 6, 4), (input) => {
        const { plan, score } = planSeating(input);
        expectValidPlan(input, plan);
        expect(score.pinsKept).toBe(true);
        expect(scoreSeating(input, plan)).toEqual(score);
        expectWithinBound(input, plan);
      }),
      { numRuns: 150 },
    );
  });

  it('random plans are valid and within the bound too', () => {
    fc.assert(
      fc.property(events(24, 6, 4), (input) => {
        const plan = randomSeating(input, new Random(input.seed!));
        expectValidPlan(input, plan);
        expectWithinBound(input, plan);
        expectValidPlan(input, bestOfRandom(input, 3).plan);
      }),
      { numRuns: 150 },
    );
  });

  it('deals evenly when no table sizes are given', () => {
    fc.assert(
      fc.property(events(24, 6, 2, false), (input) => {
        const sizes = planSeating(input).plan.rounds.flatMap((round) => round.map((table) => table.length));
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 50 },
    );
  });

  it('finds the best plan of events small enough to try every plan', () => {
    // Up to 4,096 plans (six people, two tables, two rounds) or 6,561 (four people, three tables).
    fc.assert(
      fc.property(fc.oneof(events(6, 2, 2), events(4, 3, 2)), (input) => {
        const problem = compileProblem(input);
        const best = Math.max(...everyPlan(input).map((plan) => measurePlan(problem, plan).objective));
        expect(measurePlan(problem, planSeating(input).plan).objective).toBe(best);
      }),
      { numRuns: 60 },
    );
  });
});

/** Every way to seat the event, pins kept. */
function everyPlan(input: SeatingInput): SeatingPlan[] {
  const capacity = tableCapacities(input);
  const roundsOf = (round: number): string[][][] => {
    const tables: string[][] = capacity.map(() => []);
    for (const pin of input.pins ?? []) if (pin.round === round) tables[pin.table]!.push(pin.personId);
    const free = input.people.map((p) => p.id).filter((id) => !tables.some((table) => table.includes(id)));
    const deals: string[][][] = [];
    const deal = (k: number) => {
      if (k === free.length) return void deals.push(tables.map((table) => [...table]));
      tables.forEach((table, t) => {
        if (table.length >= capacity[t]!) return;
        table.push(free[k]!);
        deal(k + 1);
        table.pop();
      });
    };
    deal(0);
    return deals;
  };
  let plans: string[][][][] = [[]];
  for (let r = 0; r < input.rounds; r++) plans = plans.flatMap((plan) => roundsOf(r).map((round) => [...plan, round]));
  return plans.map((rounds) => ({ rounds }));
}
