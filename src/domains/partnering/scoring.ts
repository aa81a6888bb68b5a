import type { ActionField, Sector } from '../actors/service.js';

/**
 * How promising a partner is, as a weighted sum of components that each lie in [0, 1]. The
 * coordinators set the weights (settings page); the components are computed from the evidence:
 *
 * - complement: offers matching the other's needs, averaged over both directions (cosine of the
 *   tag sets, so a partner who offers exactly what is needed beats one who offers everything);
 * - reciprocity: the geometric mean of both directions — zero unless each side has something the
 *   other needs (reciprocal recommenders, e.g. RECON, roughly doubled top-10 success this way);
 * - text: the same on the stemmed words of offers, needs and expertise (partial matches such as
 *   „Räume“ ↔ „Räume für Veranstaltungen“, free tags, expertise);
 * - fields: shared action fields (Jaccard);
 * - sector: a different sector, more for sector pairs that are still rarely tied in the network;
 * - distance: closeness, on a scale set by the action fields (rural partners may be farther away);
 * - warmPath: a common tie who can introduce them;
 * - activity: recently active (profile changed or a new tie), halving every ~4 months.
 */

export const WEIGHT_KEYS = ['complement', 'reciprocity', 'text', 'fields', 'sector', 'distance', 'warmPath', 'activity'] as const;
export type WeightKey = (typeof WEIGHT_KEYS)[number];
export type Weights = Record<WeightKey, number>;
export type Components = Record<WeightKey, number>;

export const DEFAULT_WEIGHTS: Weights = { complement: 3, reciprocity: 3, text: 1, fields: 0.75, sector: 1, distance: 3, warmPath: 0.75, activity: 0.25 };
export const WEIGHT_MAX = 10;

/** Distance at which closeness has fallen to one half, by action field (km). */
export const FIELD_SCALE_KM: Record<ActionField, number> = { neighbourhood: 10, inner_city: 20, small_towns: 40, rural: 70 };
export const DEFAULT_SCALE_KM = 30;
const FIELD_ORDER: ActionField[] = ['neighbourhood', 'inner_city', 'small_towns', 'rural'];

/** The bitmask of a list of action fields (the order of FIELD_ORDER). */
export function fieldMask(fields: readonly string[]): number {
  let mask = 0;
  for (const field of fields) {
    const bit = FIELD_ORDER.indexOf(field as ActionField);
    if (bit >= 0) mask |= 1 << bit;
  }
  return mask;
}

export function fieldsOfMask(mask: number): ActionField[] {
  return FIELD_ORDER.filter((_, bit) => (mask & (1 << bit)) !== 0);
}

/** Half-distance (km) for a pair: the largest scale of their shared fields, else of all their fields. */
const scaleByMask = Array.from({ length: 16 }, (_, mask) => (mask === 0 ? DEFAULT_SCALE_KM : Math.max(...fieldsOfMask(mask).map((f) => FIELD_SCALE_KM[f]))));
export function pairScaleKm(maskA: number, maskB: number): number {
  const shared = maskA & maskB;
  return scaleByMask[shared !== 0 ? shared : maskA | maskB]!;
}

/** Closeness in [0, 1]: 1 at the same place, ½ at the pair's scale. */
export function closeness(distanceKm: number, scaleKm: number): number {
  const r = distanceKm / scaleKm;
  return 1 / (1 + r * r);
}

const EARTH_RADIUS_KM = 6371;
const RAD = Math.PI / 180;
/** Great-circle distance in km. */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Cosine of two sets given their overlap and sizes (0 when one is empty). */
export function setCosine(overlap: number, sizeA: number, sizeB: number): number {
  return overlap === 0 ? 0 : overlap / Math.sqrt(sizeA * sizeB);
}

const popcount = [0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4];
/** Jaccard of two action-field masks. */
export function fieldOverlap(maskA: number, maskB: number): number {
  const union = popcount[(maskA | maskB) & 15]!;
  return union === 0 ? 0 : popcount[maskA & maskB & 15]! / union;
}

/** Activity in [0, 1]: 1 now, ½ after ACTIVITY_HALF_LIFE_DAYS. */
export const ACTIVITY_HALF_LIFE_DAYS = 120;
export function activity(ageMs: number): number {
  return Math.pow(0.5, Math.max(0, ageMs) / (ACTIVITY_HALF_LIFE_DAYS * 24 * 3600 * 1000));
}

/**
 * The sector bonus per sector pair: 0 for the same sector; for different ones 0.4 plus up to 0.6
 * the rarer the pair is among the network's cross-sector ties (all pairs equal while there are none).
 */
export function sectorBonusTable(sectors: readonly Sector[], pairCounts: Float64Array): Float64Array {
  const n = sectors.length;
  const table = new Float64Array(n * n);
  let max = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) max = Math.max(max, pairCounts[i * n + j]!);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const rarity = max === 0 ? 1 : 1 - pairCounts[i * n + j]! / max;
      table[i * n + j] = 0.4 + 0.6 * rarity;
    }
  }
  return table;
}

/** A rare pair: its bonus is in the upper half of what rarity adds. */
export const RARE_PAIR_BONUS = 0.7;

export function weightedScore(weights: Weights, c: Components): number {
  let score = 0;
  for (const key of WEIGHT_KEYS) score += weights[key] * c[key];
  return score;
}
