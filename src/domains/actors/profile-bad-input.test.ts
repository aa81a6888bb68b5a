import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../platform/auth/sessions.js';
import { accessToken, createActor, submit, tagId } from '../../../test/support/actors.js';
import { createUser, type TestUser } from '../../../test/support/factories.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';

let t: TestApp;
let member: TestUser;
let token: string;

beforeAll(async () => {
  t = await createTestApp();
  member = await createUser(t, { name: 'Bea Böse' });
  token = await accessToken(t, member.id);
});
afterAll(async () => t?.close());

const script = '<script>alert("x")</script>';
const valid = { kind: 'organisation', name: 'Gute Nachbarschaft', sector: 'civil_society', visibility: 'public' };
const create = (fields: Record<string, string | string[]>) => submit(t.app, { page: '/akteure/neu', session: member.session, fields: { ...valid, ...fields } });
const counts = async () => ({
  actors: (await t.db.selectFrom('actors').select('id').execute()).length,
  tags: (await t.db.selectFrom('tags').select('id').execute()).length,
});
const api = (method: 'POST' | 'PATCH', url: string, payload: object, lang = 'de') =>
  t.app.inject({ method, url, payload, headers: { authorization: `Bearer ${token}`, 'accept-language': lang } });

/** The field's error, tied to the field and listed in the summary. */
function expectFieldError(html: string, field: string, text: string) {
  expect(html).toContain(`href="#feld-${field}"`);
  expect(html).toContain(`id="feld-${field}-fehler"`);
  expect(html).toContain(text);
}

describe('script in every text field is stored as typed and escaped everywhere', () => {
  it('on the profile page, the edit form, the member list and the review queue', async () => {
    const admin = await createUser(t, { name: `Admin ${script}` });
    const actor = await createActor(t, {
      name: `Verein ${script}`,
      summary: script,
      description: `${script}\n\n<img src=x onerror=alert(1)>`,
      expertise: script,
      contact: { name: script, email: 'kontakt@example.org', phone: '+49 1' },
      offers: [`Angebot ${script}`.slice(0, 60)],
      needs: ['"><svg onload=alert(1)>'],
      admin,
      status: 'pending',
    });
    const coordinator = await createUser(t, { role: 'coordinator' });
    for (const [url, user] of [
      [`/akteure/${actor.slug}`, admin],
      [`/akteure/${actor.slug}/bearbeiten`, admin],
      [`/akteure/${actor.slug}/mitglieder`, admin],
      ['/akteure/pruefung', coordinator],
      ['/akteure/vokabular', coordinator],
      ['/konto/organisationen', admin],
    ] as const) {
      const response = await t.app.inject({ url, cookies: { [SESSION_COOKIE]: user.session! } });
      expect(response.statusCode, url).toBe(200);
      expect(response.body, url).not.toContain('<script>alert');
      expect(response.body, url).not.toContain('<img src=x');
      expect(response.body, url).not.toContain('<svg onload');
    }
    const page = await t.app.inject({ url: `/akteure/${actor.slug}`, cookies: { [SESSION_COOKIE]: admin.session! } });
    expect(page.body).toContain('&lt;script>alert(&quot;x&quot;)&lt;/script>');
  });

  it('in a rejected form, which keeps what was typed (escaped)', async () => {
    const response = await create({ name: script, summary: script, description: script, expertise: script, offerLabels: 'Eins, Zwei', contactName: script, website: script, place: script });
    expect(response.statusCode).toBe(400);
    expect(response.body).not.toContain('<script>alert');
    expect(response.body).toContain('value="&lt;script>alert(&quot;x&quot;)&lt;/script>"');
    expect(response.body).toContain('value="Eins, Zwei"');
    expectFieldError(response.body, 'website', 'Bitte geben Sie eine vollständige Webadresse mit http:// oder https:// ein.');
  });
});

describe('editing an organisation one does not administer', () => {
  it('is refused with 403 on the page, the form post and the API, and changes nothing', async () => {
    const actor = await createActor(t, { name: 'Fremder Verein', admin: await createUser(t), members: [{ userId: member.id }] });
    const other = await createUser(t);
    expect((await t.app.inject({ url: `/akteure/${actor.slug}/bearbeiten`, cookies: { [SESSION_COOKIE]: member.session! } })).statusCode).toBe(403);
    const post = await submit(t.app, { page: `/akteure/${actor.slug}`, action: `/akteure/${actor.slug}/bearbeiten`, session: other.session, fields: { ...valid, name: 'Übernommen' } });
    expect(post.statusCode).toBe(403);
    const patch = await api('PATCH', `/api/v1/actors/${actor.id}`, { name: 'Übernommen' });
    expect(patch.statusCode).toBe(403);
    expect(patch.json()).toMatchObject({ code: 'auth.forbidden' });
    expect((await t.db.selectFrom('actors').select('name').where('id', '=', actor.id).executeTakeFirstOrThrow()).name).toBe('Fremder Verein');
  });
});

