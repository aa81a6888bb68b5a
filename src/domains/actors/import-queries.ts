import { sql, type Generated, type Selectable } from 'kysely';
import type { Role } from '../../platform/context.js';
import type { DbOrTx } from '../../platform/db/index.js';
import type { Locale } from '../../platform/i18n/index.js';
import type { ActorRow, ProfileColumns } from './queries.js';

/** SQL of the CSV import: its table, the lookups before the write, and the set-based write itself. */

export type ImportStatus = 'checked' | 'queued' | 'running' | 'done' | 'failed';
export type ImportPhase = 'reading' | 'checking' | 'writing';

export interface ActorImportsTable {
  id: Generated<number>;
  created_by: number | null;
  created_by_label: string;
  locale: Locale;
  filename: string;
  byte_size: number;
  data: Buffer | null;
  status: ImportStatus;
  phase: ImportPhase | null;
  processed: Generated<number>;
  total: Generated<number>;
  report: unknown;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  finished_at: Date | null;
}

declare module '../../platform/db/types.js' {
  interface Database {
    actor_imports: ActorImportsTable;
  }
}

export type ImportRow = Omit<Selectable<ActorImportsTable>, 'data'>;
const importColumns = ['id', 'created_by', 'created_by_label', 'locale', 'filename', 'byte_size', 'status', 'phase', 'processed', 'total', 'report', 'created_at', 'updated_at', 'finished_at'] as const;

