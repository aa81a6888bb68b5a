import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { DbOrTx } from '../../platform/db/index.js';
import type { MemberRole } from './model.js';
import type { ActorsTable, TagsTable } from './queries-tables.js';

/** SQL of the profile, membership, review and curation use cases; no business rules here. */

export type ActorRow = Omit<Selectable<ActorsTable>, 'search_text' | 'search_vector'>;
export type TagRow = Selectable<TagsTable>;
export type ActorValues = Omit<Insertable<ActorsTable>, 'search_text' | 'search_vector'>;
/** The columns of a profile that the CSV import compares and writes, and the exports read. */
export type ProfileColumns = Pick<
  ActorRow,
  | 'id' | 'slug' | 'kind' | 'name' | 'sector' | 'action_fields' | 'place_id' | 'summary' | 'description' | 'expertise' | 'website' | 'links'
  | 'contact_name' | 'contact_email' | 'contact_phone' | 'visibility' | 'external_id'
>;

const actorColumns = [
  'id', 'slug', 'kind', 'name', 'sector', 'action_fields', 'place_id', 'state_code', 'latitude', 'longitude', 'summary', 'description',
  'expertise', 'website', 'links', 'contact_name', 'contact_email', 'contact_phone', 'image_file_id', 'image_alt', 'image_credit',
  'visibility', 'status', 'review_note', 'external_id', 'offer_ids', 'need_ids', 'merged_into', 'created_by', 'approved_by', 'approved_at',
  'created_at', 'updated_at',
] as const;

/** Slugs are made of [a-z0-9-] (slugs.ts): anything else names no actor and is not sent to the database. */
const slugShape = /^[a-z0-9][a-z0-9-]{0,199}$/;

