import { sql, type SqlBool } from 'kysely';
import type { DbOrTx } from '../../platform/db/index.js';
import type { Sector } from './model.js';
import { matchingActors, type MatchSpec } from './search-queries.js';

/** SQL of the map: the directory's matches (search-queries.ts) that have coordinates. */

const hasCoordinates = sql<SqlBool>`actors.latitude between -90 and 90 and actors.longitude between -180 and 180`;

/** The map's actors with the columns it shows (a `union all` when the search text matches in two ways). */
function onMap(db: DbOrTx, spec: MatchSpec) {
  const [matches, fuzzy] = matchingActors(db, spec);
  const located = (rows: typeof matches) =>
    rows.where(hasCoordinates).select(['actors.id', 'actors.slug', 'actors.name', 'actors.sector', 'actors.state_code', 'actors.latitude', 'actors.longitude', 'actors.place_id']);
  return fuzzy ? located(matches).unionAll(located(fuzzy)) : located(matches);
}

/** How many actors the map shows per state (null: no state known). */
export async function selectStateCounts(db: DbOrTx, spec: MatchSpec): Promise<{ state: string | null; count: number }[]> {
  const rows = await db
    .selectFrom(onMap(db, spec).as('a'))
    .select(['a.state_code', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('a.state_code')
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
export async function selectFirstPerState(db: DbOrTx, spec: MatchSpec, perState: number): Promise<MapListRow[]> {
  const ranked = db
    .selectFrom(onMap(db, spec).as('a'))
    .select(['a.id', 'a.slug', 'a.name', 'a.sector', 'a.state_code', 'a.place_id', sql<number>`row_number() over (partition by a.state_code order by lower(a.name), a.id)`.as('position')]);
  return db
    .selectFrom(ranked.as('r'))
    .leftJoin('places', 'places.id', 'r.place_id')
    .select(['r.id', 'r.slug', 'r.name', 'r.sector', 'r.state_code', 'places.name as place'])
    .where('r.position', '<=', perState)
    .orderBy(sql`lower(r.name)`)
    .orderBy('r.id')
    .execute();
}
