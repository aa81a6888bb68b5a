import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessToken, createActor, tagId } from '../../../test/support/actors.js';
import { createUser, type TestUser } from '../../../test/support/factories.js';
import { mailsTo } from '../../../test/support/accounts.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';

let t: TestApp;
let member: TestUser;
let memberToken: string;
let coordinatorToken: string;

beforeAll(async () => {
  t = await createTestApp();
  member = await createUser(t, { name: 'Api Mitglied' });
  memberToken = await accessToken(t, member.id);
  coordinatorToken = await accessToken(t, (await createUser(t, { role: 'coordinator' })).id);
});
afterAll(async () => t?.close());

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const call = (method: Method, url: string, options: { token?: string | null; payload?: object; lang?: string } = {}) =>
  t.app.inject({
    method,
    url,
    payload: options.payload,
    headers: { ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...(options.lang ? { 'accept-language': options.lang } : {}) },
  });

describe('actors API', () => {
  it('creates, reads (as visible), changes only the fields given, and deletes a profile', async () => {
    const created = await call('POST', '/api/v1/actors', {
      token: memberToken,
      payload: {
        kind: 'organisation',
        name: 'API-Werkstatt Köln',
        sector: 'creative_culture',
        actionFields: ['inner_city'],
        place: 'Köln',
        offers: ['Zwischennutzung', 'Siebdruck'],
        needIds: [await tagId(t, 'Leerstand')],
        contact: { name: 'Kai', email: 'kai@example.org' },
        links: ['https://api-werkstatt.example.org'],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const actor = created.json();
    expect(actor).toMatchObject({
      slug: 'api-werkstatt-koeln',
      status: 'pending',
      stateCode: 'NW',
      place: { name: 'Köln', stateCode: 'NW' },
      contact: { name: 'Kai', email: 'kai@example.org', phone: null },
      viewer: { membership: 'admin', canEdit: true },
    });
    expect(actor.offers.map((o: { label: string; curated: boolean }) => [o.label, o.curated])).toEqual([
      ['Zwischennutzung', true],
      ['Siebdruck', false],
    ]);
    expect(actor.needs.map((n: { label: string }) => n.label)).toEqual(['Leerstand']);
    expect((await call('GET', `/api/v1/actors/${actor.id}`)).statusCode).toBe(404);
    expect((await call('GET', `/api/v1/actors/${actor.slug}`, { token: memberToken })).statusCode).toBe(200);

    const patched = await call('PATCH', `/api/v1/actors/${actor.slug}`, { token: memberToken, payload: { summary: 'Neu', offers: [], contact: null, placeId: null } });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ name: 'API-Werkstatt Köln', summary: 'Neu', offers: [], contact: null, place: null, stateCode: null, actionFields: ['inner_city'] });
    expect(patched.json().needs).toHaveLength(1);

    const other = await accessToken(t, (await createUser(t)).id);
    expect((await call('DELETE', `/api/v1/actors/${actor.id}`, { token: other })).statusCode).toBe(404);
    expect((await call('DELETE', `/api/v1/actors/${actor.id}`, { token: memberToken })).statusCode).toBe(204);
    expect((await call('GET', `/api/v1/actors/${actor.id}`, { token: memberToken })).statusCode).toBe(404);
  });

  it('answers the public without the contact person, and 401 for writes without a token', async () => {
    const actor = await createActor(t, { contact: { name: 'Geheim', email: 'geheim@example.org' } });
    const response = await call('GET', `/api/v1/actors/${actor.slug}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ contact: null, viewer: { signedIn: false, canEdit: false } });
    expect(JSON.stringify(response.json())).not.toContain('geheim@example.org');
    const write = await call('PATCH', `/api/v1/actors/${actor.slug}`, { payload: { name: 'X' } });
    expect(write.statusCode).toBe(401);
    expect(write.headers['content-type']).toContain('application/problem+json');
  });

  it('memberships: ask to join, accept, change role, leave; the last admin stays (409)', async () => {
    const admin = await createUser(t);
    const adminToken = await accessToken(t, admin.id);
    const actor = await createActor(t, { admin, name: 'API-Verein' });
    const asked = await call('POST', `/api/v1/actors/${actor.id}/members`, { token: memberToken, payload: { message: 'Hallo' } });
    expect(asked.json()).toEqual({ status: 'requested' });
    expect((await call('POST', `/api/v1/actors/${actor.id}/members`, { token: memberToken, payload: {} })).json()).toEqual({ status: 'already_requested' });
    expect((await call('PATCH', `/api/v1/actors/${actor.id}/members/${member.id}`, { token: memberToken, payload: { status: 'active' } })).statusCode).toBe(403);
    const accepted = await call('PATCH', `/api/v1/actors/${actor.id}/members/${member.id}`, { token: adminToken, payload: { status: 'active', role: 'admin' } });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().members.map((m: { userId: number; role: string }) => [m.userId, m.role])).toEqual([
      [admin.id, 'admin'],
      [member.id, 'admin'],
    ]);
    expect((await mailsTo(t, member.email)).map((m) => m.subject)).toEqual(['Willkommen bei „API-Verein“']);
    const mine = await call('GET', '/api/v1/me/actors', { token: memberToken });
    expect(mine.json().items.map((i: { slug: string }) => i.slug)).toContain(actor.slug);
    expect((await call('DELETE', `/api/v1/actors/${actor.id}/members/${member.id}`, { token: memberToken })).statusCode).toBe(204);
    const last = await call('DELETE', `/api/v1/actors/${actor.id}/members/${admin.id}`, { token: adminToken, lang: 'en' });
    expect(last.statusCode).toBe(409);
    expect(last.json()).toMatchObject({ code: 'conflict', detail: expect.stringContaining('last admin') });
  });

  it('review, merge and vocabulary are for coordinators', async () => {
    const pending = await createActor(t, { status: 'pending', name: 'Warteschlange' });
    expect((await call('GET', '/api/v1/review/actors', { token: memberToken })).statusCode).toBe(403);
    const queue = await call('GET', '/api/v1/review/actors', { token: coordinatorToken });
    expect(queue.json().items.map((i: { id: number }) => i.id)).toContain(pending.id);
    const rejected = await call('POST', `/api/v1/review/actors/${pending.slug}`, { token: coordinatorToken, payload: { decision: 'reject' }, lang: 'en' });
    expect(rejected.statusCode).toBe(400);
    expect(rejected.json()).toMatchObject({ errors: [{ field: 'note', message: expect.any(String) }] });
    expect((await call('POST', `/api/v1/review/actors/${pending.slug}`, { token: coordinatorToken, payload: { decision: 'approve' } })).json()).toEqual({ status: 'approved' });

    const a = await createActor(t, { offers: ['Moderation'] });
    const b = await createActor(t);
    expect((await call('POST', `/api/v1/actors/${a.id}/merge`, { token: memberToken, payload: { survivor: b.id } })).statusCode).toBe(403);
    const merged = await call('POST', `/api/v1/actors/${a.id}/merge`, { token: coordinatorToken, payload: { survivor: b.slug } });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json()).toMatchObject({ id: b.id, offers: [{ label: 'Moderation' }] });

    expect((await call('POST', '/api/v1/vocabulary', { token: memberToken, payload: { label: 'Mieterberatung' } })).statusCode).toBe(403);
    const added = await call('POST', '/api/v1/vocabulary', { token: coordinatorToken, payload: { label: 'Mieterberatung', labelEn: 'Tenant advice' } });
    expect(added.statusCode).toBe(201);
    const id = added.json().tag.id;
    const renamed = await call('PATCH', `/api/v1/vocabulary/${id}`, { token: coordinatorToken, payload: { label: 'Mietendenberatung', labelEn: null } });
    expect(renamed.json()).toEqual({ id, label: 'Mietendenberatung', labelEn: null, curated: true });
    const into = await tagId(t, 'Soziale Beratung');
    const mergedTag = await call('POST', `/api/v1/vocabulary/${id}/merge`, { token: coordinatorToken, payload: { into } });
    expect(mergedTag.json()).toMatchObject({ id: into, label: 'Soziale Beratung' });
    expect((await call('PATCH', `/api/v1/vocabulary/${id}`, { token: coordinatorToken, payload: { curated: false } })).statusCode).toBe(404);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await call('GET', '/api/docs/openapi.json')).json() as { paths: Record<string, object> };
    for (const path of ['/api/v1/actors/{ref}', '/api/v1/actors/{ref}/members', '/api/v1/actors/{ref}/merge', '/api/v1/review/actors', '/api/v1/vocabulary', '/api/v1/vocabulary/{id}/merge']) {
      expect(Object.keys(doc.paths), path).toContain(path);
    }
  });
});
