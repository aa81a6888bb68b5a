import { compileProblem, knowEachOther, type Problem } from './problem.js';
import type { SeatingInput } from './types.js';

/**
 * The best the sector mix allows, whatever the plan: per round, each sector spread as evenly over
 * the tables as its pinned people allow gives the fewest same-sector pairs, and filling the largest
 * tables the most pairs. `share` bounds the cross-sector share of plans without repeated pairs (a
 * plan that seats the same same-sector pair twice counts it once and can look more mixed); `pairs`
 * bounds the distinct new cross-sector pairs of any plan (less the meetings of pinned people who
 * know each other). Each sector is spread on its own, so the bound may be out of reach when
 * sectors compete for the same tables or ties keep people apart.
 */
export function crossSectorUpperBound(input: SeatingInput): { share: number; pairs: number } {
  return upperBound(compileProblem(input));
}

export function upperBound(problem: Problem): { share: number; pairs: number } {
  let left = problem.people;
  let pairsPerRound = 0;
  for (const size of [...problem.capacity].sort((a, b) => b - a)) {
    pairsPerRound += pairsOf(Math.min(size, left));
    left -= Math.min(size, left);
  }
  if (pairsPerRound === 0) return { share: 0, pairs: 0 };
  let sameSector = 0;
  for (let r = 0; r < problem.rounds; r++) sameSector += fewestSameSectorPairs(problem, r);
  const pairs = problem.rounds * pairsPerRound;
  const crossMeetings = pairs - sameSector - pinnedMeetings(problem).knownCross;
  return { share: 1 - sameSector / pairs, pairs: Math.min(crossMeetings, newCrossPairsInCrowd(problem)) };
}

/** An objective (see Problem) no plan can beat: the pair bound less the penalties the pins force. */
export function objectiveBound(problem: Problem): number {
  const { knownMeetings, extraMeetings } = pinnedMeetings(problem);
  return upperBound(problem).pairs - problem.knownPenalty * knownMeetings - problem.repeatPenalty * extraMeetings;
}

/** What pins force: people pinned to one table meet, whether they know each other or met before. */
function pinnedMeetings(problem: Problem): { knownMeetings: number; extraMeetings: number; knownCross: number } {
  const { people: n, tables, pinnedTable, sector } = problem;
  const meetings = new Map<number, number>();
  for (let r = 0; r < problem.rounds; r++) {
    const atTable: number[][] = Array.from({ length: tables }, () => []);
    for (let p = 0; p < n; p++) if (pinnedTable[r * n + p]! >= 0) atTable[pinnedTable[r * n + p]!]!.push(p);
    for (const pinned of atTable) {
      for (const i of pinned) for (const j of pinned) if (i < j) meetings.set(i * n + j, (meetings.get(i * n + j) ?? 0) + 1);
    }
  }
  let knownMeetings = 0;
  let extraMeetings = 0;
  let knownCross = 0;
  for (const [key, count] of meetings) {
    const [i, j] = [Math.floor(key / n), key % n];
    extraMeetings += count - 1;
    if (!knowEachOther(problem, i, j)) continue;
    knownMeetings += count;
    if (sector[i] !== sector[j]) knownCross += count;
  }
  return { knownMeetings, extraMeetings, knownCross };
}

const pairsOf = (k: number) => (k * (k - 1)) / 2;

/**
 * Per sector, its people added one by one to the table that has the fewest of them so far (and a
 * seat left), starting from the pinned ones: the least same-sector pairs that sector can have,
 * as each addition costs as many pairs as the table already holds.
 */
function fewestSameSectorPairs(problem: Problem, round: number): number {
  const { people: n, tables, capacity, sector, sectorSize, pinnedTable } = problem;
  const count = sectorSize.map(() => new Int32Array(tables));
  const left = [...sectorSize];
  for (let p = 0; p < n; p++) {
    const table = pinnedTable[round * n + p]!;
    if (table < 0) continue;
    count[sector[p]!]![table]!++;
    left[sector[p]!]!--;
  }
  let pairs = 0;
  count.forEach((atTable, s) => {
    for (let k = 0; k < left[s]!; k++) {
      let fewest = -1;
      for (let t = 0; t < tables; t++) if (atTable[t]! < capacity[t]! && (fewest < 0 || atTable[t]! < atTable[fewest]!)) fewest = t;
      atTable[fewest]!++;
    }
    for (const k of atTable) pairs += pairsOf(k);
  });
  return pairs;
}

/** Pairs of different sectors who do not know each other yet: no plan can meet more. */
function newCrossPairsInCrowd(problem: Problem): number {
  const n = problem.people;
  let cross = (n * (n - 1)) / 2;
  for (const size of problem.sectorSize) cross -= (size * (size - 1)) / 2;
  const knownCross = new Set<number>();
  for (const key of problem.ties) if (problem.sector[Math.floor(key / n)] !== problem.sector[key % n]) knownCross.add(key);
  const members = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    if (problem.group[i]! < 0) continue;
    if (!members.has(problem.group[i]!)) members.set(problem.group[i]!, []);
    members.get(problem.group[i]!)!.push(i);
  }
  for (const group of members.values()) {
    for (const i of group) for (const j of group) if (i < j && problem.sector[i] !== problem.sector[j]) knownCross.add(i * n + j);
  }
  return cross - knownCross.size;
}
