import { sql, type SqlBool } from 'kysely';
import type { DbOrTx } from '../../platform/db/index.js';
import { filterCondition } from './map-queries.js';
import type { ActionField, ActorKind, Sector, Visibility } from './model.js';
import { listedFor, type Viewer } from './policy.js';
import type { DirectoryQuery } from './search-query.js';

/** SQL of the exports: the directory's listed actors and filters, read in batches by name. */

export interface ExportRow {
  id: number;
  slug: string;
  kind: ActorKind;
  name: string;
  name_key: string;
  sector: Sector;
  action_fields: ActionField[];
  summary: string;
  description: string;
  expertise: string;
  website: string | null;
  links: string[];
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  visibility: Visibility;
  external_id: string | null;
  latitude: number | null;
  longitude: number | null;
  state_code: string | null;
  place_id: number | null;
  place_name: string | null;
  municipality_key: string | null;
  offers: string[];
  needs: string[];
  created_at: Date;
  updated_at: Date;
}

/** Where the previous batch ended: keyset paging on (lower(name), id), which the actors_name_order index serves. */
export interface ExportCursor {
  nameKey: string;
  id: number;
}

/**
 * One batch, in name order, with the place's name and key (the gazetteer's table is read directly,
 * as the map does) and the offers' and needs' German labels in the order the profile lists them.
 * The labels come from one query per batch: a subquery per row cost a millisecond each.
 */
export async function selectExportBatch(db: DbOrTx, viewer: Viewer, query: DirectoryQuery, after: ExportCursor | null, limit: number): Promise<ExportRow[]> {
  const rows = await selectActorsBatch(db, viewer, query, after, limit);
  const ids = [...new Set(rows.flatMap((r) => [...r.offer_ids, ...r.need_ids]))];
  const labels = new Map(ids.length ? (await db.selectFrom('tags').select(['id', 'label']).where(sql<SqlBool>`id = any(${ids}::int[])`).execute()).map((t) => [t.id, t.label]) : []);
  const named = (tagIds: number[]) => tagIds.flatMap((id) => labels.get(id) ?? []);
  return rows.map(({ offer_ids, need_ids, ...row }) => ({ ...row, offers: named(offer_ids), needs: named(need_ids) }));
}

function selectActorsBatch(db: DbOrTx, viewer: Viewer, query: DirectoryQuery, after: ExportCursor | null, limit: number) {
  return db
    .selectFrom('actors')
    .leftJoin('places', 'places.id', 'actors.place_id')
    .where(listedFor(viewer))
    .where(filterCondition(query))
    .where(after ? sql<SqlBool>`(lower(actors.name), actors.id) > (${after.nameKey}, ${after.id})` : sql<SqlBool>`true`)
    .select([
      'actors.id', 'actors.slug', 'actors.kind', 'actors.name', sql<string>`lower(actors.name)`.as('name_key'), 'actors.sector', 'actors.action_fields',
      'actors.summary', 'actors.description', 'actors.expertise', 'actors.website', 'actors.links', 'actors.contact_name', 'actors.contact_email',
      'actors.contact_phone', 'actors.visibility', 'actors.external_id', 'actors.latitude', 'actors.longitude', 'actors.state_code', 'actors.place_id',
      'places.name as place_name', 'places.municipality_key', 'actors.offer_ids', 'actors.need_ids',
      'actors.created_at', 'actors.updated_at',
    ])
    .orderBy(sql`lower(actors.name)`)
    .orderBy('actors.id')
    .limit(limit)
    .execute();
}
