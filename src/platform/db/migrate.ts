import fs from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import { migrationsDir } from '../paths.js';
import type { Db } from './index.js';

export interface MigrationResult {
  applied: string[];
}

/**
 * Applies the numbered SQL files in migrations/ that have not run yet, each in its own
 * transaction, under an advisory lock so that several app instances can start at once.
 */
export async function migrate(db: Db, dir = migrationsDir): Promise<MigrationResult> {
  const files = (await fs.readdir(dir)).filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f)).sort();
  const applied: string[] = [];
  await sql`create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())`.execute(db);
  for (const file of files) {
    const text = await fs.readFile(path.join(dir, file), 'utf8');
    await db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(7355608)`.execute(trx);
      const done = await sql<{ name: string }>`select name from schema_migrations where name = ${file}`.execute(trx);
      if (done.rows.length > 0) return;
      await sql.raw(text).execute(trx);
      await sql`insert into schema_migrations (name) values (${file})`.execute(trx);
      applied.push(file);
    });
  }
  return { applied };
}
