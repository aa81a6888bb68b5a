import { compileProblem, knowEachOther, type Problem } from './problem.js';
import type { SeatingInput, SeatingPlan, SeatingScore } from './types.js';
import { SeatingInputError } from './validate-input.js';

/** Scores any plan for the event, also a hand-edited one (people missing from a round are allowed). */
export function scoreSeating(input: SeatingInput, plan: SeatingPlan): SeatingScore {
  return scorePlan(compileProblem(input), plan);
}

export function scorePlan(problem: Problem, plan: SeatingPlan): SeatingScore {
  return measurePlan(problem, plan).score;
}

/**
 * The score and the generator's objective (see Problem), counted from the plan alone,
 * independently of the generator's incremental bookkeeping, so the tests can hold one against the other.
 */
export function measurePlan(problem: Problem, plan: SeatingPlan): { score: SeatingScore; objective: number } {
  const n = problem.people;
  const meetings = new Map<number, number>();
  let pinsKept = true;
  const seen = new Int32Array(n).fill(-1);
  if (plan.rounds.length !== problem.rounds) throw new SeatingInputError('seating.plan_mismatch', { rounds: plan.rounds.length, expected: problem.rounds });
  plan.rounds.forEach((round, r) => {
    if (round.length !== problem.tables) throw new SeatingInputError('seating.plan_mismatch', { round: r, tables: round.length, expected: problem.tables });
    round.forEach((ids, t) => {
      const seated = ids.map((id) => {
        const i = problem.indexOf.get(id);
        if (i === undefined) throw new SeatingInputError('seating.plan_mismatch', { round: r, personId: id, problem: 'unknown' });
        if (seen[i] === r) throw new SeatingInputError('seating.plan_mismatch', { round: r, personId: id, problem: 'seated twice' });
        seen[i] = r;
        const pinned = problem.pinnedTable[r * n + i]!;
        if (pinned >= 0 && pinned !== t) pinsKept = false;
        return i;
      });
      for (let a = 0; a < seated.length; a++) {
        for (let b = a + 1; b < seated.length; b++) {
          const key = Math.min(seated[a]!, seated[b]!) * n + Math.max(seated[a]!, seated[b]!);
          meetings.set(key, (meetings.get(key) ?? 0) + 1);
        }
      }
    });
    // A pinned person left out of the round is a pin not kept as well.
    for (let i = 0; i < n; i++) if (problem.pinnedTable[r * n + i]! >= 0 && seen[i] !== r) pinsKept = false;
  });
  let cross = 0;
  let newCross = 0;
  let repeated = 0;
  let known = 0;
  let penalties = 0;
  for (const [key, count] of meetings) {
    const i = Math.floor(key / n);
    const j = key % n;
    const knew = knowEachOther(problem, i, j);
    if (problem.sector[i] !== problem.sector[j]) {
      cross++;
      if (!knew) newCross++;
    }
    if (knew) known++;
    if (count > 1) repeated++;
    penalties += problem.repeatPenalty * (count - 1) + (knew ? problem.knownPenalty * count : 0);
  }
  const crossSectorShare = meetings.size === 0 ? 0 : cross / meetings.size;
  return { score: { newCrossSectorPairs: newCross, crossSectorShare, repeatedPairs: repeated, knownPairsMet: known, pinsKept }, objective: newCross - penalties };
}
