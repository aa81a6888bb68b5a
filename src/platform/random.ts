import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** A seeded random source: the same seed gives the same demo network, ties and benchmark samples. */
export class Random {
  private readonly rng;
  constructor(seed: number) {
    this.rng = xoroshiro128plus(seed);
  }
  int(min: number, max: number) {
    return uniformInt(this.rng, min, max);
  }
  chance(p: number) {
    return this.int(0, 9999) < p * 10000;
  }
  pick<T>(values: readonly T[]): T {
    return values[this.int(0, values.length - 1)]!;
  }
  weighted<T extends string>(weights: Record<T, number>): T {
    const entries = Object.entries(weights) as [T, number][];
    let target = this.int(0, entries.reduce((sum, [, w]) => sum + w, 0) - 1);
    for (const [value, weight] of entries) if ((target -= weight) < 0) return value;
    return entries[0]![0];
  }
  /** `n` different values, each value's chance proportional to its weight. */
  several<T>(values: readonly T[], n: number, weight: (v: T) => number): T[] {
    const chosen = new Set<T>();
    const pool = values.filter((v) => weight(v) > 0);
    for (let tries = 0; chosen.size < Math.min(n, pool.length) && tries < n * 20; tries++) {
      const total = pool.reduce((sum, v) => sum + (chosen.has(v) ? 0 : weight(v)), 0);
      let target = this.int(0, total - 1);
      for (const v of pool) {
        if (chosen.has(v) || (target -= weight(v)) >= 0) continue;
        chosen.add(v);
        break;
      }
    }
    return [...chosen];
  }
  /** `n` different values of `values` (all when fewer), in random order. */
  sample<T>(values: readonly T[], n: number): T[] {
    const copy = [...values];
    for (let i = 0; i < Math.min(n, copy.length); i++) {
      const j = this.int(i, copy.length - 1);
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, n);
  }
}
