import type { Context } from '../../platform/context.js';
import type { Recipient } from './mails.js';
import type { ActorKind, ActorStatus, MemberRole, Sector, Visibility } from './model.js';
import { loadVisibleActor } from './profiles.js';
import { listedVisibilities, viewerOf } from './policy.js';
import { lockAdminIds, selectUsersByIds, type ActorRow } from './queries.js';

/** Short actor descriptions and admin addresses for other domains (introductions, ties, lists). */

export interface ActorCard {
  id: number;
  slug: string;
  name: string;
  kind: ActorKind;
  sector: Sector;
  visibility: Visibility;
  /** Listed for the viewer (approved, not merged, visible): may be named and linked. */
  listed: boolean;
  contact: { name: string | null; email: string | null; phone: string | null };
}

/** The actors with these ids (missing ones left out); `listed` says whether the viewer may see them. */
export async function actorCards(ctx: Context, ids: number[]): Promise<Map<number, ActorCard>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const visible = new Set<string>(listedVisibilities(viewerOf(ctx)));
  const rows = await ctx.db
    .selectFrom('actors')
    .select(['id', 'slug', 'name', 'kind', 'sector', 'visibility', 'status', 'merged_into', 'contact_name', 'contact_email', 'contact_phone'])
    .where('id', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.id, toCard(r, visible)]));
}

/** The actors with these profile addresses (slugs), by slug; missing ones left out. */
export async function actorCardsBySlugs(ctx: Context, slugs: string[]): Promise<Map<string, ActorCard>> {
  const unique = [...new Set(slugs)].filter((slug) => slug.length <= 200);
  if (unique.length === 0) return new Map();
  const visible = new Set<string>(listedVisibilities(viewerOf(ctx)));
  const rows = await ctx.db
    .selectFrom('actors')
    .select(['id', 'slug', 'name', 'kind', 'sector', 'visibility', 'status', 'merged_into', 'contact_name', 'contact_email', 'contact_phone'])
    .where('slug', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.slug, toCard(r, visible)]));
}

type CardRow = Pick<ActorRow, 'id' | 'slug' | 'name' | 'kind' | 'sector' | 'visibility' | 'status' | 'merged_into' | 'contact_name' | 'contact_email' | 'contact_phone'>;

/** A row as a card; `visible`: the visibilities the viewer has listed (policy.ts). */
function toCard(r: CardRow, visible: Set<string>): ActorCard {
  return {
    id: r.id,
    slug: r.slug,
    name: r.name,
    kind: r.kind,
    sector: r.sector,
    visibility: r.visibility,
    listed: r.status === 'approved' && r.merged_into === null && visible.has(r.visibility),
    contact: { name: r.contact_name, email: r.contact_email, phone: r.contact_phone },
  };
}

/**
 * The active admins of an actor as mail recipients, their rows locked in the caller's transaction
 * (so that a concurrent role change waits).
 */
export async function actorAdmins(ctx: Context, actorId: number): Promise<(Recipient & { id: number })[]> {
  const rows = await selectUsersByIds(ctx.db, await lockAdminIds(ctx.db, actorId));
  return rows.map((r) => ({ id: r.id, email: r.email, name: r.name, locale: r.locale }));
}

/** One actor as a card, with the viewer's role in it, as loadVisibleActor decides (404 when not visible): the light lookup for other domains. */
export async function actorCardForViewer(ctx: Context, ref: string | number): Promise<ActorCard & { membership: MemberRole | null; status: ActorStatus }> {
  const { row, membership } = await loadVisibleActor(ctx, ref);
  return { ...toCard(row, new Set<string>(listedVisibilities(viewerOf(ctx)))), status: row.status, membership };
}
