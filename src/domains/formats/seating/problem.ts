import type { SeatingInput } from './types.js';
import { tableCapacities, validateSeatingInput } from './validate-input.js';

/**
 * The event in index form, shared by the generator, the random baseline and the scorer.
 *
 * A person without a sector (null) belongs to one more sector, "unknown": two such people count
 * as the same sector, one of them and someone with a sector as different sectors. Treating every
 * unknown pair as "same" would push people with empty profiles together; treating it as
 * "cross" would let the plan count them as mixing with each other.
 */
export interface Problem {
  ids: string[];
  indexOf: Map<string, number>;
  people: number;
  rounds: number;
  tables: number;
  capacity: Int32Array;
  maxCapacity: number;
  /** Sector index per person; sectorSize[s] people in sector s. */
  sector: Int32Array;
  sectorSize: number[];
  /** Group index per person, -1 without a group. */
  group: Int32Array;
  /** Tie pairs as i * people + j with i < j (groups are checked through `group`). */
  ties: Set<number>;
  /** Pinned table per round and person (round * people + person), -1 when free. */
  pinnedTable: Int32Array;
  /**
   * Objective = new cross-sector pairs − repeatPenalty × meetings beyond a pair's first −
   * knownPenalty × meetings of people who know each other. Per meeting rather than per pair, so
   * that where the rounds force repeats they are spread: everyone still meets as many as possible.
   */
  repeatPenalty: number;
  knownPenalty: number;
}

/** Validates the input (throws SeatingInputError) and indexes it. */
export function compileProblem(input: SeatingInput): Problem {
  validateSeatingInput(input);
  const people = input.people.length;
  const ids = input.people.map((p) => p.id);
  const indexOf = new Map(ids.map((id, i) => [id, i]));
  const capacity = Int32Array.from(tableCapacities(input), (size) => Math.min(size, people));
  const sectorIndex = new Map<string | null, number>();
  const groupIndex = new Map<string, number>();
  const sector = new Int32Array(people);
  const group = new Int32Array(people).fill(-1);
  const sectorSize: number[] = [];
  input.people.forEach((person, i) => {
    if (!sectorIndex.has(person.sector)) sectorIndex.set(person.sector, sectorIndex.size);
    sector[i] = sectorIndex.get(person.sector)!;
    sectorSize[sector[i]!] = (sectorSize[sector[i]!] ?? 0) + 1;
    if (person.group === undefined) return;
    if (!groupIndex.has(person.group)) groupIndex.set(person.group, groupIndex.size);
    group[i] = groupIndex.get(person.group)!;
  });
  const ties = new Set<number>();
  for (const [a, b] of input.knownPairs ?? []) {
    const i = indexOf.get(a)!;
    const j = indexOf.get(b)!;
    if (i !== j) ties.add(Math.min(i, j) * people + Math.max(i, j));
  }
  const pinnedTable = new Int32Array(input.rounds * people).fill(-1);
  for (const pin of input.pins ?? []) pinnedTable[pin.round * people + indexOf.get(pin.personId)!] = pin.table;
  const maxCapacity = Math.max(1, ...capacity);
  // One swap moves at most about 2 × maxCapacity cross-sector pairs: penalties above that make
  // a repeat or a known pair never worth a handful of new pairs, and a repeat worse than a known pair.
  return { ids, indexOf, people, rounds: input.rounds, tables: input.tables, capacity, maxCapacity, sector, sectorSize, group, ties, pinnedTable, repeatPenalty: 8 * maxCapacity, knownPenalty: 2 * maxCapacity };
}

/** A tie between them or the same organisation. */
export function knowEachOther(problem: Problem, i: number, j: number): boolean {
  if (problem.group[i]! >= 0 && problem.group[i] === problem.group[j]) return true;
  return problem.ties.has(Math.min(i, j) * problem.people + Math.max(i, j));
}
