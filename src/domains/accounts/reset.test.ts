import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../platform/auth/sessions.js';
import { hashToken } from '../../platform/auth/tokens.js';
import { linkIn, logInAs, mailsTo, postForm, registerVerified, uniqueEmail } from '../../../test/support/accounts.js';
import { createTestApp, TestClock, type TestApp } from '../../../test/support/test-app.js';
import { createUser } from '../../../test/support/factories.js';
import { checkResetLink, requestPasswordReset } from './service.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const withoutCsrf = (html: string) => html.replace(/name="_csrf" value="[^"]*"/g, '');
const tokenOf = (link: string) => decodeURIComponent(link.split('token=')[1] ?? '');

async function requestReset(email: string, prefix = '') {
  const response = await postForm(t.app, { page: `${prefix}/passwort-vergessen`, fields: { email } });
  expect(response.statusCode).toBe(200);
  return response;
}

describe('forgotten password', () => {
  it('answers the same for unknown addresses and mails nothing to them', async () => {
    const person = await registerVerified(t);
    const nobody = uniqueEmail('nobody');
    const known = await requestReset(person.email);
    const unknown = await requestReset(nobody);
    expect(withoutCsrf(known.body).replace(person.email, 'X')).toBe(withoutCsrf(unknown.body).replace(nobody, 'X'));
    expect(known.body).toContain('eine Stunde gültig');
    expect(await mailsTo(t, nobody)).toEqual([]);
    const mails = await mailsTo(t, person.email);
    expect(mails.at(-1)?.subject).toBe('Passwort zurücksetzen');
  });

  it('resets with the link: sessions end, the link works once, the old password no longer does', async () => {
    const person = await registerVerified(t);
    const session = await logInAs(t.app, person.email, person.password);
    await requestReset(person.email);
    const link = linkIn((await mailsTo(t, person.email)).at(-1), '/passwort-zuruecksetzen');

    const form = await t.app.inject({ url: link });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(`name="token" value="${tokenOf(link)}"`);
    expect(form.body).toContain('autocomplete="new-password"');

    const weak = await postForm(t.app, { page: link, action: '/passwort-zuruecksetzen', fields: { token: tokenOf(link), password: 'passwort1234' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.body).toContain('Dieses Passwort ist zu leicht zu erraten.');
    expect(weak.body).toContain(`name="token" value="${tokenOf(link)}"`);
    expect(weak.body).not.toContain('passwort1234');

    const done = await postForm(t.app, { page: link, action: '/passwort-zuruecksetzen', fields: { token: tokenOf(link), password: 'Kastanie Trompete Gießkanne 42' } });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('Passwort geändert');
    expect((await t.app.inject({ url: '/konto', cookies: { [SESSION_COOKIE]: session } })).statusCode).toBe(302);
    await expect(logInAs(t.app, person.email, person.password)).rejects.toThrow('login failed: 400');
    expect(await logInAs(t.app, person.email, 'Kastanie Trompete Gießkanne 42')).toBeTruthy();

    const reused = await postForm(t.app, { page: '/passwort-vergessen', action: '/passwort-zuruecksetzen', fields: { token: tokenOf(link), password: 'Noch Ein Ganz Neues Passwort 9' } });
    expect(reused.statusCode).toBe(400);
    expect(reused.body).toContain('Dieser Link wurde bereits verwendet.');
    expect(reused.body).toContain('href="/passwort-vergessen"');
    expect((await t.app.inject({ url: link })).statusCode).toBe(400);
  });

  it('refuses an expired link, on opening and on sending', async () => {
    const person = await registerVerified(t, { locale: 'en' });
    await requestReset(person.email);
    const link = linkIn((await mailsTo(t, person.email)).at(-1), '/en/passwort-zuruecksetzen');
    await t.db.updateTable('account_tokens').set({ expires_at: new Date(Date.now() - 1) }).where('token_hash', '=', hashToken(tokenOf(link))).execute();
    const opened = await t.app.inject({ url: link });
    expect(opened.statusCode).toBe(400);
    expect(opened.body).toContain('This link has expired.');
    expect(opened.body).toContain('href="/en/passwort-vergessen"');
    const sent = await postForm(t.app, { page: '/en/passwort-vergessen', action: '/en/passwort-zuruecksetzen', fields: { token: tokenOf(link), password: 'Kastanie Trompete Gießkanne 42' } });
    expect(sent.statusCode).toBe(400);
    expect(await logInAs(t.app, person.email, person.password)).toBeTruthy();
  });

  it('lets a link expire after one hour (service clock) and only the newest link work', async () => {
    const clock = new TestClock();
    const person = await createUser(t);
    const ctx = { ...t.ctx(null), clock };
    await requestPasswordReset(ctx, { email: person.email });
    await requestPasswordReset(ctx, { email: person.email });
    const [older, newer] = (await mailsTo(t, person.email)).slice(-2).map((m) => tokenOf(linkIn(m, '/passwort-zuruecksetzen')));
    expect(await checkResetLink(ctx, older)).toEqual({ kind: 'invalid', problem: 'unknown' });
    expect(await checkResetLink(ctx, newer)).toEqual({ kind: 'valid' });
    clock.advance(59 * 60 * 1000);
    expect(await checkResetLink(ctx, newer)).toEqual({ kind: 'valid' });
    clock.advance(60 * 1000);
    expect(await checkResetLink(ctx, newer)).toEqual({ kind: 'invalid', problem: 'expired' });
  });

  it('mails in the account’s language and treats the reset as proof of the address', async () => {
    const person = await createUser(t, { verified: false, locale: 'en' });
    await requestReset(person.email);
    const mail = (await mailsTo(t, person.email)).at(-1);
    expect(mail?.subject).toBe('Reset your password');
    const link = linkIn(mail, '/en/passwort-zuruecksetzen');
    await postForm(t.app, { page: link, action: '/en/passwort-zuruecksetzen', fields: { token: tokenOf(link), password: 'Kastanie Trompete Gießkanne 42' } });
    const user = await t.db.selectFrom('users').select('email_verified_at').where('id', '=', person.id).executeTakeFirstOrThrow();
    expect(user.email_verified_at).toBeInstanceOf(Date);
    expect(await logInAs(t.app, person.email, 'Kastanie Trompete Gießkanne 42')).toBeTruthy();
  });
});
