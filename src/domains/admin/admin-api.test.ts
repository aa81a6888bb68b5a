import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_TOKEN_PREFIX, SESSION_COOKIE } from '../../platform/auth/sessions.js';
import { newToken } from '../../platform/auth/tokens.js';
import { composeMail, queueMail } from '../../platform/mail/index.js';
import { createUser, type TestUser } from '../../../test/support/factories.js';
import { createTestApp as createApp, csrfFrom, type TestApp } from '../../../test/support/test-app.js';

// A blocked start-up makes under-pressure report an infinite event-loop delay for its first second
// (NaN histogram); these tests are not about overload, so the check is off.
const createTestApp = () => createApp({ config: { maxEventLoopDelayMs: 0 } });

let t: TestApp;
let admin: TestUser;
let adminToken: string;
let memberToken: string;

async function tokenFor(app: TestApp, user: TestUser) {
  const { token, hash } = newToken(ACCESS_TOKEN_PREFIX);
  await app.db.insertInto('access_tokens').values({ token_hash: hash, user_id: user.id, name: 'test' }).execute();
  return token;
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await createUser(t, { role: 'admin', name: 'API Admin' });
  adminToken = await tokenFor(t, admin);
  memberToken = await tokenFor(t, await createUser(t, { role: 'member' }));
});
afterAll(async () => t?.close());

type Method = 'GET' | 'PATCH' | 'DELETE';
const call = (method: Method, url: string, options: { token?: string | null; payload?: object; lang?: string } = {}) =>
  t.app.inject({
    method,
    url,
    payload: options.payload,
    headers: {
      ...(options.token === null ? {} : { authorization: `Bearer ${options.token ?? adminToken}` }),
      ...(options.lang ? { 'accept-language': options.lang } : {}),
    },
  });

function expectProblem(response: Awaited<ReturnType<typeof call>>, status: number, code: string) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toContain('application/problem+json');
  expect(response.json()).toMatchObject({ status, code });
}

const endpoints: [Method, string][] = [
  ['GET', '/api/v1/admin/users'],
  ['GET', '/api/v1/admin/users/1'],
  ['PATCH', '/api/v1/admin/users/1'],
  ['DELETE', '/api/v1/admin/users/1'],
  ['GET', '/api/v1/admin/outbox'],
  ['GET', '/api/v1/admin/outbox/1'],
  ['GET', '/api/v1/admin/audit'],
  ['GET', '/api/v1/admin/feedback'],
];

describe('admin API access', () => {
  it('answers anonymous callers with 401 and members with 403, as problem+json', async () => {
    for (const [method, url] of endpoints) {
      const payload = method === 'PATCH' ? { role: 'admin' } : undefined;
      expectProblem(await call(method, url, { token: null, payload }), 401, 'auth.required');
      expectProblem(await call(method, url, { token: memberToken, payload }), 403, 'auth.forbidden');
    }
  });

  it('is described in the OpenAPI document under the tag admin', async () => {
    const document = (await t.app.inject({ url: '/api/docs/openapi.json' })).json();
    for (const [method, url] of endpoints) {
      const operation = document.paths[url.replace(/\/1$/, '/{id}')][method.toLowerCase()];
      expect(operation.tags, `${method} ${url}`).toEqual(['admin']);
    }
  });
});

