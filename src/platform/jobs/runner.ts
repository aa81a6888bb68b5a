import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.js';
import { createContext, systemClock, type Clock, type Context } from '../context.js';
import type { Db, DbOrTx } from '../db/index.js';
import { jobEvents } from './events.js';
import { claimDueJobs, insertJob, markJobDone, markJobFailed, pruneJobs } from './queries.js';

export type JobHandler = (ctx: Context, payload: unknown) => Promise<void>;
export type JobHandlers = Record<string, JobHandler>;

/** Retry delay after the nth failed attempt: 15 s, 30 s, 1 min … capped at 6 h, with jitter. */
export function backoffMs(attempt: number): number {
  const base = Math.min(15_000 * 2 ** (attempt - 1), 6 * 3600_000);
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

/** Stores a job; it runs once due, in this or any other app instance. */
export async function enqueueJob(db: DbOrTx, name: string, payload: unknown, options: { runAt?: Date; maxAttempts?: number } = {}) {
  const id = await insertJob(db, name, payload, options.runAt, options.maxAttempts);
  jobEvents.emit('enqueued');
  return id;
}

/**
 * Polls the jobs table and runs due jobs one batch at a time. Jobs live in PostgreSQL, so they
 * survive a restart; a job whose worker died is taken again after its lock times out.
 */
export class JobRunner {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;
  private readonly workerId = randomUUID();

  constructor(
    private readonly deps: { db: Db; log: FastifyBaseLogger; config: Config; clock?: Clock },
    private readonly handlers: JobHandlers,
    private readonly intervalMs = 2000,
  ) {}

  private readonly onEnqueued = () => this.poke();

  start() {
    this.stopped = false;
    jobEvents.on('enqueued', this.onEnqueued);
    this.schedule(100);
  }

  async stop() {
    this.stopped = true;
    jobEvents.off('enqueued', this.onEnqueued);
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Asks for a run soon, e.g. right after a job was enqueued. */
  poke() {
    if (!this.stopped) this.schedule(10);
  }

  private schedule(delay: number) {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.tick();
    }, delay);
    this.timer.unref();
  }

  private async tick() {
    if (this.running) return;
    this.running = this.runDue()
      .then(() => undefined)
      .catch((error) => this.deps.log.error({ err: error }, 'job runner failed'))
      .finally(() => {
        this.running = null;
        if (!this.stopped) this.schedule(this.intervalMs);
      });
    await this.running;
  }

  /** Runs every due job now; returns how many ran. Tests and the CLI call this directly. */
  async runDue(maxBatches = 50): Promise<number> {
    const clock = this.deps.clock ?? systemClock;
    let count = 0;
    for (let batch = 0; batch < maxBatches; batch++) {
      const jobs = await claimDueJobs(this.deps.db, this.workerId, 10, clock.now());
      if (jobs.length === 0) break;
      for (const job of jobs) {
        count++;
        const handler = this.handlers[job.name];
        const log = this.deps.log.child({ job: job.name, jobId: job.id, attempt: job.attempts });
        try {
          if (!handler) throw new Error(`no handler for job ${job.name}`);
          await handler(createContext({ db: this.deps.db, config: this.deps.config, log, clock }), job.payload);
          await markJobDone(this.deps.db, job.id, clock.now());
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          const retry = job.attempts < job.max_attempts ? new Date(clock.now().getTime() + backoffMs(job.attempts)) : null;
          log.warn({ err: error, retryAt: retry }, 'job failed');
          await markJobFailed(this.deps.db, job, message.slice(0, 2000), clock.now(), retry);
        }
      }
    }
    if (count > 0) await pruneJobs(this.deps.db, clock.now());
    return count;
  }
}
