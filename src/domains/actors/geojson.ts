import type { Context } from '../../platform/context.js';
import { STATES, type Sector, type StateCode } from './model.js';
import { selectFirstPerState, selectStateCounts } from './map-queries.js';
import { directoryFeatures, directoryMatch } from './search.js';
import type { MatchSpec } from './search-queries.js';
import type { DirectoryQuery } from './search-query.js';

/**
 * The map's use cases: the GeoJSON document, the count per state and the list alternative. They
 * show the directory's matches for the same query (directoryMatch), those with coordinates.
 */

/**
 * Every actor the viewer may see in listings that has a place, as an RFC 7946 FeatureCollection
 * of Points ([longitude, latitude]) — the body of GET /api/v1/actors.geojson, as JSON text. The
 * properties are what the map's popup shows (name, sector, place) and the slug its link is made of.
 */
export async function actorsGeoJson(ctx: Context, query: DirectoryQuery): Promise<string> {
  return `{"type":"FeatureCollection","features":[${await directoryFeatures(ctx, query)}]}`;
}

export interface StateCount {
  /** null: actors whose place has no state (none in the gazetteer; imported coordinates only). */
  state: StateCode | null;
  count: number;
}

const stateOrder = (state: StateCode | null) => (state === null ? STATES.length : STATES.indexOf(state));
const asState = (code: string | null): StateCode | null => STATES.find((s) => s === code) ?? null;

/** How many actors the map shows, per state in the official order. */
export async function mapStateCounts(ctx: Context, query: DirectoryQuery): Promise<{ total: number; states: StateCount[] }> {
  return stateCounts(ctx, await directoryMatch(ctx, query));
}

async function stateCounts(ctx: Context, spec: MatchSpec): Promise<{ total: number; states: StateCount[] }> {
  const counts = new Map<StateCode | null, number>();
  for (const row of await selectStateCounts(ctx.db, spec)) {
    const state = asState(row.state);
    counts.set(state, (counts.get(state) ?? 0) + row.count);
  }
  const states = [...counts].map(([state, count]) => ({ state, count })).sort((a, b) => stateOrder(a.state) - stateOrder(b.state));
  return { total: states.reduce((sum, s) => sum + s.count, 0), states };
}

export interface MapListEntry {
  slug: string;
  name: string;
  sector: Sector;
  place: string | null;
}

export interface MapListGroup extends StateCount {
  /** The first actors by name; `count` may be larger. */
  actors: MapListEntry[];
}

/** The same actors as the map, grouped by state, at most `perState` listed in each. */
export async function mapList(ctx: Context, query: DirectoryQuery, perState: number): Promise<{ total: number; groups: MapListGroup[] }> {
  const spec = await directoryMatch(ctx, query);
  const [{ total, states }, rows] = await Promise.all([stateCounts(ctx, spec), selectFirstPerState(ctx.db, spec, perState)]);
  const byState = new Map<StateCode | null, MapListEntry[]>();
  for (const row of rows) {
    const state = asState(row.state_code);
    const entries = byState.get(state) ?? [];
    entries.push({ slug: row.slug, name: row.name, sector: row.sector, place: row.place });
    byState.set(state, entries);
  }
  return { total, groups: states.map((s) => ({ ...s, actors: byState.get(s.state) ?? [] })) };
}
