import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../platform/auth/sessions.js';
import { accessToken } from '../../../test/support/actors.js';
import { createUser, type TestUser } from '../../../test/support/factories.js';
import { multipart, type FilePart } from '../../../test/support/images.js';
import { createTestApp, csrfFrom, type TestApp } from '../../../test/support/test-app.js';

let t: TestApp;
let coordinator: TestUser;
let member: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  coordinator = await createUser(t, { role: 'coordinator' });
  member = await createUser(t);
});
afterAll(async () => t?.close());

const cookies = (user: TestUser) => ({ [SESSION_COOKIE]: user.session ?? '' });
const unique = () => Math.random().toString(36).slice(2, 8);
const csv = (...lines: string[]) => Buffer.from(lines.join('\n') + '\n');

/** Uploads a file through the page's form, as a browser does. */
async function upload(bytes: Buffer | null, user = coordinator) {
  const form = await t.app.inject({ url: '/akteure/import', cookies: cookies(user) });
  expect(form.statusCode).toBe(200);
  const files: Record<string, FilePart> = bytes ? { file: { filename: 'akteure.csv', contentType: 'text/csv', bytes } } : {};
  const { payload, headers } = multipart({ _csrf: csrfFrom(form.body) }, files);
  return t.app.inject({ method: 'POST', url: '/akteure/import', cookies: cookies(user), headers, payload });
}

