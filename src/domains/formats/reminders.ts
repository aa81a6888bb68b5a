import { inTransaction, type Context } from '../../platform/context.js';
import { enqueueJob } from '../../platform/jobs/runner.js';
import { sendFormatMails } from './mails.js';
import { HOUR_MS, REMIND_BEFORE_HOURS } from './model.js';
import { selectFormat, type FormatRow } from './queries.js';
import { markReminded, selectRegistrationsOfFormat } from './registration-queries.js';

/** Reminders two days before a format: one job per format, queued when it is published or moved. */

export const REMIND_JOB = 'formats.remind';

export async function scheduleReminders(ctx: Context, format: FormatRow) {
  const runAt = new Date(Math.max(format.starts_at.getTime() - REMIND_BEFORE_HOURS * HOUR_MS, ctx.clock.now().getTime()));
  if (format.starts_at <= ctx.clock.now()) return;
  await enqueueJob(ctx.db, REMIND_JOB, { id: format.id, startsAt: format.starts_at.toISOString() }, { runAt });
}

export const reminderJobs = {
  /** Mails everyone with a seat who has not been reminded; a job for a start time since changed does nothing (its successor was queued). */
  [REMIND_JOB]: async (ctx: Context, payload: unknown) => {
    const { id, startsAt } = (payload ?? {}) as { id?: unknown; startsAt?: unknown };
    if (typeof id !== 'number') return;
    await inTransaction(ctx, async (tx) => {
      const format = await selectFormat(tx.db, { id }, { lock: true });
      if (!format || format.status !== 'published' || format.starts_at.toISOString() !== startsAt || format.starts_at <= tx.clock.now()) return;
      const due = (await selectRegistrationsOfFormat(tx.db, format.id, ['registered'])).filter((r) => r.reminded_at === null);
      await sendFormatMails(tx, due.map((r) => ({ email: r.email, name: r.name, locale: r.locale, registrationId: r.id })), 'reminder', format);
      await markReminded(tx.db, due.map((r) => r.id), tx.clock.now());
    });
  },
};