describe('bad values are 4xx with a translated message per field, and nothing is half-written', () => {
  it('over-long fields', async () => {
    const before = await counts();
    const response = await create({
      name: 'N'.repeat(161),
      summary: 'S'.repeat(301),
      description: 'D'.repeat(10_001),
      expertise: 'E'.repeat(2_001),
      offerLabels: `Kurz, ${'L'.repeat(61)}`,
    });
    expect(response.statusCode).toBe(400);
    expectFieldError(response.body, 'name', 'Bitte höchstens 160 Zeichen eingeben.');
    expectFieldError(response.body, 'summary', 'Bitte höchstens 300 Zeichen eingeben.');
    expectFieldError(response.body, 'description', 'Bitte höchstens 10000 Zeichen eingeben.');
    expectFieldError(response.body, 'expertise', 'Bitte höchstens 2000 Zeichen eingeben.');
    expectFieldError(response.body, 'offers', 'Ein Schlagwort darf höchstens 60 Zeichen lang sein');
    expect(response.body).toContain(`value="${'N'.repeat(161)}"`);
    expect(await counts()).toEqual(before);
  });

  it('web addresses that are not http(s) URLs', async () => {
    for (const website of ['javascript:alert(1)', 'ftp://files.example.org', 'www.example.org', 'https://user:secret@example.org', 'http://localhost', 'https://exa mple.org']) {
      const response = await create({ website });
      expect(response.statusCode, website).toBe(400);
      expectFieldError(response.body, 'website', 'Bitte geben Sie eine vollständige Webadresse mit http:// oder https:// ein.');
    }
    const links = await create({ links: 'https://ok.example.org\njavascript:alert(1)' });
    expectFieldError(links.body, 'links', 'Dieser Link ist keine vollständige Webadresse mit http:// oder https://: javascript:alert(1)');
    const many = await create({ links: Array.from({ length: 11 }, (_, i) => `https://l${i}.example.org`).join('\n') });
    expectFieldError(many.body, 'links', 'Bitte höchstens 10 Links angeben.');
  });

  it('an unknown sector, action field, visibility or vocabulary id', async () => {
    const response = await create({ sector: 'aliens', actionFields: ['neighbourhood', 'moon'], visibility: 'secret', offerIds: ['999999'] });
    expect(response.statusCode).toBe(400);
    expectFieldError(response.body, 'sector', 'Bitte wählen Sie einen der angebotenen Werte.');
    expectFieldError(response.body, 'actionFields', 'Bitte wählen Sie nur aus den angebotenen Werten.');
    expectFieldError(response.body, 'visibility', 'Bitte wählen Sie einen der angebotenen Werte.');
    expectFieldError(response.body, 'offers', 'Bitte wählen Sie nur aus den angebotenen Werten.');
    // The valid action field stays ticked.
    expect(response.body).toMatch(/name="actionFields" value="neighbourhood" checked/);
    const english = await api('POST', '/api/v1/actors', { ...valid, sector: 'aliens' }, 'en');
    expect(english.statusCode).toBe(400);
    expect(english.json()).toMatchObject({ code: 'request.invalid', errors: [{ field: 'sector', message: 'Please choose one of the offered values.' }] });
  });

  it('too many tags, and tag labels with control characters', async () => {
    const before = await counts();
    const curated = [await tagId(t, 'Leerstand'), await tagId(t, 'Moderation')].map(String);
    const tooMany = await create({ offerIds: curated, offerLabels: Array.from({ length: 19 }, (_, i) => `Neues Schlagwort ${i}`).join(', ') });
    expect(tooMany.statusCode).toBe(400);
    expectFieldError(tooMany.body, 'offers', 'Bitte höchstens 20 Begriffe und Schlagworte zusammen auswählen.');
    expect(tooMany.body).toMatch(new RegExp(`name="offerIds" value="${curated[0]}" checked`));
    const control = await create({ needLabels: 'Leer\u0007stand, Café' });
    expect(control.statusCode).toBe(400);
    expectFieldError(control.body, 'needs', 'Schlagworte dürfen keine Steuerzeichen enthalten.');
    const viaApi = await api('POST', '/api/v1/actors', { ...valid, offers: ['Gut', 'Böse\u0000'] });
    expect(viaApi.statusCode).toBe(400);
    expect(viaApi.json()).toMatchObject({ errors: [{ field: 'offers' }] });
    const nameControl = await create({ name: 'Ver\u0085ein' });
    expectFieldError(nameControl.body, 'name', 'Der Text enthält unzulässige Steuerzeichen.');
    expect(await counts()).toEqual(before);
  });

  it('a valid profile with new free tags fails as a whole when one field is wrong: no actor, no new tag', async () => {
    const before = await counts();
    const response = await create({ offerLabels: 'Brandneues Schlagwort', needLabels: 'Noch eins', contactEmail: 'keine-adresse' });
    expect(response.statusCode).toBe(400);
    expectFieldError(response.body, 'contactEmail', 'Bitte geben Sie eine gültige E-Mail-Adresse ein');
    expect(await counts()).toEqual(before);
    expect(await t.db.selectFrom('tags').select('id').where('normalized', '=', 'brandneues schlagwort').execute()).toEqual([]);
  });

  it('bodies of the wrong shape to the API are 400 problem+json', async () => {
    for (const payload of [{ ...valid, links: 'nicht-als-liste' }, { ...valid, contact: 'x' }, { ...valid, unknown: 1 }, { ...valid, offerIds: ['x'] }]) {
      const response = await api('POST', '/api/v1/actors', payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });
});
