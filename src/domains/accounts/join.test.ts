import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../platform/auth/tokens.js';
import { SESSION_COOKIE } from '../../platform/auth/sessions.js';
import { freshIp, linkIn, logInAs, mailsTo, postForm, registerVerified, uniqueEmail } from '../../../test/support/accounts.js';
import { createTestApp, sessionFrom, type TestApp } from '../../../test/support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const withoutCsrf = (html: string) => html.replace(/name="_csrf" value="[^"]*"/g, '');
const sessionCount = async (userId: number) => (await t.db.selectFrom('sessions').select('id').where('user_id', '=', userId).execute()).length;
const userByEmail = (email: string) => t.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();

describe('joining', () => {
  it('register → mail → confirm → log in → change password → log out', async () => {
    const email = uniqueEmail('rosa');
    const ip = freshIp();
    const registered = await postForm(t.app, { page: '/registrieren', fields: { name: 'Rosa Quartier', email, password: 'Backstein Wolke Fahrradklingel 7' }, ip });
    expect(registered.statusCode).toBe(200);
    expect(registered.body).toContain('Bitte prüfen Sie Ihr Postfach');
    expect(registered.headers['set-cookie']).toBeUndefined();
    const user = await userByEmail(email);
    expect(user?.email_verified_at).toBeNull();
    expect(user?.password_hash).toMatch(/^\$argon2id\$/);

    const [mail, ...others] = await mailsTo(t, email);
    expect(others).toEqual([]);
    expect(mail?.subject).toBe('Bitte bestätigen Sie Ihre E-Mail-Adresse');
    expect(mail?.text).toContain('Guten Tag Rosa Quartier,');
    expect(mail?.html).toContain('<html lang="de">');
    const link = linkIn(mail, '/konto/bestaetigen');
    expect(link).toMatch(/^\/konto\/bestaetigen\?token=[\w-]{43}$/);
    const stored = await t.db.selectFrom('account_tokens').selectAll().where('user_id', '=', user!.id).executeTakeFirstOrThrow();
    expect(Buffer.from(stored.token_hash).equals(hashToken(new URLSearchParams(link.split('?')[1]).get('token')!))).toBe(true);
    expect(stored.expires_at.getTime() - stored.created_at.getTime()).toBe(48 * 3600 * 1000);

    // Not verified yet: the right password gets a pointer to the confirmation mail, no session.
    const early = await postForm(t.app, { page: '/anmelden', fields: { email, password: 'Backstein Wolke Fahrradklingel 7' }, ip });
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse');
    expect(early.body).toContain('href="/konto/bestaetigen/neu"');
    expect(sessionFrom(early)).toBeNull();

    const verified = await t.app.inject({ url: link });
    expect(verified.statusCode).toBe(200);
    expect(verified.body).toContain('E-Mail-Adresse bestätigt');
    expect(verified.body).toContain('href="/anmelden"');
    expect((await userByEmail(email))?.email_verified_at).toBeInstanceOf(Date);
    const again = await t.app.inject({ url: link });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('Dieser Link wurde bereits verwendet');
    expect(again.body).toContain('href="/konto/bestaetigen/neu"');

    const login = await postForm(t.app, { page: '/anmelden', fields: { email, password: 'Backstein Wolke Fahrradklingel 7' }, ip });
    expect(login.statusCode).toBe(303);
    expect(login.headers.location).toBe('/konto');
    const session = sessionFrom(login)!;
    const account = await t.app.inject({ url: '/konto', cookies: { [SESSION_COOKIE]: session } });
    expect(account.body).toContain('Rosa Quartier');
    expect(account.body).toContain('Sie sind zurzeit auf 1 Gerät(en) angemeldet.');

    const elsewhere = await logInAs(t.app, email, 'Backstein Wolke Fahrradklingel 7');
    expect(await sessionCount(user!.id)).toBe(2);
    const changed = await postForm(t.app, {
      page: '/konto/passwort',
      session,
      fields: { currentPassword: 'Backstein Wolke Fahrradklingel 7', newPassword: 'Kastanie Trompete Gießkanne 42' },
    });
    expect(changed.statusCode).toBe(303);
    expect(changed.headers.location).toBe('/konto?hinweis=passwort');
    expect((await t.app.inject({ url: '/konto?hinweis=passwort', cookies: { [SESSION_COOKIE]: session } })).body).toContain('Ihr Passwort wurde geändert');
    expect((await t.app.inject({ url: '/konto', cookies: { [SESSION_COOKIE]: elsewhere } })).statusCode).toBe(302);
    expect(await sessionCount(user!.id)).toBe(1);
    await expect(logInAs(t.app, email, 'Backstein Wolke Fahrradklingel 7')).rejects.toThrow('login failed: 400');

    const logout = await postForm(t.app, { page: '/konto', action: '/abmelden', session, fields: {} });
    expect(logout.statusCode).toBe(303);
    expect(logout.headers.location).toBe('/');
    const cleared = logout.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cleared?.value).toBe('');
    expect(cleared?.expires?.getTime()).toBeLessThan(Date.now());
    expect(await sessionCount(user!.id)).toBe(0);
    const after = await t.app.inject({ url: '/konto', cookies: { [SESSION_COOKIE]: session } });
    expect(after.statusCode).toBe(302);
    expect(after.headers.location).toBe('/anmelden?next=%2Fkonto');
    expect(await logInAs(t.app, email, 'Kastanie Trompete Gießkanne 42')).toBeTruthy();
  });

  it('registers in English with an English mail and English links', async () => {
    const email = uniqueEmail('en');
    const response = await postForm(t.app, { page: '/en/registrieren', fields: { name: 'Ada', email, password: 'lantern cocoa bicycle cloud' } });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Please check your inbox');
    const [mail] = await mailsTo(t, email);
    expect(mail?.subject).toBe('Please confirm your email address');
    expect(mail?.locale).toBe('en');
    expect((await t.app.inject({ url: linkIn(mail, '/en/konto/bestaetigen') })).body).toContain('Email address confirmed');
    expect((await userByEmail(email))?.locale).toBe('en');
  });

  it('does not reveal a taken address: same page, no second account, a notice to the owner', async () => {
    const owner = await registerVerified(t, { name: 'Erste Person' });
    const before = await mailsTo(t, owner.email);
    const fresh = uniqueEmail('fresh');
    const forNew = await postForm(t.app, { page: '/registrieren', fields: { name: 'Zweite Person', email: fresh, password: 'Laterne Kakao Fahrradklingel Wolke' } });
    const forTaken = await postForm(t.app, { page: '/registrieren', fields: { name: 'Zweite Person', email: owner.email.toUpperCase(), password: 'Laterne Kakao Fahrradklingel Wolke' } });
    expect(forTaken.statusCode).toBe(forNew.statusCode);
    expect(withoutCsrf(forTaken.body).replace(owner.email, 'ADDRESS')).toBe(withoutCsrf(forNew.body).replace(fresh, 'ADDRESS'));
    expect((await t.db.selectFrom('users').select('id').where('email', 'ilike', owner.email).execute()).length).toBe(1);
    const notices = (await mailsTo(t, owner.email)).slice(before.length);
    expect(notices.map((m) => m.subject)).toEqual(['Registrierungsversuch mit Ihrer E-Mail-Adresse']);
    expect(linkIn(notices[0], '/passwort-vergessen')).toBe('/passwort-vergessen');
    expect(notices[0]?.text).toContain('Guten Tag Erste Person,');
    expect(await logInAs(t.app, owner.email, owner.password)).toBeTruthy();
  });

  it('answers an expired, unknown or missing confirmation link clearly, and a new link works', async () => {
    const email = uniqueEmail('late');
    await postForm(t.app, { page: '/registrieren', fields: { name: 'Spät', email, password: 'Laterne Kakao Fahrradklingel Wolke' } });
    const link = linkIn((await mailsTo(t, email))[0], '/konto/bestaetigen');
    await t.db.updateTable('account_tokens').set({ expires_at: new Date(Date.now() - 1000) }).where('token_hash', '=', hashToken(link.split('token=')[1]!)).execute();
    const expired = await t.app.inject({ url: link });
    expect(expired.statusCode).toBe(400);
    expect(expired.body).toContain('Dieser Link ist abgelaufen.');
    expect(expired.body).toContain('href="/konto/bestaetigen/neu"');
    expect((await userByEmail(email))?.email_verified_at).toBeNull();
    const unknown = await t.app.inject({ url: '/en/konto/bestaetigen?token=made-up' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('This link is not valid.');
    expect((await t.app.inject({ url: '/konto/bestaetigen' })).body).toContain('Bitte öffnen Sie den Link aus der E-Mail');

    const stranger = await postForm(t.app, { page: '/konto/bestaetigen/neu', fields: { email: uniqueEmail('nobody') } });
    const resent = await postForm(t.app, { page: '/konto/bestaetigen/neu', fields: { email } });
    expect(resent.statusCode).toBe(200);
    expect(withoutCsrf(resent.body).replace(email, 'X')).toBe(withoutCsrf(stranger.body).replace(/nobody-\w+@example\.org/, 'X'));
    const mails = await mailsTo(t, email);
    expect(mails).toHaveLength(2);
    expect((await t.app.inject({ url: linkIn(mails[1], '/konto/bestaetigen') })).statusCode).toBe(200);
  });
});

describe('logging in', () => {
  it('gives the same answer for an unknown address and a wrong password', async () => {
    const person = await registerVerified(t);
    const unknown = await postForm(t.app, { page: '/anmelden', fields: { email: 'niemand@example.org', password: 'irgendwas-langes-1' } });
    const wrong = await postForm(t.app, { page: '/anmelden', fields: { email: person.email, password: 'irgendwas-langes-1' } });
    expect(unknown.statusCode).toBe(400);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('E-Mail-Adresse oder Passwort sind nicht richtig.');
    expect(withoutCsrf(wrong.body).replace(person.email, 'X')).toBe(withoutCsrf(unknown.body).replace('niemand@example.org', 'X'));
    expect(wrong.body).not.toContain('irgendwas-langes-1');
  });

  it('sets one cookie: HttpOnly, SameSite=Lax, Path=/, not Secure over plain HTTP', async () => {
    const person = await registerVerified(t);
    const response = await postForm(t.app, { page: '/anmelden', fields: { email: person.email, password: person.password } });
    const cookies = response.cookies;
    expect(cookies.map((c) => c.name)).toEqual([SESSION_COOKIE]);
    expect(cookies[0]).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', maxAge: 30 * 24 * 3600 });
    expect(cookies[0]?.secure).toBeFalsy();
  });

  it('marks the cookie Secure behind an HTTPS proxy', async () => {
    const proxied = await createTestApp({ config: { trustProxy: true, publicUrl: 'https://quartier.example' } });
    try {
      const person = await registerVerified(proxied);
      const headers = { 'x-forwarded-proto': 'https' };
      const response = await postForm(proxied.app, { page: '/anmelden', fields: { email: person.email, password: person.password }, headers });
      expect(response.statusCode).toBe(303);
      expect(response.cookies[0]).toMatchObject({ name: SESSION_COOKIE, secure: true, httpOnly: true, sameSite: 'Lax' });
    } finally {
      await proxied.close();
    }
  });

  it('rotates the session: the one the browser came with ends', async () => {
    const person = await registerVerified(t);
    const first = await logInAs(t.app, person.email, person.password);
    const second = await logInAs(t.app, person.email, person.password, { session: first });
    expect(second).not.toBe(first);
    expect((await t.app.inject({ url: '/konto', cookies: { [SESSION_COOKIE]: first } })).statusCode).toBe(302);
    expect((await t.app.inject({ url: '/konto', cookies: { [SESSION_COOKIE]: second } })).statusCode).toBe(200);
    const user = await userByEmail(person.email);
    expect(await sessionCount(user!.id)).toBe(1);
  });

  it('follows a local "next" and ignores any other', async () => {
    const person = await registerVerified(t);
    const form = await t.app.inject({ url: '/anmelden?next=%2Fkonto%2Fprofil' });
    expect(form.body).toContain('name="next" value="/konto/profil"');
    const fields = { email: person.email, password: person.password };
    expect((await postForm(t.app, { page: '/anmelden', fields: { ...fields, next: '/konto/profil' } })).headers.location).toBe('/konto/profil');
    for (const next of ['//evil.example/x', 'https://evil.example', '/\\evil.example', 'javascript:alert(1)']) {
      expect((await postForm(t.app, { page: '/en/anmelden', fields: { ...fields, next } })).headers.location).toBe('/en/konto');
    }
  });

  it('limits wrong passwords per account: after 10 a clear 429, keeping the address but not the password', async () => {
    const person = await registerVerified(t);
    const statuses: number[] = [];
    let last = null as Awaited<ReturnType<typeof postForm>> | null;
    for (let i = 0; i < 20; i++) {
      last = await postForm(t.app, { page: '/anmelden', fields: { email: person.email, password: `falsches-passwort-${i}` } });
      statuses.push(last.statusCode);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(400));
    expect(statuses.slice(10)).toEqual(Array(10).fill(429));
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
    expect(last!.body).toMatch(/Zu viele Versuche\. Bitte warten Sie \d+ Minute\(n\)/);
    expect(last!.body).toContain(`value="${person.email}"`);
    expect(last!.body).not.toContain('falsches-passwort-19');
    // Even the right password waits now, from any address.
    expect((await postForm(t.app, { page: '/anmelden', fields: { email: person.email, password: person.password } })).statusCode).toBe(429);
  });

  it('limits login attempts per client address across accounts', async () => {
    const ip = freshIp();
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await postForm(t.app, { page: '/en/anmelden', ip, fields: { email: uniqueEmail(), password: 'whatever-123456' } })).statusCode);
    expect(statuses.slice(0, 30).every((s) => s === 400)).toBe(true);
    expect(statuses[30]).toBe(429);
  });

  it('logs out on all devices, this one included', async () => {
    const person = await registerVerified(t);
    const a = await logInAs(t.app, person.email, person.password);
    const b = await logInAs(t.app, person.email, person.password);
    const response = await postForm(t.app, { page: '/konto', action: '/konto/abmelden-ueberall', session: a, fields: {} });
    expect(response.statusCode).toBe(303);
    expect(response.cookies.find((c) => c.name === SESSION_COOKIE)?.value).toBe('');
    for (const session of [a, b]) expect((await t.app.inject({ url: '/konto', cookies: { [SESSION_COOKIE]: session } })).statusCode).toBe(302);
  });
});
