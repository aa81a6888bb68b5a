import type { TableState } from './table-state.js';

/**
 * Steepest descent for the few people the greedy start or the random moves left badly seated:
 * those in a repeated or known pair, and those whose sector is crowded at their table (two or more
 * above the table with the fewest of it, where one swap can even it out). Each takes the best swap,
 * or empty seat, of their round if that improves the plan. One full look at a round per such person
 * is cheaper than waiting for random moves to hit the few good swaps among ~10⁵.
 *
 * A look costs about one round's seats of random moves; `maxLooks` keeps dense events, where
 * nearly everyone is in a repeat, from spending all their time here. The scan starts at a random
 * seat so that successive calls look at different people.
 */
export function repairConflicts(state: TableState, random: () => number, maxLooks: number): void {
  const { people: n, rounds, pinnedTable, sector } = state.problem;
  const seats = rounds * n;
  let looks = 0;
  // Every move gains at least one pair and the objective is bounded, so the passes end.
  for (let improved = true; improved && looks < maxLooks; ) {
    const crowded = crowdedSectors(state);
    const start = Math.floor(random() * seats);
    improved = false;
    for (let k = 0; k < seats && looks < maxLooks; k++) {
      const slot = (start + k) % seats;
      if (pinnedTable[slot]! >= 0) continue;
      const r = Math.floor(slot / n);
      const a = slot - r * n;
      // Leaving gains only when a repeat or known-pair penalty goes away.
      const leave = state.leaveDelta(a, r);
      if (leave <= 0 && !crowded(r, state.tableOf[slot]!, sector[a]!)) continue;
      looks++;
      if (moveToBestSeat(state, a, r, leave)) improved = true;
    }
  }
}

/** Swaps `person` with whoever (or into whichever empty seat) of the round gains most; false when nothing gains. */
function moveToBestSeat(state: TableState, person: number, round: number, leave: number): boolean {
  const { people: n, tables, capacity, pinnedTable } = state.problem;
  const own = state.tableOf[round * n + person]!;
  let best = 0;
  let bestTable = -1;
  let bestPartner = -1;
  for (let t = 0; t < tables; t++) {
    if (t === own) continue;
    for (let k = 0; k < capacity[t]!; k++) {
      const other = state.seatedAt(round, t, k);
      if (other >= 0 && pinnedTable[round * n + other]! >= 0) continue;
      let delta = leave + state.joinDelta(person, round, t, other);
      if (other >= 0) delta += state.leaveDelta(other, round) + state.joinDelta(other, round, own, person);
      if (delta > best) [best, bestTable, bestPartner] = [delta, t, other];
      // All empty seats of a table are alike.
      if (other < 0) break;
    }
  }
  if (bestTable < 0) return false;
  state.unseat(person, round);
  if (bestPartner >= 0) {
    state.unseat(bestPartner, round);
    state.seat(bestPartner, round, own);
  }
  state.seat(person, round, bestTable);
  return true;
}

/** Whether a sector has at least two people more at a table than at the table with the fewest of it. */
function crowdedSectors(state: TableState): (round: number, table: number, sector: number) => boolean {
  const { rounds, tables, capacity, sector, sectorSize } = state.problem;
  const sectors = sectorSize.length;
  const count = new Int32Array(rounds * tables * sectors);
  const fewest = new Int32Array(rounds * sectors).fill(0x7fffffff);
  for (let r = 0; r < rounds; r++) {
    for (let t = 0; t < tables; t++) {
      for (let k = 0; k < state.tableSize(r, t); k++) count[(r * tables + t) * sectors + sector[state.seatedAt(r, t, k)]!]!++;
      if (capacity[t] === 0) continue;
      for (let s = 0; s < sectors; s++) fewest[r * sectors + s] = Math.min(fewest[r * sectors + s]!, count[(r * tables + t) * sectors + s]!);
    }
  }
  return (round, table, s) => count[(round * tables + table) * sectors + s]! >= fewest[round * sectors + s]! + 2;
}
