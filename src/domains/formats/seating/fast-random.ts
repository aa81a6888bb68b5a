import { Random } from '../../../platform/random.js';

/**
 * A uniform float in [0, 1) from mulberry32, seeded through the platform's Random so one seed
 * means the same everywhere. The annealing draws a few numbers per move and makes about a million
 * moves: pure-rand's generic distributions cost far more per draw than these few integer
 * operations, and choosing moves needs no better statistics.
 */
export function fastRandom(seed: number): () => number {
  let state = new Random(seed).int(0, 0xffffffff) | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
