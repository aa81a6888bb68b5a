import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActor } from '../../../test/support/actors.js';
import { createUser, type TestUser } from '../../../test/support/factories.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { SESSION_COOKIE } from '../../platform/auth/sessions.js';

let t: TestApp;
let member: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  member = await createUser(t, { role: 'member' });
  await createActor(t, { name: 'Stadtteilbüro Auenwald', sector: 'municipality', stateCode: 'SN', summary: 'Wir beleben das Quartier.', offers: ['Beteiligungsformate'] });
  await createActor(t, { name: 'Kulturscheune Auenwald', sector: 'creative_culture', stateCode: 'SN', needs: ['Leerstand'] });
  await createActor(t, { name: '<script>alert(1)</script> Auenwald', sector: 'civil_society' });
  await createActor(t, { name: 'Geheimbund Auenwald', visibility: 'hidden' });
  await createActor(t, { name: 'Mitgliederforum Auenwald', visibility: 'members' });
  for (let i = 1; i <= 22; i++) await createActor(t, { name: `Blätterverein ${String(i).padStart(2, '0')}`, summary: 'Laubhaufen' });
});
afterAll(async () => t?.close());

const get = (url: string, headers: Record<string, string> = {}, user?: TestUser) =>
  t.app.inject({ method: 'GET', url, headers, cookies: user ? { [SESSION_COOKIE]: user.session ?? '' } : undefined });
const htmx = { 'hx-request': 'true', 'hx-target': 'verzeichnis-ergebnis', 'hx-current-url': 'http://localhost/akteure' };

describe('the directory page', () => {
  it('is a GET search form with facets, counts and results, in German and English', async () => {
    const de = await get('/akteure?q=Auenwald');
    expect(de.statusCode).toBe(200);
    expect(de.body).toMatch(/<form[^>]*action="\/akteure"[^>]*method="get"[^>]*role="search"/);
    expect(de.body).toContain('Stadtteilbüro Auenwald');
    expect(de.body).toContain('href="/akteure/stadtteilbuero-auenwald-');
    expect(de.body).toMatch(/id="filter-sector-municipality" name="sector" value="municipality"/);
    expect(de.body).toContain('Kommune <span class="qn-facet__count">(1)</span>');
    expect(de.body).toContain('3 Akteure');
    expect(de.body).not.toContain('Geheimbund');
    expect(de.body).not.toContain('Mitgliederforum');
    const en = await get('/en/akteure?q=Auenwald');
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('Search term');
    expect(en.body).toContain('3 actors');
    expect(en.body).toContain('action="/en/akteure"');
  });

  it('links the map and the export with its filters (also in the htmx region), and where to add a profile', async () => {
    const search = 'q=Auenwald&sector=municipality';
    for (const response of [await get(`/akteure?${search}&sort=name`), await get(`/akteure?${search}`, htmx)]) {
      expect(response.body).toContain('href="/akteure/karte?q=Auenwald&amp;sector=municipality"');
      expect(response.body).toContain('href="/akteure/export?q=Auenwald&amp;sector=municipality"');
    }
    const map = await get(`/akteure/karte?${search}`);
    expect(map.body).toContain('href="/akteure?q=Auenwald&amp;sector=municipality"');
    const page = await get('/en/akteure');
    expect(page.body).toContain('href="/en/akteure/neu"');
    expect(page.body).not.toContain('href="/en/konto/organisationen"');
    expect((await get('/akteure', {}, member)).body).toContain('href="/konto/organisationen"');
  });

  it('is in the main navigation, marked as the current page (and section)', async () => {
    const nav = (html: string) => /<nav class="qn-nav"[\s\S]*?<\/nav>/.exec(html)![0];
    expect(nav((await get('/')).body)).toMatch(/<a class="kern-link" href="\/akteure">Akteure<\/a>/);
    expect(nav((await get('/akteure?q=Auenwald')).body)).toContain('href="/akteure" aria-current="page"');
    expect(nav((await get('/en/akteure/karte')).body)).toContain('href="/en/akteure" aria-current="true">Actors');
  });

  it('shows members-only profiles to a signed-in member', async () => {
    expect((await get('/akteure?q=Auenwald', {}, member)).body).toContain('Mitgliederforum Auenwald');
  });

  it('escapes what actors wrote', async () => {
    const page = await get('/akteure?q=Auenwald');
    expect(page.body).not.toContain('<script>alert(1)');
    expect(page.body).toMatch(/&lt;script(>|&gt;)alert\(1\)&lt;\/script(>|&gt;) Auenwald/);
  });

  it('keeps every selection in the form and writes canonical page links', async () => {
    const page = await get('/akteure?sort=name&q=Laubhaufen');
    expect(page.body).toMatch(/<option value="name" selected>Name/);
    expect(page.body).toContain('<option value>Relevanz</option>'); // value="": the default for a search
    expect(page.body).toContain('href="/akteure?q=Laubhaufen&amp;sort=name&amp;page=2"');
    expect(page.body).toContain('Seite 1 von 2');
    const checked = await get('/akteure?q=Auenwald&sector=creative_culture');
    expect(checked.body).toMatch(/id="filter-sector-creative_culture" name="sector" value="creative_culture" checked/);
    expect(checked.body).toContain('Kulturscheune Auenwald');
    expect(checked.body).not.toContain('Stadtteilbüro Auenwald</a>');
  });

  it('answers htmx with the results region only, the count for the live region, and the canonical URL', async () => {
    const response = await get('/akteure?sector=municipality&sort=relevance&q=Auenwald', htmx);
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain('<html');
    expect(response.body.startsWith('<div id="verzeichnis-ergebnis"')).toBe(true);
    expect(response.body).toContain('<div id="verzeichnis-ansage" hx-swap-oob="innerHTML">1 Akteur</div>');
    expect(response.headers['hx-push-url']).toBe('/akteure?q=Auenwald&sector=municipality');
    expect(String(response.headers.vary)).toContain('HX-Request');
  });

  it('answers a history restore (htmx without a target) with the whole page', async () => {
    const restore = await get('/akteure?q=Auenwald', { 'hx-request': 'true', 'hx-history-restore-request': 'true' });
    expect(restore.body.startsWith('<!doctype html>')).toBe(true);
  });

  it('refuses a 10 kB search text with a translated message and keeps what was typed', async () => {
    const long = 'Quartier'.repeat(1280);
    const response = await get(`/akteure?q=${long}`);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('Bitte höchstens 200 Zeichen eingeben.');
    expect(response.body).toContain(`value="${long}"`);
    const english = await get(`/en/akteure?q=${long}`);
    expect(english.statusCode).toBe(400);
    expect(english.body).toContain('Please enter at most 200 characters.');
  });

  it('answers a search of punctuation only with a hint and no results', async () => {
    const response = await get(`/akteure?q=${encodeURIComponent('?!… –')}`);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Der Suchbegriff enthält weder Buchstaben noch Ziffern.');
    expect(response.body).toContain('Keine Akteure gefunden');
  });

  it('ignores unknown filter values and pages instead of failing', async () => {
    const response = await get('/akteure?q=Auenwald&sector=spaceship&state=XX&offer=abc&page=-3&sort=random&pageSize=9999');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('3 Akteure');
  });
});

