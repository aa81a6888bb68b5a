import type { Context } from '../context.js';

/**
 * Counts that domains show beside a main-navigation link for signed-in people (e.g. requests that
 * wait for their answer): the in-app side of a notification that also goes out by mail.
 */
export type NavCount = (ctx: Context) => Promise<number>;

const counts = new Map<string, NavCount>();

/** Registers the count shown beside the navigation link to `path` (a second call replaces it). */
export function registerNavCount(path: string, count: NavCount) {
  counts.set(path, count);
}

/** Every registered count for the signed-in person, by path; none for anonymous visitors. */
export async function navCounts(ctx: Context): Promise<Record<string, number>> {
  if (!ctx.user || counts.size === 0) return {};
  const entries = await Promise.all([...counts].map(async ([path, count]) => [path, await count(ctx)] as const));
  return Object.fromEntries(entries.filter(([, n]) => n > 0));
}