export async function selectActor(db: DbOrTx, ref: { id: number } | { slug: string }, options: { lock?: boolean } = {}): Promise<ActorRow | undefined> {
  if ('slug' in ref && !slugShape.test(ref.slug)) return undefined;
  let query = db.selectFrom('actors').select(actorColumns);
  query = 'id' in ref ? query.where('id', '=', ref.id) : query.where('slug', '=', ref.slug);
  if (options.lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function selectActorsByIds(db: DbOrTx, ids: number[]): Promise<ActorRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('actors').select(actorColumns).where('id', 'in', ids).execute();
}

/** Inserts unless the slug is taken meanwhile (then undefined: the caller picks the next slug). */
export async function insertActor(db: DbOrTx, values: ActorValues): Promise<number | undefined> {
  const row = await db.insertInto('actors').values(values).onConflict((oc) => oc.column('slug').doNothing()).returning('id').executeTakeFirst();
  return row?.id;
}

export async function updateActor(db: DbOrTx, id: number, values: Updateable<Omit<ActorsTable, 'search_text' | 'search_vector'>>) {
  await db.updateTable('actors').set(values).where('id', '=', id).execute();
}

/** Deletes an actor and the duplicates merged into it (their members and tags moved already). */
export async function deleteActorRow(db: DbOrTx, id: number) {
  await db.deleteFrom('actors').where('merged_into', '=', id).execute();
  await db.deleteFrom('actors').where('id', '=', id).execute();
}

/** Whether the user already has a person profile of their own (counted under a lock on their user row). */
export async function ownPersonProfileExists(db: DbOrTx, userId: number): Promise<boolean> {
  await db.selectFrom('users').select('id').where('id', '=', userId).forUpdate().execute();
  const row = await db
    .selectFrom('actors')
    .innerJoin('actor_members', 'actor_members.actor_id', 'actors.id')
    .select('actors.id')
    .where('actors.kind', '=', 'person')
    .where('actors.merged_into', 'is', null)
    .where('actor_members.user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

// ---- tags -----------------------------------------------------------------------------------

export async function selectTagsByIds(db: DbOrTx, ids: number[]): Promise<TagRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('tags').selectAll().where('id', 'in', ids).execute();
}

export async function selectCuratedTags(db: DbOrTx): Promise<TagRow[]> {
  return db.selectFrom('tags').selectAll().where('curated', '=', true).orderBy('label').execute();
}

// ---- members --------------------------------------------------------------------------------

export interface MemberRow {
  user_id: number;
  name: string;
  email: string;
  locale: 'de' | 'en';
  role: MemberRole;
  status: 'active' | 'pending';
  message: string | null;
  created_at: Date;
}

export async function selectMembership(db: DbOrTx, actorId: number, userId: number) {
  return db.selectFrom('actor_members').select(['role', 'status']).where('actor_id', '=', actorId).where('user_id', '=', userId).executeTakeFirst();
}

/** Active members first (admins before members), then requests oldest first. */
export async function selectMembers(db: DbOrTx, actorId: number): Promise<MemberRow[]> {
  return db
    .selectFrom('actor_members')
    .innerJoin('users', 'users.id', 'actor_members.user_id')
    .select(['actor_members.user_id', 'users.name', 'users.email', 'users.locale', 'actor_members.role', 'actor_members.status', 'actor_members.message', 'actor_members.created_at'])
    .where('actor_members.actor_id', '=', actorId)
    .orderBy(sql`actor_members.status = 'pending'`)
    .orderBy(sql`actor_members.role = 'member'`)
    .orderBy('actor_members.created_at')
    .execute();
}

/** The actor's active admins, locked: the last one must stay. */
export async function lockAdminIds(db: DbOrTx, actorId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('actor_members')
    .select('user_id')
    .where('actor_id', '=', actorId)
    .where('role', '=', 'admin')
    .where('status', '=', 'active')
    .orderBy('user_id')
    .forUpdate()
    .execute();
  return rows.map((r) => r.user_id);
}

export async function insertMember(db: DbOrTx, values: { actor_id: number; user_id: number; role: MemberRole; status: 'active' | 'pending'; message?: string | null; created_at: Date }) {
  const row = await db
    .insertInto('actor_members')
    .values({ ...values, message: values.message ?? null })
    .onConflict((oc) => oc.columns(['actor_id', 'user_id']).doNothing())
    .returning('user_id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function updateMember(db: DbOrTx, actorId: number, userId: number, values: { role?: MemberRole; status?: 'active'; decided_by?: number | null; decided_at?: Date }) {
  const result = await db.updateTable('actor_members').set(values).where('actor_id', '=', actorId).where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deleteMember(db: DbOrTx, actorId: number, userId: number) {
  await db.deleteFrom('actor_members').where('actor_id', '=', actorId).where('user_id', '=', userId).execute();
}

export interface MyActorRow {
  id: number;
  slug: string;
  name: string;
  kind: ActorRow['kind'];
  sector: ActorRow['sector'];
  status: ActorRow['status'];
  visibility: ActorRow['visibility'];
  role: MemberRole;
  member_status: 'active' | 'pending';
}

/** The user's actors (memberships and open requests), merged-away ones left out. */
export async function selectActorsOfUser(db: DbOrTx, userId: number): Promise<MyActorRow[]> {
  return db
    .selectFrom('actor_members')
    .innerJoin('actors', 'actors.id', 'actor_members.actor_id')
    .select(['actors.id', 'actors.slug', 'actors.name', 'actors.kind', 'actors.sector', 'actors.status', 'actors.visibility', 'actor_members.role', 'actor_members.status as member_status'])
    .where('actor_members.user_id', '=', userId)
    .where('actors.merged_into', 'is', null)
    .orderBy(sql`lower(actors.name)`)
    .execute();
}

/** Where the user is an active member (optionally only as admin). */
export async function selectActorIdsOfUser(db: DbOrTx, userId: number, role?: MemberRole): Promise<number[]> {
  let query = db
    .selectFrom('actor_members')
    .innerJoin('actors', 'actors.id', 'actor_members.actor_id')
    .select('actors.id')
    .where('actor_members.user_id', '=', userId)
    .where('actor_members.status', '=', 'active')
    .where('actors.merged_into', 'is', null);
  if (role) query = query.where('actor_members.role', '=', role);
  return (await query.orderBy('actors.id').execute()).map((r) => r.id);
}

// ---- review ---------------------------------------------------------------------------------

export interface ReviewRow {
  id: number;
  slug: string;
  name: string;
  kind: ActorRow['kind'];
  sector: ActorRow['sector'];
  summary: string;
  created_at: Date;
  creator_name: string | null;
}

/** Pending profiles, oldest first. */
export async function selectPendingActors(db: DbOrTx, options: { limit: number; offset: number }): Promise<{ total: number; rows: ReviewRow[] }> {
  const base = db.selectFrom('actors').where('actors.status', '=', 'pending').where('actors.merged_into', 'is', null);
  const [count, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    base
      .leftJoin('users', 'users.id', 'actors.created_by')
      .select(['actors.id', 'actors.slug', 'actors.name', 'actors.kind', 'actors.sector', 'actors.summary', 'actors.created_at', 'users.name as creator_name'])
      .orderBy('actors.created_at')
      .orderBy('actors.id')
      .limit(options.limit)
      .offset(options.offset)
      .execute(),
  ]);
  return { total: Number(count.n), rows };
}

/** The account that created the actor, for its review mail. */
export async function selectCreator(db: DbOrTx, actor: ActorRow) {
  if (actor.created_by === null) return undefined;
  return db.selectFrom('users').select(['id', 'name', 'email', 'locale']).where('id', '=', actor.created_by).executeTakeFirst();
}

export async function selectUsersByIds(db: DbOrTx, ids: number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('users').select(['id', 'name', 'email', 'locale']).where('id', 'in', ids).execute();
}
