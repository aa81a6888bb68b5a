import { performance } from 'node:perf_hooks';
import { anneal } from './anneal.js';
import { fastRandom } from './fast-random.js';
import { seatGreedily } from './initial-plan.js';
import { compileProblem } from './problem.js';
import { TableState } from './table-state.js';
import { objectiveBound } from './upper-bound.js';
import type { ScoredPlan, SeatingInput } from './types.js';

/**
 * Moves tried per seat that may move, when the plan cannot reach the upper bound (dense events such
 * as 100 people at 10 tables for 5 rounds); the 300-person event stops at the bound long before.
 */
const MOVES_PER_FREE_SEAT = 500;
/** Small events get a few hundred checkpoints (kicks and repairs) for a few milliseconds. */
const MIN_MOVES = 50_000;

/**
 * The seating plan with the most new cross-sector encounters: a greedy deal, then simulated
 * annealing with repairs, until no plan could be better or the moves run out. Pins are always kept;
 * repeated meetings and people who know each other are kept apart where possible. Throws
 * SeatingInputError for an impossible event.
 */
export function planSeating(input: SeatingInput): ScoredPlan {
  const started = performance.now();
  const problem = compileProblem(input);
  const random = fastRandom(input.seed ?? 1);
  const initial = new TableState(problem);
  seatGreedily(initial, random);
  let movableSeats = 0;
  for (const table of problem.pinnedTable) if (table < 0) movableSeats++;
  const state = anneal(initial, {
    iterations: Math.max(MIN_MOVES, MOVES_PER_FREE_SEAT * movableSeats),
    target: objectiveBound(problem),
    deadline: input.timeBudgetMs === undefined ? Infinity : started + input.timeBudgetMs,
    random,
  });
  return { plan: state.toPlan(), score: state.score() };
}
