import type { Context } from '../../platform/context.js';
import { getPlaces } from '../places/service.js';
import { renderCalendar, type CalendarEvent } from './ical/calendar-writer.js';
import { formatLabels } from './messages.js';
import { DAY_MS, type FormatKind } from './model.js';
import { loadVisibleFormat } from './policy.js';
import { selectFeedFormats, selectFeedVersion, type FeedRow } from './queries.js';
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
 * The rendered feeds per database handle and kind, with the version they were rendered from: a feed
 * of thousands of formats is rebuilt only when a format in it changed (one small query tells).
 */
const feeds = new WeakMap<object, Map<string, { version: string; text: string }>>();

/** The feed of published and cancelled formats (of one kind, when given), from a year back, and its version (for the ETag). */
export async function formatsFeed(ctx: Context, kind?: FormatKind): Promise<{ text: string; version: string }> {
  // Whole days: the window moves once a day, so the version (and the cached text) holds all day.
  const today = Math.floor(ctx.clock.now().getTime() / DAY_MS) * DAY_MS;
  const window = { kind, since: new Date(today - FEED_HISTORY_DAYS * DAY_MS) };
  const version = `${kind ?? 'all'}:${today}:${await selectFeedVersion(ctx.db, window)}`;
  const cache = feeds.get(ctx.db) ?? new Map<string, { version: string; text: string }>();
  feeds.set(ctx.db, cache);
  const hit = cache.get(kind ?? '');
  if (hit?.version === version) return hit;
  const name = kind ? `Quartiersnetz – ${formatLabels('de').kind(kind)}` : 'Quartiersnetz – Formate';
  const text = renderCalendar(await eventsOf(ctx, await selectFeedFormats(ctx.db, window)), { host: host(ctx), feed: { name } });
  cache.set(kind ?? '', { version, text });
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
