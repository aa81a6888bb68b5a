import { sql, type Generated } from 'kysely';
import type { DbOrTx } from '../db/index.js';

export interface JobsTable {
  id: Generated<number>;
  name: string;
  payload: unknown;
  run_at: Generated<Date>;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  locked_at: Date | null;
  locked_by: string | null;
  last_error: string | null;
  done_at: Date | null;
  failed_at: Date | null;
  created_at: Generated<Date>;
}

declare module '../db/types.js' {
  interface Database {
    jobs: JobsTable;
  }
}

export interface ClaimedJob {
  id: number;
  run_at: Date;
  name: string;
  payload: unknown;
  attempts: number;
  max_attempts: number;
}

const LOCK_TIMEOUT = '10 minutes';

/** Claims due jobs; SKIP LOCKED lets several workers (app instances) share the table. */
export async function claimDueJobs(db: DbOrTx, workerId: string, limit: number, now: Date): Promise<ClaimedJob[]> {
  const result = await sql<ClaimedJob>`
    update jobs set locked_at = ${now}, locked_by = ${workerId}, attempts = attempts + 1
    where id in (
      select id from jobs
      where done_at is null and failed_at is null and run_at <= ${now}
        and (locked_at is null or locked_at < ${now}::timestamptz - ${LOCK_TIMEOUT}::interval)
      order by run_at, id
      limit ${limit}
      for update skip locked
    )
    returning id, name, payload, attempts, max_attempts, run_at`.execute(db);
  // RETURNING does not keep the subquery's order: run the batch in due order (FIFO).
  return result.rows.sort((a, b) => a.run_at.getTime() - b.run_at.getTime() || a.id - b.id);
}

export async function markJobDone(db: DbOrTx, id: number, now: Date) {
  await db.updateTable('jobs').set({ done_at: now, locked_at: null, locked_by: null, last_error: null }).where('id', '=', id).execute();
}

export async function markJobFailed(db: DbOrTx, job: ClaimedJob, error: string, now: Date, retryAt: Date | null) {
  await db
    .updateTable('jobs')
    .set(retryAt ? { run_at: retryAt, locked_at: null, locked_by: null, last_error: error } : { failed_at: now, locked_at: null, locked_by: null, last_error: error })
    .where('id', '=', job.id)
    .execute();
}

export async function insertJob(db: DbOrTx, name: string, payload: unknown, runAt: Date | undefined, maxAttempts: number | undefined) {
  const row = await db
    .insertInto('jobs')
    .values({ name, payload: JSON.stringify(payload), ...(runAt ? { run_at: runAt } : {}), ...(maxAttempts ? { max_attempts: maxAttempts } : {}) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function nextRunAt(db: DbOrTx): Promise<Date | null> {
  const row = await db.selectFrom('jobs').select(sql<Date | null>`min(run_at)`.as('next')).where('done_at', 'is', null).where('failed_at', 'is', null).executeTakeFirst();
  return row?.next ?? null;
}

/** Removes finished jobs after a week so the table stays small. */
export async function pruneJobs(db: DbOrTx, now: Date) {
  await sql`delete from jobs where done_at < ${now}::timestamptz - interval '7 days'`.execute(db);
}
