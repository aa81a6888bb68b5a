import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { SESSION_COOKIE } from '../../platform/auth/sessions.js';
import { freshIp, linkIn, logInAs, mailsTo, uniqueEmail } from '../../../test/support/accounts.js';
import { createUser, type TestUser } from '../../../test/support/factories.js';
import { createTestApp, csrfFrom, type TestApp } from '../../../test/support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const good = 'Laterne Kakao Fahrradklingel Wolke';

/** A member with a personal access token. */
async function withToken(): Promise<TestUser & { bearer: string }> {
  const user = await createUser(t);
  const created = await t.app.inject({ method: 'POST', url: '/api/v1/me/tokens', cookies: { [SESSION_COOKIE]: user.session! }, headers: { 'x-csrf-token': await csrfOf(user.session!) }, payload: { name: 'Skript' } });
  expect(created.statusCode).toBe(201);
  return { ...user, bearer: `Bearer ${created.json().token}` };
}

async function csrfOf(session: string) {
  return csrfFrom((await t.app.inject({ url: '/konto', cookies: { [SESSION_COOKIE]: session } })).body);
}

const as = (user: { bearer: string }, options: InjectOptions) => t.app.inject({ ...options, headers: { authorization: user.bearer, ...(options.headers as object) } });

function expectProblem(response: Awaited<ReturnType<typeof t.app.inject>>, status: number, code: string) {
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.json()).toMatchObject({ status, code });
}

