import type { Problem } from './problem.js';
import type { SeatingPlan, SeatingScore } from './types.js';

const CROSS = 1;
const KNOWN = 2;
const ONE_MEETING = 4;

/**
 * A plan under construction: who sits where in each round, and for every pair of people how
 * often they met and what kind of pair they are, packed into one byte (meetings × 4 + kind:
 * bit 1 different sectors, bit 2 already know each other). The change of the objective when a
 * person joins or leaves a table is then one byte read and one table lookup per table mate.
 */
export class TableState {
  /** Seats of round r, table t: members[(r * tables + t) * maxCapacity + k] for k < size[r * tables + t]. */
  private readonly members: Int32Array;
  private readonly size: Int32Array;
  /** Table and slot of person p in round r at [r * people + p]; -1 while not seated. */
  readonly tableOf: Int32Array;
  private readonly slotOf: Int32Array;
  private readonly pair: Uint8Array;
  private readonly joinGain: Float64Array;
  private readonly leaveGain: Float64Array;
  private readonly n: number;
  private readonly tables: number;
  private readonly width: number;
  newCross = 0;
  cross = 0;
  distinct = 0;
  repeated = 0;
  known = 0;
  /** Meetings beyond each pair's first, and meetings of people who know each other: the penalties. */
  extraMeetings = 0;
  knownMeetings = 0;

