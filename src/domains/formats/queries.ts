import { sql, type ExpressionBuilder, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { DbOrTx } from '../../platform/db/index.js';
import type { Database } from '../../platform/db/types.js';
import type { ActionField } from '../actors/service.js';
import type { FormatKind, FormatMode, ListState } from './model.js';
import type { FormatsTable } from './queries-tables.js';
import './queries-tables.js';

/** The formats domain's SQL for formats, hosts and editors; no business rules here. */

export type FormatRow = Selectable<FormatsTable>;

export async function insertFormat(db: DbOrTx, row: Insertable<FormatsTable>): Promise<FormatRow> {
  return db.insertInto('formats').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateFormatRow(db: DbOrTx, id: number, changes: Updateable<FormatsTable>): Promise<FormatRow> {
  return db.updateTable('formats').set({ ...changes, updated_at: sql`now()` }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function selectFormat(db: DbOrTx, ref: { id: number } | { slug: string }, options: { lock?: boolean } = {}): Promise<FormatRow | undefined> {
  let query = db.selectFrom('formats').selectAll();
  query = 'id' in ref ? query.where('id', '=', ref.id) : query.where('slug', '=', ref.slug);
  return (options.lock ? query.forUpdate() : query).executeTakeFirst();
}

export async function selectFormatsByIds(db: DbOrTx, ids: number[]): Promise<FormatRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('formats').selectAll().where('id', 'in', ids).execute();
}

export async function selectHostIds(db: DbOrTx, formatIds: number[]): Promise<Map<number, number[]>> {
  const hosts = new Map<number, number[]>();
  if (formatIds.length === 0) return hosts;
  const rows = await db.selectFrom('format_hosts').select(['format_id', 'actor_id']).where('format_id', 'in', formatIds).orderBy('actor_id').execute();
  for (const row of rows) hosts.set(row.format_id, [...(hosts.get(row.format_id) ?? []), row.actor_id]);
  return hosts;
}

export async function selectEditorIds(db: DbOrTx, formatId: number): Promise<number[]> {
  const rows = await db.selectFrom('format_editors').select('user_id').where('format_id', '=', formatId).orderBy('user_id').execute();
  return rows.map((r) => r.user_id);
}

export async function isFormatEditor(db: DbOrTx, formatId: number, userId: number): Promise<boolean> {
  return (await db.selectFrom('format_editors').select('user_id').where('format_id', '=', formatId).where('user_id', '=', userId).executeTakeFirst()) !== undefined;
}

export async function replaceHosts(db: DbOrTx, formatId: number, actorIds: number[]) {
  await db.deleteFrom('format_hosts').where('format_id', '=', formatId).execute();
  if (actorIds.length > 0) await db.insertInto('format_hosts').values(actorIds.map((actor_id) => ({ format_id: formatId, actor_id }))).execute();
}

export async function replaceEditors(db: DbOrTx, formatId: number, userIds: number[]) {
  await db.deleteFrom('format_editors').where('format_id', '=', formatId).execute();
  if (userIds.length > 0) await db.insertInto('format_editors').values(userIds.map((user_id) => ({ format_id: formatId, user_id }))).execute();
}

export interface FormatListQuery {
  when: 'upcoming' | 'past' | 'all';
  kind?: FormatKind;
  mode?: FormatMode;
  state?: ListState;
  actionField?: ActionField;
  /** [from, to) instants, e.g. a calendar month. */
  between?: [Date, Date];
  /** Drafts are listed for coordinators (all) or their editors (this user's). */
  drafts: 'all' | { editor: number } | 'none';
  now: Date;
  offset: number;
  limit: number;
}

type Eb = ExpressionBuilder<Database, 'formats'>;

function stateCondition(eb: Eb, state: ListState, now: Date) {
  const published = eb('formats.status', '=', 'published');
  const windowOpen = eb.and([
    eb.or([eb('formats.registration_opens_at', 'is', null), eb('formats.registration_opens_at', '<=', now)]),
    eb(sql`coalesce(formats.registration_closes_at, formats.starts_at)`, '>', now),
  ]);
  const full = eb.and([eb('formats.capacity', 'is not', null), eb(sql`formats.seats_taken`, '>=', sql`formats.capacity`)]);
  switch (state) {
    case 'open':
      return eb.and([published, windowOpen, eb.not(full)]);
    case 'full':
      return eb.and([published, windowOpen, full]);
    case 'closed':
      return eb.and([published, eb.not(windowOpen)]);
    case 'cancelled':
      return eb('formats.status', '=', 'cancelled');
    case 'draft':
      return eb('formats.status', '=', 'draft');
  }
}

/** One page of formats and the total, filtered as the list page and the API ask. */
export async function selectFormatPage(db: DbOrTx, q: FormatListQuery): Promise<{ total: number; rows: FormatRow[] }> {
  let query = db.selectFrom('formats');
  query = query.where((eb) => {
    const visible = [eb('formats.status', '<>', 'draft')];
    if (q.drafts === 'all') visible.push(eb('formats.status', '=', 'draft'));
    else if (q.drafts !== 'none') {
      const editor = q.drafts.editor;
      visible.push(eb.and([eb('formats.status', '=', 'draft'), eb.exists(eb.selectFrom('format_editors').select('user_id').whereRef('format_editors.format_id', '=', 'formats.id').where('format_editors.user_id', '=', editor))]));
    }
    const conditions = [eb.or(visible)];
    if (q.when === 'upcoming') conditions.push(eb('formats.ends_at', '>=', q.now));
    if (q.when === 'past') conditions.push(eb('formats.ends_at', '<', q.now));
    if (q.kind) conditions.push(eb('formats.kind', '=', q.kind));
    if (q.mode) conditions.push(eb('formats.mode', '=', q.mode));
    if (q.actionField) conditions.push(eb(sql`formats.action_fields`, '@>', sql`array[${q.actionField}]::text[]`));
    if (q.between) conditions.push(eb.and([eb('formats.starts_at', '>=', q.between[0]), eb('formats.starts_at', '<', q.between[1])]));
    if (q.state) conditions.push(stateCondition(eb, q.state, q.now));
    return eb.and(conditions);
  });
  const direction = q.when === 'past' ? 'desc' : 'asc';
  const [count, rows] = await Promise.all([
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    query.selectAll('formats').orderBy('formats.starts_at', direction).orderBy('formats.id', direction).offset(q.offset).limit(q.limit).execute(),
  ]);
  return { total: Number(count.n), rows };
}

const FEED_COLUMNS = ['uid', 'slug', 'kind', 'title', 'teaser', 'status', 'sequence', 'starts_at', 'ends_at', 'mode', 'venue', 'place_id', 'created_at', 'updated_at'] as const;
export type FeedRow = Pick<FormatRow, (typeof FEED_COLUMNS)[number]>;

function feedQuery(db: DbOrTx, options: { kind?: FormatKind; since: Date }) {
  let query = db.selectFrom('formats').where('status', 'in', ['published', 'cancelled']).where('ends_at', '>=', options.since);
  if (options.kind) query = query.where('kind', '=', options.kind);
  return query;
}

/** Published and cancelled formats for a calendar feed (optionally of one kind), oldest first: only the columns a calendar shows. */
export async function selectFeedFormats(db: DbOrTx, options: { kind?: FormatKind; since: Date } | { ids: number[] }): Promise<FeedRow[]> {
  if ('ids' in options) return options.ids.length === 0 ? [] : db.selectFrom('formats').select(FEED_COLUMNS).where('id', 'in', options.ids).execute();
  return feedQuery(db, options).select(FEED_COLUMNS).orderBy('starts_at').orderBy('id').execute();
}

export interface FeedEntry {
  id: number;
  uid: string;
  /** Changes whenever the format's entry would (its last change, SEQUENCE, status). */
  stamp: string;
}

/**
 * The feed's formats in order, each with a stamp of its state: which entries a cached feed can keep.
 * Per row, so a transaction that began earlier and commits later is still seen. (Place names are
 * not part of it: a renamed place shows after the format's next change.)
 */
export async function selectFeedIndex(db: DbOrTx, options: { kind?: FormatKind; since: Date }): Promise<FeedEntry[]> {
  return feedQuery(db, options)
    .select(['id', 'uid', sql<string>`(extract(epoch from updated_at) * 1000000)::bigint || ':' || sequence || ':' || status`.as('stamp')])
    .orderBy('starts_at')
    .orderBy('id')
    .execute();
}
