import pg from 'pg';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import type { Config } from '../config.js';
import { lockDataDir } from './data-dir-lock.js';
import { PgliteWorker, PgliteWorkerDialect } from './pglite-dialect.js';
import type { Database } from './types.js';

export type Db = Kysely<Database>;
export type DbOrTx = Kysely<Database> | Transaction<Database>;
export type { Database };

export interface DatabaseHandle {
  db: Db;
  kind: 'pglite' | 'postgres';
  close: () => Promise<void>;
}

// node-postgres returns int8 as string; counts and ids are numbers here, as in PGlite.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export interface OpenOptions {
  poolSize?: number;
}

/** Opens PostgreSQL when DATABASE_URL is set, otherwise the embedded PGlite in DATA_DIR. */
export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>, options: OpenOptions = {}): Promise<DatabaseHandle> {
  if (config.databaseUrl) {
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: options.poolSize ?? 10 });
    pool.on('error', () => undefined); // idle client errors surface on the next query
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  const release = lockDataDir(config.dataDir);
  const worker = new PgliteWorker({ dataDir: config.dataDir });
  const db = new Kysely<Database>({ dialect: new PgliteWorkerDialect(worker) });
  try {
    await worker.call('ready');
  } catch (error) {
    release();
    await worker.terminate().catch(() => undefined);
    throw error;
  }
  return {
    db,
    kind: 'pglite',
    close: async () => {
      await db.destroy();
      release();
    },
  };
}
