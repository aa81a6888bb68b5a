/** A networking event in rounds: who comes, how the room is laid out, and the coordinator's hand edits. */
export interface SeatingInput {
  /** `group` is the organisation: people of one group already know each other. */
  people: SeatingPerson[];
  /** Tables per round; without `tableSizes` people are dealt as evenly as possible (sizes differ by at most 1). */
  tables: number;
  /** Explicit seats per table (one entry per table, sum ≥ people); spare seats may stay empty. */
  tableSizes?: number[];
  rounds: number;
  /** People who already have a tie: kept apart where possible. */
  knownPairs?: [string, string][];
  /** Hand edits, 0-based round and table: always honoured. */
  pins?: SeatingPin[];
  /** The same seed gives the same plan (unless `timeBudgetMs` cuts the search short). */
  seed?: number;
  timeBudgetMs?: number;
}

export interface SeatingPerson {
  id: string;
  /** Opaque sector code; null is the sector "unknown" (see problem.ts). */
  sector: string | null;
  group?: string;
}

export interface SeatingPin {
  personId: string;
  round: number;
  table: number;
}

export interface SeatingPlan {
  /** rounds[r][t] = ids of the people at table t in round r. */
  rounds: string[][][];
}

export interface SeatingScore {
  /** Distinct pairs of different sectors who met and did not know each other before. */
  newCrossSectorPairs: number;
  /** Of the distinct pairs who met, the share of different sectors (0 when nobody met). */
  crossSectorShare: number;
  /** Distinct pairs who met more than once. */
  repeatedPairs: number;
  /** Distinct pairs who knew each other (a tie or the same group) and met. */
  knownPairsMet: number;
  pinsKept: boolean;
}

export interface ScoredPlan {
  plan: SeatingPlan;
  score: SeatingScore;
}
