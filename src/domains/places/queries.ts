import { sql, type ColumnType, type Selectable } from 'kysely';
import type { DbOrTx } from '../../platform/db/index.js';
import type { Place } from './service.js';

export interface PlacesTable {
  id: number;
  name: string;
  municipality_key: string | null;
  state_code: string;
  district: string | null;
  latitude: number;
  longitude: number;
  population: ColumnType<number, number | undefined, number>;
  postcodes: ColumnType<string[], string[] | undefined, string[]>;
}

declare module '../../platform/db/types.js' {
  interface Database {
    places: PlacesTable;
  }
}

export type PlaceRow = Selectable<PlacesTable>;

const columns = ['id', 'name', 'municipality_key', 'state_code', 'district', 'latitude', 'longitude', 'population', 'postcodes'] as const;

export async function selectPlacesByIds(db: DbOrTx, ids: number[]): Promise<PlaceRow[]> {
  if (ids.length === 0) return [];
  // One array parameter, however many ids (PGlite refuses statements with ≥ 32,768 parameters).
  return db.selectFrom('places').select(columns).where(sql<boolean>`id = any(${ids}::integer[])`).execute();
}

/** LIKE pattern characters taken literally. */
const literal = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

const lowerName = sql<string>`lower(name)`;

/** Places whose lower-case name starts with one of the terms (the btree index), exact names first, then by population. */
export async function selectPlacesByPrefix(db: DbOrTx, terms: string[], limit: number): Promise<PlaceRow[]> {
  return db
    .selectFrom('places')
    .select(columns)
    .where((eb) => eb.or(terms.map((term) => eb(lowerName, 'like', `${literal(term)}%`))))
    .orderBy(sql`${lowerName} = any(${terms}::text[])`, 'desc')
    .orderBy('population', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Places whose name contains a term further in ("Neustadt" → "Titisee-Neustadt"), by population. */
export async function selectPlacesContaining(db: DbOrTx, terms: string[], limit: number): Promise<PlaceRow[]> {
  return db
    .selectFrom('places')
    .select(columns)
    .where((eb) => eb.or(terms.map((term) => eb.and([eb(lowerName, 'like', `%${literal(term)}%`), eb(lowerName, 'not like', `${literal(term)}%`)]))))
    .orderBy('population', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/**
 * Places whose name resembles a term (pg_trgm similarity above its default threshold of 0.3,
 * answerable from the trigram index): the typo search, most similar first, then by population.
 */
export async function selectPlacesSimilar(db: DbOrTx, terms: string[], limit: number): Promise<PlaceRow[]> {
  const similarity = terms.map((term) => sql<number>`similarity(${lowerName}, ${term})`);
  return db
    .selectFrom('places')
    .select(columns)
    .where(sql<boolean>`(${sql.join(terms.map((term) => sql`${lowerName} % ${term}`), sql` or `)})`)
    .orderBy(sql`greatest(${sql.join(similarity)})`, 'desc')
    .orderBy('population', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/**
 * Places with a postcode starting with `prefix` (2–5 digits), most populous first. A whole
 * postcode asks the GIN index; a beginning matches the joined postcodes, far cheaper per row than
 * an overlap with every postcode it could be.
 */
export async function selectPlacesByPostcode(db: DbOrTx, prefix: string, limit: number): Promise<PlaceRow[]> {
  if (!/^\d{2,5}$/.test(prefix)) return [];
  const matches = prefix.length === 5 ? sql<boolean>`postcodes @> array[${prefix}]::text[]` : sql<boolean>`array_to_string(postcodes, ' ') ~ ${`(^| )${prefix}`}`;
  return db.selectFrom('places').select(columns).where(matches).orderBy('population', 'desc').orderBy('id').limit(limit).execute();
}

/** Places named exactly `name` or whose name continues it ("Halle" → "Halle (Saale)"), exact ones first. */
export async function selectPlacesNamed(db: DbOrTx, name: string, limit: number): Promise<(PlaceRow & { exact: boolean })[]> {
  return db
    .selectFrom('places')
    .select([...columns, sql<boolean>`${lowerName} = ${name}`.as('exact')])
    .where((eb) => eb.or([eb(lowerName, '=', name), eb(lowerName, 'like', `${literal(name)} %`), eb(lowerName, 'like', `${literal(name)}-%`)]))
    .orderBy('exact', 'desc')
    .orderBy('population', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Every place's id, municipality key and population: what the demo sampler weighs. */
export async function selectPlaceWeights(db: DbOrTx) {
  return db.selectFrom('places').select(['id', 'municipality_key', 'population']).orderBy('id').execute();
}

export async function placesExist(db: DbOrTx): Promise<boolean> {
  const row = await db.selectFrom('places').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

/**
 * Inserts rows as nine array parameters unnested by the server: one round trip per chunk and far
 * below PGlite's parameter limit. Postcodes travel space-separated (arrays of arrays must be
 * rectangular).
 */
export async function insertPlaces(db: DbOrTx, rows: Place[]) {
  if (rows.length === 0) return;
  const column = <T>(pick: (r: Place) => T) => rows.map(pick);
  await sql`
    insert into places (id, name, municipality_key, state_code, district, latitude, longitude, population, postcodes)
    select id, name, municipality_key, state_code, district, latitude, longitude, population, string_to_array(postcodes, ' ')
    from unnest(
      ${column((r) => r.id)}::integer[], ${column((r) => r.name)}::text[], ${column((r) => r.municipalityKey)}::text[],
      ${column((r) => r.stateCode)}::text[], ${column((r) => r.district)}::text[], ${column((r) => r.latitude)}::double precision[],
      ${column((r) => r.longitude)}::double precision[], ${column((r) => r.population)}::integer[], ${column((r) => r.postcodes.join(' '))}::text[]
    ) as t(id, name, municipality_key, state_code, district, latitude, longitude, population, postcodes)
    on conflict (id) do nothing`.execute(db);
}
