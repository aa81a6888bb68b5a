import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../platform/auth/sessions.js';
import { mailsTo } from '../../../test/support/accounts.js';
import { accessToken, createActor, submit } from '../../../test/support/actors.js';
import { createUser, type TestUser } from '../../../test/support/factories.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { mergeActors } from '../actors/service.js';
import { confirmTie, endTie, getNetwork, proposeTie, setPreferences } from './service.js';

let t: TestApp;
let coordinator: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await createUser(t, { role: 'coordinator' });
});
afterAll(async () => t?.close());

const errorOf = async (promise: Promise<unknown>) => promise.then(() => null, (error: { status?: number; detail?: string; fields?: Record<string, string> }) => error);
const page = (url: string, user?: TestUser | null) => t.app.inject({ method: 'GET', url, cookies: user?.session ? { [SESSION_COOKIE]: user.session } : undefined });

async function twoOrganisations() {
  const adminA = await createUser(t);
  const adminB = await createUser(t);
  const a = await createActor(t, { name: 'Quartiersladen', sector: 'civil_society', admin: adminA });
  const b = await createActor(t, { name: 'Stadtverwaltung', sector: 'municipality', admin: adminB });
  return { adminA, adminB, a, b };
}

describe('“we work together”', () => {
  it('one side proposes, the other confirms (never the proposer), either ends it; kind, origin and dates are kept', async () => {
    const { adminA, adminB, a, b } = await twoOrganisations();
    const proposed = await proposeTie(t.ctx(adminA.current), { from: a.slug, to: b.slug, kind: 'project_partnership', since: '2025-04-01' });
    expect(proposed).toMatchObject({ status: 'proposed', kind: 'project_partnership', origin: 'self_initiated', since: '2025-04-01', proposedByUs: true, canConfirm: false });
    expect((await mailsTo(t, adminB.email)).map((m) => m.subject)).toContain('„Quartiersladen“ möchte eine Zusammenarbeit eintragen');
    expect(await errorOf(confirmTie(t.ctx(adminA.current), proposed.id))).toMatchObject({ status: 409, detail: 'Die Seite, die eine Verbindung vorgeschlagen hat, kann sie nicht selbst bestätigen.' });
    const outsider = await createUser(t);
    expect(await errorOf(confirmTie(t.ctx(outsider.current), proposed.id))).toMatchObject({ status: 404 });
    const confirmed = await confirmTie(t.ctx(adminB.current), proposed.id);
    expect(confirmed.status).toBe('active');
    expect(await errorOf(proposeTie(t.ctx(adminB.current), { from: b.slug, to: a.slug, kind: 'project_partnership', since: '2025-04-01' }))).toMatchObject({ status: 409 });
    expect(await errorOf(endTie(t.ctx(adminB.current), proposed.id, { endedOn: '2025-01-01' }))).toMatchObject({ status: 400, fields: { endedOn: 'Das Ende liegt vor dem Beginn der Verbindung.' } });
    const ended = await endTie(t.ctx(adminB.current), proposed.id, { endedOn: '2025-10-31' });
    expect(ended).toMatchObject({ status: 'ended', since: '2025-04-01', endedOn: '2025-10-31' });
    const row = await t.db.selectFrom('ties').select(['proposed_by', 'confirmed_by', 'origin']).where('id', '=', proposed.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ proposed_by: adminA.id, confirmed_by: adminB.id, origin: 'self_initiated' });
  });

  it('a user who administers both sides still cannot confirm their own proposal', async () => {
    const { adminA, a, b } = await twoOrganisations();
    await t.db.insertInto('actor_members').values({ actor_id: b.id, user_id: adminA.id, role: 'admin', status: 'active' }).execute();
    const proposed = await proposeTie(t.ctx(adminA.current), { from: a.id, to: b.id, kind: 'cooperation', since: '2024-02-29' });
    expect(await errorOf(confirmTie(t.ctx(adminA.current), proposed.id))).toMatchObject({ status: 409 });
  });

  it('bad input: unknown kind, a date in the future or impossible, oneself, a hidden partner; members of the side only', async () => {
    const { adminA, a, b } = await twoOrganisations();
    const ctx = t.ctx(adminA.current);
    expect(await errorOf(proposeTie(ctx, { from: a.id, to: b.id, kind: 'introduction', since: '2024-01-01' }))).toMatchObject({ status: 400, fields: { kind: expect.any(String) } });
    expect(await errorOf(proposeTie(ctx, { from: a.id, to: b.id, kind: 'cooperation', since: '2999-01-01' }))).toMatchObject({ status: 400, fields: { since: expect.any(String) } });
    expect(await errorOf(proposeTie(ctx, { from: a.id, to: b.id, kind: 'cooperation', since: '2023-02-30' }))).toMatchObject({ status: 400, fields: { since: expect.any(String) } });
    expect(await errorOf(proposeTie(ctx, { from: a.id, to: a.id, kind: 'cooperation', since: '2023-02-01' }))).toMatchObject({ status: 400, fields: { to: expect.any(String) } });
    const hidden = await createActor(t, { visibility: 'hidden' });
    expect(await errorOf(proposeTie(ctx, { from: a.id, to: hidden.id, kind: 'cooperation', since: '2023-02-01' }))).toMatchObject({ status: 400, fields: { to: expect.any(String) } });
    const optedOutAdmin = await createUser(t);
    const optedOut = await createActor(t, { admin: optedOutAdmin });
    await setPreferences(t.ctx(optedOutAdmin.current), optedOut.id, { contactable: false });
    expect(await errorOf(proposeTie(ctx, { from: a.id, to: optedOut.id, kind: 'cooperation', since: '2023-02-01' }))).toMatchObject({ status: 409 });
    expect(await errorOf(proposeTie(t.ctx(coordinator.current), { from: a.id, to: b.id, kind: 'cooperation', since: '2023-02-01' }))).toMatchObject({ status: 403 });
    const plainMember = await createUser(t);
    await t.db.insertInto('actor_members').values({ actor_id: a.id, user_id: plainMember.id, role: 'member', status: 'active' }).execute();
    expect(await errorOf(proposeTie(t.ctx(plainMember.current), { from: a.id, to: b.id, kind: 'cooperation', since: '2023-02-01' }))).toMatchObject({ status: 403 });
    const form = await submit(t.app, { page: `/akteure/${a.slug}/verbindungen`, action: `/akteure/${a.slug}/verbindungen/vorschlagen`, session: adminA.session, fields: { to: b.slug, kind: 'cooperation', since: 'gestern' } });
    expect(form.statusCode).toBe(400);
    expect(form.body).toContain('Bitte ein gültiges Datum im Format JJJJ-MM-TT angeben');
    expect(form.body).toContain('value="gestern"');
  });
});

