import { createHash } from 'node:crypto';
import type { Generated } from 'kysely';
import type { DbOrTx } from '../db/index.js';

/**
 * Uploaded files live in the `files` table (migrations/0007_actors.sql): the app keeps no state of
 * its own, so any instance serves any file. Who may read a file is decided by the domain that owns it.
 */

export interface FilesTable {
  id: Generated<number>;
  content_type: string;
  byte_size: number;
  sha256: string;
  width: number | null;
  height: number | null;
  /** node-postgres returns a Buffer, PGlite a Uint8Array. */
  data: Uint8Array;
  created_by: number | null;
  created_at: Generated<Date>;
}

declare module '../db/types.js' {
  interface Database {
    files: FilesTable;
  }
}

export interface NewFile {
  contentType: string;
  bytes: Uint8Array;
  width: number | null;
  height: number | null;
  createdBy: number | null;
}

export interface StoredFile {
  id: number;
  contentType: string;
  byteSize: number;
  sha256: string;
  data: Buffer;
}

/** Stores the bytes with their checksum and size; returns the new file's id. */
export async function insertFile(db: DbOrTx, file: NewFile): Promise<number> {
  const row = await db
    .insertInto('files')
    .values({
      content_type: file.contentType,
      byte_size: file.bytes.byteLength,
      sha256: createHash('sha256').update(file.bytes).digest('hex'),
      width: file.width,
      height: file.height,
      data: file.bytes,
      created_by: file.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteFile(db: DbOrTx, id: number): Promise<void> {
  await db.deleteFrom('files').where('id', '=', id).execute();
}

/** The file with its bytes, or null. */
export async function readFile(db: DbOrTx, id: number): Promise<StoredFile | null> {
  const row = await db.selectFrom('files').select(['id', 'content_type', 'byte_size', 'sha256', 'data']).where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const data = Buffer.isBuffer(row.data) ? row.data : Buffer.from(row.data.buffer, row.data.byteOffset, row.data.byteLength);
  return { id: row.id, contentType: row.content_type, byteSize: row.byte_size, sha256: row.sha256, data };
}
