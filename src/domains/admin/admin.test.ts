import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../platform/auth/sessions.js';
import { composeMail, queueMail } from '../../platform/mail/index.js';
import { createUser, type TestUser } from '../../../test/support/factories.js';
import { createTestApp as createApp, csrfFrom, type TestApp } from '../../../test/support/test-app.js';

// A blocked start-up makes under-pressure report an infinite event-loop delay for its first second
// (NaN histogram); these tests are not about overload, so the check is off.
const createTestApp = (options: Parameters<typeof createApp>[0] = {}) => createApp({ ...options, config: { maxEventLoopDelayMs: 0, ...options.config } });

let t: TestApp;
let admin: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  admin = await createUser(t, { role: 'admin', name: 'Ada Admin' });
});
afterAll(async () => t?.close());

const as = (user: TestUser | null) => (user?.session ? { [SESSION_COOKIE]: user.session } : undefined);
const get = (url: string, user: TestUser | null = admin) => t.app.inject({ url, cookies: as(user) });

/** Posts a form of an admin page as the given user, with the CSRF token from that page. */
async function post(pageUrl: string, action: string, fields: Record<string, string>, user: TestUser = admin) {
  const token = csrfFrom((await get(pageUrl, user)).body);
  return t.app.inject({
    method: 'POST',
    url: action,
    cookies: as(user),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: token, ...fields }).toString(),
  });
}

const auditFor = (userId: number) => t.db.selectFrom('audit_log').selectAll().where('subject_user_id', '=', userId).orderBy('id').execute();
const pages = ['/admin', '/admin/benutzer', '/admin/postausgang', '/admin/protokoll', '/admin/rueckmeldungen'];

describe('admin access', () => {
  it('sends anonymous visitors to the login page and refuses members and coordinators', async () => {
    const member = await createUser(t, { role: 'member' });
    const coordinator = await createUser(t, { role: 'coordinator' });
    for (const path of [...pages, `/admin/benutzer/${member.id}`]) {
      for (const [prefix, lang] of [['', 'de'], ['/en', 'en']] as const) {
        const url = `${prefix}${path}`;
        const anonymous = await get(url, null);
        expect(anonymous.statusCode, url).toBe(302);
        expect(anonymous.headers.location).toBe(`${prefix}/anmelden?next=${encodeURIComponent(url)}`);
        expect(anonymous.headers['set-cookie']).toBeUndefined();
        expect((await get(url, member)).statusCode, url).toBe(403);
        expect((await get(url, coordinator)).statusCode, url).toBe(403);
        const ok = await get(url);
        expect(ok.statusCode, url).toBe(200);
        expect(ok.body).toContain(`<html lang="${lang}"`);
        expect(ok.body.match(/<h1[ >]/g)).toHaveLength(1);
      }
    }
  });

  it('refuses state-changing posts from anyone but an admin', async () => {
    const member = await createUser(t, { role: 'member' });
    const anonymous = await t.app.inject({ method: 'POST', url: `/admin/benutzer/${member.id}/rolle`, payload: { role: 'admin' } });
    expect(anonymous.statusCode).toBe(401);
    const refused = await post('/', `/admin/benutzer/${member.id}/rolle`, { role: 'admin' }, member);
    expect(refused.statusCode).toBe(403);
    expect((await t.db.selectFrom('users').select('role').where('id', '=', member.id).executeTakeFirstOrThrow()).role).toBe('member');
  });
});

