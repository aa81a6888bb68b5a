import { sql } from 'kysely';
import type { Context } from '../../platform/context.js';
import type { ActionField, ActorKind, ActorStatus, Sector, Visibility } from './model.js';

/**
 * What the partner suggestions read of the actors (for the partnering domain's in-memory index):
 * every actor with its sector, place, offers, needs and the stemmed words of its expertise, or the
 * actors changed since a snapshot — from the same change log as the directory index (migration
 * 0009), so a transaction that commits late is not missed.
 */

export interface MatchingActor {
  id: number;
  slug: string;
  name: string;
  kind: ActorKind;
  sector: Sector;
  actionFields: ActionField[];
  /** Approved, not merged away: listed for `visibility` (hidden: for no one). */
  listed: boolean;
  visibility: Visibility;
  latitude: number | null;
  longitude: number | null;
  offerIds: number[];
  needIds: number[];
  /** Lexemes (German stemming) of the expertise text. */
  expertiseWords: string[];
  updatedAt: Date;
}

export interface MatchingTag {
  id: number;
  label: string;
  labelEn: string | null;
  /** Lexemes of the German and English label. */
  words: string[];
}

export interface MatchingFeed {
  snapshot: string;
  /** Changed or new actors (all of them on a full load). */
  actors: MatchingActor[];
  /** Ids of actors deleted since the snapshot. */
  deleted: number[];
}

interface Row {
  snapshot: string;
  changed: number | string | null;
  id: number | string | null;
  slug: string | null;
  name: string | null;
  kind: ActorKind | null;
  sector: Sector | null;
  action_fields: ActionField[] | null;
  listed: boolean | null;
  visibility: Visibility | null;
  status: ActorStatus | null;
  latitude: number | null;
  longitude: number | null;
  offer_ids: number[] | null;
  need_ids: number[] | null;
  expertise_words: string | null;
  updated_at: Date | null;
}

const columns = sql`a.id, a.slug, a.name, a.kind, a.sector, a.action_fields, a.status = 'approved' and a.merged_into is null as listed,
  a.visibility, a.status, a.latitude, a.longitude, a.offer_ids, a.need_ids,
  array_to_string(tsvector_to_array(to_tsvector('german'::regconfig, left(a.expertise, 2000))), ' ') as expertise_words, a.updated_at`;

function feed(rows: Row[]): MatchingFeed {
  const result: MatchingFeed = { snapshot: rows[0]?.snapshot ?? '', actors: [], deleted: [] };
  for (const row of rows) {
    if (row.changed === null) continue;
    if (row.id === null) {
      result.deleted.push(Number(row.changed));
      continue;
    }
    result.actors.push({
      id: Number(row.id),
      slug: row.slug!,
      name: row.name!,
      kind: row.kind!,
      sector: row.sector!,
      actionFields: row.action_fields ?? [],
      listed: row.listed === true,
      visibility: row.visibility!,
      latitude: row.latitude,
      longitude: row.longitude,
      offerIds: row.offer_ids ?? [],
      needIds: row.need_ids ?? [],
      expertiseWords: row.expertise_words ? row.expertise_words.split(' ') : [],
      updatedAt: row.updated_at!,
    });
  }
  return result;
}

/** Every actor, with the snapshot it was read in. */
export async function loadMatchingActors(ctx: Context): Promise<MatchingFeed> {
  const { rows } = await sql<Row>`select pg_current_snapshot()::text as snapshot, a.id as changed, ${columns}
    from (select 1) as one left join actors a on true`.execute(ctx.db);
  return feed(rows);
}

/** The actors written by transactions committed since `snapshot` (deleted ones by id). */
export async function matchingChangesSince(ctx: Context, snapshot: string): Promise<MatchingFeed> {
  const { rows } = await sql<Row>`
    with changed as (
      select distinct actor_id from actor_changes
      where xid >= pg_snapshot_xmin(cast(${snapshot} as pg_snapshot)) and not pg_visible_in_snapshot(xid, cast(${snapshot} as pg_snapshot))
    )
    select pg_current_snapshot()::text as snapshot, c.actor_id as changed, ${columns}
    from (select 1) as one left join (changed c left join actors a on a.id = c.actor_id) on true`.execute(ctx.db);
  return feed(rows);
}

/** The offers/needs vocabulary and free tags with their stemmed words (all of them, or the given ids). */
export async function loadMatchingTags(ctx: Context, ids?: number[]): Promise<MatchingTag[]> {
  if (ids && ids.length === 0) return [];
  const filter = ids ? sql`where id = any(${ids}::int[])` : sql``;
  const { rows } = await sql<{ id: number; label: string; label_en: string | null; words: string }>`
    select id, label, label_en,
      array_to_string(tsvector_to_array(to_tsvector('german'::regconfig, label) || to_tsvector('english'::regconfig, coalesce(label_en, ''))), ' ') as words
    from tags ${filter}`.execute(ctx.db);
  return rows.map((r) => ({ id: r.id, label: r.label, labelEn: r.label_en, words: r.words ? r.words.split(' ') : [] }));
}
