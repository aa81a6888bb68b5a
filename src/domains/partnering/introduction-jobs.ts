import { findUsersByIds } from '../../platform/auth/users.js';
import { inTransaction, type Context } from '../../platform/context.js';
import { enqueueJob } from '../../platform/jobs/runner.js';
import { actorAdmins, actorCards } from '../actors/service.js';
import { sendPartneringMail } from './mails.js';
import { DAY_MS, EXPIRE_AFTER_DAYS, REMIND_AFTER_DAYS } from './model.js';
import { markExpired, selectIntroduction, updateIntroduction } from './queries.js';

/** An introduction's reminder after a week and its expiry after three: rows in the jobs table, so they survive restarts. */

export const REMIND_JOB = 'partnering.introduction.remind';
export const EXPIRE_JOB = 'partnering.introduction.expire';

/** Queues both when a request is made. */
export async function scheduleIntroductionJobs(ctx: Context, id: number, created: Date) {
  await enqueueJob(ctx.db, REMIND_JOB, { id }, { runAt: new Date(created.getTime() + REMIND_AFTER_DAYS * DAY_MS) });
  await enqueueJob(ctx.db, EXPIRE_JOB, { id }, { runAt: new Date(created.getTime() + EXPIRE_AFTER_DAYS * DAY_MS) });
}

/** Background jobs: one reminder after a week, expiry after three (both survive restarts: they are rows in the jobs table). */
export const introductionJobs = {
  [REMIND_JOB]: async (ctx: Context, payload: unknown) => {
    const id = Number((payload as { id?: unknown })?.id);
    await inTransaction(ctx, async (tx) => {
      const row = await selectIntroduction(tx.db, id, { lock: true });
      if (!row || row.status !== 'pending' || row.reminded_at !== null) return;
      const cards = await actorCards(tx, [row.requester_actor, row.target_actor]);
      const open = [row.target_accepted_at === null ? [row.target_actor, row.requester_actor] : null, row.requester_accepted_at === null ? [row.requester_actor, row.target_actor] : null];
      for (const pair of open) {
        if (!pair) continue;
        const [own, other] = pair as [number, number];
        for (const admin of await actorAdmins(tx, own)) {
          await sendPartneringMail(tx, admin, 'reminder', { own: cards.get(own)?.name ?? '', other: cards.get(other)?.name ?? '', message: row.message, path: `/vernetzung/anbahnungen/${row.id}` });
        }
      }
      await updateIntroduction(tx.db, row.id, { reminded_at: tx.clock.now() });
    });
  },
  [EXPIRE_JOB]: async (ctx: Context, payload: unknown) => {
    const id = Number((payload as { id?: unknown })?.id);
    await inTransaction(ctx, async (tx) => {
      const row = await selectIntroduction(tx.db, id, { lock: true });
      if (!row || row.status !== 'pending') return;
      if (row.expires_at > tx.clock.now()) {
        await enqueueJob(tx.db, EXPIRE_JOB, { id }, { runAt: row.expires_at });
        return;
      }
      await markExpired(tx.db, row.id, tx.clock.now());
      const [asker] = await findUsersByIds(tx.db, [row.requested_by]);
      const cards = await actorCards(tx, [row.target_actor]);
      if (asker && row.origin === 'self_initiated') await sendPartneringMail(tx, asker, 'expired', { own: '', other: cards.get(row.target_actor)?.name ?? '', path: '/vernetzung' });
    });
  },
};
