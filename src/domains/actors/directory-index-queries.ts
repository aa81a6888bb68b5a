import { sql } from 'kysely';
import type { DbOrTx } from '../../platform/db/index.js';
import type { ActionField, ActorStatus, Sector, Visibility } from './model.js';

/**
 * The directory index's SQL (ADR 0007): every actor as the index keeps it, and the actors changed
 * since a snapshot, read from the change log of migration 0009.
 */

/** An actor as the index reads it; with `changed` set and `id` null it was deleted. */
export interface IndexRow {
  snapshot: string;
  /** The changed actor's id (null: nothing changed). */
  changed: string | number | null;
  /** null: the actor was deleted. */
  id: string | number | null;
  status: ActorStatus | null;
  visibility: Visibility | null;
  merged: boolean | null;
  sector: Sector | null;
  state_code: string | null;
  action_fields: ActionField[] | null;
  offer_ids: number[] | null;
  need_ids: number[] | null;
  /** The lexemes of search_vector, space-separated (a lexeme never has a space); those of the name (weight A). */
  words: string | null;
  name_words: string | null;
  slug: string | null;
  name: string | null;
  latitude: number | null;
  longitude: number | null;
  /** The name of the actor's place. */
  place: string | null;
}

const actorColumns = sql`a.id, a.status, a.visibility, a.merged_into is not null as merged, a.sector, a.state_code, a.action_fields,
  a.offer_ids, a.need_ids,
  array_to_string(tsvector_to_array(a.search_vector), ' ') as words,
  array_to_string(tsvector_to_array(ts_filter(a.search_vector, '{a}')), ' ') as name_words,
  a.slug, a.name, a.latitude, a.longitude, (select p.name from places p where p.id = a.place_id) as place`;

/** Every actor, with the snapshot it was read in (one row even when there are none). */
export const fullLoad = (db: DbOrTx) =>
  sql<IndexRow>`select pg_current_snapshot()::text as snapshot, a.id as changed, ${actorColumns}
    from (select 1) as one left join actors a on true`.execute(db);

/**
 * The actors changed by transactions that were not yet visible in `snapshot` and are now (deleted
 * ones with null columns), and the new snapshot. A transaction in progress then is read next time.
 */
export const changesSince = (db: DbOrTx, snapshot: string) =>
  sql<IndexRow>`
    with changed as (
      select distinct actor_id from actor_changes
      where xid >= pg_snapshot_xmin(cast(${snapshot} as pg_snapshot)) and not pg_visible_in_snapshot(xid, cast(${snapshot} as pg_snapshot))
    )
    select pg_current_snapshot()::text as snapshot, c.actor_id as changed, ${actorColumns}
    from (select 1) as one left join (changed c left join actors a on a.id = c.actor_id) on true`.execute(db);

/** The log is only read forward from a snapshot no older than the index's full reload (6 h): a day is plenty. */
export const pruneChanges = (db: DbOrTx) => sql`delete from actor_changes where changed_at < now() - interval '1 day'`.execute(db);