describe('overview and user list', () => {
  it('counts users by role, mails in the outbox and feedback', async () => {
    const counts = await t.db.selectFrom('users').select(['role', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('role').execute();
    const total = counts.reduce((sum, c) => sum + Number(c.n), 0);
    const body = (await get('/admin')).body;
    expect(body).toContain(`Benutzerkonten insgesamt: ${total}`);
    expect(body).toContain('E-Mails im Postausgang');
    expect(body).toContain('Rückmeldungen zur Barrierefreiheit');
    expect(body).toContain('<caption class="kern-title">Konten nach Rolle</caption>');
  });

  it('searches by name or email, filters by role and pages by 50', async () => {
    const tag = `suchtest${Date.now()}`;
    for (let i = 0; i < 52; i++) await createUser(t, { role: i % 2 ? 'member' : 'coordinator', name: `${tag} Nr ${i}`, email: `${tag}-${i}@example.org` });
    const first = (await get(`/admin/benutzer?q=${tag}`)).body;
    expect(first.match(/<th scope="row"/g)).toHaveLength(50);
    expect(first).toContain('Benutzerkonten (52)');
    expect(first).toContain('Seite 1 von 2');
    expect(first).toContain(`href="/admin/benutzer?q=${tag}&amp;page=2"`);
    const second = (await get(`/admin/benutzer?q=${tag}&page=2`)).body;
    expect(second.match(/<th scope="row"/g)).toHaveLength(2);
    const coordinators = (await get(`/en/admin/benutzer?q=${tag.toUpperCase()}&role=coordinator`)).body;
    expect(coordinators).toContain('User accounts (26)');
    const byEmail = (await get(`/admin/benutzer?q=${tag}-7@`)).body;
    expect(byEmail).toContain('Benutzerkonten (1)');
    expect((await get('/admin/benutzer?q=%25%25')).body).toContain('Keine Konten gefunden.');
    expect((await get('/admin/benutzer?page=abc&role=boss')).statusCode).toBe(200);
  });

  it('renders names with HTML as text', async () => {
    const user = await createUser(t, { name: '<img src=x onerror=alert(1)>' });
    for (const url of [`/admin/benutzer?q=onerror`, `/admin/benutzer/${user.id}`]) {
      const body = (await get(url)).body;
      expect(body).not.toContain('<img src=x');
      expect(body).toContain('&lt;img src=x onerror=alert(1)>');
    }
  });

  it('answers a malformed or unknown user id with 404', async () => {
    for (const id of ['abc', '0', '-1', '1.5', '999999999', '99999999999999999999']) expect((await get(`/admin/benutzer/${id}`)).statusCode, id).toBe(404);
  });
});

describe('changing roles and deleting accounts', () => {
  it('changes a role at once, also in the running session, and records it in the audit log', async () => {
    const member = await createUser(t, { role: 'member', name: 'Mia Mitglied' });
    expect((await get('/admin', member)).statusCode).toBe(403);
    const response = await post(`/admin/benutzer/${member.id}`, `/admin/benutzer/${member.id}/rolle`, { role: 'admin' });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`/admin/benutzer/${member.id}?status=role-changed`);
    expect((await get(response.headers.location as string)).body).toContain('Die Rolle wurde geändert.');
    expect((await get('/admin', member)).statusCode).toBe(200);
    const audit = await auditFor(member.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'user.role_changed', actor_user_id: admin.id, subject_label: `Mia Mitglied <${member.email}>`, details: { from: 'member', to: 'admin' } });
    expect((await get('/admin/protokoll')).body).toContain('Rolle geändert: Mitglied → Administration');
    expect((await get('/en/admin/protokoll')).body).toContain('Role changed: Member → Administrator');
  });

  it('does nothing when the role stays the same and rejects unknown roles', async () => {
    const member = await createUser(t, { role: 'member' });
    const same = await post(`/admin/benutzer/${member.id}`, `/en/admin/benutzer/${member.id}/rolle`, { role: 'member' });
    expect(same.headers.location).toBe(`/en/admin/benutzer/${member.id}?status=role-unchanged`);
    expect((await post(`/admin/benutzer/${member.id}`, `/admin/benutzer/${member.id}/rolle`, { role: 'superuser' })).statusCode).toBe(400);
    expect(await auditFor(member.id)).toHaveLength(0);
  });

  it('asks for confirmation before deleting, then deletes the account with its sessions', async () => {
    const victim = await createUser(t, { role: 'coordinator', name: 'Lena Löschbar' });
    const unconfirmed = await post(`/admin/benutzer/${victim.id}`, `/admin/benutzer/${victim.id}/loeschen`, {});
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.body).toContain('Bitte bestätigen Sie das Löschen mit dem Kontrollkästchen.');
    expect(await t.db.selectFrom('users').select('id').where('id', '=', victim.id).executeTakeFirst()).toBeDefined();

    const deleted = await post(`/admin/benutzer/${victim.id}`, `/admin/benutzer/${victim.id}/loeschen`, { confirm: 'yes' });
    expect(deleted.statusCode).toBe(303);
    expect(deleted.headers.location).toBe('/admin/benutzer?status=deleted');
    expect((await get('/admin/benutzer?status=deleted')).body).toContain('Das Konto wurde gelöscht.');
    expect(await t.db.selectFrom('users').select('id').where('id', '=', victim.id).executeTakeFirst()).toBeUndefined();
    expect(await t.db.selectFrom('sessions').select('id').where('user_id', '=', victim.id).execute()).toHaveLength(0);
    expect((await auditFor(victim.id)).map((a) => [a.action, a.subject_label])).toEqual([['user.deleted', `Lena Löschbar <${victim.email}>`]]);
    expect((await get(`/admin/benutzer/${victim.id}`)).statusCode).toBe(404);
  });

  it('refuses a post without CSRF token', async () => {
    const member = await createUser(t, { role: 'member' });
    const response = await t.app.inject({
      method: 'POST',
      url: `/admin/benutzer/${member.id}/loeschen`,
      cookies: as(admin),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'confirm=yes',
    });
    expect(response.statusCode).toBe(403);
    expect(await t.db.selectFrom('users').select('id').where('id', '=', member.id).executeTakeFirst()).toBeDefined();
  });
});

