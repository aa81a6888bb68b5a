import { Random } from '../../../platform/random.js';
import type { SeatingInput, SeatingPerson, SeatingPin } from './types.js';

/** Uneven on purpose, like the sign-ups of a real event: a few municipalities more, few "other". */
export const SAMPLE_SECTOR_WEIGHTS = { housing_industry: 20, municipality: 25, welfare: 15, civil_society: 20, creative_culture: 15, other: 5 };

export interface SampleEventOptions {
  people: number;
  tables: number;
  rounds: number;
  /** Share of people who come with colleagues of their organisation (groups of 2–3). */
  groupedShare?: number;
  knownPairs?: number;
  /** Share of all seats (people × rounds) pinned by hand to a random table. */
  pinnedShare?: number;
  seed?: number;
}

/** A realistic event for the tests and bench/seating.ts: sector mix, colleagues, ties and pins. */
export function sampleEvent(options: SampleEventOptions): SeatingInput {
  const random = new Random(options.seed ?? 1);
  const people: SeatingPerson[] = [];
  let grouped = Math.round(options.people * (options.groupedShare ?? 0.1));
  // Colleagues share their organisation's sector.
  while (grouped >= 2) {
    const size = grouped === 2 || grouped === 4 ? 2 : random.int(2, 3);
    const sector = random.weighted(SAMPLE_SECTOR_WEIGHTS);
    const group = `org-${people.length}`;
    for (let k = 0; k < size; k++) people.push({ id: `p${people.length}`, sector, group });
    grouped -= size;
  }
  while (people.length < options.people) people.push({ id: `p${people.length}`, sector: random.weighted(SAMPLE_SECTOR_WEIGHTS) });
  const input: SeatingInput = { people: random.sample(people, people.length), tables: options.tables, rounds: options.rounds, seed: options.seed };
  const ids = input.people.map((p) => p.id);
  const knownPairs = new Map<string, [string, string]>();
  for (let tries = 0; knownPairs.size < (options.knownPairs ?? 0) && tries < 100 * people.length; tries++) {
    const [a, b] = random.sample(ids, 2) as [string, string];
    knownPairs.set(a < b ? `${a} ${b}` : `${b} ${a}`, [a, b]);
  }
  input.knownPairs = [...knownPairs.values()];
  input.pins = samplePins(input, options.pinnedShare ?? 0, random);
  return input;
}

function samplePins(input: SeatingInput, share: number, random: Random): SeatingPin[] {
  const seats = input.people.length * input.rounds;
  const pinned = random.sample([...Array(seats).keys()], Math.round(seats * share));
  const capacity = Math.ceil(input.people.length / input.tables);
  const perTable = new Map<string, number>();
  const pins: SeatingPin[] = [];
  for (const seat of pinned) {
    const round = Math.floor(seat / input.people.length);
    const table = random.int(0, input.tables - 1);
    const key = `${round}:${table}`;
    // Keep clear of the smaller tables' limit so every sample is a valid event.
    if ((perTable.get(key) ?? 0) >= capacity - 1) continue;
    perTable.set(key, (perTable.get(key) ?? 0) + 1);
    pins.push({ personId: input.people[seat % input.people.length]!.id, round, table });
  }
  return pins;
}
