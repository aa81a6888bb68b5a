import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import type { FastifyBaseLogger } from 'fastify';
import { createTestApp, TestClock, type TestApp } from '../../../test/support/test-app.js';
import { JobRunner, backoffMs, enqueueJob } from './runner.js';

let t: TestApp;
const clock = new TestClock();
const log = pino({ level: 'silent' }) as unknown as FastifyBaseLogger;

beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(async () => t?.close());

describe('job runner', () => {
  it('retries a failing job with backoff and finally succeeds', async () => {
    let calls = 0;
    const runner = new JobRunner({ db: t.db, log, config: t.config, clock }, {
      flaky: async () => {
        calls++;
        if (calls < 3) throw new Error(`attempt ${calls} failed`);
      },
    });
    const id = await enqueueJob(t.db, 'flaky', { n: 1 }, { runAt: clock.now() });
    expect(await runner.runDue()).toBe(1);
    let row = await t.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.attempts).toBe(1);
    expect(row.last_error).toBe('attempt 1 failed');
    expect(row.done_at).toBeNull();
    expect(row.run_at.getTime()).toBeGreaterThan(clock.now().getTime());

    expect(await runner.runDue()).toBe(0); // not due yet
    clock.advance(60_000);
    await runner.runDue();
    clock.advance(120_000);
    await runner.runDue();
    row = await t.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(calls).toBe(3);
    expect(row.done_at).not.toBeNull();
  });

  it('gives up after max attempts', async () => {
    const runner = new JobRunner({ db: t.db, log, config: t.config, clock }, { broken: async () => Promise.reject(new Error('always')) });
    const id = await enqueueJob(t.db, 'broken', {}, { runAt: clock.now(), maxAttempts: 2 });
    await runner.runDue();
    clock.advance(3600_000);
    await runner.runDue();
    const row = await t.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.failed_at).not.toBeNull();
    expect(row.attempts).toBe(2);
  });

  it('takes over a job whose worker died (stale lock) — jobs survive a restart', async () => {
    const id = await enqueueJob(t.db, 'resume', {}, { runAt: clock.now() });
    await t.db.updateTable('jobs').set({ locked_at: clock.now(), locked_by: 'dead-worker', attempts: 1 }).where('id', '=', id).execute();
    let ran = 0;
    const runner = new JobRunner({ db: t.db, log, config: t.config, clock }, { resume: async () => void ran++ });
    await runner.runDue();
    expect(ran).toBe(0); // still locked by the other worker
    clock.advance(11 * 60_000);
    await runner.runDue();
    expect(ran).toBe(1);
  });

  it('runs a batch in the order the jobs were queued', async () => {
    const seen: number[] = [];
    const runner = new JobRunner({ db: t.db, log, config: t.config, clock }, { ordered: async (_ctx, payload) => void seen.push((payload as { n: number }).n) });
    for (let n = 0; n < 8; n++) await enqueueJob(t.db, 'ordered', { n }, { runAt: new Date(clock.now().getTime() - 1000 + n) });
    await runner.runDue();
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('backs off exponentially with a cap', () => {
    expect(backoffMs(1)).toBeGreaterThanOrEqual(12_000);
    expect(backoffMs(1)).toBeLessThanOrEqual(18_000);
    expect(backoffMs(4)).toBeGreaterThanOrEqual(96_000);
    expect(backoffMs(40)).toBeLessThanOrEqual(6 * 3600_000 * 1.2);
  });
});

describe('mail delivery without SMTP', () => {
  it('stores queued mail in the outbox', async () => {
    const { composeMail, queueMail } = await import('../mail/index.js');
    await queueMail(t.db, composeMail('ada@example.org', { locale: 'en', subject: 'Hello <b>', greeting: 'Hi Ada,', paragraphs: ['Text & more'], action: { label: 'Open', url: 'http://localhost/x' }, closing: 'Bye' }));
    await t.runJobs();
    const mail = await t.db.selectFrom('mail_outbox').selectAll().where('recipient', '=', 'ada@example.org').executeTakeFirstOrThrow();
    expect(mail.subject).toBe('Hello <b>');
    expect(mail.text_body).toContain('Open:\nhttp://localhost/x');
    expect(mail.html_body).toContain('<html lang="en"');
    expect(mail.html_body).toContain('Hello &lt;b>');
  });
});