describe('public API', () => {
  it('registers with a neutral answer, the same for a taken address', async () => {
    const email = uniqueEmail('api');
    const first = await t.app.inject({ method: 'POST', url: '/api/v1/accounts', remoteAddress: freshIp(), payload: { name: 'Api Person', email, password: good } });
    expect(first.statusCode).toBe(202);
    expect(first.json()).toEqual({ status: 'check_mail', detail: expect.stringContaining(email) });
    const second = await t.app.inject({ method: 'POST', url: '/api/v1/accounts', remoteAddress: freshIp(), payload: { name: 'Api Person', email, password: good } });
    expect(second.statusCode).toBe(202);
    expect(second.json()).toEqual(first.json());
    const mails = await mailsTo(t, email);
    expect(mails.map((m) => m.subject)).toEqual(['Bitte bestätigen Sie Ihre E-Mail-Adresse', 'Registrierungsversuch mit Ihrer E-Mail-Adresse']);
    const english = await t.app.inject({ method: 'POST', url: '/api/v1/accounts', headers: { 'accept-language': 'en' }, payload: { name: 'En', email: uniqueEmail(), password: good, locale: 'en' } });
    expect(english.json().detail).toMatch(/^We have sent an email/);
  });

  it('answers bad input as problem+json with translated field messages', async () => {
    const weak = await t.app.inject({ method: 'POST', url: '/api/v1/accounts', headers: { 'accept-language': 'en' }, payload: { name: 'N'.repeat(101), email: 'nope', password: 'x'.repeat(1_000_000) } });
    expectProblem(weak, 400, 'request.invalid');
    const fields = Object.fromEntries(weak.json().errors.map((e: { field: string; message: string }) => [e.field, e.message]));
    expect(fields).toEqual({
      name: 'Please enter at most 100 characters.',
      email: 'Please enter a valid email address, e.g. name@example.org.',
      password: 'The password must be at most 256 characters long.',
    });
    for (const payload of [{ name: { first: 'a' }, email: uniqueEmail(), password: good }, { name: 'A', email: ['a@b.de', 'c@d.de'], password: good }, { name: 'A', email: uniqueEmail() }, { name: 'A', email: uniqueEmail(), password: good, role: 'admin' }]) {
      expectProblem(await t.app.inject({ method: 'POST', url: '/api/v1/accounts', payload }), 400, 'request.invalid');
    }
    const notJson = await t.app.inject({ method: 'POST', url: '/api/v1/accounts', headers: { 'content-type': 'application/json' }, payload: '{"name":' });
    expectProblem(notJson, 400, 'request.invalid');
  });

  it('names the field and speaks the caller’s language when the request schema rejects a body', async () => {
    const payload = { name: { first: 'a' }, email: uniqueEmail(), role: 'admin' };
    const fieldsOf = (response: Awaited<ReturnType<typeof t.app.inject>>) => Object.fromEntries(response.json().errors.map((e: { field: string; message: string }) => [e.field, e.message]));
    const german = await t.app.inject({ method: 'POST', url: '/api/v1/accounts', headers: { 'accept-language': 'de' }, payload });
    expectProblem(german, 400, 'request.invalid');
    expect(fieldsOf(german)).toEqual({
      name: 'Der Wert hat nicht das erwartete Format.',
      password: 'Bitte füllen Sie dieses Feld aus.',
      role: 'Dieses Feld ist hier nicht vorgesehen.',
    });
    const english = await t.app.inject({ method: 'POST', url: '/api/v1/accounts', headers: { 'accept-language': 'en' }, payload });
    expect(fieldsOf(english)).toEqual({ name: 'The value does not have the expected format.', password: 'Please fill in this field.', role: 'This field is not expected here.' });
  });

  it('mails a reset link on request, with the same answer for unknown addresses', async () => {
    const person = await createUser(t);
    const known = await t.app.inject({ method: 'POST', url: '/api/v1/password-reset', payload: { email: person.email } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/password-reset', payload: { email: 'niemand@example.org' } });
    expect(known.statusCode).toBe(202);
    expect(known.json().detail.replace(person.email, 'X')).toBe(unknown.json().detail.replace('niemand@example.org', 'X'));
    expect(linkIn((await mailsTo(t, person.email))[0], '/passwort-zuruecksetzen')).toMatch(/token=/);
  });
});

describe('my account over the API', () => {
  it('reads and changes the profile with a token', async () => {
    const me = await withToken();
    const read = await as(me, { url: '/api/v1/me' });
    expect(read.json()).toEqual({ id: me.id, name: me.name, email: me.email, role: 'member', locale: 'de', createdAt: expect.any(String), activeSessions: 1 });
    const patched = await as(me, { method: 'PATCH', url: '/api/v1/me', payload: { locale: 'en' } });
    expect(patched.json()).toMatchObject({ name: me.name, locale: 'en' });
    expectProblem(await as(me, { method: 'PATCH', url: '/api/v1/me', payload: { locale: 'fr' } }), 400, 'request.invalid');
    expectProblem(await as(me, { method: 'PATCH', url: '/api/v1/me', payload: { name: 42, extra: true } }), 400, 'request.invalid');
    const blank = await as(me, { method: 'PATCH', url: '/api/v1/me', payload: { name: '   ' } });
    expectProblem(blank, 400, 'request.invalid');
    expect(blank.json().errors).toEqual([{ field: 'name', message: 'Bitte füllen Sie dieses Feld aus.' }]);
  });

  it('needs the CSRF header when called with the session cookie', async () => {
    const me = await createUser(t);
    const cookies = { [SESSION_COOKIE]: me.session! };
    expectProblem(await t.app.inject({ method: 'PATCH', url: '/api/v1/me', cookies, payload: { name: 'Neu' } }), 403, 'request.csrf');
    const ok = await t.app.inject({ method: 'PATCH', url: '/api/v1/me', cookies, headers: { 'x-csrf-token': await csrfOf(me.session!) }, payload: { name: 'Neu' } });
    expect(ok.statusCode).toBe(200);
  });

  it('lists, creates and revokes tokens; another person’s token is not found', async () => {
    const me = await withToken();
    const other = await withToken();
    const created = await as(me, { method: 'POST', url: '/api/v1/me/tokens', payload: { name: 'Zweiter' } });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({ token: expect.stringMatching(/^qn_pat_/), accessToken: { id: expect.any(Number), name: 'Zweiter', createdAt: expect.any(String), lastUsedAt: null } });
    const list = await as(me, { url: '/api/v1/me/tokens' });
    expect(list.json().items.map((i: { name: string }) => i.name)).toEqual(['Zweiter', 'Skript']);
    expect(list.body).not.toContain('qn_pat_');
    const id = created.json().accessToken.id;
    expectProblem(await as(other, { method: 'DELETE', url: `/api/v1/me/tokens/${id}` }), 404, 'not_found');
    expectProblem(await as(me, { method: 'DELETE', url: '/api/v1/me/tokens/abc' }), 400, 'request.invalid');
    expect((await as(me, { method: 'DELETE', url: `/api/v1/me/tokens/${id}` })).statusCode).toBe(204);
    expectProblem(await as({ bearer: `Bearer ${created.json().token}` }, { url: '/api/v1/me' }), 401, 'auth.required');
    expect((await as(me, { url: '/api/v1/me' })).statusCode).toBe(200);
  });

  it('changes the password, starts an email change, ends all sessions, exports data', async () => {
    const me = await withToken();
    expectProblem(await as(me, { method: 'POST', url: '/api/v1/me/password', payload: { currentPassword: 'falsch-falsch', newPassword: good } }), 400, 'request.invalid');
    expect((await as(me, { method: 'POST', url: '/api/v1/me/password', payload: { currentPassword: me.password, newPassword: good } })).statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/me', cookies: { [SESSION_COOKIE]: me.session! } })).statusCode).toBe(401);
    const session = await logInAs(t.app, me.email, good);

    const next = uniqueEmail('neu');
    const change = await as(me, { method: 'POST', url: '/api/v1/me/email', payload: { newEmail: next, password: good } });
    expect(change.statusCode).toBe(202);
    expect(linkIn((await mailsTo(t, next))[0], '/konto/email-bestaetigen')).toMatch(/token=/);

    const exported = await as(me, { url: '/api/v1/me/export' });
    expect(exported.json()).toMatchObject({ profile: { email: me.email }, sessions: [expect.objectContaining({ userAgent: 'lightMyRequest' })], accessTokens: [expect.objectContaining({ name: 'Skript' })] });

    expect((await as(me, { method: 'DELETE', url: '/api/v1/me/sessions' })).statusCode).toBe(204);
    expect((await t.app.inject({ url: '/konto', cookies: { [SESSION_COOKIE]: session } })).statusCode).toBe(302);
  });

  it('deletes the account with the password; the token stops working', async () => {
    const me = await withToken();
    expectProblem(await as(me, { method: 'DELETE', url: '/api/v1/me', payload: {} }), 400, 'request.invalid');
    expectProblem(await as(me, { method: 'DELETE', url: '/api/v1/me', payload: { password: 'falsch-falsch' } }), 400, 'request.invalid');
    expect((await as(me, { method: 'DELETE', url: '/api/v1/me', payload: { password: me.password } })).statusCode).toBe(204);
    expectProblem(await as(me, { url: '/api/v1/me' }), 401, 'auth.required');
    const audit = await t.db.selectFrom('audit_log').select('action').where('subject_user_id', '=', me.id).execute();
    expect(audit).toEqual([{ action: 'user.deleted' }]);
  });

  it('is documented in the OpenAPI document under the tag "accounts"', async () => {
    const document = (await t.app.inject({ url: '/api/docs/openapi.json' })).json();
    for (const path of ['/api/v1/accounts', '/api/v1/me', '/api/v1/me/tokens', '/api/v1/me/tokens/{id}', '/api/v1/me/export', '/api/v1/password-reset']) {
      const operations = Object.values(document.paths[path] ?? {}) as { tags?: string[] }[];
      expect(operations.length, path).toBeGreaterThan(0);
      for (const operation of operations) expect(operation.tags).toEqual(['accounts']);
    }
  });

});
