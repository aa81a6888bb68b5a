import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SECTORS } from '../actors/service.js';
import { closeness, fieldMask, fieldOverlap, haversineKm, pairScaleKm, sectorBonusTable, setCosine } from './scoring.js';

describe('score components', () => {
  it('stay in [0, 1] whatever the input', () => {
    fc.assert(
      fc.property(fc.nat(50), fc.nat(50), fc.nat(50), fc.double({ min: 0, max: 2000, noNaN: true }), fc.nat(15), fc.nat(15), (overlap, a, b, km, fa, fb) => {
        const cos = setCosine(Math.min(overlap, a, b), a, b);
        expect(cos).toBeGreaterThanOrEqual(0);
        expect(cos).toBeLessThanOrEqual(1);
        const c = closeness(km, pairScaleKm(fa, fb));
        expect(c).toBeGreaterThan(0);
        expect(c).toBeLessThanOrEqual(1);
        const f = fieldOverlap(fa, fb);
        expect(f).toBeGreaterThanOrEqual(0);
        expect(f).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('closeness falls with distance and is ½ at the pair’s scale; rural pairs have the longer scale', () => {
    const rural = fieldMask(['rural']);
    const quarter = fieldMask(['neighbourhood']);
    expect(closeness(70, pairScaleKm(rural, rural))).toBe(0.5);
    expect(closeness(10, pairScaleKm(quarter, quarter))).toBe(0.5);
    expect(closeness(30, pairScaleKm(rural, rural))).toBeGreaterThan(closeness(30, pairScaleKm(quarter, quarter)));
    fc.assert(fc.property(fc.double({ min: 0, max: 1000, noNaN: true }), fc.double({ min: 0, max: 1000, noNaN: true }), (x, y) => closeness(Math.min(x, y), 30) >= closeness(Math.max(x, y), 30)));
  });

  it('haversine: Halle–Leipzig about 32 km, symmetric', () => {
    expect(Math.round(haversineKm(51.4825, 11.9705, 51.3397, 12.3731))).toBe(32);
    expect(haversineKm(48.1, 11.5, 53.5, 10)).toBeCloseTo(haversineKm(53.5, 10, 48.1, 11.5), 9);
  });

  it('sector bonus: none within a sector, most for the rarest cross-sector pair', () => {
    const n = SECTORS.length;
    const counts = new Float64Array(n * n);
    counts[0 * n + 1] = counts[1 * n + 0] = 100; // housing ↔ municipality: common
    counts[2 * n + 4] = counts[4 * n + 2] = 1; // welfare ↔ creative: rare
    const table = sectorBonusTable(SECTORS, counts);
    expect(table[0]).toBe(0);
    expect(table[0 * n + 1]).toBeCloseTo(0.4);
    expect(table[2 * n + 4]!).toBeGreaterThan(0.99);
    expect(table[3 * n + 5]).toBe(1); // never tied: rarest
  });
});