describe('outbox, audit log and feedback', () => {
  it('lists mails newest first, filters by recipient and shows a mail with its HTML only as escaped source', async () => {
    const subject = '<script>alert("betreff")</script> Willkommen';
    await queueMail(t.db, composeMail('empfaengerin@example.org', { locale: 'de', subject, greeting: 'Hallo <b>du</b>,', paragraphs: ['<script>alert(2)</script>'], closing: 'Tschüss' }));
    await queueMail(t.db, composeMail('other@example.org', { locale: 'en', subject: 'Other', greeting: 'Hi', paragraphs: [], closing: 'Bye' }));
    await t.runJobs();
    const list = (await get('/admin/postausgang?recipient=EMPFAENGERIN@example.org')).body;
    expect(list).toContain('E-Mails im Postausgang (1)');
    expect(list).not.toContain('<script>alert("betreff")');
    expect(list).toContain('&lt;script>alert(&quot;betreff&quot;)&lt;/script> Willkommen');
    const all = (await get('/admin/postausgang')).body;
    expect(all.indexOf('>Other<')).toBeLessThan(all.indexOf('Willkommen'));

    const id = (await t.db.selectFrom('mail_outbox').select('id').where('recipient', '=', 'empfaengerin@example.org').executeTakeFirstOrThrow()).id;
    const detail = await get(`/admin/postausgang/${id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.body).not.toMatch(/<script>alert\(/);
    expect(detail.body).not.toContain('<iframe');
    expect(detail.body).toContain('&lt;script>alert(2)&lt;/script>');
    expect(detail.body).toContain('&lt;!doctype html>&lt;html lang=&quot;de&quot;>');
    expect(detail.body).toContain('Hallo &lt;b>du&lt;/b>,');
    expect((await get('/admin/postausgang/abc')).statusCode).toBe(404);
    expect((await get('/admin/postausgang/999999')).statusCode).toBe(404);
  });

  it('lists accessibility feedback with its text escaped', async () => {
    await t.app.inject({ method: 'POST', url: '/api/v1/accessibility-feedback', remoteAddress: '10.9.0.1', payload: { name: '<i>Ida</i>', message: 'Fokus <script>weg()</script>' } });
    const body = (await get('/admin/rueckmeldungen')).body;
    expect(body).toContain('Fokus &lt;script>weg()&lt;/script>');
    expect(body).toContain('&lt;i>Ida&lt;/i>');
    expect(body).not.toContain('<script>weg()');
  });
});

describe('the last admin', () => {
  let solo: TestApp;
  beforeAll(async () => {
    solo = await createTestApp();
  });
  afterAll(async () => solo?.close());

  async function postTo(app: TestApp, user: TestUser, action: string, fields: Record<string, string>) {
    const cookies = as(user);
    const token = csrfFrom((await app.app.inject({ url: '/admin', cookies })).body);
    return app.app.inject({ method: 'POST', url: action, cookies, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: token, ...fields }).toString() });
  }

  it('cannot be demoted or deleted while no other verified admin exists', async () => {
    const only = await createUser(solo, { role: 'admin' });
    await createUser(solo, { role: 'admin', verified: false });
    const demote = await postTo(solo, only, `/admin/benutzer/${only.id}/rolle`, { role: 'member' });
    expect(demote.statusCode).toBe(409);
    expect(demote.body).toContain('Das ist das letzte Administrationskonto.');
    const remove = await postTo(solo, only, `/en/admin/benutzer/${only.id}/loeschen`, { confirm: 'yes' });
    expect(remove.statusCode).toBe(409);
    expect(remove.body).toContain('This is the last administrator account.');
    expect((await solo.db.selectFrom('users').select('role').where('id', '=', only.id).executeTakeFirstOrThrow()).role).toBe('admin');
    expect(await solo.db.selectFrom('audit_log').select('id').where('subject_user_id', '=', only.id).execute()).toHaveLength(0);
  });

  it('can step down once another verified admin exists, and loses access at once', async () => {
    const stepping = await createUser(solo, { role: 'admin' });
    const response = await postTo(solo, stepping, `/admin/benutzer/${stepping.id}/rolle`, { role: 'coordinator' });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/');
    expect((await solo.app.inject({ url: '/admin', cookies: as(stepping) })).statusCode).toBe(403);
    expect((await solo.db.selectFrom('audit_log').select('details').where('subject_user_id', '=', stepping.id).executeTakeFirstOrThrow()).details).toEqual({ from: 'admin', to: 'coordinator' });
  });
});