  constructor(readonly problem: Problem) {
    const { people: n, rounds, tables, maxCapacity } = problem;
    this.n = n;
    this.tables = tables;
    this.width = maxCapacity;
    this.members = new Int32Array(rounds * tables * maxCapacity).fill(-1);
    this.size = new Int32Array(rounds * tables);
    this.tableOf = new Int32Array(rounds * n).fill(-1);
    this.slotOf = new Int32Array(rounds * n).fill(-1);
    this.pair = new Uint8Array(n * n);
    const { sector, group } = problem;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const kind = (sector[i] !== sector[j] ? CROSS : 0) | (group[i]! >= 0 && group[i] === group[j] ? KNOWN : 0);
        this.pair[i * n + j] = this.pair[j * n + i] = kind;
      }
    }
    for (const key of problem.ties) {
      const i = Math.floor(key / n);
      const j = key % n;
      this.pair[i * n + j] = this.pair[j * n + i] = this.pair[i * n + j]! | KNOWN;
    }
    const { repeatPenalty, knownPenalty } = problem;
    this.joinGain = new Float64Array((rounds + 1) * ONE_MEETING);
    this.leaveGain = new Float64Array((rounds + 1) * ONE_MEETING);
    for (let met = 0; met <= rounds; met++) {
      for (let kind = 0; kind < ONE_MEETING; kind++) {
        const known = kind & KNOWN ? knownPenalty : 0;
        this.joinGain[met * ONE_MEETING + kind] = (met === 0 ? (kind === CROSS ? 1 : 0) : -repeatPenalty) - known;
        if (met > 0) this.leaveGain[met * ONE_MEETING + kind] = (met === 1 ? (kind === CROSS ? -1 : 0) : repeatPenalty) + known;
      }
    }
  }

  objective(): number {
    return this.newCross - this.problem.repeatPenalty * this.extraMeetings - this.problem.knownPenalty * this.knownMeetings;
  }

  tableSize(round: number, table: number): number {
    return this.size[round * this.tables + table]!;
  }

  /** The person in a seat, -1 for an empty one. */
  seatedAt(round: number, table: number, slot: number): number {
    return slot < this.size[round * this.tables + table]! ? this.members[(round * this.tables + table) * this.width + slot]! : -1;
  }

  /** Change of the objective if `person` joined `table` in `round`, leaving `skip` out (-1 for none). */
  joinDelta(person: number, round: number, table: number, skip: number): number {
    const start = (round * this.tables + table) * this.width;
    const end = start + this.size[round * this.tables + table]!;
    const row = person * this.n;
    let delta = 0;
    for (let k = start; k < end; k++) {
      const other = this.members[k]!;
      if (other !== skip) delta += this.joinGain[this.pair[row + other]!]!;
    }
    return delta;
  }

  /** Change of the objective if `person` left their table in `round`. */
  leaveDelta(person: number, round: number): number {
    const cell = round * this.tables + this.tableOf[round * this.n + person]!;
    const start = cell * this.width;
    const end = start + this.size[cell]!;
    const row = person * this.n;
    let delta = 0;
    for (let k = start; k < end; k++) {
      const other = this.members[k]!;
      if (other !== person) delta += this.leaveGain[this.pair[row + other]!]!;
    }
    return delta;
  }

  seat(person: number, round: number, table: number): void {
    const cell = round * this.tables + table;
    const start = cell * this.width;
    for (let k = start; k < start + this.size[cell]!; k++) this.meet(person, this.members[k]!, 1);
    this.members[start + this.size[cell]!] = person;
    this.tableOf[round * this.n + person] = table;
    this.slotOf[round * this.n + person] = this.size[cell]!;
    this.size[cell]!++;
  }

  unseat(person: number, round: number): void {
    const cell = round * this.tables + this.tableOf[round * this.n + person]!;
    const start = cell * this.width;
    const last = this.members[start + this.size[cell]! - 1]!;
    const slot = this.slotOf[round * this.n + person]!;
    // The last member takes the freed slot so a table's members stay contiguous.
    this.members[start + slot] = last;
    this.slotOf[round * this.n + last] = slot;
    this.members[start + this.size[cell]! - 1] = -1;
    this.size[cell]!--;
    this.tableOf[round * this.n + person] = -1;
    for (let k = start; k < start + this.size[cell]!; k++) this.meet(person, this.members[k]!, -1);
  }

  private meet(a: number, b: number, step: 1 | -1): void {
    const code = this.pair[a * this.n + b]!;
    const before = code >> 2;
    const kind = code & 3;
    const now = before + step;
    if (kind & KNOWN) this.knownMeetings += step;
    if (Math.min(before, now) > 0) this.extraMeetings += step;
    if (Math.min(before, now) === 0) {
      this.distinct += step;
      if (kind & CROSS) this.cross += step;
      if (kind === CROSS) this.newCross += step;
      if (kind & KNOWN) this.known += step;
    } else if (Math.min(before, now) === 1) this.repeated += step;
    this.pair[a * this.n + b] = this.pair[b * this.n + a] = code + step * ONE_MEETING;
  }

  score(): SeatingScore {
    const { people: n, rounds, pinnedTable } = this.problem;
    let pinsKept = true;
    for (let k = 0; k < rounds * n; k++) if (pinnedTable[k]! >= 0 && pinnedTable[k] !== this.tableOf[k]) pinsKept = false;
    const crossSectorShare = this.distinct === 0 ? 0 : this.cross / this.distinct;
    return { newCrossSectorPairs: this.newCross, crossSectorShare, repeatedPairs: this.repeated, knownPairsMet: this.known, pinsKept };
  }

  toPlan(): SeatingPlan {
    const { rounds, ids } = this.problem;
    return {
      rounds: Array.from({ length: rounds }, (_, r) =>
        Array.from({ length: this.tables }, (_, t) => Array.from(this.members.subarray((r * this.tables + t) * this.width, (r * this.tables + t) * this.width + this.size[r * this.tables + t]!), (p) => ids[p]!)),
      ),
    };
  }

  /** A new state seating everyone where `tableOf` (a copy of another state's) says. */
  static fromTables(problem: Problem, tableOf: Int32Array): TableState {
    const state = new TableState(problem);
    for (let k = 0; k < tableOf.length; k++) if (tableOf[k]! >= 0) state.seat(k % problem.people, Math.floor(k / problem.people), tableOf[k]!);
    return state;
  }
}
