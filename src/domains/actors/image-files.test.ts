import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../platform/auth/sessions.js';
import { createActor, type TestActor } from '../../../test/support/actors.js';
import { createUser, type TestUser } from '../../../test/support/factories.js';
import { multipart, pngClaiming, tinyPng, tinyWebp } from '../../../test/support/images.js';
import { createAccessToken } from '../../../test/support/routes.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { setActorImage } from './images.js';
import { ActorImageFigure } from './views/image-figure.js';
import { renderToString } from 'preact-render-to-string';

let t: TestApp;
let admin: TestUser;
let bearer: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await createUser(t);
  bearer = `Bearer ${await createAccessToken(t, admin.id)}`;
});
afterAll(async () => t?.close());

const cookies = (user: TestUser) => ({ [SESSION_COOKIE]: user.session ?? '' });
const image = (bytes: Buffer = tinyPng) => ({ image: { filename: 'logo.png', contentType: 'image/png', bytes } });
const good = { alt: 'Logo', credit: 'Quelle: DV / Plan Zwei' };

/** PUT /api/v1/actors/:id/image with a multipart body and further headers (the token). */
function putImage(id: number, headers: Record<string, string>, body: ReturnType<typeof multipart>) {
  return t.app.inject({ method: 'PUT', url: `/api/v1/actors/${id}/image`, payload: body.payload, headers: { ...headers, ...body.headers } });
}

/** An actor with an image, set through the use case as its admin. */
async function actorWithImage(overrides: Parameters<typeof createActor>[1] = {}): Promise<TestActor & { fileId: number }> {
  const actor = await createActor(t, { admin, ...overrides });
  const { image: stored } = await setActorImage(t.ctx(admin.current), { id: actor.id }, { upload: { filename: 'logo.png', bytes: tinyPng, truncated: false }, ...good });
  return { ...actor, fileId: stored.fileId };
}

