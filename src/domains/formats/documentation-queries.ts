import type { Insertable } from 'kysely';
import type { DbOrTx } from '../../platform/db/index.js';
import type { FormatInsightsTable, FormatMediaTable } from './queries-tables.js';
import './queries-tables.js';

/** SQL of a format's insights and media; no business rules here. */

export async function selectInsights(db: DbOrTx, formatId: number) {
  return db.selectFrom('format_insights').select(['id', 'text', 'visibility']).where('format_id', '=', formatId).orderBy('id').execute();
}

export async function selectMedia(db: DbOrTx, formatId: number) {
  return db
    .selectFrom('format_media')
    .innerJoin('files', 'files.id', 'format_media.file_id')
    .select(['format_media.id', 'kind', 'title', 'alt', 'credit', 'visibility', 'files.content_type', 'files.byte_size', 'files.width', 'files.height'])
    .where('format_id', '=', formatId)
    .orderBy('format_media.id')
    .execute();
}

export async function insertInsight(db: DbOrTx, row: Insertable<FormatInsightsTable>): Promise<number> {
  return (await db.insertInto('format_insights').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Whether an insight of this format was there to delete. */
export async function deleteInsight(db: DbOrTx, formatId: number, id: number): Promise<boolean> {
  const result = await db.deleteFrom('format_insights').where('id', '=', id).where('format_id', '=', formatId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function insertMedia(db: DbOrTx, row: Insertable<FormatMediaTable>): Promise<number> {
  return (await db.insertInto('format_media').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Deletes a medium of this format; its file's id, or undefined when there was none. */
export async function deleteMedia(db: DbOrTx, formatId: number, id: number): Promise<number | undefined> {
  return (await db.deleteFrom('format_media').where('id', '=', id).where('format_id', '=', formatId).returning('file_id').executeTakeFirst())?.file_id;
}

export async function selectMediaItem(db: DbOrTx, id: number) {
  return db.selectFrom('format_media').select(['format_id', 'file_id', 'visibility', 'kind', 'title']).where('id', '=', id).executeTakeFirst();
}
