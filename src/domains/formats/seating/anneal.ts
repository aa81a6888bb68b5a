import { performance } from 'node:perf_hooks';
import { repairConflicts } from './repair.js';
import { TableState } from './table-state.js';

export interface AnnealOptions {
  /** Moves tried; the search stops earlier at `target` or at `deadline`. */
  iterations: number;
  /** An objective no plan can beat (see upper-bound.ts). */
  target: number;
  /** performance.now() at which to stop; Infinity for none. */
  deadline: number;
  random: () => number;
}

/**
 * Temperatures in units of one new cross-sector pair. The start is already close to the bound, so
 * the walk stays cold (a loss of one pair is accepted 2 % of the time at the start): it mostly moves
 * over the many swaps that change nothing, which reshuffles who meets whom. Hotter starts measured
 * slower on the 300-person event and reached the bound no more often.
 */
const START_TEMPERATURE = 0.25;
const END_TEMPERATURE = 0.02;
/** A share of the moves swap two people of the same sector: that keeps each table's sector mix. */
const SAME_SECTOR_MOVES = 0.3;
/**
 * Checkpoints, every few moves per seat: the steepest descent of repair.ts looks for the few swaps
 * that now improve the plan (random moves rarely hit one specific pair of people among ~10⁵ moves),
 * and when nothing improved since the last checkpoint a few moves are made whatever they cost. A
 * cold walk cannot climb out of a plan where every single swap seats someone with a colleague (a
 * loss of several pairs' worth), but a kick followed by a repair often lands in a better one.
 */
const CHECKPOINT_MOVES_PER_SEAT = 16;
const KICK_MOVES = 3;

/**
 * Simulated annealing over moves within one round: two unpinned people at different tables swap
 * seats, or one moves to an empty seat; repairs and kicks at checkpoints. Returns the best state
 * seen (`state` itself or a rebuilt one).
 */
export function anneal(state: TableState, options: AnnealOptions): TableState {
  const { people: n, rounds, tables, capacity, sector, sectorSize, pinnedTable } = state.problem;
  const movable: number[] = [];
  for (let k = 0; k < rounds * n; k++) if (pinnedTable[k]! < 0) movable.push(k);
  let value = state.objective();
  let best = value;
  if (tables < 2 || movable.length === 0 || value >= options.target) return state;
  const snapshot = state.tableOf.slice();
  let improved = false;
  /** Keeps the best plan seen; true once no plan can be better. */
  const record = () => {
    if (value > best) {
      best = value;
      improved = true;
      snapshot.set(state.tableOf);
    }
    return value >= options.target;
  };
  const { random, iterations } = options;
  const bySector: number[][] = sectorSize.map(() => []);
  sector.forEach((s, p) => bySector[s]!.push(p));
  let seatsPerRound = 0;
  for (const size of capacity) seatsPerRound += size;
  const checkpointEvery = Math.max(256, CHECKPOINT_MOVES_PER_SEAT * movable.length);
  // Repairs cost at most about as much as the random moves between them.
  const looksPerRepair = Math.max(1, Math.floor(checkpointEvery / seatsPerRound));
  const cooling = Math.log(END_TEMPERATURE / START_TEMPERATURE);
  let temperature = START_TEMPERATURE;
  let kicks = 0;
  for (let it = 0; it < iterations; it++) {
    if (it % 1024 === 0) {
      temperature = START_TEMPERATURE * Math.exp((cooling * it) / iterations);
      if (performance.now() > options.deadline) break;
    }
    if (it % checkpointEvery === 0) {
      if (it > 0 && !improved) kicks = KICK_MOVES;
      repairConflicts(state, random, looksPerRepair);
      value = state.objective();
      improved = false;
      if (record()) return state;
    }
    const slot = movable[Math.floor(random() * movable.length)]!;
    const r = Math.floor(slot / n);
    const a = slot - r * n;
    const tableA = state.tableOf[slot]!;
    let b: number;
    let tableB: number;
    if (random() < SAME_SECTOR_MOVES) {
      const peers = bySector[sector[a]!]!;
      b = peers[Math.floor(random() * peers.length)]!;
      tableB = state.tableOf[r * n + b]!;
      if (tableB === tableA || pinnedTable[r * n + b]! >= 0) continue;
    } else {
      tableB = Math.floor(random() * (tables - 1));
      if (tableB >= tableA) tableB++;
      if (capacity[tableB] === 0) continue;
      b = state.seatedAt(r, tableB, Math.floor(random() * capacity[tableB]!));
      if (b >= 0 && pinnedTable[r * n + b]! >= 0) continue;
    }
    let delta = state.leaveDelta(a, r) + state.joinDelta(a, r, tableB, b);
    if (b >= 0) delta += state.leaveDelta(b, r) + state.joinDelta(b, r, tableA, a);
    if (kicks > 0) kicks--;
    else if (delta < 0 && random() >= Math.exp(delta / temperature)) continue;
    state.unseat(a, r);
    if (b >= 0) {
      state.unseat(b, r);
      state.seat(b, r, tableA);
    }
    state.seat(a, r, tableB);
    value += delta;
    if (record()) return state;
  }
  return value < best ? TableState.fromTables(state.problem, snapshot) : state;
}
