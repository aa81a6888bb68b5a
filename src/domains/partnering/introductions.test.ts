import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../platform/auth/sessions.js';
import { mailsTo } from '../../../test/support/accounts.js';
import { accessToken, createActor, submit, type TestActor } from '../../../test/support/actors.js';
import { createUser, type TestUser } from '../../../test/support/factories.js';
import { createTestApp, ShiftedClock, type TestApp } from '../../../test/support/test-app.js';
import { DAY_MS } from './model.js';
import { answerIntroduction, brokerIntroduction, getIntroduction, listSuggestions, requestIntroduction, setPreferences } from './service.js';

let t: TestApp;
const clock = new ShiftedClock();
let coordinator: TestUser;

beforeAll(async () => {
  t = await createTestApp({ clock });
  coordinator = await createUser(t, { role: 'coordinator' });
});
afterAll(async () => t?.close());

const get = (url: string, user?: TestUser | null) => t.app.inject({ method: 'GET', url, cookies: user?.session ? { [SESSION_COOKIE]: user.session } : undefined });
const MESSAGE = 'Wir suchen Räume für ein Sommerfest im Quartier.';
const mails = (email: string) => mailsTo(t, email);

/** Two complementary organisations in different sectors, each with its own admin. */
async function pair(options: { bContact?: boolean } = {}) {
  const adminA = await createUser(t, { name: 'Anna Kultur' });
  const adminB = await createUser(t, { name: 'Bernd Bau', locale: 'en' });
  const a = await createActor(t, { name: 'Kulturverein Ost', sector: 'creative_culture', offers: ['Kulturarbeit'], needs: ['Zwischennutzung'], admin: adminA, contact: { name: 'Anna', email: 'kultur@example.org' } });
  const b = await createActor(t, {
    name: 'Wohnbau Ost',
    sector: 'housing_industry',
    offers: ['Zwischennutzung'],
    needs: ['Kulturarbeit'],
    admin: adminB,
    contact: options.bContact === false ? undefined : { name: 'Bernd', email: 'bau@example.org', phone: '0345 1234' },
  });
  return { adminA, adminB, a, b };
}

const ask = (user: TestUser, from: TestActor, to: TestActor | string, message = MESSAGE) => requestIntroduction(t.ctx(user.current), { from: from.id, to: typeof to === 'string' ? to : to.id, message });
const errorOf = async (promise: Promise<unknown>) => promise.then(() => null, (error: { code?: string; status?: number; detail?: string; fields?: Record<string, string> }) => error);