describe('GET /api/v1/actors', () => {
  it('answers results, count and facets with labels in the caller’s language', async () => {
    const response = await get('/api/v1/actors?q=Auenwald&sector=municipality&sector=creative_culture', { 'accept-language': 'en' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ total: 2, totalIsLowerBound: false, page: 1, pageSize: 20, pages: 1, sort: 'relevance' });
    expect(body.items.map((i: { name: string }) => i.name).sort()).toEqual(['Kulturscheune Auenwald', 'Stadtteilbüro Auenwald']);
    expect(body.items[0].path).toMatch(/^\/akteure\//);
    expect(body.facets.sector.find((f: { value: string }) => f.value === 'civil_society')).toMatchObject({ label: 'Civil society', count: 1, selected: false });
    expect(body.facets.need.find((f: { label: string }) => f.label === 'Vacant properties')).toMatchObject({ count: 1 });
  });

  it('honours visibility as the pages do', async () => {
    const anonymous = (await get('/api/v1/actors?q=Auenwald&pageSize=100')).json();
    expect(anonymous.items.map((i: { name: string }) => i.name)).not.toContain('Geheimbund Auenwald');
    expect(anonymous.items.map((i: { name: string }) => i.name)).not.toContain('Mitgliederforum Auenwald');
    const signedIn = (await get('/api/v1/actors?q=Auenwald&pageSize=100', {}, member)).json();
    expect(signedIn.items.map((i: { name: string }) => i.name)).toContain('Mitgliederforum Auenwald');
    expect(signedIn.items.map((i: { name: string }) => i.name)).not.toContain('Geheimbund Auenwald');
  });

  it('refuses bad parameters as problem+json: 10 kB text, unknown sector, page size, control characters', async () => {
    for (const query of [`q=${'x'.repeat(10_000)}`, 'sector=spaceship', 'pageSize=1000', 'page=0', 'q=a%00b', 'offer=abc']) {
      const response = await get(`/api/v1/actors?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('answers punctuation with an empty result', async () => {
    expect((await get(`/api/v1/actors?q=${encodeURIComponent('!!! ???')}`)).json()).toMatchObject({ total: 0, items: [] });
  });

  it('is described in the OpenAPI document', async () => {
    const document = (await get('/api/docs/openapi.json')).json();
    const operation = document.paths['/api/v1/actors'].get;
    expect(operation.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['q', 'sector', 'actionField', 'state', 'offer', 'need', 'sort', 'page', 'pageSize']));
    expect(operation.responses['200']).toBeDefined();
  });
});
