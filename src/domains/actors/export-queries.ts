import { sql, type SqlBool } from 'kysely';
import type { DbOrTx } from '../../platform/db/index.js';
import type { ActorRow, ProfileColumns } from './queries.js';
import { matchingActors, type MatchSpec } from './search-queries.js';

/** SQL of the exports: the directory's matches (search-queries.ts), read in batches by name. */

export interface ExportRow extends ProfileColumns, Pick<ActorRow, 'latitude' | 'longitude' | 'state_code' | 'created_at' | 'updated_at'> {
  name_key: string;
  place_name: string | null;
  municipality_key: string | null;
  /** German labels of the tags. */
  offers: string[];
  needs: string[];
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
export async function selectExportBatch(db: DbOrTx, spec: MatchSpec, after: ExportCursor | null, limit: number): Promise<ExportRow[]> {
  const rows = await selectActorsBatch(db, spec, after, limit);
  const ids = [...new Set(rows.flatMap((r) => [...r.offer_ids, ...r.need_ids]))];
  const labels = new Map(ids.length ? (await db.selectFrom('tags').select(['id', 'label']).where(sql<SqlBool>`id = any(${ids}::int[])`).execute()).map((t) => [t.id, t.label]) : []);
  const named = (tagIds: number[]) => tagIds.flatMap((id) => labels.get(id) ?? []);
  return rows.map(({ offer_ids, need_ids, ...row }) => ({ ...row, offers: named(offer_ids), needs: named(need_ids) }));
}

/** The next `limit` matches by name: each way of matching takes its own next ones (index order), then the first of both. */
function selectActorsBatch(db: DbOrTx, spec: MatchSpec, after: ExportCursor | null, limit: number) {
  const next = matchingActors(db, spec).map(
    (rows) =>
      sql`(${rows
        .where(after ? sql<SqlBool>`(lower(actors.name), actors.id) > (${after.nameKey}, ${after.id})` : sql<SqlBool>`true`)
        .select(['actors.id', sql<string>`lower(actors.name)`.as('name_key')])
        .orderBy(sql`lower(actors.name)`)
        .orderBy('actors.id')
        .limit(limit)})`,
  );
  return db
    .selectFrom(sql<{ id: number; name_key: string }>`(${sql.join(next, sql` union all `)})`.as('m'))
    .innerJoin('actors', 'actors.id', 'm.id')
    .leftJoin('places', 'places.id', 'actors.place_id')
    .select([
      'actors.id', 'actors.slug', 'actors.kind', 'actors.name', 'm.name_key', 'actors.sector', 'actors.action_fields',
      'actors.summary', 'actors.description', 'actors.expertise', 'actors.website', 'actors.links', 'actors.contact_name', 'actors.contact_email',
      'actors.contact_phone', 'actors.visibility', 'actors.external_id', 'actors.latitude', 'actors.longitude', 'actors.state_code', 'actors.place_id',
      'places.name as place_name', 'places.municipality_key', 'actors.offer_ids', 'actors.need_ids',
      'actors.created_at', 'actors.updated_at',
    ])
    .orderBy('m.name_key')
    .orderBy('m.id')
    .limit(limit)
    .execute();
}