describe('double opt-in introduction', () => {
  it('A asks; B’s admin gets a mail and accepts; contact details appear for both; a self-initiated tie; B is no longer suggested to A', async () => {
    const { adminA, adminB, a, b } = await pair();
    const before = await listSuggestions(t.ctx(adminA.current), a.id);
    expect(before.suggestions.map((s) => s.actor.id)).toContain(b.id);

    const asked = await submit(t.app, { page: `/vernetzung/anfrage?von=${a.slug}&an=${b.slug}`, session: adminA.session, fields: { from: a.slug, an: b.slug, message: MESSAGE } });
    expect(asked.statusCode).toBe(303);
    const id = Number(/anbahnungen\/(\d+)/.exec(asked.headers.location as string)![1]);
    const [mail] = await mails( adminB.email);
    expect(mail?.subject).toBe('Contact request: “Kulturverein Ost” would like to meet “Wohnbau Ost”');
    expect(mail?.text).toContain(`/en/vernetzung/anbahnungen/${id}`);
    // Before acceptance neither side sees the other's contact details.
    const pending = await getIntroduction(t.ctx(adminA.current), id);
    expect(pending.status).toBe('pending');
    expect(pending.target.contact).toBeNull();
    expect((await get(`/vernetzung/anbahnungen/${id}`, adminA)).body).not.toContain('bau@example.org');
    expect((await get(`/akteure/${b.slug}`, adminA)).body).not.toContain('bau@example.org'); // nor on the profile
    // B's admin is notified in the app too: a count beside „Vernetzung“ on every page, the request on the dashboard.
    const dashboard = await get('/en/vernetzung', adminB);
    expect(dashboard.body).toContain('(1 waiting for your answer)');
    expect(dashboard.body).toContain('Requests waiting for your answer (1)');
    expect((await get('/konto', adminA)).body).not.toContain('warten auf Ihre Antwort');

    const answered = await submit(t.app, { page: `/vernetzung/anbahnungen/${id}`, action: `/vernetzung/anbahnungen/${id}/antwort`, session: adminB.session, fields: { decision: 'accept', reply: 'Gern!' } });
    expect(answered.statusCode).toBe(303);
    const seenByA = await getIntroduction(t.ctx(adminA.current), id);
    expect(seenByA.status).toBe('accepted');
    expect(seenByA.target.contact).toMatchObject({ email: 'bau@example.org', phone: '0345 1234', answeredBy: { name: 'Bernd Bau', email: adminB.email } });
    const seenByB = await getIntroduction(t.ctx(adminB.current), id);
    expect(seenByB.requester.contact).toMatchObject({ email: 'kultur@example.org', answeredBy: { name: 'Anna Kultur', email: adminA.email } });
    const [accepted] = (await mails( adminA.email)).filter((m) => m.subject.startsWith('Kontakt hergestellt'));
    expect(accepted?.text).toContain('bau@example.org');
    expect(accepted?.text).toContain('Gern!');

    const tie = await t.db.selectFrom('ties').selectAll().where('introduction_id', '=', id).executeTakeFirstOrThrow();
    expect(tie).toMatchObject({ kind: 'introduction', origin: 'self_initiated', status: 'active', actor_a: Math.min(a.id, b.id), actor_b: Math.max(a.id, b.id) });
    for (const actor of [a, b]) expect((await get(`/akteure/${actor.slug}`, adminA)).body).toContain('Kontaktanbahnung, selbst initiiert');
    expect((await get(`/akteure/${b.slug}`, adminA)).body).toContain('href="mailto:bau@example.org"');
    expect((await get(`/akteure/${a.slug}`, adminB)).body).toContain('href="mailto:kultur@example.org"');
    const after = await listSuggestions(t.ctx(adminA.current), a.id);
    expect(after.suggestions.map((s) => s.actor.id)).not.toContain(b.id);
  });

  it('a coordinator brokers C↔D: both sides must accept; the tie is brokered', async () => {
    const { adminA, adminB, a, b } = await pair();
    const brokered = await brokerIntroduction(t.ctx(coordinator.current), { a: a.slug, b: b.slug, message: 'Sie sollten sich kennenlernen.' });
    expect(brokered.origin).toBe('brokered');
    expect((await mails( adminA.email)).some((m) => m.subject.startsWith('Die Koordination schlägt vor'))).toBe(true);
    const first = await answerIntroduction(t.ctx(adminA.current), brokered.id, { decision: 'accept' });
    expect(first.status).toBe('pending');
    expect(first.target.contact).toBeNull();
    const second = await answerIntroduction(t.ctx(adminB.current), brokered.id, { decision: 'accept' });
    expect(second.status).toBe('accepted');
    const tie = await t.db.selectFrom('ties').select(['origin', 'kind']).where('introduction_id', '=', brokered.id).executeTakeFirstOrThrow();
    expect(tie).toEqual({ origin: 'brokered', kind: 'introduction' });
    expect((await get(`/akteure/${a.slug}`, null)).body).not.toContain('vermittelt'); // ties are for members by default
    expect((await get(`/akteure/${a.slug}`, coordinator)).body).toContain('Kontaktanbahnung, vermittelt');
  });

  it('a reminder after 7 days, expiry after 21 (jobs); accepting an expired request is refused', async () => {
    const { adminA, adminB, a, b } = await pair();
    const asked = await ask(adminA, a, b);
    await mails( adminB.email);
    clock.advance(7 * DAY_MS + 60_000);
    const reminders = (await mails( adminB.email)).filter((m) => m.subject.startsWith('Reminder'));
    expect(reminders).toHaveLength(1);
    clock.advance(14 * DAY_MS);
    const expired = (await mails( adminA.email)).filter((m) => m.subject.includes('abgelaufen'));
    expect(expired).toHaveLength(1);
    expect((await getIntroduction(t.ctx(adminA.current), asked.id)).status).toBe('expired');
    const error = await errorOf(answerIntroduction(t.ctx(adminB.current), asked.id, { decision: 'accept' }));
    expect(error).toMatchObject({ status: 409, detail: 'Diese Anfrage ist abgelaufen.' });
    const page = await submit(t.app, { page: `/vernetzung/anbahnungen/${asked.id}`, action: `/vernetzung/anbahnungen/${asked.id}/antwort`, session: adminB.session, fields: { decision: 'accept' } });
    expect(page.statusCode).toBe(409);
  });
});

