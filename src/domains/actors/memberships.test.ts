import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../platform/auth/sessions.js';
import { mailsTo } from '../../../test/support/accounts.js';
import { createActor, submit } from '../../../test/support/actors.js';
import { createUser, type TestUser } from '../../../test/support/factories.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { actorIdsOfUser, leaveActor, removeMember } from './service.js';

let t: TestApp;
let coordinator: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await createUser(t, { role: 'coordinator' });
});
afterAll(async () => t?.close());

const get = (url: string, user?: TestUser | null) => t.app.inject({ method: 'GET', url, cookies: user?.session ? { [SESSION_COOKIE]: user.session } : undefined });
const membership = (actorId: number, userId: number) =>
  t.db.selectFrom('actor_members').select(['role', 'status', 'message']).where('actor_id', '=', actorId).where('user_id', '=', userId).executeTakeFirst();

describe('joining an organisation', () => {
  it('a member asks with a message; its admins get a mail; an admin accepts and the requester gets a mail in their language', async () => {
    const admin = await createUser(t, { name: 'Ada Admin' });
    const requester = await createUser(t, { name: 'Rhea Request', locale: 'en' });
    const actor = await createActor(t, { name: 'Werkstatt Nord', admin });
    const asked = await submit(t.app, { page: `/akteure/${actor.slug}/mitglied-werden`, session: requester.session, fields: { message: 'Ich koche gern <b>Suppe</b>.' } });
    expect(asked.statusCode).toBe(303);
    expect(asked.headers.location).toBe(`/akteure/${actor.slug}?hinweis=angefragt`);
    expect(await membership(actor.id, requester.id)).toEqual({ role: 'member', status: 'pending', message: 'Ich koche gern <b>Suppe</b>.' });
    const [notice] = await mailsTo(t, admin.email);
    expect(notice?.subject).toBe('Neue Anfrage: Rhea Request möchte bei „Werkstatt Nord“ mitmachen');
    expect(notice?.text).toContain('Ich koche gern <b>Suppe</b>.');
    expect(notice?.html).toContain('Ich koche gern &lt;b');
    expect(notice?.html).not.toContain('<b>Suppe');

    const page = await get(`/akteure/${actor.slug}`, requester);
    expect(page.body).toContain('Ihre Anfrage auf Mitgliedschaft wartet auf Antwort.');
    const list = await get(`/akteure/${actor.slug}/mitglieder`, admin);
    expect(list.body).toContain('Rhea Request');
    expect(list.body).toContain('Ich koche gern &lt;b');
    expect(list.body).not.toContain('<b>Suppe');

    const accepted = await submit(t.app, {
      page: `/akteure/${actor.slug}/mitglieder`,
      action: `/akteure/${actor.slug}/mitglieder/${requester.id}/entscheiden`,
      session: admin.session,
      fields: { decision: 'accept' },
    });
    expect(accepted.statusCode).toBe(303);
    expect(await membership(actor.id, requester.id)).toMatchObject({ role: 'member', status: 'active' });
    const [welcome] = await mailsTo(t, requester.email);
    expect(welcome).toMatchObject({ subject: 'Welcome to “Werkstatt Nord”', locale: 'en' });
    expect(welcome?.text).toContain(`/en/akteure/${actor.slug}`);
    expect(await actorIdsOfUser(t.ctx(), requester.id)).toEqual([actor.id]);
  });

  it('a coordinator declines a request: the row goes, the requester is told', async () => {
    const requester = await createUser(t);
    const actor = await createActor(t, { admin: await createUser(t), members: [{ userId: requester.id, status: 'pending' }] });
    const declined = await submit(t.app, {
      page: `/akteure/${actor.slug}/mitglieder`,
      action: `/akteure/${actor.slug}/mitglieder/${requester.id}/entscheiden`,
      session: coordinator.session,
      fields: { decision: 'decline' },
    });
    expect(declined.statusCode).toBe(303);
    expect(await membership(actor.id, requester.id)).toBeUndefined();
    expect((await mailsTo(t, requester.email)).map((m) => m.subject)).toEqual([`Ihre Anfrage bei „${actor.name}“`]);
  });

  it('plain members see the member list but no requests, and cannot decide them (403)', async () => {
    const plain = await createUser(t);
    const waiting = await createUser(t, { name: 'Wanda Wartend' });
    const actor = await createActor(t, { admin: await createUser(t), members: [{ userId: plain.id }, { userId: waiting.id, status: 'pending' }] });
    const list = await get(`/akteure/${actor.slug}/mitglieder`, plain);
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain('Wanda Wartend');
    const decide = await submit(t.app, {
      page: `/akteure/${actor.slug}/mitglieder`,
      action: `/akteure/${actor.slug}/mitglieder/${waiting.id}/entscheiden`,
      session: plain.session,
      fields: { decision: 'accept' },
    });
    expect(decide.statusCode).toBe(403);
    expect((await get(`/akteure/${actor.slug}/mitglieder`, await createUser(t))).statusCode).toBe(403);
  });
});