describe('GET /dateien/:id', () => {
  it('serves a public actor’s image with its type, no sniffing, inline, a long public cache and an ETag', async () => {
    const actor = await actorWithImage();
    const response = await t.app.inject({ url: `/dateien/${actor.fileId}` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('image/png');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-disposition']).toBe('inline');
    expect(response.headers['cache-control']).toBe('public, max-age=86400');
    expect(response.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(response.rawPayload.equals(tinyPng)).toBe(true);
    const etag = String(response.headers.etag);
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    const again = await t.app.inject({ url: `/dateien/${actor.fileId}`, headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('serves a members-only image to members only, privately cached; a hidden one only to its people and coordinators', async () => {
    const members = await actorWithImage({ visibility: 'members' });
    const hidden = await actorWithImage({ visibility: 'hidden' });
    const pending = await actorWithImage({ status: 'pending' });
    const member = await createUser(t);
    const coordinator = await createUser(t, { role: 'coordinator' });
    expect((await t.app.inject({ url: `/dateien/${members.fileId}` })).statusCode).toBe(404);
    const asMember = await t.app.inject({ url: `/dateien/${members.fileId}`, cookies: cookies(member) });
    expect(asMember.statusCode).toBe(200);
    expect(asMember.headers['cache-control']).toBe('private, max-age=300');
    for (const file of [hidden.fileId, pending.fileId]) {
      expect((await t.app.inject({ url: `/dateien/${file}` })).statusCode).toBe(404);
      expect((await t.app.inject({ url: `/dateien/${file}`, cookies: cookies(member) })).statusCode).toBe(404);
      expect((await t.app.inject({ url: `/dateien/${file}`, cookies: cookies(admin) })).statusCode).toBe(200);
      expect((await t.app.inject({ url: `/dateien/${file}`, cookies: cookies(coordinator) })).statusCode).toBe(200);
    }
  });

  it('does not serve files that belong to no actor, nor ids that are not ids', async () => {
    const orphan = await t.db
      .insertInto('files')
      .values({ content_type: 'image/png', byte_size: tinyPng.length, sha256: 'x'.repeat(64), data: tinyPng, width: 1, height: 1, created_by: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const id of [String(orphan.id), '0', '-1', 'abc', '1.5', '99999999999999999999']) {
      const response = await t.app.inject({ url: `/dateien/${id}` });
      expect(response.statusCode, id).toBe(404);
      expect(response.headers['content-type']).toContain('text/html');
    }
  });
});

describe('the image API', () => {
  it('sets, changes and removes an image with a personal access token', async () => {
    const actor = await createActor(t, { admin });
    const put = await putImage(actor.id, { authorization: bearer }, multipart(good, image(tinyWebp)));
    expect(put.statusCode).toBe(200);
    const body = put.json();
    expect(body).toMatchObject({ alt: 'Logo', credit: good.credit, width: 1, height: 1 });
    expect(body.url).toMatch(/^\/dateien\/\d+$/);
    expect((await t.app.inject({ url: body.url })).headers['content-type']).toBe('image/webp');

    const textOnly = await t.app.inject({ method: 'PUT', url: `/api/v1/actors/${actor.id}/image`, headers: { authorization: bearer, 'content-type': 'application/json' }, payload: { alt: 'Neu', credit: 'Foto: Anna' } });
    expect(textOnly.statusCode).toBe(200);
    expect(textOnly.json()).toMatchObject({ url: body.url, alt: 'Neu', credit: 'Foto: Anna' });

    const removed = await t.app.inject({ method: 'DELETE', url: `/api/v1/actors/${actor.id}/image`, headers: { authorization: bearer } });
    expect(removed.statusCode).toBe(204);
    expect((await t.app.inject({ url: body.url })).statusCode).toBe(404);
  });

  it('answers bad images and missing texts with translated problem details, and strangers with 403', async () => {
    const actor = await createActor(t, { admin });
    const bomb = await putImage(actor.id, { authorization: bearer, 'accept-language': 'en' }, multipart({ alt: '', credit: good.credit }, image(pngClaiming(50_000, 50_000))));
    expect(bomb.statusCode).toBe(400);
    expect(bomb.headers['content-type']).toContain('application/problem+json');
    const fields = Object.fromEntries((bomb.json().errors as { field: string; message: string }[]).map((e) => [e.field, e.message]));
    expect(fields.image).toMatch(/too many pixels/);
    expect(fields.alt).toBe('Please fill in this field.');

    const stranger = await createUser(t);
    const strangerToken = `Bearer ${await createAccessToken(t, stranger.id)}`;
    const refused = await putImage(actor.id, { authorization: strangerToken }, multipart(good, image()));
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('auth.forbidden');
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/actors/${actor.id}/image`, headers: { authorization: strangerToken } })).statusCode).toBe(403);
    expect((await putImage(999999, { authorization: bearer }, multipart(good, image()))).statusCode).toBe(404);
    expect((await t.db.selectFrom('actors').select('image_file_id').where('id', '=', actor.id).executeTakeFirstOrThrow()).image_file_id).toBeNull();
  });

  it('is in the OpenAPI document as a multipart upload', async () => {
    const document = (await t.app.inject({ url: '/api/docs/openapi.json' })).json();
    const put = document.paths['/api/v1/actors/{id}/image'].put;
    expect(Object.keys(put.requestBody.content)).toEqual(['multipart/form-data']);
    expect(Object.keys(put.requestBody.content['multipart/form-data'].schema.properties)).toEqual(['image', 'alt', 'credit']);
    expect(document.paths['/api/v1/actors/{id}/image'].delete).toBeDefined();
  });
});

describe('the image figure', () => {
  it('shows the image with its alt text and the credit visible beneath, escaped', () => {
    const html = renderToString(ActorImageFigure({ image: { url: '/dateien/7', alt: 'Logo "<Nord>"', credit: '<script>alert(1)</script>', width: 200, height: 100 } }));
    expect(html).toContain('<figure class="qn-figure">');
    expect(html).toContain('alt="Logo &quot;&lt;Nord>&quot;"');
    expect(html).toContain('width="200" height="100"');
    expect(html).toContain('<figcaption class="qn-figure__credit">&lt;script>alert(1)&lt;/script></figcaption>');
  });
});
