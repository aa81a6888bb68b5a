import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { DbOrTx } from '../../platform/db/index.js';
import type { Sector } from './model.js';
import { listedFor, type Viewer } from './policy.js';
import { searchable, textTerms, type DirectoryQuery } from './search-query.js';

/** SQL of the map: the listed actors that have coordinates and match the directory's filters. */

/** At most this many trigram candidates per search text (the directory's cap: a common word stays cheap). */
const FUZZY_CAP = 500;

const and = (conditions: RawBuilder<SqlBool>[]) => (conditions.length ? sql<SqlBool>`(${sql.join(conditions, sql` and `)})` : sql<SqlBool>`true`);

/** The search text: German full-text search, or a word inside a compound, a prefix or a typo (trigrams). */
function textCondition(q: string): RawBuilder<SqlBool> {
  if (!searchable(q)) return sql<SqlBool>`false`;
  const fts = sql<SqlBool>`actors.search_vector @@ websearch_to_tsquery('german', ${q})`;
  const terms = textTerms(q);
  if (!terms) return fts;
  const alternatives = terms.alternatives.map((alternative) =>
    and([
      ...alternative.include.map((word) => sql<SqlBool>`(f.search_text like '%' || ${word} || '%' or ${word} <% f.search_text)`),
      ...alternative.exclude.map((word) => sql<SqlBool>`f.search_text not like '%' || ${word} || '%'`),
    ]),
  );
  return sql<SqlBool>`(${fts} or actors.id in (select f.id from actors f where (${sql.join(alternatives, sql` or `)}) limit ${FUZZY_CAP}))`;
}

/** The directory's filters as one condition on `actors`: any of the values within a facet, every facet. */
export function filterCondition(query: DirectoryQuery): RawBuilder<SqlBool> {
  const conditions: RawBuilder<SqlBool>[] = [];
  if (query.q) conditions.push(textCondition(query.q));
  if (query.sectors.length) conditions.push(sql<SqlBool>`actors.sector = any(${query.sectors}::text[])`);
  if (query.actionFields.length) conditions.push(sql<SqlBool>`actors.action_fields && ${query.actionFields}::text[]`);
  if (query.states.length) conditions.push(sql<SqlBool>`coalesce(actors.state_code = any(${query.states}::text[]), false)`);
  if (query.offers.length) conditions.push(sql<SqlBool>`actors.offer_ids && ${query.offers}::int[]`);
  if (query.needs.length) conditions.push(sql<SqlBool>`actors.need_ids && ${query.needs}::int[]`);
  return and(conditions);
}

/** What the map shows: listed for the viewer, with valid coordinates, matching the filters. */
function onMap(db: DbOrTx, viewer: Viewer, query: DirectoryQuery) {
  return db
    .selectFrom('actors')
    .where(listedFor(viewer))
    .where(sql<SqlBool>`actors.latitude between -90 and 90 and actors.longitude between -180 and 180`)
    .where(filterCondition(query));
}

/**
 * The features of the GeoJSON document as JSON text ('' when there are none), written by
 * PostgreSQL in one pass: no row reaches JavaScript. Plain concatenation with to_json() for the
 * texts is two to three times as fast as json_build_object per row (100,000 actors, PostgreSQL 15).
 * The place name is read from the gazetteer table by a join, for the same reason.
 */
export async function selectFeaturesJson(db: DbOrTx, viewer: Viewer, query: DirectoryQuery, profileUrlBase: string): Promise<string> {
  const actors = onMap(db, viewer, query).select(['actors.id', 'actors.slug', 'actors.name', 'actors.sector', 'actors.latitude', 'actors.longitude', 'actors.place_id']);
  const { rows } = await sql<{ features: string | null }>`
    select string_agg(concat(
      '{"type":"Feature","id":', a.id,
      ',"geometry":{"type":"Point","coordinates":[', a.longitude, ',', a.latitude, ']}',
      ',"properties":{"id":', a.id, ',"slug":', to_json(a.slug), ',"name":', to_json(a.name), ',"sector":', to_json(a.sector),
      ',"url":', to_json(${profileUrlBase} || a.slug), ',"place":', coalesce(to_json(p.name)::text, 'null'), '}}'
    ), ',') as features
    from (${actors}) as a left join places p on p.id = a.place_id`.execute(db);
  return rows[0]?.features ?? '';
}

/** How many actors the map shows per state (null: no state known). */
export async function selectStateCounts(db: DbOrTx, viewer: Viewer, query: DirectoryQuery): Promise<{ state: string | null; count: number }[]> {
  const rows = await onMap(db, viewer, query)
    .select(['actors.state_code', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('actors.state_code')
    .execute();
  return rows.map((r) => ({ state: r.state_code, count: Number(r.n) }));
}

export interface MapListRow {
  id: number;
  slug: string;
  name: string;
  sector: Sector;
  state_code: string | null;
  place: string | null;
}

/** The first `perState` actors of each state by name: the list alternative of the map. */
export async function selectFirstPerState(db: DbOrTx, viewer: Viewer, query: DirectoryQuery, perState: number): Promise<MapListRow[]> {
  const ranked = onMap(db, viewer, query).select([
    'actors.id',
    sql<number>`row_number() over (partition by actors.state_code order by lower(actors.name), actors.id)`.as('position'),
  ]);
  return db
    .selectFrom(ranked.as('r'))
    .innerJoin('actors', 'actors.id', 'r.id')
    .leftJoin('places', 'places.id', 'actors.place_id')
    .select(['actors.id', 'actors.slug', 'actors.name', 'actors.sector', 'actors.state_code', 'places.name as place'])
    .where('r.position', '<=', perState)
    .orderBy(sql`lower(actors.name)`)
    .orderBy('actors.id')
    .execute();
}
