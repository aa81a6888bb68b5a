import { Random } from '../../../platform/random.js';
import { compileProblem, type Problem } from './problem.js';
import { measurePlan } from './score.js';
import type { ScoredPlan, SeatingInput, SeatingPlan } from './types.js';

/** A uniformly random deal of the people over the free seats of each round, pins kept: the baseline. */
export function randomSeating(input: SeatingInput, random: Random): SeatingPlan {
  return dealRandomly(compileProblem(input), random);
}

/** The best of `count` random deals by the generator's own objective. */
export function bestOfRandom(input: SeatingInput, count = 100): ScoredPlan {
  const problem = compileProblem(input);
  const random = new Random(input.seed ?? 1);
  let best: (ScoredPlan & { value: number }) | null = null;
  for (let k = 0; k < Math.max(1, count); k++) {
    const plan = dealRandomly(problem, random);
    const { score, objective } = measurePlan(problem, plan);
    if (!best || objective > best.value) best = { plan, score, value: objective };
  }
  return { plan: best!.plan, score: best!.score };
}

function dealRandomly(problem: Problem, random: Random): SeatingPlan {
  const { people: n, tables, capacity, pinnedTable, ids } = problem;
  const rounds = Array.from({ length: problem.rounds }, (_, r) => {
    const round: string[][] = Array.from({ length: tables }, () => []);
    const free: number[] = [];
    for (let p = 0; p < n; p++) {
      if (pinnedTable[r * n + p]! >= 0) round[pinnedTable[r * n + p]!]!.push(ids[p]!);
      else free.push(p);
    }
    const seats: number[] = [];
    for (let t = 0; t < tables; t++) for (let k = round[t]!.length; k < capacity[t]!; k++) seats.push(t);
    random.sample(seats, free.length).forEach((t, k) => round[t]!.push(ids[free[k]!]!));
    return round;
  });
  return { rounds };
}
