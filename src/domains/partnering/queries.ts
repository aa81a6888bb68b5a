import { sql, type ColumnType, type Generated, type Insertable, type Updateable } from 'kysely';
import type { DbOrTx } from '../../platform/db/index.js';
import type { IntroductionStatus, TieKind, TieOrigin, TiesVisibility, TieStatus } from './model.js';

/** The partnering domain's tables (migration 0011) and its SQL; no business rules here. */

type ReadOnly<T> = ColumnType<T, never, never>;

export interface PartnerPreferencesTable {
  actor_id: number;
  suggestible: Generated<boolean>;
  contactable: Generated<boolean>;
  ties_visibility: Generated<TiesVisibility>;
  updated_by: number | null;
  updated_at: Generated<Date>;
  xid: ReadOnly<string>;
}

export interface IntroductionsTable {
  id: Generated<number>;
  requester_actor: number;
  target_actor: number;
  pair_low: ReadOnly<number>;
  pair_high: ReadOnly<number>;
  origin: TieOrigin;
  requested_by: number | null;
  message: string;
  status: Generated<IntroductionStatus>;
  requester_accepted_at: Date | null;
  requester_answered_by: number | null;
  requester_reply: string | null;
  target_accepted_at: Date | null;
  target_answered_by: number | null;
  target_reply: string | null;
  declined_by_actor: number | null;
  reminded_at: Date | null;
  expires_at: Date;
  decided_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  xid: ReadOnly<string>;
}

export interface TiesTable {
  id: Generated<number>;
  actor_a: number;
  actor_b: number;
  kind: TieKind;
  origin: TieOrigin;
  status: Generated<TieStatus>;
  proposed_by_actor: number | null;
  proposed_by: number | null;
  confirmed_by: number | null;
  introduction_id: number | null;
  since: string;
  ended_on: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  xid: ReadOnly<string>;
}

export interface SuggestionDismissalsTable {
  actor_id: number;
  candidate_id: number;
  dismissed_by: number | null;
  created_at: Generated<Date>;
}

declare module '../../platform/db/types.js' {
  interface Database {
    partner_preferences: PartnerPreferencesTable;
    introductions: IntroductionsTable;
    ties: TiesTable;
    suggestion_dismissals: SuggestionDismissalsTable;
  }
}

export type IntroductionRow = Awaited<ReturnType<typeof selectIntroduction>> & {};
export type TieRow = Awaited<ReturnType<typeof selectTie>> & {};

// ---------------------------------------------------------------------------------------------
// The partner index's feeds: rows written by transactions committed since a snapshot.

export interface TieFeedRow {
  snapshot: string;
  id: number | null;
  actor_a: number | null;
  actor_b: number | null;
  status: TieStatus | null;
  since: string | null;
}

export interface PreferenceFeedRow {
  snapshot: string;
  actor_id: number | null;
  suggestible: boolean | null;
  contactable: boolean | null;
  ties_visibility: TiesVisibility | null;
}

const changedSince = (snapshot: string | null) =>
  snapshot === null
    ? sql`true`
    : // The upper bound skips xids from another cluster (a restored dump, a move from PGlite to a
      // server): "not yet visible" for ever, they would be read again on every sync. The full load
      // has them, and the row's next write stamps a current xid.
      sql`xid >= pg_snapshot_xmin(cast(${snapshot} as pg_snapshot)) and not pg_visible_in_snapshot(xid, cast(${snapshot} as pg_snapshot))
        and xid < pg_snapshot_xmax(pg_current_snapshot())`;

/** Active ties (snapshot null: all of them) or every tie changed since the snapshot; one row even when none. */
export async function tieFeed(db: DbOrTx, snapshot: string | null): Promise<TieFeedRow[]> {
  const filter = snapshot === null ? sql`status = 'active'` : changedSince(snapshot);
  const { rows } = await sql<TieFeedRow>`select pg_current_snapshot()::text as snapshot, t.id, t.actor_a, t.actor_b, t.status, t.since::text as since
    from (select 1) as one left join (select * from ties where ${filter}) t on true`.execute(db);
  return rows;
}

