import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../platform/auth/sessions.js';
import { freshIp, logInAs, mailsTo, postForm, registerVerified, uniqueEmail } from '../../../test/support/accounts.js';
import { createTestApp, csrfFrom, type TestApp } from '../../../test/support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const good = 'Laterne Kakao Fahrradklingel Wolke';
const register = (fields: Record<string, string>, page = '/registrieren') => postForm(t.app, { page, fields: { name: 'Rosa', email: uniqueEmail(), password: good, ...fields } });
const userCount = async () => (await t.db.selectFrom('users').select('id').execute()).length;

/** The field's error is tied to its input and listed in the summary at the top. */
function expectFieldError(html: string, field: string, text: string) {
  expect(html).toContain('class="kern-alert kern-alert--danger" role="alert"');
  expect(html).toContain(`href="#feld-${field}"`);
  expect(html).toMatch(new RegExp(`id="feld-${field}-fehler"><span[^>]*></span><span class="kern-body">${text.replace(/[.()?]/g, '\\$&')}`));
  expect(html).toMatch(new RegExp(`id="feld-${field}"[^>]*aria-describedby="[^"]*feld-${field}-fehler"[^>]*aria-invalid="true"`));
}

describe('registration rejects bad input with a translated message, keeping what was typed (never the password)', () => {
  it('a malformed email address', async () => {
    const before = await userCount();
    const response = await register({ email: 'rosa.example.org', name: 'Rosa Quartier' });
    expect(response.statusCode).toBe(400);
    expectFieldError(response.body, 'email', 'Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. name@beispiel.de.');
    expect(response.body).toContain('value="rosa.example.org"');
    expect(response.body).toContain('value="Rosa Quartier"');
    expect(response.body).not.toContain(good);
    expect(await userCount()).toBe(before);
  });

  it('weak passwords, including one made of the person’s own address', async () => {
    const common = await register({ password: 'passwort123' });
    expect(common.statusCode).toBe(400);
    expectFieldError(common.body, 'password', 'Dieses Passwort ist zu leicht zu erraten.');
    expect(common.body).toContain('Tipp: Verbinden Sie drei oder vier Wörter');
    expect(common.body).not.toContain('passwort123');
    const email = uniqueEmail('bernburg.quartier');
    const own = await register({ email, password: email });
    expect(own.statusCode).toBe(400);
    expect(own.body).toContain('Es enthält Ihren Namen oder Ihre E-Mail-Adresse.');
    const short = await register({ password: 'kurz' }, '/en/registrieren');
    expectFieldError(short.body, 'password', 'The password must be at least 10 characters long.');
  });

  it('a 1 MB password: a clear 400, before any hashing', async () => {
    const before = await userCount();
    const started = Date.now();
    const response = await register({ password: 'x'.repeat(1_000_000) });
    expect(response.statusCode).toBe(400);
    expectFieldError(response.body, 'password', 'Das Passwort darf höchstens 256 Zeichen lang sein.');
    expect(response.body.length).toBeLessThan(50_000);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await userCount()).toBe(before);
    const login = await postForm(t.app, { page: '/anmelden', fields: { email: uniqueEmail(), password: 'x'.repeat(1_000_000) } });
    expect(login.statusCode).toBe(400);
    expect(login.body).toContain('Das Passwort darf höchstens 256 Zeichen lang sein.');
  });

  it('over-long names and addresses', async () => {
    const response = await register({ name: 'N'.repeat(101), email: `${'a'.repeat(250)}@example.org` });
    expect(response.statusCode).toBe(400);
    expectFieldError(response.body, 'name', 'Bitte höchstens 100 Zeichen eingeben.');
    expectFieldError(response.body, 'email', 'Bitte höchstens 254 Zeichen eingeben.');
    expect(response.body).toContain('Bitte korrigieren Sie 2 Angabe(n):');
  });

  it('control characters (a NUL byte cannot even be stored) are refused, not a server error', async () => {
    const name = await register({ name: 'Ro\u0000sa' });
    expect(name.statusCode).toBe(400);
    expectFieldError(name.body, 'name', 'Der Wert hat nicht das erwartete Format.');
    const login = await postForm(t.app, { page: '/anmelden', fields: { email: 'a\u0000b@example.org', password: good } });
    expect(login.statusCode).toBe(400);
    const api = await t.app.inject({ method: 'POST', url: '/api/v1/accounts', payload: { name: 'Rosa', email: 'x\u0000@example.org', password: good } });
    expect(api.statusCode).toBe(400);
  });

  it('markup in text fields is shown as text, in pages and in mails', async () => {
    const attack = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const rejected = await register({ name: attack, password: 'kurz' });
    expect(rejected.body).not.toContain('<script>alert(1)');
    expect(rejected.body).toContain('value="&lt;script>alert(1)&lt;/script>&lt;img src=x onerror=alert(2)>"');
    const person = await registerVerified(t, { name: attack });
    const mail = (await mailsTo(t, person.email))[0]!;
    expect(mail.html).not.toContain('<script>alert(1)');
    expect(mail.html).toContain('&lt;script>');
    const session = await logInAs(t.app, person.email, person.password);
    const account = await t.app.inject({ url: '/konto', cookies: { [SESSION_COOKIE]: session } });
    expect(account.body).not.toContain('<script>alert(1)');
    expect(account.body).not.toContain('<img src=x');
    expect(account.body).toContain('&lt;script>alert(1)&lt;/script>&lt;img src=x onerror=alert(2)>');
    const badEmail = await register({ email: '"><script>alert(3)</script>' });
    expect(badEmail.body).not.toContain('<script>alert(3)');
  });
});

