// Runs the embedded PostgreSQL (PGlite) on its own thread, so that a slow query never blocks
// the HTTP event loop. Plain JavaScript so that it loads the same way under tsc output and vitest.
// Protocol: { id, op: 'query' | 'close', sql, params } → { id, ok, result | error }.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

/** @type {{ dataDir: string }} */
const options = workerData;

const db = new PGlite(options.dataDir, {
  relaxedDurability: false,
  // PGlite's default of 128 MB shared buffers makes an idle server weigh ~400 MB; 16 MB keeps
  // it well under 300 MB and is plenty for an embedded installation (see docs/PERFORMANCE.md).
  postgresqlconf: ['shared_buffers=16MB'],
  // Only pg_trgm: together with cube, hstore or btree_gin it returned wrong results (FINDINGS).
  extensions: { pg_trgm },
});

/** @param {unknown} error */
function serialiseError(error) {
  const e = /** @type {Record<string, unknown>} */ (error ?? {});
  return {
    message: String(e.message ?? error),
    code: typeof e.code === 'string' ? e.code : undefined,
    detail: typeof e.detail === 'string' ? e.detail : undefined,
    constraint: typeof e.constraint === 'string' ? e.constraint : undefined,
    table: typeof e.table === 'string' ? e.table : undefined,
    column: typeof e.column === 'string' ? e.column : undefined,
  };
}

/** @param {{ id: number, op: string, sql?: string, params?: unknown[] }} message */
async function handle(message) {
  if (message.op === 'ready') {
    await db.waitReady;
    return null;
  }
  if (message.op === 'close') {
    await db.close();
    return null;
  }
  const sql = message.sql ?? '';
  const params = message.params ?? [];
  if (params.length === 0) {
    // Simple protocol: allows several statements (migrations); the last result is the answer.
    const results = await db.exec(sql);
    const last = results[results.length - 1];
    return { rows: last?.rows ?? [], affectedRows: last?.affectedRows ?? 0 };
  }
  const result = await db.query(sql, params);
  return { rows: result.rows, affectedRows: result.affectedRows ?? 0 };
}

parentPort?.on('message', async (message) => {
  try {
    const result = await handle(message);
    parentPort?.postMessage({ id: message.id, ok: true, result });
  } catch (error) {
    parentPort?.postMessage({ id: message.id, ok: false, error: serialiseError(error) });
  }
});
