import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../platform/auth/sessions.js';
import { createActor, type TestActor } from '../../../test/support/actors.js';
import { createUser, type TestUser } from '../../../test/support/factories.js';
import { multipart, pngClaiming, pngOfSize, tinyGif, tinyJpeg, tinyPng, tinyWebp, type FilePart } from '../../../test/support/images.js';
import { createTestApp, csrfFrom, type TestApp } from '../../../test/support/test-app.js';

let t: TestApp;
let admin: TestUser;
let actor: TestActor;
beforeAll(async () => {
  t = await createTestApp();
  admin = await createUser(t);
  actor = await createActor(t, { name: 'Quartiersbüro Nordstadt', admin });
});
afterAll(async () => t?.close());

const cookies = (user: TestUser) => ({ [SESSION_COOKIE]: user.session ?? '' });
const png = (bytes: Buffer = tinyPng, filename = 'logo.png', contentType = 'image/png'): FilePart => ({ filename, contentType, bytes });
const good = { alt: 'Logo des Quartiersbüros', credit: 'Quelle: DV / Plan Zwei' };

/** Posts the image form like a browser: a CSRF token, then the multipart body. */
async function upload(target: TestActor, fields: Record<string, string>, file: FilePart | null, options: { user?: TestUser; prefix?: string } = {}) {
  const user = options.user ?? admin;
  const prefix = options.prefix ?? '';
  // The session's CSRF token from any signed-in page (the user may not be allowed on the form's own page).
  const csrf = csrfFrom((await t.app.inject({ url: '/konto', cookies: cookies(user) })).body);
  const body = multipart({ _csrf: csrf, ...fields }, file ? { image: file } : {});
  return t.app.inject({ method: 'POST', url: `${prefix}/akteure/${target.slug}/bild`, cookies: cookies(user), ...body });
}

const imageColumns = (id: number) => t.db.selectFrom('actors').select(['image_file_id', 'image_alt', 'image_credit']).where('id', '=', id).executeTakeFirstOrThrow();
const fileCount = async () => Number((await t.db.selectFrom('files').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('uploading an actor image', () => {
  it('stores JPEG, PNG and WebP with checksum, size and dimensions, and replaces the old file', async () => {
    const target = await createActor(t, { admin });
    let previous: number | null = null;
    for (const [bytes, type] of [[tinyJpeg, 'image/jpeg'], [tinyPng, 'image/png'], [tinyWebp, 'image/webp']] as const) {
      // The browser's claimed type is ignored: the bytes decide.
      const response = await upload(target, good, { filename: 'bild', contentType: 'application/octet-stream', bytes });
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe(`/akteure/${target.slug}/bild?hinweis=gespeichert`);
      const columns = await imageColumns(target.id);
      expect(columns).toMatchObject({ image_alt: good.alt, image_credit: good.credit });
      const file = await t.db.selectFrom('files').selectAll().where('id', '=', columns.image_file_id!).executeTakeFirstOrThrow();
      expect(file).toMatchObject({ content_type: type, byte_size: bytes.length, width: 1, height: 1, created_by: admin.id });
      expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
      if (previous !== null) expect(await t.db.selectFrom('files').select('id').where('id', '=', previous).executeTakeFirst()).toBeUndefined();
      previous = columns.image_file_id;
    }
    const page = await t.app.inject({ url: `/akteure/${target.slug}/bild?hinweis=gespeichert`, cookies: cookies(admin) });
    expect(page.body).toContain('Das Bild ist gespeichert.');
    expect(page.body).toContain(`src="/dateien/${previous}"`);
  });

  it('changes alt text and credit without a new file, and removes the image with its file', async () => {
    const target = await createActor(t, { admin });
    await upload(target, good, png());
    const { image_file_id: fileId } = await imageColumns(target.id);
    // No file chosen: the browser still sends an empty, nameless file part.
    const response = await upload(target, { alt: 'Neues Logo', credit: 'Foto: Anna Beispiel' }, { filename: '', contentType: 'application/octet-stream', bytes: Buffer.alloc(0) });
    expect(response.statusCode).toBe(303);
    expect(await imageColumns(target.id)).toEqual({ image_file_id: fileId, image_alt: 'Neues Logo', image_credit: 'Foto: Anna Beispiel' });

    const page = await t.app.inject({ url: `/akteure/${target.slug}/bild`, cookies: cookies(admin) });
    const removed = await t.app.inject({
      method: 'POST',
      url: `/akteure/${target.slug}/bild/entfernen`,
      cookies: cookies(admin),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrfFrom(page.body) }).toString(),
    });
    expect(removed.statusCode).toBe(303);
    expect(await imageColumns(target.id)).toEqual({ image_file_id: null, image_alt: null, image_credit: null });
    expect(await t.db.selectFrom('files').select('id').where('id', '=', fileId!).executeTakeFirst()).toBeUndefined();
  });

  it('lets a coordinator set the image of any profile', async () => {
    const coordinator = await createUser(t, { role: 'coordinator' });
    const target = await createActor(t, { visibility: 'hidden' });
    const page = await t.app.inject({ url: `/akteure/${target.slug}/bild`, cookies: cookies(coordinator) });
    expect(page.statusCode).toBe(200);
    const response = await t.app.inject({ method: 'POST', url: `/akteure/${target.slug}/bild`, cookies: cookies(coordinator), ...multipart({ _csrf: csrfFrom(page.body), ...good }, { image: png() }) });
    expect(response.statusCode).toBe(303);
  });
});