describe('the import pages', () => {
  it('are for coordinators: members get 403, the public is sent to log in', async () => {
    expect((await t.app.inject({ url: '/akteure/import', cookies: cookies(member) })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/akteure/import' })).statusCode).toBe(302);
    const page = await t.app.inject({ url: '/en/akteure/import', cookies: cookies(coordinator) });
    expect(page.body).toContain('Import actors');
    expect(page.body).toContain('approved at once');
  });

  it('check the upload, show what the import would do, run it as a job with progress, and show the outcome', async () => {
    const tag = unique();
    const response = await upload(csv('Name;Akteursgruppe;Ort', `Erster ${tag};Kommune;Mannheim`, `Zweiter ${tag};welfare;Berlin`));
    expect(response.statusCode).toBe(303);
    const status = response.headers.location as string;
    expect(status).toMatch(/^\/akteure\/import\/\d+$/);
    const checked = await t.app.inject({ url: status, cookies: cookies(coordinator) });
    expect(checked.body).toContain('Der Import würde 2 Profile neu anlegen, 0 ändern und 0 unverändert lassen.');
    expect(checked.body).toContain('UTF-8');
    expect(await t.db.selectFrom('actors').select('id').where('name', 'like', `%${tag}`).execute()).toEqual([]);

    const start = await t.app.inject({ method: 'POST', url: status, cookies: cookies(coordinator), headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${encodeURIComponent(csrfFrom(checked.body))}` });
    expect(start.statusCode).toBe(303);
    const queued = await t.app.inject({ url: status, cookies: cookies(coordinator) });
    expect(queued.body).toContain('wartet auf den Start');
    expect(queued.body).toContain('hx-trigger="every 2s"');
    expect(queued.body).toContain('Aktualisieren');

    expect(await t.runJobs()).toBeGreaterThanOrEqual(1);
    const done = await t.app.inject({ url: status, cookies: cookies(coordinator) });
    expect(done.body).toContain('Der Import ist abgeschlossen.');
    expect(done.body).not.toContain('hx-trigger');
    const rows = await t.db.selectFrom('actors').select(['name', 'status']).where('name', 'like', `%${tag}`).orderBy('name').execute();
    expect(rows).toEqual([
      { name: `Erster ${tag}`, status: 'approved' },
      { name: `Zweiter ${tag}`, status: 'approved' },
    ]);
    // A second click on the start button changes nothing.
    const again = await t.app.inject({ method: 'POST', url: status, cookies: cookies(coordinator), headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${encodeURIComponent(csrfFrom(done.body))}` });
    expect(again.statusCode).toBe(303);
    expect(await t.runJobs()).toBe(0);
  });

  it('list row problems with line numbers and offer no start button', async () => {
    const response = await upload(csv('Name;Akteursgruppe', `Gut ${unique()};welfare`, 'Schlecht;Wohlfahrt'));
    const page = await t.app.inject({ url: response.headers.location as string, cookies: cookies(coordinator) });
    expect(page.body).toContain('Probleme in einer Zeile');
    expect(page.body).toMatch(/<td class="kern-table__cell">3<\/td><td class="kern-table__cell">Akteursgruppe<\/td>/);
    expect(page.body).not.toContain('Import jetzt ausführen');
    const start = await t.app.inject({ method: 'POST', url: response.headers.location as string, cookies: cookies(coordinator), headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${encodeURIComponent(csrfFrom(page.body))}` });
    expect(start.statusCode).toBe(409);
  });

  it('show the form again with a translated message for a missing file, missing columns or 50,000 rows', async () => {
    const none = await upload(null);
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Bitte wählen Sie eine CSV-Datei aus.');
    const columns = await upload(csv('Titel', 'A'));
    expect(columns.statusCode).toBe(400);
    expect(columns.body).toContain('fehlen Spalten: „Name“, „Akteursgruppe“');
    const many = await upload(csv('Name;Akteursgruppe', ...Array.from({ length: 50_000 }, (_, i) => `Verein ${i};welfare`)));
    expect(many.statusCode).toBe(400);
    expect(many.body).toContain('mehr als 20.000 Datenzeilen');
  });
});

describe('POST /api/v1/actors/import', () => {
  const post = async (body: Buffer, query = '', user = coordinator) =>
    t.app.inject({ method: 'POST', url: `/api/v1/actors/import${query}`, headers: { authorization: `Bearer ${await accessToken(t, user.id)}`, 'content-type': 'text/csv' }, payload: body });

  it('answers a dry run with the report, imports a clean file, and refuses one with problems as a whole', async () => {
    const tag = unique();
    const dry = await post(csv('name,sector', `API ${tag},welfare`, 'Xaver,nonsense'), '?dryRun=true');
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, outcome: 'checked', created: 1, problemRows: 1, problems: [{ line: 3, column: 'sector' }] });
    const refused = await post(csv('name,sector', `API ${tag},welfare`, 'Xaver,nonsense'));
    expect(refused.statusCode).toBe(400);
    expect(refused.headers['content-type']).toMatch(/problem\+json/);
    expect(refused.json().errors).toEqual([{ field: '3 sector', message: expect.stringMatching(/nonsense/) }]);
    const imported = await post(csv('name,sector', `API ${tag},welfare`));
    expect(imported.json()).toMatchObject({ outcome: 'imported', created: 1 });
  });

  it('takes the file as a multipart form too', async () => {
    const { payload, headers } = multipart({}, { file: { filename: 'a.csv', contentType: 'text/csv', bytes: csv('name;sector', `Multipart ${unique()};welfare`) } });
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/actors/import?dryRun=true', headers: { ...headers, authorization: `Bearer ${await accessToken(t, coordinator.id)}` }, payload });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ outcome: 'checked', created: 1, delimiter: ';' });
  });

  it('is described in the OpenAPI document, as is the export', async () => {
    const paths = Object.keys((await t.app.inject({ url: '/api/docs/openapi.json' })).json().paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/v1/actors/import', '/api/v1/actors/export']));
  });

  it('refuses members (403) and 50,000 rows (400, translated)', async () => {
    expect((await post(csv('name,sector', 'A,welfare'), '', member)).statusCode).toBe(403);
    const many = await post(csv('name,sector', ...Array.from({ length: 50_000 }, (_, i) => `V ${i},welfare`)), '?dryRun=true');
    expect(many.statusCode).toBe(400);
    expect(many.json().errors[0].message).toMatch(/20\.000/);
  });
});
