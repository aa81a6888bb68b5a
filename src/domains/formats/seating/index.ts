export { planSeating } from './plan-seating.js';
export { bestOfRandom, randomSeating } from './random-plan.js';
export { scoreSeating } from './score.js';
export { crossSectorUpperBound } from './upper-bound.js';
export { SeatingInputError, validateSeatingInput, MAX_PEOPLE, MAX_ROUNDS, MAX_TABLES, type SeatingErrorCode } from './validate-input.js';
export type { ScoredPlan, SeatingInput, SeatingPerson, SeatingPin, SeatingPlan, SeatingScore } from './types.js';