describe('refused images (each: translated 4xx, the form keeps alt and credit, nothing written)', () => {
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>';
  const cases: [string, FilePart, RegExp, RegExp][] = [
    ['text renamed .png', { filename: 'logo.png', contentType: 'image/png', bytes: Buffer.from('Das ist kein Bild, nur Text.') }, /kein Bild/, /not an image/],
    ['HTML', { filename: 'logo.html', contentType: 'text/html', bytes: Buffer.from('<!doctype html><script>alert(1)</script>') }, /kein Bild/, /not an image/],
    ['SVG with script', { filename: 'logo.svg', contentType: 'image/svg+xml', bytes: Buffer.from(svg) }, /kein Bild/, /not an image/],
    ['GIF', { filename: 'logo.gif', contentType: 'image/gif', bytes: tinyGif }, /kein SVG, kein GIF/, /no SVG, no GIF/],
    ['over 5 MB', png(pngOfSize(5 * 1024 * 1024 + 1)), /größer als 5 MB/, /larger than 5 MB/],
    ['a decompression bomb (50,000 × 50,000)', png(pngClaiming(50_000, 50_000)), /zu viele Pixel/, /too many pixels/],
    ['too long a side (12,000 × 10)', png(pngClaiming(12_000, 10)), /10\.000 Pixel/, /10,000 pixels/],
    ['a truncated PNG', png(tinyPng.subarray(0, 20)), /kein Bild/, /not an image/],
    ['an empty file', png(Buffer.alloc(0)), /kein Bild/, /not an image/],
  ];

  it.each(cases)('%s', async (_name, file, german, english) => {
    const target = await createActor(t, { admin });
    const before = await fileCount();
    const typed = { alt: 'Logo <b>Nordstadt</b>', credit: 'Quelle: DV / Plan Zwei' };
    for (const [prefix, message] of [['', german], ['/en', english]] as const) {
      const response = await upload(target, typed, file, { prefix });
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.body).toMatch(message);
      expect(response.body).toContain('Logo &lt;b>Nordstadt&lt;/b>');
      expect(response.body).toContain('Quelle: DV / Plan Zwei');
      expect(response.body).toContain('aria-invalid="true"');
    }
    expect(await fileCount()).toBe(before);
    expect(await imageColumns(target.id)).toEqual({ image_file_id: null, image_alt: null, image_credit: null });
  });

  it('asks for alt text, credit and a file, keeping what was typed', async () => {
    const target = await createActor(t, { admin });
    const before = await fileCount();
    const noAlt = await upload(target, { alt: '  ', credit: 'Foto: Anna' }, png());
    expect(noAlt.statusCode).toBe(400);
    expect(noAlt.body).toContain('Bitte füllen Sie dieses Feld aus.');
    expect(noAlt.body).toContain('Foto: Anna');
    const noCredit = await upload(target, { alt: 'Logo', credit: '' }, png(), { prefix: '/en' });
    expect(noCredit.statusCode).toBe(400);
    expect(noCredit.body).toContain('Please fill in this field.');
    const tooLong = await upload(target, { alt: 'x'.repeat(301), credit: 'y'.repeat(201) }, png());
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain('höchstens 300 Zeichen');
    expect(tooLong.body).toContain('höchstens 200 Zeichen');
    const noFile = await upload(target, good, null);
    expect(noFile.statusCode).toBe(400);
    expect(noFile.body).toContain('Bitte wählen Sie eine Bilddatei aus.');
    expect(noFile.body).toContain(good.alt);
    expect(await fileCount()).toBe(before);
  });

  it('refuses a request far over the limit before reading it, and malformed multipart, with 4xx', async () => {
    const target = await createActor(t, { admin });
    const page = await t.app.inject({ url: `/akteure/${target.slug}/bild`, cookies: cookies(admin) });
    const huge = await t.app.inject({
      method: 'POST',
      url: `/akteure/${target.slug}/bild`,
      cookies: cookies(admin),
      ...multipart({ _csrf: csrfFrom(page.body), ...good }, { image: png(pngOfSize(11 * 1024 * 1024)) }),
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.body).toContain('Die gesendeten Daten sind zu groß.');
    for (const payload of ['--x\r\nContent-Disposition: form-data; name="alt"\r\n\r\nabc', 'garbage', '']) {
      const response = await t.app.inject({ method: 'POST', url: `/akteure/${target.slug}/bild`, cookies: cookies(admin), headers: { 'content-type': 'multipart/form-data; boundary=x' }, payload });
      expect(response.statusCode, payload).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, payload).toBeLessThan(500);
    }
    expect(await imageColumns(target.id)).toMatchObject({ image_file_id: null });
  });
});

describe('who may change an image', () => {
  it('refuses members of other organisations and plain members (403), hides what they may not see (404)', async () => {
    const stranger = await createUser(t);
    const plainMember = await createUser(t);
    const target = await createActor(t, { admin, members: [{ userId: plainMember.id }] });
    const hidden = await createActor(t, { admin, visibility: 'hidden' });
    const before = await fileCount();
    for (const user of [stranger, plainMember]) {
      expect((await t.app.inject({ url: `/akteure/${target.slug}/bild`, cookies: cookies(user) })).statusCode).toBe(403);
      const response = await upload(target, good, png(), { user });
      expect(response.statusCode).toBe(403);
      expect(response.body).toContain('keine Berechtigung');
    }
    expect((await upload(hidden, good, png(), { user: stranger })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/akteure/gibt-es-nicht/bild', cookies: cookies(admin) })).statusCode).toBe(404);
    expect(await fileCount()).toBe(before);
    const anonymous = await t.app.inject({ url: `/akteure/${target.slug}/bild` });
    expect(anonymous.statusCode).toBe(302);
  });
});