describe('users', () => {
  it('lists users with search, role filter and paging', async () => {
    const tag = `apisuche${Date.now()}`;
    const people = [];
    for (let i = 0; i < 3; i++) people.push(await createUser(t, { role: i === 0 ? 'coordinator' : 'member', name: `${tag} ${i}` }));
    const all = (await call('GET', `/api/v1/admin/users?q=${tag}`)).json();
    expect(all).toMatchObject({ total: 3, page: 1, pageSize: 50, pages: 1 });
    expect(all.items[0]).toEqual({
      id: people[2]!.id,
      name: `${tag} 2`,
      email: people[2]!.email,
      role: 'member',
      locale: 'de',
      verified: true,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      updatedAt: expect.any(String),
    });
    expect((await call('GET', `/api/v1/admin/users?q=${tag}&role=coordinator`)).json().items.map((u: { id: number }) => u.id)).toEqual([people[0]!.id]);
    expect((await call('GET', `/api/v1/admin/users?q=${tag}&page=2`)).json()).toMatchObject({ items: [], total: 3, page: 2 });
  });

  it('rejects malformed queries and ids with 400 and unknown ids with 404', async () => {
    for (const query of ['page=0', 'page=abc', 'role=boss', `q=${'x'.repeat(201)}`, 'unknown=1']) {
      expectProblem(await call('GET', `/api/v1/admin/users?${query}`), 400, 'request.invalid');
    }
    for (const id of ['abc', '0', '-3', '1.5', '99999999999999999999']) expectProblem(await call('GET', `/api/v1/admin/users/${id}`), 400, 'request.invalid');
    expectProblem(await call('GET', '/api/v1/admin/users/987654'), 404, 'not_found');
    expectProblem(await call('PATCH', '/api/v1/admin/users/987654', { payload: { role: 'member' } }), 404, 'not_found');
    expectProblem(await call('DELETE', '/api/v1/admin/users/987654'), 404, 'not_found');
  });

  it('changes a role, records it, and refuses unknown roles', async () => {
    const user = await createUser(t, { role: 'member' });
    const changed = await call('PATCH', `/api/v1/admin/users/${user.id}`, { payload: { role: 'coordinator' } });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ id: user.id, role: 'coordinator', activeSessions: 1, verifiedAt: expect.any(String) });
    expect(changed.json().history).toBeUndefined();
    const audit = await t.db.selectFrom('audit_log').selectAll().where('subject_user_id', '=', user.id).execute();
    expect(audit.map((a) => [a.action, a.details, a.actor_user_id])).toEqual([['user.role_changed', { from: 'member', to: 'coordinator' }, admin.id]]);
    expect((await call('GET', `/api/v1/admin/users/${user.id}`)).json().role).toBe('coordinator');
    for (const payload of [{ role: 'root' }, { role: 3 }, {}, { role: 'admin', extra: true }]) {
      expectProblem(await call('PATCH', `/api/v1/admin/users/${user.id}`, { payload }), 400, 'request.invalid');
    }
    const listed = (await call('GET', '/api/v1/admin/audit')).json();
    expect(listed.items[0]).toMatchObject({ action: 'user.role_changed', subjectLabel: `${user.name} <${user.email}>`, details: { from: 'member', to: 'coordinator' } });
  });

  it('deletes a user with 204 and records it', async () => {
    const user = await createUser(t, { role: 'member', name: 'Weg Damit' });
    const response = await call('DELETE', `/api/v1/admin/users/${user.id}`);
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');
    expectProblem(await call('GET', `/api/v1/admin/users/${user.id}`), 404, 'not_found');
    const audit = await t.db.selectFrom('audit_log').select(['action', 'subject_label']).where('subject_user_id', '=', user.id).execute();
    expect(audit).toEqual([{ action: 'user.deleted', subject_label: `Weg Damit <${user.email}>` }]);
  });

  it('needs the CSRF header when called with a session cookie instead of a token', async () => {
    const user = await createUser(t, { role: 'member' });
    const cookies = { [SESSION_COOKIE]: admin.session! };
    const without = await t.app.inject({ method: 'PATCH', url: `/api/v1/admin/users/${user.id}`, cookies, payload: { role: 'admin' } });
    expectProblem(without, 403, 'request.csrf');
    const csrf = csrfFrom((await t.app.inject({ url: '/admin', cookies })).body);
    const withHeader = await t.app.inject({ method: 'PATCH', url: `/api/v1/admin/users/${user.id}`, cookies, headers: { 'x-csrf-token': csrf }, payload: { role: 'admin' } });
    expect(withHeader.statusCode).toBe(200);
  });
});

