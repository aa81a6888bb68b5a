import type { Sector } from '../actors/service.js';

/** Seats and the sector mix: whether the next person of a sector gets a seat or waits. */

export interface SeatRules {
  capacity: number | null;
  seats_taken: number;
  /** Per cent of the capacity one sector may take at most. */
  max_sector_share: number | null;
}

/** Seats one sector may take: its share of the capacity, rounded down, but at least one. */
export function sectorQuota(rules: Pick<SeatRules, 'capacity' | 'max_sector_share'>): number | null {
  if (rules.capacity === null || rules.max_sector_share === null) return null;
  return Math.max(1, Math.floor((rules.capacity * rules.max_sector_share) / 100));
}

export function decideSeat(rules: SeatRules, sectorCounts: ReadonlyMap<Sector, number>, sector: Sector): 'registered' | 'waitlisted' {
  if (rules.capacity !== null && rules.seats_taken >= rules.capacity) return 'waitlisted';
  const quota = sectorQuota(rules);
  if (quota !== null && (sectorCounts.get(sector) ?? 0) >= quota) return 'waitlisted';
  return 'registered';
}