describe('bad input', () => {
  it('to oneself or another own organisation: a field error', async () => {
    const { adminA, a } = await pair();
    const second = await createActor(t, { name: 'Zweitverein', admin: adminA });
    expect(await errorOf(ask(adminA, a, a))).toMatchObject({ status: 400, fields: { from: expect.stringContaining('nicht mit sich selbst') } });
    expect(await errorOf(ask(adminA, a, second))).toMatchObject({ status: 400 });
  });

  it('to a hidden actor: the same field error as for one that does not exist; to an opted-out actor: 409 with a reason', async () => {
    const { adminA, a } = await pair();
    const hidden = await createActor(t, { visibility: 'hidden', admin: await createUser(t) });
    const unknown = { status: 400, fields: { to: 'Kein Profil mit dieser Adresse oder Nummer gefunden, das Sie sehen können.' } };
    expect(await errorOf(ask(adminA, a, hidden))).toMatchObject(unknown);
    expect(await errorOf(ask(adminA, a, 'gibt-es-nicht'))).toMatchObject(unknown);
    const optedOutAdmin = await createUser(t);
    const optedOut = await createActor(t, { admin: optedOutAdmin });
    await setPreferences(t.ctx(optedOutAdmin.current), optedOut.id, { contactable: false });
    expect(await errorOf(ask(adminA, a, optedOut))).toMatchObject({ status: 409, detail: 'Dieser Akteur nimmt zurzeit keine Kontaktanfragen an.' });
  });

  it('twice while one is pending (also at the same time): exactly one request', async () => {
    const { adminA, a, b } = await pair();
    const results = await Promise.allSettled([ask(adminA, a, b), ask(adminA, a, b), ask(adminA, a, b)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ status: 409 });
    const count = await t.db.selectFrom('introductions').select((eb) => eb.fn.countAll<number>().as('n')).where('requester_actor', '=', a.id).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('after a decline within 90 days: refused (the asker is told why, a colleague is not); after 90 days allowed', async () => {
    const { adminA, adminB, a, b } = await pair();
    const colleague = await createUser(t);
    await t.db.insertInto('actor_members').values({ actor_id: a.id, user_id: colleague.id, role: 'admin', status: 'active' }).execute();
    const asked = await ask(adminA, a, b);
    await answerIntroduction(t.ctx(adminB.current), asked.id, { decision: 'decline', reply: 'Kein Bedarf.' });
    expect(await errorOf(ask(adminA, a, b))).toMatchObject({ status: 409, detail: expect.stringContaining('in den letzten 90 Tagen abgelehnt') });
    expect(await errorOf(ask(colleague, a, b))).toMatchObject({ status: 409, detail: 'Eine Kontaktanbahnung ist zwischen diesen beiden zurzeit nicht möglich.' });
    // The decline is not shown to the requesting side's other people.
    expect(await errorOf(getIntroduction(t.ctx(colleague.current), asked.id))).toMatchObject({ status: 404 });
    clock.advance(91 * DAY_MS);
    expect((await ask(adminA, a, b)).status).toBe('pending');
  });

  it('a message of 100 kB is refused with a field error; markup is kept as text and escaped', async () => {
    const { adminA, a, b } = await pair();
    const big = await submit(t.app, { page: `/vernetzung/anfrage?an=${b.slug}`, action: '/vernetzung/anfrage', session: adminA.session, fields: { from: a.slug, an: b.slug, message: 'x'.repeat(100_000) } });
    expect(big.statusCode).toBe(400);
    expect(big.body).toContain('höchstens 2000 Zeichen');
    expect(big.body).toContain('xxxxxxxx'); // what was typed stays in the form
    const markup = await ask(adminA, a, b, '<script>alert(1)</script> Hallo <b>Nachbarn</b>');
    const page = await get(`/vernetzung/anbahnungen/${markup.id}`, adminA);
    expect(page.body).toContain('&lt;script>alert(1)&lt;/script>');
    expect(page.body).not.toContain('<script>alert(1)');
  });

  it('a coordinator cannot ask in an organisation’s name (only broker): 403', async () => {
    const { a, b } = await pair();
    expect(await errorOf(ask(coordinator, a, b))).toMatchObject({ status: 403 });
  });

  it('an expired request whose job has not run yet does not block a new one', async () => {
    const { adminA, a, b } = await pair();
    const first = await ask(adminA, a, b);
    await t.db.updateTable('introductions').set({ expires_at: new Date(clock.now().getTime() - 1000) }).where('id', '=', first.id).execute();
    expect((await ask(adminA, a, b)).status).toBe('pending');
    expect((await getIntroduction(t.ctx(adminA.current), first.id)).status).toBe('expired');
  });

  it('the side that declined may ask the other way round', async () => {
    const { adminA, adminB, a, b } = await pair();
    const asked = await ask(adminA, a, b);
    await answerIntroduction(t.ctx(adminB.current), asked.id, { decision: 'decline' });
    expect((await ask(adminB, b, a)).status).toBe('pending');
  });

  it('accepting someone else’s request: 404 for outsiders, 403 for the asking side', async () => {
    const { adminA, a, b } = await pair();
    const asked = await ask(adminA, a, b);
    const outsider = await createUser(t);
    expect(await errorOf(answerIntroduction(t.ctx(outsider.current), asked.id, { decision: 'accept' }))).toMatchObject({ status: 404 });
    expect(await errorOf(answerIntroduction(t.ctx(adminA.current), asked.id, { decision: 'accept' }))).toMatchObject({ status: 403 });
    expect(await errorOf(answerIntroduction(t.ctx(coordinator.current), asked.id, { decision: 'accept' }))).toMatchObject({ status: 403 });
  });

  it('50 requests in a minute: 429 with a clear message, page and API alike', async () => {
    const asker = await createUser(t);
    const own = await createActor(t, { admin: asker });
    const token = await accessToken(t, asker.id);
    const statuses: number[] = [];
    let last = '';
    for (let i = 0; i < 50; i++) {
      const response = await t.app.inject({ method: 'POST', url: '/api/v1/partnering/introductions', headers: { authorization: `Bearer ${token}` }, payload: { from: own.id, to: 'gibt-es-nicht', message: MESSAGE } });
      statuses.push(response.statusCode);
      if (response.statusCode === 429) last = response.body;
    }
    expect(statuses.filter((s) => s === 400)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(40);
    expect(JSON.parse(last)).toMatchObject({ code: 'auth.rate_limited', detail: expect.stringContaining('sehr viele Kontaktanfragen') });
    const target = await createActor(t, { admin: await createUser(t) });
    const page = await submit(t.app, { page: '/vernetzung', action: '/vernetzung/anfrage', session: asker.session, fields: { from: own.slug, an: target.slug, message: MESSAGE } });
    expect(page.statusCode).toBe(429);
    expect(page.body).toContain('sehr viele Kontaktanfragen');
    expect(page.body).toContain(MESSAGE); // what was typed stays
  });
});