describe('roles and leaving', () => {
  it('admins change roles and remove members, but the last admin can neither step down nor leave', async () => {
    const admin = await createUser(t);
    const other = await createUser(t);
    const actor = await createActor(t, { admin, members: [{ userId: other.id }] });
    const promote = await submit(t.app, { page: `/akteure/${actor.slug}/mitglieder`, action: `/akteure/${actor.slug}/mitglieder/${other.id}/rolle`, session: admin.session, fields: { role: 'admin' } });
    expect(promote.statusCode).toBe(303);
    expect(await membership(actor.id, other.id)).toMatchObject({ role: 'admin' });
    const removed = await submit(t.app, { page: `/akteure/${actor.slug}/mitglieder`, action: `/akteure/${actor.slug}/mitglieder/${other.id}/entfernen`, session: admin.session, fields: {} });
    expect(removed.statusCode).toBe(303);
    expect(await membership(actor.id, other.id)).toBeUndefined();

    const stepDown = await submit(t.app, { page: `/akteure/${actor.slug}/mitglieder`, action: `/akteure/${actor.slug}/mitglieder/${admin.id}/rolle`, session: admin.session, fields: { role: 'member' } });
    expect(stepDown.statusCode).toBe(409);
    expect(stepDown.body).toContain('Die letzte Person in der Verwaltung der Organisation');
    const leave = await submit(t.app, { page: `/akteure/${actor.slug}`, action: `/akteure/${actor.slug}/austreten`, session: admin.session, fields: {} });
    expect(leave.statusCode).toBe(409);
    expect(await membership(actor.id, admin.id)).toMatchObject({ role: 'admin', status: 'active' });
    expect(await removeMember(t.ctx(coordinator.current), actor.id, admin.id)).toEqual({ status: 'last_admin' });
  });

  it('a member leaves; a requester withdraws their request', async () => {
    const leaving = await createUser(t);
    const withdrawing = await createUser(t);
    const actor = await createActor(t, { admin: await createUser(t), members: [{ userId: leaving.id }, { userId: withdrawing.id, status: 'pending' }] });
    const left = await submit(t.app, { page: `/akteure/${actor.slug}`, action: `/akteure/${actor.slug}/austreten`, session: leaving.session, fields: {} });
    expect(left.statusCode).toBe(303);
    expect(left.headers.location).toBe('/konto/organisationen?hinweis=ausgetreten');
    expect(await membership(actor.id, leaving.id)).toBeUndefined();
    expect(await leaveActor(t.ctx(withdrawing.current), actor.slug)).toEqual({ status: 'done' });
    expect(await membership(actor.id, withdrawing.id)).toBeUndefined();
  });
});

describe('my organisations', () => {
  it('lists memberships and open requests, linked from the account page', async () => {
    const person = await createUser(t);
    await createActor(t, { name: 'Alpha Verein', admin: person });
    await createActor(t, { name: 'Beta Initiative', members: [{ userId: person.id, status: 'pending' }] });
    const account = await get('/konto', person);
    expect(account.body).toContain('href="/konto/organisationen"');
    const page = await get('/konto/organisationen', person);
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/Alpha Verein[\s\S]*Verwaltung der Organisation[\s\S]*Beta Initiative[\s\S]*Anfrage offen/);
    expect((await get('/konto/organisationen')).statusCode).toBe(302);
    expect(account.body).toContain('href="/akteure/neu"');
  });

  it('gives coordinators the curation pages on their account page, and nobody else', async () => {
    const curation = ['/akteure/pruefung', '/akteure/vokabular', '/akteure/import', '/akteure/export'];
    const links = (html: string) => curation.filter((path) => html.includes(`href="${path}"`));
    expect(links((await get('/konto', await createUser(t, { role: 'coordinator' }))).body)).toEqual(curation);
    expect(links((await get('/konto', await createUser(t, { role: 'admin' }))).body)).toEqual(curation);
    expect(links((await get('/konto', await createUser(t))).body)).toEqual([]);
  });
});