describe('the last admin over the API', () => {
  let solo: TestApp;
  afterAll(async () => solo?.close());

  it('is protected from demotion and deletion with 409 and a translated message', async () => {
    solo = await createTestApp();
    const only = await createUser(solo, { role: 'admin' });
    const token = await tokenFor(solo, only);
    const headers = { authorization: `Bearer ${token}`, 'accept-language': 'en' };
    const demote = await solo.app.inject({ method: 'PATCH', url: `/api/v1/admin/users/${only.id}`, headers, payload: { role: 'member' } });
    expect(demote.statusCode).toBe(409);
    expect(demote.headers['content-type']).toContain('application/problem+json');
    expect(demote.json()).toMatchObject({ code: 'conflict', detail: expect.stringContaining('This is the last administrator account.') });
    const remove = await solo.app.inject({ method: 'DELETE', url: `/api/v1/admin/users/${only.id}`, headers: { authorization: `Bearer ${token}` } });
    expect(remove.statusCode).toBe(409);
    expect(remove.json().detail).toContain('Das ist das letzte Administrationskonto.');
    const second = await createUser(solo, { role: 'admin' });
    expect((await solo.app.inject({ method: 'PATCH', url: `/api/v1/admin/users/${second.id}`, headers, payload: { role: 'member' } })).statusCode).toBe(200);
  });

  it('lets only one of two admins demoting each other at the same time succeed', async () => {
    const [a, b] = await solo.db.selectFrom('users').select('id').where('role', '=', 'admin').where('email_verified_at', 'is not', null).execute();
    expect(b).toBeUndefined();
    const other = await createUser(solo, { role: 'admin' });
    const tokens = [await tokenFor(solo, { id: a!.id } as TestUser), await tokenFor(solo, other)];
    const targets = [other.id, a!.id];
    const responses = await Promise.all(
      tokens.map((token, i) => solo.app.inject({ method: 'PATCH', url: `/api/v1/admin/users/${targets[i]}`, headers: { authorization: `Bearer ${token}` }, payload: { role: 'member' } })),
    );
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const admins = await solo.db.selectFrom('users').select('id').where('role', '=', 'admin').where('email_verified_at', 'is not', null).execute();
    expect(admins).toHaveLength(1);
  });
});

describe('outbox, audit and feedback', () => {
  it('lists the outbox filtered by recipient and returns one mail with text and HTML source', async () => {
    await queueMail(t.db, composeMail('postfach@example.org', { locale: 'en', subject: '<b>Hi</b>', greeting: 'Hello', paragraphs: ['Body'], closing: 'Bye' }));
    await t.runJobs();
    const list = (await call('GET', '/api/v1/admin/outbox?recipient=Postfach@example.org')).json();
    expect(list).toMatchObject({ total: 1, items: [{ recipient: 'postfach@example.org', subject: '<b>Hi</b>', locale: 'en' }] });
    expect(list.items[0].textBody).toBeUndefined();
    const mail = (await call('GET', `/api/v1/admin/outbox/${list.items[0].id}`)).json();
    expect(mail.textBody).toContain('Body');
    expect(mail.htmlBody).toContain('<title>&lt;b>Hi&lt;/b></title>');
    expectProblem(await call('GET', '/api/v1/admin/outbox/987654'), 404, 'not_found');
    expectProblem(await call('GET', '/api/v1/admin/outbox/x'), 400, 'request.invalid');
  });

  it('lists accessibility feedback newest first', async () => {
    await t.app.inject({ method: 'POST', url: '/api/v1/accessibility-feedback', remoteAddress: '10.9.1.1', payload: { message: 'Erste' } });
    await t.app.inject({ method: 'POST', url: '/api/v1/accessibility-feedback', remoteAddress: '10.9.1.1', payload: { message: 'Zweite', email: 'z@example.org' } });
    const body = (await call('GET', '/api/v1/admin/feedback')).json();
    expect(body.items.slice(0, 2).map((f: { message: string }) => f.message)).toEqual(['Zweite', 'Erste']);
    expect(body.items[0]).toMatchObject({ email: 'z@example.org', name: null, pageUrl: null, locale: 'de' });
  });
});