export async function insertImport(
  db: DbOrTx,
  values: { createdBy: number | null; label: string; locale: Locale; filename: string; byteSize: number; data: Buffer | null; report: unknown; now: Date },
): Promise<number> {
  const row = await db
    .insertInto('actor_imports')
    .values({
      created_by: values.createdBy,
      created_by_label: values.label,
      locale: values.locale,
      filename: values.filename,
      byte_size: values.byteSize,
      data: values.data,
      status: 'checked',
      report: JSON.stringify(values.report),
      created_at: values.now,
      updated_at: values.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function selectImport(db: DbOrTx, id: number): Promise<ImportRow | undefined> {
  return db.selectFrom('actor_imports').select(importColumns).where('id', '=', id).executeTakeFirst();
}

export async function selectImportData(db: DbOrTx, id: number): Promise<Buffer | null> {
  const row = await db.selectFrom('actor_imports').select('data').where('id', '=', id).executeTakeFirst();
  return row?.data ?? null;
}

export async function selectRecentImports(db: DbOrTx, limit: number): Promise<ImportRow[]> {
  return db.selectFrom('actor_imports').select(importColumns).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

/** Moves an import from one status to the next; false when it was not in `from` (started twice, say). */
export async function changeImportStatus(db: DbOrTx, id: number, from: ImportStatus, to: ImportStatus, now: Date): Promise<boolean> {
  const result = await db.updateTable('actor_imports').set({ status: to, updated_at: now }).where('id', '=', id).where('status', '=', from).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function updateImportProgress(db: DbOrTx, id: number, progress: { phase: ImportPhase; processed: number; total: number }, now: Date) {
  await db.updateTable('actor_imports').set({ ...progress, updated_at: now }).where('id', '=', id).execute();
}

/** The outcome; the file is dropped (its content now lives in the actors, or failed to). */
export async function finishImport(db: DbOrTx, id: number, status: 'done' | 'failed', report: unknown, now: Date) {
  await db
    .updateTable('actor_imports')
    .set({ status, report: JSON.stringify(report), data: null, phase: null, updated_at: now, finished_at: now })
    .where('id', '=', id)
    .execute();
}

/** Checked files nobody started within a day are not kept. */
export async function dropStaleImportFiles(db: DbOrTx, before: Date, now: Date) {
  await db.updateTable('actor_imports').set({ data: null, status: 'failed', updated_at: now, finished_at: now }).where('status', '=', 'checked').where('created_at', '<', before).execute();
}

export interface Operator {
  id: number;
  email: string;
  name: string;
  role: Role;
  locale: Locale;
}

/** A verified account by id or email: who runs an import (the job, the CLI's --as). */
export async function selectOperator(db: DbOrTx, ref: { id: number } | { email: string }): Promise<Operator | undefined> {
  const query = db.selectFrom('users').select(['id', 'email', 'name', 'role', 'locale']).where('email_verified_at', 'is not', null);
  return ('id' in ref ? query.where('id', '=', ref.id) : query.where(sql<string>`lower(email)`, '=', ref.email.toLowerCase())).executeTakeFirst();
}

// ---- lookups before the write ----------------------------------------------------------------

export type MatchCandidate = ProfileColumns & Pick<ActorRow, 'offer_ids' | 'need_ids' | 'merged_into'>;

/** Actors an import row may mean: by external id, or by name (lower case; the index on lower(name) answers). */
export async function selectMatchCandidates(db: DbOrTx, externalIds: string[], lowerNames: string[]): Promise<MatchCandidate[]> {
  if (externalIds.length === 0 && lowerNames.length === 0) return [];
  const { rows } = await sql<MatchCandidate>`
    select id, slug, kind, name, sector, action_fields, place_id, summary, description, expertise, website, links,
      contact_name, contact_email, contact_phone, visibility, external_id, offer_ids, need_ids, merged_into
    from actors where external_id = any(${externalIds}::text[]) or lower(name) = any(${lowerNames}::text[])`.execute(db);
  return rows;
}

/** Slugs in use that start with one of these bases (the base itself or base-N). */
export async function selectTakenSlugs(db: DbOrTx, bases: string[]): Promise<string[]> {
  if (bases.length === 0) return [];
  const { rows } = await sql<{ slug: string }>`
    select slug from actors where slug = any(${bases}::text[]) or regexp_replace(slug, '-[0-9]+$', '') = any(${bases}::text[])`.execute(db);
  return rows.map((r) => r.slug);
}

export interface TagMatch {
  id: number;
  normalized: string;
  label_en: string | null;
}

/** Tags by their normalized spelling or (curated terms) by their English label. */
export async function selectTagsByNormalized(db: DbOrTx, normalized: string[]): Promise<TagMatch[]> {
  if (normalized.length === 0) return [];
  const { rows } = await sql<TagMatch>`
    select id, normalized, label_en from tags
    where normalized = any(${normalized}::text[]) or (label_en is not null and lower(label_en) = any(${normalized}::text[]))`.execute(db);
  return rows;
}

// ---- the write ---------------------------------------------------------------------------------

/** Creates free tags that do not exist yet; returns the ids of all of them by normalized spelling. */
export async function createTags(db: DbOrTx, labels: { normalized: string; label: string }[]): Promise<Map<string, number>> {
  if (labels.length === 0) return new Map();
  const json = JSON.stringify(labels);
  await sql`insert into tags (label, normalized) select label, normalized from json_to_recordset(${json}::json) as t(label text, normalized text)
    on conflict (normalized) do nothing`.execute(db);
  const { rows } = await sql<{ id: number; normalized: string }>`select id, normalized from tags where normalized = any(${labels.map((l) => l.normalized)}::text[])`.execute(db);
  return new Map(rows.map((r) => [r.normalized, r.id]));
}

/** Columns an import writes; the names are fixed here, never taken from a file. */
export const WRITABLE_COLUMNS = [
  'kind', 'name', 'sector', 'action_fields', 'place_id', 'state_code', 'latitude', 'longitude', 'summary', 'description', 'expertise',
  'website', 'links', 'contact_name', 'contact_email', 'contact_phone', 'visibility', 'external_id', 'offer_ids', 'need_ids',
] as const;
export type WritableColumn = (typeof WRITABLE_COLUMNS)[number];
const INSERT_ONLY = ['slug', 'status', 'created_by', 'approved_by', 'approved_at', 'created_at'] as const;

export type ActorJson = Partial<Record<WritableColumn | (typeof INSERT_ONLY)[number] | 'id' | 'updated_at', unknown>>;

/**
 * Inserts actors given as one JSON parameter, read into rows of the actors type by
 * json_populate_recordset: one statement per batch whatever its size, far below PGlite's limit of
 * 32,768 bind parameters, with arrays (action fields, links, tag ids) as JSON arrays.
 */
export async function insertActorsJson(db: DbOrTx, rows: ActorJson[]) {
  if (rows.length === 0) return;
  const columns = sql.join([...WRITABLE_COLUMNS, ...INSERT_ONLY, 'updated_at'].map((c) => sql.ref(c)));
  await sql`insert into actors (${columns}) select ${columns} from json_populate_recordset(null::actors, ${JSON.stringify(rows)}::json)`.execute(db);
}

/** Updates the given columns of actors (rows carry their id), one statement per batch. */
export async function updateActorsJson(db: DbOrTx, rows: ActorJson[], columns: WritableColumn[]) {
  if (rows.length === 0) return;
  const assignments = sql.join([...columns, 'updated_at' as const].map((c) => sql`${sql.ref(c)} = r.${sql.ref(c)}`));
  await sql`update actors set ${assignments} from json_populate_recordset(null::actors, ${JSON.stringify(rows)}::json) as r where actors.id = r.id`.execute(db);
}

/** Fresh planner statistics after a large write (PGlite runs no autovacuum; on PostgreSQL it is merely early). */
export async function analyzeActors(db: DbOrTx) {
  await sql`analyze actors`.execute(db);
}
