import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { DataDirLockedError, lockDataDir } from './data-dir-lock.js';
import { createTestApp } from '../../../test/support/test-app.js';

const dirs: string[] = [];
async function tempDir() {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'qn-db-'));
  dirs.push(dir);
  return path.join(dir, 'data');
}
afterAll(async () => {
  for (const dir of dirs) await fs.rm(dir, { recursive: true, force: true });
});

describe('embedded database lock', () => {
  it('refuses a second opener of the same data directory with a clear message', async () => {
    const dataDir = await tempDir();
    const release = lockDataDir(dataDir);
    try {
      expect(() => lockDataDir(dataDir)).toThrow(DataDirLockedError);
      // the lock holds our own pid: a second process would see a live owner
      const lockFile = path.join(path.dirname(dataDir), '.data.lock');
      expect(await fs.readFile(lockFile, 'utf8')).toBe(String(process.pid));
    } finally {
      release();
    }
    // released: can be taken again
    lockDataDir(dataDir)();
  });

  it('takes over a lock left by a dead process', async () => {
    const dataDir = await tempDir();
    await fs.mkdir(dataDir, { recursive: true });
    await fs.writeFile(path.join(path.dirname(dataDir), '.data.lock'), '999999999');
    const release = lockDataDir(dataDir);
    release();
  });

  it('keeps the event loop free while PGlite works, and serialises transactions', async () => {
    const t = await createTestApp();
    try {
      if (t.kind !== 'pglite') return;
      let ticks = 0;
      const timer = setInterval(() => ticks++, 5);
      await sql`select count(*) from generate_series(1, 500000)`.execute(t.db);
      clearInterval(timer);
      expect(ticks).toBeGreaterThan(3); // the main thread kept running during the query

      await sql`create table counter (n int)`.execute(t.db);
      await sql`insert into counter values (0)`.execute(t.db);
      await Promise.all(
        Array.from({ length: 20 }, () =>
          t.db.transaction().execute(async (trx) => {
            const row = await sql<{ n: number }>`select n from counter`.execute(trx);
            await sql`update counter set n = ${row.rows[0]!.n + 1}`.execute(trx);
          }),
        ),
      );
      const final = await sql<{ n: number }>`select n from counter`.execute(t.db);
      expect(final.rows[0]!.n).toBe(20);
      await expect(
        t.db.transaction().execute(async (trx) => {
          await sql`update counter set n = 100`.execute(trx);
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      expect((await sql<{ n: number }>`select n from counter`.execute(t.db)).rows[0]!.n).toBe(20);
    } finally {
      await t.close();
    }
  }, 120_000);
});