describe('who sees a network', () => {
  it('ties are shown as each side allows: public, members, none; partners must be listed; own people see all', async () => {
    const { adminA, adminB, a, b } = await twoOrganisations();
    const proposed = await proposeTie(t.ctx(adminA.current), { from: a.id, to: b.id, kind: 'cooperation', since: '2024-06-01' });
    await confirmTie(t.ctx(adminB.current), proposed.id);
    const stranger = await createUser(t);
    const count = async (user: TestUser | null) => (await getNetwork(t.ctx(user?.current ?? null), a.id)).ties.length;
    expect(await count(null)).toBe(0); // default: members only
    expect(await count(stranger)).toBe(1);
    await setPreferences(t.ctx(adminA.current), a.id, { tiesVisibility: 'public' });
    expect(await count(null)).toBe(0); // the partner still shows its ties to members only
    await setPreferences(t.ctx(adminB.current), b.id, { tiesVisibility: 'public' });
    expect(await count(null)).toBe(1);
    expect((await page(`/akteure/${a.slug}`, null)).body).toContain('Stadtverwaltung');
    const api = await t.app.inject({ method: 'GET', url: `/api/v1/actors/${a.slug}/ties` });
    expect((api.json() as { ties: unknown[] }).ties).toHaveLength(1);
    await setPreferences(t.ctx(adminB.current), b.id, { tiesVisibility: 'none' });
    expect(await count(stranger)).toBe(0);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/actors/${a.slug}/ties` }).then((r) => r.json())) as { ties: unknown[] }).toMatchObject({ ties: [] });
    expect(await count(adminA)).toBe(1); // its own people see every tie
    await t.db.updateTable('actors').set({ visibility: 'hidden' }).where('id', '=', b.id).execute();
    await setPreferences(t.ctx(adminB.current), b.id, { tiesVisibility: 'public' });
    expect(await count(stranger)).toBe(0); // a hidden partner is never named to outsiders
  });

  it('preferences by API: only the actor’s admins; bad values are field errors', async () => {
    const { adminA, adminB, a } = await twoOrganisations();
    const token = await accessToken(t, adminA.id);
    const put = (body: object, bearer = token) => t.app.inject({ method: 'PUT', url: `/api/v1/actors/${a.slug}/partnering-preferences`, headers: { authorization: `Bearer ${bearer}` }, payload: body });
    expect((await put({ contactable: false })).json()).toEqual({ suggestible: true, contactable: false, tiesVisibility: 'members' });
    expect((await put({ tiesVisibility: 'everyone' })).statusCode).toBe(400);
    expect((await put({ suggestible: 'perhaps' })).statusCode).toBe(400);
    expect((await put({ suggestible: false }, await accessToken(t, adminB.id))).statusCode).toBe(403);
  });

  it('merging a duplicate moves its ties to the survivor', async () => {
    const { adminA, adminB, a, b } = await twoOrganisations();
    const duplicate = await createActor(t, { name: 'Quartiersladen (doppelt)', admin: adminA });
    const proposed = await proposeTie(t.ctx(adminB.current), { from: b.id, to: duplicate.id, kind: 'cooperation', since: '2024-06-01' });
    await confirmTie(t.ctx(adminA.current), proposed.id);
    await setPreferences(t.ctx(adminA.current), duplicate.id, { suggestible: false, tiesVisibility: 'none' });
    await mergeActors(t.ctx(coordinator.current), { duplicate: duplicate.slug, survivor: a.slug });
    const prefs = await t.db.selectFrom('partner_preferences').selectAll().where('actor_id', '=', a.id).executeTakeFirstOrThrow();
    expect(prefs).toMatchObject({ suggestible: false, contactable: true, ties_visibility: 'none' });
    const network = await getNetwork(t.ctx(coordinator.current), a.id);
    expect(network.ties.map((tie) => tie.partner.id)).toContain(b.id);
  });
});
