import type { TableState } from './table-state.js';

/**
 * A good start for the annealing: each round seats the pinned people, then the others sector by
 * sector (largest first, each sector in a fresh random order), each at the table where they add
 * the fewest same-sector pairs, repeats and known pairs. Ties go to the emptier table, then to the
 * next table in turn, which deals every sector round-robin over the tables: as evenly as the sizes
 * allow, so the start is close to the upper bound and the annealing mostly removes repeats.
 */
export function seatGreedily(state: TableState, random: () => number): void {
  const { people, rounds, tables, capacity, sector, sectorSize, pinnedTable } = state.problem;
  const sectorsBySize = sectorSize.map((size, s) => ({ size, s })).sort((a, b) => b.size - a.size || a.s - b.s);
  let cursor = 0;
  for (let r = 0; r < rounds; r++) {
    const free: number[][] = sectorSize.map(() => []);
    for (let p = 0; p < people; p++) {
      const pinned = pinnedTable[r * people + p]!;
      if (pinned >= 0) state.seat(p, r, pinned);
      else free[sector[p]!]!.push(p);
    }
    for (const { s } of sectorsBySize) {
      for (const p of shuffle(free[s]!, random)) {
        let best = -1;
        let bestScore = -Infinity;
        let bestFree = 0;
        for (let step = 0; step < tables; step++) {
          const t = (cursor + step) % tables;
          const seatsLeft = capacity[t]! - state.tableSize(r, t);
          if (seatsLeft === 0) continue;
          // The join delta counts new cross-sector pairs; minus the table size that leaves the
          // same-sector pairs and the penalties, which is what spreads sectors evenly.
          const score = state.joinDelta(p, r, t, -1) - state.tableSize(r, t);
          if (score > bestScore || (score === bestScore && seatsLeft > bestFree)) [best, bestScore, bestFree] = [t, score, seatsLeft];
        }
        state.seat(p, r, best);
        cursor = (best + 1) % tables;
      }
    }
  }
}

function shuffle(values: number[], random: () => number): number[] {
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [values[i], values[j]] = [values[j]!, values[i]!];
  }
  return values;
}
