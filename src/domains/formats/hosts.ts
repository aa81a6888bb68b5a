import type { Context } from '../../platform/context.js';
import { actorCards, actorCardsBySlugs, type ActorCard } from '../actors/service.js';

/** Host organisations: named by profile address (slug or the profile's URL), shown as cards. */

/** "https://…/akteure/quartiersverein-nord" or "quartiersverein-nord" → "quartiersverein-nord". */
export function hostSlug(ref: string): string {
  const match = /\/akteure\/([^/?#\s]+)\/?(?:[?#].*)?$/.exec(ref);
  return (match ? match[1]! : ref).toLowerCase();
}

/** Each reference that names a listed actor → its id (unknown, hidden or merged ones are missing). */
export async function findHostActors(ctx: Context, refs: string[]): Promise<Map<string, number>> {
  // Only what could be a slug is looked up; anything else is simply not found.
  const cards = await actorCardsBySlugs(ctx, refs.map(hostSlug).filter((slug) => /^[a-z0-9-]{1,200}$/.test(slug)));
  const found = new Map<string, number>();
  for (const ref of refs) {
    const card = cards.get(hostSlug(ref));
    if (card?.listed) found.set(ref, card.id);
  }
  return found;
}

/** Host cards per format; those the viewer may not see are left out. */
export async function hostCards(ctx: Context, hostIds: Map<number, number[]>): Promise<Map<number, ActorCard[]>> {
  const cards = await actorCards(ctx, [...hostIds.values()].flat());
  return new Map([...hostIds].map(([formatId, ids]) => [formatId, ids.flatMap((id) => (cards.get(id)?.listed ? [cards.get(id)!] : []))]));
}
