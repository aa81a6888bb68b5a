import type { SeatingInput } from './types.js';

/** Beyond these the pair matrix (people²) and the search time stop being worth it for one event. */
export const MAX_PEOPLE = 2000;
export const MAX_TABLES = 2000;
export const MAX_ROUNDS = 12;

export type SeatingErrorCode =
  | 'seating.event_too_large'
  | 'seating.duplicate_person'
  | 'seating.rounds_out_of_range'
  | 'seating.tables_out_of_range'
  | 'seating.table_sizes_invalid'
  | 'seating.too_many_people'
  | 'seating.unknown_person'
  | 'seating.pin_out_of_range'
  | 'seating.pin_conflict'
  | 'seating.pinned_table_full'
  | 'seating.option_invalid'
  | 'seating.plan_mismatch';

/** A problem with the event or a plan; the domain maps `code` to a translated message and shows `details`. */
export class SeatingInputError extends Error {
  override readonly name = 'SeatingInputError';
  constructor(
    readonly code: SeatingErrorCode,
    readonly details: Record<string, string | number> = {},
  ) {
    super(`${code} ${JSON.stringify(details)}`);
  }
}

const isWhole = (value: unknown, min: number, max = Number.MAX_SAFE_INTEGER): value is number => Number.isInteger(value) && (value as number) >= min && (value as number) <= max;

/** Seats per table: the explicit sizes, else the people dealt as evenly as possible. */
export function tableCapacities(input: SeatingInput): number[] {
  if (input.tableSizes) return [...input.tableSizes];
  const base = Math.floor(input.people.length / input.tables);
  const larger = input.people.length % input.tables;
  return Array.from({ length: input.tables }, (_, t) => base + (t < larger ? 1 : 0));
}

/** Throws a SeatingInputError for the first problem found: the generator and the scorer call it first. */
export function validateSeatingInput(input: SeatingInput): void {
  const people = input.people.length;
  if (people > MAX_PEOPLE) throw new SeatingInputError('seating.event_too_large', { people, max: MAX_PEOPLE });
  const ids = new Set<string>();
  for (const person of input.people) {
    if (ids.has(person.id)) throw new SeatingInputError('seating.duplicate_person', { personId: person.id });
    ids.add(person.id);
  }
  if (!isWhole(input.rounds, 1, MAX_ROUNDS)) throw new SeatingInputError('seating.rounds_out_of_range', { rounds: String(input.rounds), max: MAX_ROUNDS });
  if (!isWhole(input.tables, 1, MAX_TABLES)) throw new SeatingInputError('seating.tables_out_of_range', { tables: String(input.tables), max: MAX_TABLES });
  if (input.tableSizes && (input.tableSizes.length !== input.tables || !input.tableSizes.every((size) => isWhole(size, 0)))) {
    throw new SeatingInputError('seating.table_sizes_invalid', { tables: input.tables, sizes: input.tableSizes.length });
  }
  if (input.seed !== undefined && !isWhole(input.seed, 0)) throw new SeatingInputError('seating.option_invalid', { option: 'seed' });
  if (input.timeBudgetMs !== undefined && !(input.timeBudgetMs > 0)) throw new SeatingInputError('seating.option_invalid', { option: 'timeBudgetMs' });
  const capacities = tableCapacities(input);
  const seats = capacities.reduce((sum, size) => sum + size, 0);
  if (people > seats) throw new SeatingInputError('seating.too_many_people', { people, seats });
  for (const pair of input.knownPairs ?? []) {
    for (const id of pair) if (!ids.has(id)) throw new SeatingInputError('seating.unknown_person', { personId: id, field: 'knownPairs' });
  }
  validatePins(input, ids, capacities);
}

function validatePins(input: SeatingInput, ids: Set<string>, capacities: number[]) {
  const tableOfPin = new Map<string, number>();
  const pinnedAt = new Map<string, number>();
  for (const pin of input.pins ?? []) {
    if (!ids.has(pin.personId)) throw new SeatingInputError('seating.unknown_person', { personId: pin.personId, field: 'pins' });
    if (!isWhole(pin.round, 0, input.rounds - 1) || !isWhole(pin.table, 0, input.tables - 1)) {
      throw new SeatingInputError('seating.pin_out_of_range', { personId: pin.personId, round: String(pin.round), table: String(pin.table) });
    }
    const key = `${pin.round}:${pin.personId}`;
    const earlier = tableOfPin.get(key);
    // The same pin twice is one hand edit; two different tables cannot both be kept.
    if (earlier === pin.table) continue;
    if (earlier !== undefined) throw new SeatingInputError('seating.pin_conflict', { personId: pin.personId, round: pin.round });
    tableOfPin.set(key, pin.table);
    const table = `${pin.round}:${pin.table}`;
    const pinned = (pinnedAt.get(table) ?? 0) + 1;
    if (pinned > capacities[pin.table]!) throw new SeatingInputError('seating.pinned_table_full', { round: pin.round, table: pin.table, seats: capacities[pin.table]! });
    pinnedAt.set(table, pinned);
  }
}