describe('forms without a valid CSRF token are refused (403) and shown again with the input', () => {
  it('missing and wrong tokens', async () => {
    const before = await userCount();
    const email = uniqueEmail();
    const fields = { name: 'Rosa', email, password: good };
    const headers = { 'content-type': 'application/x-www-form-urlencoded' };
    const missing = await t.app.inject({ method: 'POST', url: '/registrieren', headers, payload: new URLSearchParams(fields).toString(), remoteAddress: freshIp() });
    expect(missing.statusCode).toBe(403);
    expect(missing.body).toContain('Das Formular ist abgelaufen oder wurde nicht von dieser Seite gesendet.');
    expect(missing.body).toContain(`value="${email}"`);
    expect(missing.body).not.toContain(good);
    expect(csrfFrom(missing.body)).toBeTruthy();
    const wrong = await t.app.inject({ method: 'POST', url: '/en/anmelden', headers, payload: new URLSearchParams({ ...fields, _csrf: 'forged-token' }).toString() });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.body).toContain('The form has expired or was not sent from this site.');
    expect(wrong.body).toContain(`value="${email}"`);
    expect(await userCount()).toBe(before);
  });

  it('a signed-in person’s form with another session’s token, or from a foreign origin', async () => {
    const me = await registerVerified(t);
    const other = await registerVerified(t);
    const mine = await logInAs(t.app, me.email, me.password);
    const theirs = await logInAs(t.app, other.email, other.password);
    const theirToken = csrfFrom((await t.app.inject({ url: '/konto/loeschen', cookies: { [SESSION_COOKIE]: theirs } })).body);
    const headers = { 'content-type': 'application/x-www-form-urlencoded' };
    const crossed = await t.app.inject({ method: 'POST', url: '/konto/loeschen', cookies: { [SESSION_COOKIE]: mine }, headers, payload: `_csrf=${theirToken}&password=${encodeURIComponent(me.password)}` });
    expect(crossed.statusCode).toBe(403);
    expect(crossed.body).toContain('Konto löschen');
    const foreign = await postForm(t.app, { page: '/konto/loeschen', session: mine, fields: { password: me.password }, headers: { origin: 'https://evil.example' } });
    expect(foreign.statusCode).toBe(403);
    expect(await t.db.selectFrom('users').select('id').where('email', '=', me.email).executeTakeFirst()).toBeDefined();
  });
});

describe('other account forms', () => {
  it('profile: over-long name, unknown language, markup', async () => {
    const me = await registerVerified(t);
    const session = await logInAs(t.app, me.email, me.password);
    const response = await postForm(t.app, { page: '/konto/profil', session, fields: { name: 'N'.repeat(101), locale: 'fr' } });
    expect(response.statusCode).toBe(400);
    expectFieldError(response.body, 'name', 'Bitte höchstens 100 Zeichen eingeben.');
    expect(response.body).toContain('Bitte wählen Sie einen der angebotenen Werte.');
    const token = await postForm(t.app, { page: '/konto/zugangsschluessel', session, fields: { name: '' } });
    expect(token.statusCode).toBe(400);
    expectFieldError(token.body, 'name', 'Bitte füllen Sie dieses Feld aus.');
  });

  it('changing the password: weak new one, wrong current one', async () => {
    const me = await registerVerified(t);
    const session = await logInAs(t.app, me.email, me.password);
    const weak = await postForm(t.app, { page: '/konto/passwort', session, fields: { currentPassword: me.password, newPassword: '1234567890' } });
    expect(weak.statusCode).toBe(400);
    expectFieldError(weak.body, 'newPassword', 'Dieses Passwort ist zu leicht zu erraten.');
    const wrong = await postForm(t.app, { page: '/konto/passwort', session, fields: { currentPassword: 'nicht-richtig-123', newPassword: 'Kastanie Trompete Gießkanne 42' } });
    expect(wrong.statusCode).toBe(400);
    expectFieldError(wrong.body, 'currentPassword', 'Das Passwort ist nicht richtig.');
    expect(wrong.body).not.toContain('Kastanie Trompete');
  });
});
