import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../platform/auth/sessions.js';
import { linkIn, logInAs, mailsTo, postForm, registerVerified, uniqueEmail } from '../../../test/support/accounts.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { createAdmin } from './service.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const get = (url: string, session: string) => t.app.inject({ url, cookies: { [SESSION_COOKIE]: session } });
const userByEmail = (email: string) => t.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();

async function member() {
  const person = await registerVerified(t);
  return { ...person, session: await logInAs(t.app, person.email, person.password) };
}

describe('my account', () => {
  it('changes name and mail language; later mails follow the language', async () => {
    const me = await member();
    const form = await get('/konto/profil', me.session);
    expect(form.body).toContain(`value="${me.name}"`);
    const saved = await postForm(t.app, { page: '/konto/profil', session: me.session, fields: { name: 'Rosa Q.', locale: 'en' } });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/konto?hinweis=profil');
    const overview = await get('/konto?hinweis=profil', me.session);
    expect(overview.body).toContain('Ihre Angaben wurden gespeichert.');
    expect(overview.body).toContain('Rosa Q.');
    expect(overview.body).toContain('Englisch (English)');
    await postForm(t.app, { page: '/passwort-vergessen', fields: { email: me.email } });
    expect((await mailsTo(t, me.email)).at(-1)?.subject).toBe('Reset your password');
  });

  it('changes the email only when the link to the new address is opened', async () => {
    const me = await member();
    const wrong = await postForm(t.app, { page: '/konto/email', session: me.session, fields: { newEmail: uniqueEmail('neu'), password: 'nicht-mein-passwort' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Das Passwort ist nicht richtig.');
    const same = await postForm(t.app, { page: '/konto/email', session: me.session, fields: { newEmail: me.email, password: me.password } });
    expect(same.body).toContain('Das ist bereits Ihre aktuelle Adresse.');

    const next = uniqueEmail('neu');
    const requested = await postForm(t.app, { page: '/konto/email', session: me.session, fields: { newEmail: next, password: me.password } });
    expect(requested.statusCode).toBe(303);
    expect(requested.headers.location).toBe('/konto?hinweis=email');
    expect((await userByEmail(me.email))?.email).toBe(me.email);
    const notice = (await mailsTo(t, me.email)).at(-1);
    expect(notice?.subject).toBe('Änderung Ihrer E-Mail-Adresse angefordert');
    expect(notice?.text).toContain(next);
    const [confirmation] = await mailsTo(t, next);
    const link = linkIn(confirmation, '/konto/email-bestaetigen');

    const confirmed = await get(link, me.session);
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.body).toContain(`Ihre neue Adresse ${next} ist jetzt hinterlegt.`);
    expect(await userByEmail(me.email)).toBeUndefined();
    expect(await logInAs(t.app, next, me.password)).toBeTruthy();
    expect((await get(link, me.session)).statusCode).toBe(400);
  });

  it('gives the same answer for a taken address and changes nothing', async () => {
    const me = await member();
    const other = await registerVerified(t);
    const before = (await mailsTo(t, other.email)).length;
    const response = await postForm(t.app, { page: '/konto/email', session: me.session, fields: { newEmail: other.email, password: me.password } });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/konto?hinweis=email');
    expect(await mailsTo(t, other.email)).toHaveLength(before);
    expect((await mailsTo(t, me.email)).at(-1)?.subject).toBe('Änderung Ihrer E-Mail-Adresse angefordert');
    expect((await userByEmail(me.email))?.email).toBe(me.email);
  });

  it('does not apply an email link for someone else who is signed in on that browser', async () => {
    const me = await member();
    const other = await member();
    const next = uniqueEmail('neu');
    await postForm(t.app, { page: '/konto/email', session: me.session, fields: { newEmail: next, password: me.password } });
    const link = linkIn((await mailsTo(t, next))[0], '/konto/email-bestaetigen');
    expect((await get(link, other.session)).statusCode).toBe(400);
    expect((await userByEmail(other.email))?.email).toBe(other.email);
    expect((await get(link, me.session)).statusCode).toBe(200);
  });

  it('deletes the account after the password, with an audit entry', async () => {
    const me = await member();
    const user = (await userByEmail(me.email))!;
    const wrong = await postForm(t.app, { page: '/konto/loeschen', session: me.session, fields: { password: 'falsch-falsch-falsch' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('aria-describedby="feld-password-hinweis feld-password-fehler"');
    expect(await userByEmail(me.email)).toBeDefined();

    const deleted = await postForm(t.app, { page: '/konto/loeschen', session: me.session, fields: { password: me.password } });
    expect(deleted.statusCode).toBe(200);
    expect(deleted.body).toContain('Ihr Konto wurde gelöscht');
    expect(deleted.body).not.toContain('href="/konto"');
    expect(deleted.cookies.find((c) => c.name === SESSION_COOKIE)?.value).toBe('');
    expect(await userByEmail(me.email)).toBeUndefined();
    expect(await t.db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute()).toEqual([]);
    const audit = await t.db.selectFrom('audit_log').selectAll().where('subject_user_id', '=', user.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['user.deleted']);
    expect(audit[0]?.subject_label).toBe(`${me.name} <${me.email}>`);
    await expect(logInAs(t.app, me.email, me.password)).rejects.toThrow('login failed: 400');
  });

  it('hands out "my data" as a JSON download without ids or hashes', async () => {
    const me = await member();
    await logInAs(t.app, me.email, me.password);
    await postForm(t.app, { page: '/konto/zugangsschluessel', session: me.session, fields: { name: 'Tabelle' } });
    await createAdmin(t.ctx(), { email: me.email, name: me.name });
    const response = await get('/konto/meine-daten.json', me.session);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="[\w-]+\.json"$/);
    const data = response.json();
    expect(data.profile).toMatchObject({ name: me.name, email: me.email, role: 'admin' });
    expect(data.sessions).toHaveLength(2);
    expect(data.sessions[0]).toEqual({ createdAt: expect.any(String), lastSeenAt: expect.any(String), expiresAt: expect.any(String), userAgent: 'lightMyRequest' });
    expect(data.accessTokens).toEqual([{ name: 'Tabelle', createdAt: expect.any(String), lastUsedAt: null, revokedAt: null }]);
    expect(data.auditLog.map((a: { action: string }) => a.action)).toEqual(['user.role_changed']);
    expect(response.body).not.toMatch(/hash|"id"|qn_pat_|csrf/i);
  });
});

describe('personal access tokens', () => {
  it('are shown once, work as Bearer, and stop working when revoked', async () => {
    const me = await member();
    const created = await postForm(t.app, { page: '/konto/zugangsschluessel', session: me.session, fields: { name: 'Auswertung <b>fett</b>' } });
    expect(created.statusCode).toBe(200);
    expect(created.headers['cache-control']).toBe('no-store');
    const token = /qn_pat_[\w-]{43}/.exec(created.body)?.[0];
    expect(token).toBeDefined();
    expect(created.body).toContain('Auswertung &lt;b>fett&lt;/b>');
    const stored = await t.db.selectFrom('access_tokens').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(token!);

    const list = await get('/konto/zugangsschluessel', me.session);
    expect(list.body).toContain('Auswertung &lt;b>fett&lt;/b>');
    expect(list.body).not.toContain(token!);

    const api = await t.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    expect(api.statusCode).toBe(200);
    expect(api.json()).toMatchObject({ email: me.email, role: 'member' });

    const other = await member();
    const id = /\/konto\/zugangsschluessel\/(\d+)\/widerrufen/.exec(list.body)?.[1];
    const foreign = await postForm(t.app, { page: '/konto/zugangsschluessel', action: `/konto/zugangsschluessel/${id}/widerrufen`, session: other.session, fields: {} });
    expect(foreign.statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(200);

    const revoked = await postForm(t.app, { page: '/konto/zugangsschluessel', action: `/konto/zugangsschluessel/${id}/widerrufen`, session: me.session, fields: {} });
    expect(revoked.statusCode).toBe(303);
    expect((await get(String(revoked.headers.location), me.session)).body).toContain('Der Zugangsschlüssel wurde widerrufen.');
    const refused = await t.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});

describe('createAdmin (command line)', () => {
  it('creates a verified admin with a generated password, or promotes an existing account', async () => {
    const email = uniqueEmail('admin');
    const created = await createAdmin(t.ctx(), { email, name: 'Ada Admin' });
    expect(created).toEqual({ created: true, email, generatedPassword: expect.stringMatching(/^[\w-]{24}$/) });
    expect(await logInAs(t.app, email, created.generatedPassword!)).toBeTruthy();
    const row = (await userByEmail(email))!;
    expect(row.role).toBe('admin');
    const again = await createAdmin(t.ctx(), { email: email.toUpperCase(), name: 'Egal' });
    expect(again).toEqual({ created: false, email, generatedPassword: undefined });

    const person = await registerVerified(t);
    await createAdmin(t.ctx(), { email: person.email, name: person.name });
    expect((await userByEmail(person.email))?.role).toBe('admin');
    const audit = await t.db.selectFrom('audit_log').select(['action', 'subject_user_id', 'details']).orderBy('id').execute();
    expect(audit.filter((a) => a.subject_user_id === row.id).map((a) => a.action)).toEqual(['user.created_admin']);
    const promoted = audit.filter((a) => a.action === 'user.role_changed').at(-1);
    expect(promoted?.details).toMatchObject({ from: 'member', to: 'admin' });
  });

  it('refuses a weak password given on the command line', async () => {
    await expect(createAdmin(t.ctx(), { email: uniqueEmail('admin'), name: 'Ada', password: 'admin12345' })).rejects.toMatchObject({ code: 'request.invalid', fields: { password: expect.any(String) } });
  });
});
