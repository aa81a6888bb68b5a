import { sql } from 'kysely';
import type { DbOrTx } from '../../platform/db/index.js';
import type { TieKind, TieOrigin } from './model.js';
import './queries.js';

/** The demo tie generator's SQL (demo-ties.ts): the pairs already tied, and the bulk insert. */

/** Every pair joined by an open tie (proposed or active), of any kind. */
export async function selectOpenTiePairs(db: DbOrTx): Promise<{ actor_a: number; actor_b: number }[]> {
  return db.selectFrom('ties').select(['actor_a', 'actor_b']).where('status', 'in', ['proposed', 'active']).execute();
}

export interface DemoTieColumns {
  a: number[];
  b: number[];
  kind: TieKind[];
  origin: TieOrigin[];
  /** ISO dates. */
  since: string[];
}

/** Active ties, one row per array position: five bind parameters whatever the number of rows. */
export async function insertDemoTies(db: DbOrTx, rows: DemoTieColumns): Promise<void> {
  if (rows.a.length === 0) return;
  await sql`insert into ties (actor_a, actor_b, kind, origin, status, since)
    select a, b, k, o, 'active', s
    from unnest(${rows.a}::bigint[], ${rows.b}::bigint[], ${rows.kind}::text[], ${rows.origin}::text[], ${rows.since}::date[]) as t(a, b, k, o, s)`.execute(db);
}

/** Fresh statistics after a bulk insert (outside a transaction). */
export async function analyzeTies(db: DbOrTx): Promise<void> {
  await sql`analyze ties`.execute(db);
}
