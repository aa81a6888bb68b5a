import type { Context } from '../../platform/context.js';
import { getPlaces } from '../places/service.js';
import { renderCalendar, type CalendarEvent } from './ical/calendar-writer.js';
import { formatLabels } from './messages.js';
import { DAY_MS, type FormatKind } from './model.js';
import { loadVisibleFormat } from './policy.js';
import { selectFeedFormats, type FormatRow } from './queries.js';
import { ownRegistration } from './registrations.js';

/** iCalendar: a subscribable feed of public formats (all, or one kind) and one format's entry. */

/** Past formats stay in the feed this long, so calendars keep them (and their cancellations). */
const FEED_HISTORY_DAYS = 365;

async function eventsOf(ctx: Context, rows: FormatRow[], onlineLink?: string | null): Promise<CalendarEvent[]> {
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

/** The feed of published and cancelled formats (of one kind, when given), from a year back. */
export async function formatsFeed(ctx: Context, kind?: FormatKind): Promise<string> {
  const rows = await selectFeedFormats(ctx.db, { kind, since: new Date(ctx.clock.now().getTime() - FEED_HISTORY_DAYS * DAY_MS) });
  const name = kind ? `Quartiersnetz – ${formatLabels('de').kind(kind)}` : 'Quartiersnetz – Formate';
  return renderCalendar(await eventsOf(ctx, rows), { host: host(ctx), feed: { name } });
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
