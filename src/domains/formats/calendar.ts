import type { Context } from '../../platform/context.js';
import { getPlaces } from '../places/service.js';
import { createHash } from 'node:crypto';
import { renderCalendar, renderEvent, wrapCalendar, type CalendarEvent } from './ical/calendar-writer.js';
import { formatLabels } from './messages.js';
import { DAY_MS, type FormatKind } from './model.js';
import { loadVisibleFormat } from './policy.js';
import { selectFeedFormats, selectFeedIndex, type FeedRow } from './queries.js';
import { ownRegistration } from './registrations.js';

/** iCalendar: a subscribable feed of public formats (all, or one kind) and one format's entry. */

/** Past formats stay in the feed this long, so calendars keep them (and their cancellations). */
const FEED_HISTORY_DAYS = 365;

async function eventsOf(ctx: Context, rows: FeedRow[], onlineLink?: string | null): Promise<CalendarEvent[]> {
  const places = new Map((await getPlaces(ctx, [...new Set(rows.flatMap((r) => (r.place_id ? [r.place_id] : [])))])).map((p) => [p.id, p.name]));
  const labels = formatLabels('de');
  return rows.map((row) => ({
    id: row.uid,
    sequence: row.sequence,
    status: row.status === 'cancelled' ? 'cancelled' : 'confirmed',
    title: row.status === 'cancelled' ? `Abgesagt: ${row.title}` : row.title,
    description: row.teaser,
    url: `${ctx.config.publicUrl}/formate/${row.slug}`,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    location: row.mode === 'digital' ? 'Online' : [row.venue, row.place_id ? places.get(row.place_id) : null].filter(Boolean).join(', ') || undefined,
    categories: [labels.kind(row.kind)],
    ...(onlineLink ? { onlineLink } : {}),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }));
}

const host = (ctx: Context) => new URL(ctx.config.publicUrl).host;

/**
 * Rendered entries per database handle, by format uid, with the stamp they were rendered from: a
 * feed of thousands of formats renders only the entries that changed since (one small query tells),
 * and answers with the same text — and ETag — while nothing did.
 */
const entries = new WeakMap<object, Map<string, { stamp: string; text: string }>>();
const feeds = new WeakMap<object, Map<string, { version: string; text: string }>>();

function cacheOf<V>(store: WeakMap<object, Map<string, V>>, owner: object): Map<string, V> {
  const cache = store.get(owner) ?? new Map<string, V>();
  store.set(owner, cache);
  return cache;
}

/** The feed of published and cancelled formats (of one kind, when given), from a year back, and its version (for the ETag). */
export async function formatsFeed(ctx: Context, kind?: FormatKind): Promise<{ text: string; version: string }> {
  // Whole days: the window moves once a day.
  const today = Math.floor(ctx.clock.now().getTime() / DAY_MS) * DAY_MS;
  const index = await selectFeedIndex(ctx.db, { kind, since: new Date(today - FEED_HISTORY_DAYS * DAY_MS) });
  const version = createHash('sha256').update(`${kind ?? 'all'}:${today}:${index.map((e) => `${e.id}=${e.stamp}`).join(',')}`).digest('base64url');
  const feedCache = cacheOf(feeds, ctx.db);
  const hit = feedCache.get(kind ?? '');
  if (hit?.version === version) return hit;
  const rendered = cacheOf(entries, ctx.db);
  const stale = index.filter((e) => rendered.get(e.uid)?.stamp !== e.stamp);
  if (stale.length > 0) {
    const stamps = new Map(stale.map((e) => [e.uid, e.stamp]));
    const rows = await selectFeedFormats(ctx.db, { ids: stale.map((e) => e.id) });
    for (const event of await eventsOf(ctx, rows)) rendered.set(event.id, { stamp: stamps.get(event.id)!, text: renderEvent(event, host(ctx)) });
  }
  // Entries of formats that left the full feed (older than a year, deleted) are dropped.
  if (!kind && rendered.size > index.length) {
    const current = new Set(index.map((e) => e.uid));
    for (const uid of rendered.keys()) if (!current.has(uid)) rendered.delete(uid);
  }
  const name = kind ? `Quartiersnetz – ${formatLabels('de').kind(kind)}` : 'Quartiersnetz – Formate';
  const text = wrapCalendar(index.map((e) => rendered.get(e.uid)!.text), { host: host(ctx), feed: { name } });
  feedCache.set(kind ?? '', { version, text });
  return { version, text };
}

/**
 * One format's entry. A registered participant's own download carries the online access link;
 * everyone else's does not. Drafts have none (404 for outsiders, as their page).
 */
export async function formatCalendar(ctx: Context, ref: string | number): Promise<{ slug: string; text: string; personal: boolean }> {
  const { row, canEdit } = await loadVisibleFormat(ctx, ref);
  const registration = await ownRegistration(ctx, row);
  const personal = canEdit || registration?.status === 'registered';
  const events = await eventsOf(ctx, [row], personal ? row.online_link : null);
  return { slug: row.slug, text: renderCalendar(events, { host: host(ctx) }), personal };
}
