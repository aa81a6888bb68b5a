import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { Context } from '../../platform/context.js';
import { currentPartnerIndex } from './current-partner-index.js';
import type { RankedPartner } from './partner-index.js';
import { selectAllExclusions } from './queries.js';
import { getWeights } from './suggestions.js';

/**
 * Partner suggestions for every listed actor at once (the weekly digest): one synced copy of the
 * network, the exclusions of all actors read in one statement. No access check: jobs call it, no
 * route does; the lists are what the actor's members would see (members-only profiles included).
 */

export interface NetworkSuggestions {
  /** Listed actors ranked. */
  actors: number;
  /** Each listed actor's partners, best first (an empty list when there is none). */
  suggestions: Map<number, RankedPartner[]>;
  ms: number;
}

/** Progress is reported every CHUNK actors; the event loop gets a turn as often, and at least every YIELD_MS. */
const CHUNK = 500;
const YIELD_MS = 50;

export async function suggestForNetwork(
  ctx: Context,
  options: { limit?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<NetworkSuggestions> {
  const started = performance.now();
  const limit = options.limit ?? 10;
  const [index, weights, exclusions] = await Promise.all([currentPartnerIndex(ctx), getWeights(ctx), selectAllExclusions(ctx.db)]);
  // Open, accepted and declined introductions, dismissals and proposed ties; the index itself
  // leaves out each actor's active tie partners (the rest of selectExcludedPartners).
  const excluded = new Map<number, number[]>();
  for (const row of exclusions) {
    const id = Number(row.actor_id);
    const list = excluded.get(id);
    if (list) list.push(Number(row.other));
    else excluded.set(id, [Number(row.other)]);
  }
  const ids = index.listedActorIds();
  const now = ctx.clock.now().getTime();
  const suggestions = new Map<number, RankedPartner[]>();
  let turn = performance.now();
  for (const [i, actorId] of ids.entries()) {
    const exclude = new Set<number>(excluded.get(actorId) ?? []);
    exclude.add(actorId);
    suggestions.set(actorId, index.suggest({ actorId, exclude, member: true, limit, weights, now }));
    const done = i + 1;
    if (done % CHUNK === 0 && done < ids.length) options.onProgress?.(done, ids.length);
    if (done % CHUNK === 0 || performance.now() - turn >= YIELD_MS) {
      await yieldToLoop();
      turn = performance.now();
    }
  }
  options.onProgress?.(ids.length, ids.length);
  return { actors: ids.length, suggestions, ms: Math.round(performance.now() - started) };
}
