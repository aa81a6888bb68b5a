import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../platform/auth/sessions.js';
import { submit } from '../../../test/support/actors.js';
import { createUser, type TestUser } from '../../../test/support/factories.js';
import { createTestFormat } from '../../../test/support/formats.js';
import { multipart, pngOfSize, tinyPng, type FilePart } from '../../../test/support/images.js';
import { createTestApp, csrfFrom, type TestApp } from '../../../test/support/test-app.js';
import { getFormat } from './service.js';

let t: TestApp;
let coordinator: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await createUser(t, { role: 'coordinator' });
});
afterAll(async () => t?.close());

const cookies = (user: TestUser | null) => (user?.session ? { [SESSION_COOKIE]: user.session } : undefined);
const get = (url: string, user?: TestUser | null) => t.app.inject({ method: 'GET', url, cookies: cookies(user ?? null) });

async function upload(slug: string, fields: Record<string, string>, file?: FilePart) {
  const page = await get(`/formate/${slug}/dokumentation`, coordinator);
  return t.app.inject({ method: 'POST', url: `/formate/${slug}/dokumentation/medien`, cookies: cookies(coordinator), ...multipart({ _csrf: csrfFrom(page.body), ...fields }, file ? { file } : {}) });
}
const png = (bytes: Buffer = tinyPng): FilePart => ({ filename: 'foto.png', contentType: 'image/png', bytes });
const photo = { kind: 'photo', title: 'Erfahrungsaustausch in Bernburg', alt: 'Gruppenfoto vor dem Schaufenster des Projektraums COI', credit: 'Gemeinsam für das Quartier / Lukas Petereit', visibility: 'public' };

describe('documenting a format', () => {
  it('results in Markdown are shown sanitised; members-only parts are hidden from the public', async () => {
    const format = await createTestFormat(t, coordinator, { days: -3 });
    const saved = await submit(t.app, {
      page: `/formate/${format.slug}/dokumentation`,
      action: `/formate/${format.slug}/dokumentation/ergebnisse`,
      session: coordinator.session,
      fields: { results: '# Was wir gelernt haben\n\n- Koproduktion braucht Zeit\n- <script>alert(1)</script>\n\n[klick](javascript:alert(1)) und [DV](https://www.deutscher-verband.org)', visibility: 'public' },
    });
    expect(saved.statusCode).toBe(303);
    await submit(t.app, { page: `/formate/${format.slug}/dokumentation`, action: `/formate/${format.slug}/dokumentation/erkenntnisse`, session: coordinator.session, fields: { text: 'Leerstand ist eine Chance.', visibility: 'members' } });
    const publicPage = (await get(`/formate/${format.slug}`)).body;
    expect(publicPage).toContain('<h4>Was wir gelernt haben</h4>');
    expect(publicPage).toContain('<li>Koproduktion braucht Zeit</li>');
    expect(publicPage).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(publicPage).not.toContain('href="javascript:');
    expect(publicPage).toContain('href="https://www.deutscher-verband.org"');
    expect(publicPage).not.toContain('Leerstand ist eine Chance.');
    expect((await get(`/formate/${format.slug}`, await createUser(t))).body).toContain('Leerstand ist eine Chance.');
  });

  it('a photo needs alt text and credit; the public sees it with its credit', async () => {
    const format = await createTestFormat(t, coordinator, { days: -3 });
    const missing = await upload(format.slug, { kind: 'photo', title: 'Foto', alt: '', credit: '', visibility: 'public' }, png());
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('value="Foto"');
    expect((await upload(format.slug, photo, png())).statusCode).toBe(303);
    const detail = await getFormat(t.ctx(null), format.id);
    const [media] = detail.documentation.media;
    expect(media).toMatchObject({ kind: 'photo', alt: photo.alt, credit: photo.credit, contentType: 'image/png' });
    const page = (await get(`/formate/${format.slug}`)).body;
    expect(page).toContain(`alt="${photo.alt}"`);
    expect(page).toContain('Quelle: Gemeinsam für das Quartier / Lukas Petereit');
    const image = await get(media!.url);
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.headers['content-security-policy']).toContain('sandbox');
  });

  it('refuses uploads that lie about their type, are too large or carry script (SVG), and keeps what was typed', async () => {
    const format = await createTestFormat(t, coordinator, { days: -3 });
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const html = Buffer.from('<!doctype html><html><script>alert(1)</script></html>');
    const files = async () => Number((await t.db.selectFrom('files').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await files();
    const cases: [FilePart, string][] = [
      [{ filename: 'bild.svg', contentType: 'image/svg+xml', bytes: svg }, 'photo'],
      [{ filename: 'foto.png', contentType: 'image/png', bytes: html }, 'photo'],
      [{ filename: 'doku.pdf', contentType: 'application/pdf', bytes: html }, 'file'],
      [{ filename: 'bild.svg', contentType: 'image/svg+xml', bytes: svg }, 'file'],
      [png(pngOfSize(11 * 1024 * 1024)), 'photo'],
    ];
    for (const [file, kind] of cases) {
      const response = await upload(format.slug, { ...photo, kind }, file);
      expect(response.statusCode, `${file.filename} as ${kind}`).toBeGreaterThanOrEqual(400);
      expect(response.statusCode).toBeLessThan(500);
    }
    const lying = await upload(format.slug, photo, { filename: 'foto.png', contentType: 'image/png', bytes: html });
    expect(lying.body).toContain(`value="${photo.credit}"`);
    expect((await getFormat(t.ctx(coordinator.current), format.id)).documentation.media).toHaveLength(0);
    expect(await files()).toBe(before);
  });

  it('a PDF is a download; members-only media are 404 for the public; others cannot write the documentation', async () => {
    const format = await createTestFormat(t, coordinator, { days: -3 });
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    expect((await upload(format.slug, { kind: 'file', title: 'Protokoll', alt: '', credit: '', visibility: 'members' }, { filename: 'p.pdf', contentType: 'application/pdf', bytes: pdf })).statusCode).toBe(303);
    const [media] = (await getFormat(t.ctx(coordinator.current), format.id)).documentation.media;
    expect((await get(media!.url)).statusCode).toBe(404);
    const member = await createUser(t);
    const download = await get(media!.url, member);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toContain('attachment; filename="Protokoll.pdf"');
    expect((await get(`/formate/${format.slug}/dokumentation`, member)).statusCode).toBe(404);
  });
});