export async function preferenceFeed(db: DbOrTx, snapshot: string | null): Promise<PreferenceFeedRow[]> {
  const { rows } = await sql<PreferenceFeedRow>`select pg_current_snapshot()::text as snapshot, p.actor_id, p.suggestible, p.contactable, p.ties_visibility
    from (select 1) as one left join (select * from partner_preferences where ${changedSince(snapshot)}) p on true`.execute(db);
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Preferences

export async function selectPreferences(db: DbOrTx, actorIds: number[]) {
  if (actorIds.length === 0) return [];
  return db.selectFrom('partner_preferences').selectAll().where('actor_id', 'in', actorIds).execute();
}

export async function upsertPreferences(db: DbOrTx, row: { actor_id: number; suggestible: boolean; contactable: boolean; ties_visibility: TiesVisibility; updated_by: number | null }) {
  await db
    .insertInto('partner_preferences')
    .values(row)
    .onConflict((oc) => oc.column('actor_id').doUpdateSet({ suggestible: row.suggestible, contactable: row.contactable, ties_visibility: row.ties_visibility, updated_by: row.updated_by }))
    .execute();
}

// ---------------------------------------------------------------------------------------------
// Suggestion exclusions: pairs that must not be suggested to an actor.

/**
 * The partners an actor must not be suggested: open introductions, declined ones (either way),
 * dismissed suggestions and proposed ties. Active ties the index knows itself.
 */
export async function selectExcludedPartners(db: DbOrTx, actorIds: number[]): Promise<{ actor_id: number; other: number }[]> {
  if (actorIds.length === 0) return [];
  const { rows } = await sql<{ actor_id: number; other: number }>`
    select i.requester_actor as actor_id, i.target_actor as other from introductions i
      where i.requester_actor = any(${actorIds}::bigint[]) and i.status in ('pending', 'declined', 'accepted')
    union all
    select i.target_actor, i.requester_actor from introductions i
      where i.target_actor = any(${actorIds}::bigint[]) and i.status in ('pending', 'declined', 'accepted')
    union all
    select d.actor_id, d.candidate_id from suggestion_dismissals d where d.actor_id = any(${actorIds}::bigint[])
    union all
    select t.actor_a, t.actor_b from ties t where t.actor_a = any(${actorIds}::bigint[]) and t.status in ('proposed', 'active')
    union all
    select t.actor_b, t.actor_a from ties t where t.actor_b = any(${actorIds}::bigint[]) and t.status in ('proposed', 'active')`.execute(db);
  return rows;
}

/** Every exclusion of the network at once (the whole-network batch). */
export async function selectAllExclusions(db: DbOrTx): Promise<{ actor_id: number; other: number }[]> {
  const { rows } = await sql<{ actor_id: number; other: number }>`
    select requester_actor as actor_id, target_actor as other from introductions where status in ('pending', 'declined', 'accepted')
    union all select target_actor, requester_actor from introductions where status in ('pending', 'declined', 'accepted')
    union all select actor_id, candidate_id from suggestion_dismissals
    union all select actor_a, actor_b from ties where status = 'proposed'
    union all select actor_b, actor_a from ties where status = 'proposed'`.execute(db);
  return rows;
}

export async function insertDismissal(db: DbOrTx, row: { actor_id: number; candidate_id: number; dismissed_by: number | null }) {
  await db.insertInto('suggestion_dismissals').values(row).onConflict((oc) => oc.columns(['actor_id', 'candidate_id']).doNothing()).execute();
}


// ---------------------------------------------------------------------------------------------
// Introductions

export function selectIntroduction(db: DbOrTx, id: number, options: { lock?: boolean } = {}) {
  let query = db.selectFrom('introductions').selectAll().where('id', '=', id);
  if (options.lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function insertIntroduction(db: DbOrTx, row: Insertable<IntroductionsTable>) {
  const inserted = await db.insertInto('introductions').values(row).returning('id').executeTakeFirst();
  return inserted?.id;
}

export async function updateIntroduction(db: DbOrTx, id: number, values: Updateable<IntroductionsTable>) {
  await db.updateTable('introductions').set(values).where('id', '=', id).execute();
}

/** The latest introduction of a pair with a given status, newest first. */
export function selectLatestOfPair(db: DbOrTx, a: number, b: number, status: IntroductionStatus) {
  return db
    .selectFrom('introductions')
    .selectAll()
    .where('pair_low', '=', Math.min(a, b))
    .where('pair_high', '=', Math.max(a, b))
    .where('status', '=', status)
    .orderBy('decided_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** Introductions that involve any of these actors or that this user asked for (brokered ones included), newest first. */
export function selectIntroductionsFor(db: DbOrTx, actorIds: number[], userId: number, limit: number) {
  return db
    .selectFrom('introductions')
    .selectAll()
    .where((eb) =>
      eb.or([
        ...(actorIds.length > 0 ? [eb('requester_actor', 'in', actorIds), eb('target_actor', 'in', actorIds)] : []),
        eb('requested_by', '=', userId),
      ]),
    )
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

// ---------------------------------------------------------------------------------------------
// Ties

export function selectTie(db: DbOrTx, id: number, options: { lock?: boolean } = {}) {
  let query = db.selectFrom('ties').selectAll().select(sql<string>`since::text`.as('since')).select(sql<string | null>`ended_on::text`.as('ended_on')).where('id', '=', id);
  if (options.lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** Inserts a tie; undefined when an open tie of that kind already joins the pair. */
export async function insertTie(db: DbOrTx, row: Insertable<TiesTable>) {
  const inserted = await db
    .insertInto('ties')
    .values(row)
    .onConflict((oc) => oc.columns(['actor_a', 'actor_b', 'kind']).where(sql<boolean>`status in ('proposed', 'active')`).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted?.id;
}

/** Active ties among a set of actors, as pairs (a < b). */
export async function selectTiesAmong(db: DbOrTx, actorIds: number[]): Promise<[number, number][]> {
  if (actorIds.length < 2) return [];
  const rows = await db.selectFrom('ties').select(['actor_a', 'actor_b']).where('status', '=', 'active').where('actor_a', 'in', actorIds).where('actor_b', 'in', actorIds).execute();
  return rows.map((r) => [r.actor_a, r.actor_b]);
}

/** Many ties at once (in batches: PGlite refuses 32,768 bind parameters); those already open are skipped. Returns how many were new. */
export async function insertTies(db: DbOrTx, rows: Insertable<TiesTable>[]): Promise<number> {
  let created = 0;
  for (let start = 0; start < rows.length; start += 2000) {
    const inserted = await db
      .insertInto('ties')
      .values(rows.slice(start, start + 2000))
      .onConflict((oc) => oc.columns(['actor_a', 'actor_b', 'kind']).where(sql<boolean>`status in ('proposed', 'active')`).doNothing())
      .returning('id')
      .execute();
    created += inserted.length;
  }
  return created;
}

export async function updateTie(db: DbOrTx, id: number, values: Updateable<TiesTable>) {
  await db.updateTable('ties').set(values).where('id', '=', id).execute();
}

/** An actor's ties (proposed, active and ended), newest first. */
export function selectTiesOf(db: DbOrTx, actorId: number, limit: number) {
  return db
    .selectFrom('ties')
    .selectAll()
    .select(sql<string>`since::text`.as('since'))
    .select(sql<string | null>`ended_on::text`.as('ended_on'))
    .where((eb) => eb.or([eb('actor_a', '=', actorId), eb('actor_b', '=', actorId)]))
    .where('status', 'in', ['proposed', 'active', 'ended'])
    .orderBy('ties.since', 'desc')
    .orderBy('ties.id', 'desc')
    .limit(limit)
    .execute();
}

/** Moves a merged duplicate's ties, introductions, dismissals and preferences to the survivor. */
export async function moveToSurvivor(db: DbOrTx, duplicate: number, survivor: number) {
  // Ties: those that would join the survivor to itself or duplicate one of its open ties go.
  await sql`delete from ties t where (t.actor_a = ${duplicate} or t.actor_b = ${duplicate})
    and (t.actor_a = ${survivor} or t.actor_b = ${survivor}
      or (t.status in ('proposed', 'active') and exists (
        select 1 from ties s where s.kind = t.kind and s.status in ('proposed', 'active')
          and s.actor_a = least(${survivor}::bigint, case when t.actor_a = ${duplicate} then t.actor_b else t.actor_a end)
          and s.actor_b = greatest(${survivor}::bigint, case when t.actor_a = ${duplicate} then t.actor_b else t.actor_a end))))`.execute(db);
  await sql`update ties set actor_a = least(${survivor}::bigint, case when actor_a = ${duplicate} then actor_b else actor_a end),
      actor_b = greatest(${survivor}::bigint, case when actor_a = ${duplicate} then actor_b else actor_a end)
    where actor_a = ${duplicate} or actor_b = ${duplicate}`.execute(db);
  // Introductions: history moves along; open ones that would collide with the survivor's are withdrawn.
  await sql`update introductions i set status = 'withdrawn', decided_at = now()
    where i.status = 'pending' and (i.requester_actor = ${duplicate} or i.target_actor = ${duplicate})
      and (i.requester_actor = ${survivor} or i.target_actor = ${survivor} or exists (
        select 1 from introductions j where j.status = 'pending' and j.id <> i.id
          and j.pair_low = least(${survivor}::bigint, case when i.requester_actor = ${duplicate} then i.target_actor else i.requester_actor end)
          and j.pair_high = greatest(${survivor}::bigint, case when i.requester_actor = ${duplicate} then i.target_actor else i.requester_actor end)))`.execute(db);
  await sql`delete from introductions where (requester_actor = ${duplicate} and target_actor = ${survivor}) or (requester_actor = ${survivor} and target_actor = ${duplicate})`.execute(db);
  await sql`update introductions set requester_actor = ${survivor} where requester_actor = ${duplicate}`.execute(db);
  await sql`update introductions set target_actor = ${survivor} where target_actor = ${duplicate}`.execute(db);
  await sql`insert into suggestion_dismissals (actor_id, candidate_id, dismissed_by, created_at)
    select ${survivor}, candidate_id, dismissed_by, created_at from suggestion_dismissals where actor_id = ${duplicate} and candidate_id <> ${survivor}
    on conflict do nothing`.execute(db);
  await sql`delete from suggestion_dismissals where actor_id = ${duplicate} or candidate_id = ${duplicate}`.execute(db);
  // Preferences: where the two differ, the stricter choice holds for the merged profile.
  await sql`insert into partner_preferences (actor_id, suggestible, contactable, ties_visibility, updated_by)
    select ${survivor}, d.suggestible, d.contactable, d.ties_visibility, d.updated_by from partner_preferences d where d.actor_id = ${duplicate}
    on conflict (actor_id) do update set
      suggestible = partner_preferences.suggestible and excluded.suggestible,
      contactable = partner_preferences.contactable and excluded.contactable,
      ties_visibility = case
        when 'none' in (partner_preferences.ties_visibility, excluded.ties_visibility) then 'none'
        when 'members' in (partner_preferences.ties_visibility, excluded.ties_visibility) then 'members'
        else 'public' end`.execute(db);
}

/** Pending introductions that wait for an answer from one of these actors (those a person administers). */
export async function countAwaitingAnswer(db: DbOrTx, actorIds: number[], now: Date): Promise<number> {
  if (actorIds.length === 0) return 0;
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from introductions i
    where i.status = 'pending' and i.expires_at > ${now}
      and ((i.target_accepted_at is null and i.target_actor = any(${actorIds}::bigint[]))
        or (i.requester_accepted_at is null and i.requester_actor = any(${actorIds}::bigint[])))`.execute(db);
  return rows[0]?.n ?? 0;
}

export async function markExpired(db: DbOrTx, id: number, now: Date) {
  await db.updateTable('introductions').set({ status: 'expired', decided_at: now }).where('id', '=', id).execute();
}

/** Marks a pair's pending introduction expired when its time is up (its job may not have run yet). */
export async function expireOverdue(db: DbOrTx, a: number, b: number, now: Date) {
  await db
    .updateTable('introductions')
    .set({ status: 'expired', decided_at: now })
    .where('pair_low', '=', Math.min(a, b))
    .where('pair_high', '=', Math.max(a, b))
    .where('status', '=', 'pending')
    .where('expires_at', '<=', now)
    .execute();
}

/** Actors connected with any of these: a tie (active or ended) or an accepted introduction. */
export async function selectConnectedActors(db: DbOrTx, actorIds: number[]): Promise<number[]> {
  if (actorIds.length === 0) return [];
  const { rows } = await sql<{ other: number }>`
    select case when actor_a = any(${actorIds}::bigint[]) then actor_b else actor_a end as other from ties
      where (actor_a = any(${actorIds}::bigint[]) or actor_b = any(${actorIds}::bigint[])) and status in ('active', 'ended')
    union
    select case when requester_actor = any(${actorIds}::bigint[]) then target_actor else requester_actor end from introductions
      where (requester_actor = any(${actorIds}::bigint[]) or target_actor = any(${actorIds}::bigint[])) and status = 'accepted'`.execute(db);
  return rows.map((r) => r.other);
}
