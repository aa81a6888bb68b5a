import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../platform/auth/sessions.js';
import { linkIn, mailsTo, postForm, registerVerified } from '../../../test/support/accounts.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { createUser } from '../../../test/support/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('taking an account back', () => {
  it('revokes every access token when the password is reset', async () => {
    const person = await registerVerified(t);
    const user = await t.db.selectFrom('users').select('id').where('email', '=', person.email).executeTakeFirstOrThrow();
    const { newToken } = await import('../../platform/auth/tokens.js');
    const { token, hash } = newToken('qn_pat_');
    await t.db.insertInto('access_tokens').values({ token_hash: hash, user_id: user.id, name: 'planted' }).execute();
    expect((await t.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(200);

    await postForm(t.app, { page: '/passwort-vergessen', fields: { email: person.email } });
    const link = linkIn((await mailsTo(t, person.email)).at(-1), '/passwort-zuruecksetzen');
    const resetToken = decodeURIComponent(link.split('token=')[1] ?? '');
    const done = await postForm(t.app, { page: link, action: '/passwort-zuruecksetzen', fields: { token: resetToken, password: 'Kastanie Trompete Gießkanne 42' } });
    expect(done.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(401);
  });
});

describe('the last administrator', () => {
  it('cannot delete their own account while no other admin exists', async () => {
    const admin = await createUser(t, { role: 'admin' });
    await t.db.updateTable('users').set({ role: 'member' }).where('role', '=', 'admin').where('id', '!=', admin.id).execute();
    const refused = await postForm(t.app, { page: '/konto/loeschen', session: admin.session, fields: { password: admin.password } });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('einzige Administrator');
    expect(await t.db.selectFrom('users').select('id').where('id', '=', admin.id).executeTakeFirst()).toBeDefined();

    await createUser(t, { role: 'admin' });
    const deleted = await postForm(t.app, { page: '/konto/loeschen', session: admin.session, fields: { password: admin.password } });
    expect(deleted.statusCode).toBeLessThan(400);
    expect(await t.db.selectFrom('users').select('id').where('id', '=', admin.id).executeTakeFirst()).toBeUndefined();
    expect((await t.app.inject({ url: '/konto', cookies: { [SESSION_COOKIE]: admin.session! } })).statusCode).toBe(302);
  });
});
