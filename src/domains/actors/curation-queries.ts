import { sql, type RawBuilder } from 'kysely';
import type { DbOrTx } from '../../platform/db/index.js';
import type { TagRow } from './queries.js';

/** SQL of the coordinators' curation: merging actors, maintaining the vocabulary. */

/** An int[] column with `from` replaced by `into`, duplicates dropped, order kept. */
function replacedIds(column: 'offer_ids' | 'need_ids', from: number, into: number): RawBuilder<number[]> {
  return sql<number[]>`array(select x from unnest(array_replace(${sql.ref(column)}, ${from}::int, ${into}::int)) with ordinality as u(x, n) group by x order by min(n))`;
}

/** Both int[] columns of survivor and duplicate joined, duplicates dropped, the survivor's first. */
function unitedIds(column: 'offer_ids' | 'need_ids'): RawBuilder<number[]> {
  return sql<number[]>`array(select x from unnest(${sql.ref(`s.${column}`)} || ${sql.ref(`d.${column}`)}) with ordinality as u(x, n) group by x order by min(n))`;
}

/**
 * Moves the duplicate's people to the survivor: an active admin on either side stays admin,
 * active beats pending. Then the duplicate has no members left.
 */
export async function moveMembers(db: DbOrTx, from: number, into: number) {
  await sql`
    insert into actor_members (actor_id, user_id, role, status, message, decided_by, decided_at, created_at)
    select ${into}::bigint, user_id, role, status, message, decided_by, decided_at, created_at from actor_members where actor_id = ${from}
    on conflict (actor_id, user_id) do update set
      role = case when (actor_members.role = 'admin' and actor_members.status = 'active') or (excluded.role = 'admin' and excluded.status = 'active') then 'admin' else 'member' end,
      status = case when actor_members.status = 'active' or excluded.status = 'active' then 'active' else 'pending' end`.execute(db);
  await db.deleteFrom('actor_members').where('actor_id', '=', from).execute();
}

/** The survivor takes the duplicate's tags and action fields, and its details where it has none. */
export async function absorbActor(db: DbOrTx, from: number, into: number, now: Date) {
  const keep = (column: string) => sql.raw(`coalesce(nullif(s.${column}, ''), d.${column})`);
  await sql`
    update actors s set
      offer_ids = ${unitedIds('offer_ids')},
      need_ids = ${unitedIds('need_ids')},
      action_fields = array(select distinct f from unnest(s.action_fields || d.action_fields) as f order by f),
      summary = ${keep('summary')}, description = ${keep('description')}, expertise = ${keep('expertise')},
      website = ${keep('website')}, contact_name = ${keep('contact_name')}, contact_email = ${keep('contact_email')}, contact_phone = ${keep('contact_phone')},
      links = case when cardinality(s.links) = 0 then d.links else s.links end,
      place_id = coalesce(s.place_id, d.place_id),
      state_code = case when s.place_id is null then d.state_code else s.state_code end,
      latitude = case when s.place_id is null then d.latitude else s.latitude end,
      longitude = case when s.place_id is null then d.longitude else s.longitude end,
      updated_at = ${now}
    from actors d where s.id = ${into} and d.id = ${from}`.execute(db);
}

/** The duplicate (and whatever was merged into it before) now points at the survivor. */
export async function markMerged(db: DbOrTx, from: number, into: number, now: Date) {
  await db.updateTable('actors').set({ merged_into: into, updated_at: now }).where('merged_into', '=', from).execute();
  await db.updateTable('actors').set({ merged_into: into, updated_at: now }).where('id', '=', from).execute();
}

/** Profiles whose names are nearest to this one (trigram KNN on the GiST index), for the merge page. */
export async function selectSimilarActors(db: DbOrTx, actorId: number, name: string, limit: number) {
  return db
    .selectFrom('actors')
    .select(['id', 'slug', 'name', 'kind', 'status'])
    .where('id', '!=', actorId)
    .where('merged_into', 'is', null)
    .orderBy(sql`lower(name) <-> lower(${name})`)
    .limit(limit)
    .execute();
}

// ---- vocabulary -----------------------------------------------------------------------------

export interface TagUsageRow extends TagRow {
  uses: number;
}

/** Tags with the number of (not merged) actors using them; curated ones all, free ones the most used. */
export async function selectTagsWithUse(db: DbOrTx, options: { curated: boolean; search?: string; limit: number }): Promise<TagUsageRow[]> {
  const pattern = options.search ? `%${options.search.toLocaleLowerCase('de').replace(/[\\%_]/g, '\\$&')}%` : null;
  const { rows } = await sql<TagUsageRow>`
    select t.*, coalesce(u.uses, 0)::int as uses from tags t
    left join (
      select tag_id, count(distinct a.id)::int as uses from actors a cross join lateral unnest(a.offer_ids || a.need_ids) as tag_id
      where a.merged_into is null group by tag_id
    ) u on u.tag_id = t.id
    where t.curated = ${options.curated} ${pattern ? sql`and t.normalized like ${pattern}` : sql``}
    order by ${options.curated ? sql`t.label` : sql`uses desc, t.label`}
    limit ${options.limit}`.execute(db);
  return rows;
}

export async function selectTag(db: DbOrTx, id: number, options: { lock?: boolean } = {}): Promise<TagRow | undefined> {
  let query = db.selectFrom('tags').selectAll().where('id', '=', id);
  if (options.lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function selectTagByNormalized(db: DbOrTx, normalized: string): Promise<TagRow | undefined> {
  return db.selectFrom('tags').selectAll().where('normalized', '=', normalized).executeTakeFirst();
}

export async function insertTag(db: DbOrTx, values: { label: string; label_en: string | null; normalized: string; curated: boolean }): Promise<number | undefined> {
  const row = await db.insertInto('tags').values(values).onConflict((oc) => oc.column('normalized').doNothing()).returning('id').executeTakeFirst();
  return row?.id;
}

export async function updateTag(db: DbOrTx, id: number, values: { label?: string; label_en?: string | null; normalized?: string; curated?: boolean }) {
  await db.updateTable('tags').set(values).where('id', '=', id).execute();
}

/** Rewrites the actors' tag lists from one tag to another (no duplicates); the trigger refreshes search. */
export async function replaceTagInActors(db: DbOrTx, from: number, into: number) {
  await db
    .updateTable('actors')
    .set({ offer_ids: replacedIds('offer_ids', from, into), need_ids: replacedIds('need_ids', from, into) })
    .where((eb) => eb.or([eb('offer_ids', '@>', sql<number[]>`array[${from}::int]`), eb('need_ids', '@>', sql<number[]>`array[${from}::int]`)]))
    .execute();
}

/** Rewrites the tag lists of the actors using a tag unchanged, so that the trigger refreshes their search text. */
export async function touchActorsWithTag(db: DbOrTx, id: number) {
  await db
    .updateTable('actors')
    .set((eb) => ({ offer_ids: eb.ref('offer_ids') }))
    .where((eb) => eb.or([eb('offer_ids', '@>', sql<number[]>`array[${id}::int]`), eb('need_ids', '@>', sql<number[]>`array[${id}::int]`)]))
    .execute();
}

export async function deleteTag(db: DbOrTx, id: number) {
  await db.deleteFrom('tags').where('id', '=', id).execute();
}
