import { brotliDecompressSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../platform/auth/sessions.js';
import { createActor, type TestActor } from '../../../test/support/actors.js';
import { createUser, type TestUser } from '../../../test/support/factories.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';

interface Feature {
  type: string;
  id: number;
  geometry: { type: string; coordinates: number[] };
  properties: { slug: string; name: string; sector: string; place: string | null };
}

let t: TestApp;
let member: TestUser;
let place: { id: number; name: string; latitude: number; longitude: number; state_code: string };
const actors: Record<string, TestActor> = {};

beforeAll(async () => {
  t = await createTestApp();
  member = await createUser(t);
  // A real gazetteer place: longitude and latitude differ enough in Germany to tell their order apart.
  place = (await sql<typeof place>`select id, name, latitude, longitude, state_code from places where state_code = 'BW' order by population desc limit 1`.execute(t.db)).rows[0]!;
  const at = (latitude: number, longitude: number, stateCode: 'BE' | 'BY' | 'HH' | 'BW') => ({ latitude, longitude, stateCode });
  actors.public = await createActor(t, { name: 'Quartierswerkstatt Mondstein', placeId: place.id, sector: 'creative_culture', actionFields: ['inner_city'], offers: ['Zwischennutzung'] });
  actors.welfare = await createActor(t, { name: 'Nachbarschaftshilfe Mondstein', ...at(52.52, 13.405, 'BE'), sector: 'welfare', actionFields: ['neighbourhood'], needs: ['Leerstand'] });
  actors.members = await createActor(t, { name: 'Mondstein Mitgliederkreis', ...at(48.137, 11.575, 'BY'), visibility: 'members' });
  actors.hidden = await createActor(t, { name: 'Mondstein Verborgen', ...at(53.55, 9.99, 'HH'), visibility: 'hidden' });
  actors.pending = await createActor(t, { name: 'Mondstein Wartend', ...at(53.55, 9.99, 'HH'), status: 'pending' });
  actors.merged = await createActor(t, { name: 'Mondstein Dublette', ...at(53.55, 9.99, 'HH'), mergedInto: actors.public.id });
  actors.nowhere = await createActor(t, { name: 'Mondstein ohne Ort' });
  actors.script = await createActor(t, { name: '<script>alert(1)</script> Mondstein', ...at(53.55, 9.99, 'HH') });
  actors.precise = await createActor(t, { name: 'Mondstein "Genau" \\ Messpunkt', ...at(52.5200081234, 13.4049549876, 'BE') });
});
afterAll(async () => t?.close());

const cookies = (user: TestUser) => ({ [SESSION_COOKIE]: user.session ?? '' });

async function geojson(query = '', user: TestUser | null = null) {
  const response = await t.app.inject({ url: `/api/v1/actors.geojson${query}`, cookies: user ? cookies(user) : undefined });
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  return { response, body: response.json() as { type: string; features: Feature[] } };
}
const idsIn = (features: Feature[]) => new Set(features.map((f) => f.id));
const mine = (features: Feature[]) => Object.entries(actors).filter(([, a]) => idsIn(features).has(a.id)).map(([key]) => key).sort();

describe('GET /api/v1/actors.geojson', () => {
  it('is a valid RFC 7946 FeatureCollection of points, [longitude, latitude], served as application/geo+json', async () => {
    const { response, body } = await geojson();
    expect(response.headers['content-type']).toMatch(/^application\/geo\+json/);
    expect(Object.keys(body).sort()).toEqual(['features', 'type']);
    expect(body.type).toBe('FeatureCollection');
    expect(body.features.length).toBeGreaterThan(0);
    for (const feature of body.features) {
      expect(feature.type).toBe('Feature');
      expect(feature.geometry.type).toBe('Point');
      expect(feature.geometry.coordinates).toHaveLength(2);
      const [longitude, latitude] = feature.geometry.coordinates as [number, number];
      expect(longitude).toBeGreaterThanOrEqual(-180);
      expect(longitude).toBeLessThanOrEqual(180);
      expect(latitude).toBeGreaterThanOrEqual(-90);
      expect(latitude).toBeLessThanOrEqual(90);
      // What the popup shows, and the slug its link is made of (/akteure/{slug}).
      expect(Object.keys(feature.properties).sort()).toEqual(['name', 'place', 'sector', 'slug']);
    }
    const workshop = body.features.find((f) => f.id === actors.public!.id)!;
    expect(workshop.geometry.coordinates).toEqual([place.longitude, place.latitude]);
    expect(workshop.properties).toEqual({ slug: actors.public!.slug, name: 'Quartierswerkstatt Mondstein', sector: 'creative_culture', place: place.name });
    expect(body.features.find((f) => f.id === actors.welfare!.id)!.geometry.coordinates).toEqual([13.405, 52.52]);
    // Five decimals (about a metre); names with quotes and backslashes stay valid JSON.
    const precise = body.features.find((f) => f.id === actors.precise!.id)!;
    expect(precise.geometry.coordinates).toEqual([13.40495, 52.52001]);
    expect(precise.properties).toEqual({ slug: actors.precise!.slug, name: 'Mondstein "Genau" \\ Messpunkt', sector: 'civil_society', place: null });
  });

  it('shows the public only public, approved, unmerged actors with a place; members also members-only ones', async () => {
    expect(mine((await geojson('?q=Mondstein')).body.features)).toEqual(['precise', 'public', 'script', 'welfare']);
    expect(mine((await geojson('?q=Mondstein', member)).body.features)).toEqual(['members', 'precise', 'public', 'script', 'welfare']);
    const coordinator = await createUser(t, { role: 'coordinator' });
    expect(mine((await geojson('?q=Mondstein', coordinator)).body.features)).not.toContain('hidden');
    const { response } = await geojson('', member);
    expect(response.headers['cache-control']).toBe('private, max-age=60');
    expect((await geojson()).response.headers['cache-control']).toBe('public, max-age=60');
  });

  it('takes the directory’s filters', async () => {
    const [offer] = actors.public!.offerIds;
    const [need] = actors.welfare!.needIds;
    expect(mine((await geojson('?q=Mondstein&sector=welfare')).body.features)).toEqual(['welfare']);
    expect(mine((await geojson('?q=Mondstein&sector=welfare&sector=creative_culture')).body.features)).toEqual(['public', 'welfare']);
    expect(mine((await geojson('?q=Mondstein&state=BE')).body.features)).toEqual(['precise', 'welfare']);
    expect(mine((await geojson('?q=Mondstein&actionField=inner_city')).body.features)).toEqual(['public']);
    expect(mine((await geojson(`?offer=${offer}`)).body.features)).toEqual(['public']);
    expect(mine((await geojson(`?need=${need}`)).body.features)).toEqual(['welfare']);
    // German stemming („Quartierswerkstätten“ → Quartierswerkstatt) and a word inside a compound („werkstatt“).
    expect(mine((await geojson(`?q=${encodeURIComponent('Quartierswerkstätten')}`)).body.features)).toContain('public');
    expect(mine((await geojson('?q=werkstatt')).body.features)).toContain('public');
    expect((await geojson('?q=Mondstein&sector=municipality')).body.features.filter((f) => f.properties.name.includes('Mondstein'))).toEqual([]);
  });

  it('refuses unknown filter values and an over-long search with a 400 problem', async () => {
    for (const query of ['?sector=banks', '?state=XX', '?offer=abc', `?q=${'x'.repeat(10_000)}`, `?q=${'Quartier '.repeat(30)}`]) {
      const response = await t.app.inject({ url: `/api/v1/actors.geojson${query}`, headers: { 'accept-language': 'de' } });
      expect(response.statusCode, query.slice(0, 40)).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    const punctuation = await geojson(`?q=${encodeURIComponent('!!! ... ???')}`);
    expect(punctuation.body.features).toEqual([]);
  });

  it('is described in the OpenAPI document', async () => {
    const document = (await t.app.inject({ url: '/api/docs/openapi.json' })).json();
    const operation = document.paths['/api/v1/actors.geojson'].get;
    expect(Object.keys(operation.responses['200'].content)).toEqual(['application/geo+json']);
    expect(operation.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['actionField', 'need', 'offer', 'q', 'sector', 'state']);
  });
});

describe('the map page and its list', () => {
  it('renders the map region with our own assets and data URLs carrying the filters, in German and English', async () => {
    for (const [prefix, label] of [['', 'Karte Deutschlands mit den Akteuren'], ['/en', 'Map of Germany with the actors']] as const) {
      const response = await t.app.inject({ url: `${prefix}/akteure/karte?sector=welfare&q=Mondstein` });
      expect(response.statusCode).toBe(200);
      const html = response.body;
      expect(html.match(/<h1[ >]/g)).toHaveLength(1);
      expect(html).toContain(`role="region" aria-label="${label}"`);
      expect(html).toContain('data-geojson="/api/v1/actors.geojson?q=Mondstein&amp;sector=welfare"');
      expect(html).toContain(`href="${prefix}/akteure/karte/liste?q=Mondstein&amp;sector=welfare"`);
      const assets = [...html.matchAll(/(?:src|href)="(\/assets\/(?:leaflet|leaflet\.markercluster|MarkerCluster|map)\.[0-9a-f]{10}\.(?:js|css))"/g)].map((m) => m[1]!);
      expect(assets.sort()).toHaveLength(6);
      for (const asset of assets) {
        const served = await t.app.inject({ url: asset });
        expect(served.statusCode, asset).toBe(200);
        expect(served.headers['content-type']).toMatch(asset.endsWith('.js') ? /javascript/ : /text\/css/);
      }
      // Nothing from another host: no CDN, no tiles.
      expect([...html.matchAll(/(?:src|href)="(https?:)?\/\//g)]).toEqual([]);
      expect(html).not.toMatch(/<script>|<style|style="/);
    }
  });

  it('serves the states’ borders itself, cacheable for a year under the versioned URL the page links', async () => {
    const html = (await t.app.inject({ url: '/akteure/karte' })).body;
    const url = /data-borders="([^"]+)"/.exec(html)![1]!.replace(/&amp;/g, '&');
    expect(url).toMatch(/^\/akteure\/karte\/laender\.geojson\?v=[0-9a-f]{12}$/);
    const response = await t.app.inject({ url });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/geo\+json/);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const borders = response.json() as { type: string; features: { properties: { code: string } }[] };
    expect(borders.type).toBe('FeatureCollection');
    expect(borders.features.map((f) => f.properties.code).sort()).toEqual(['BB', 'BE', 'BW', 'BY', 'HB', 'HE', 'HH', 'MV', 'NI', 'NW', 'RP', 'SH', 'SL', 'SN', 'ST', 'TH']);
    expect((await t.app.inject({ url: '/akteure/karte/laender.geojson?v=old' })).headers['cache-control']).toBe('public, max-age=3600');
    // Half a megabyte: compressed for browsers, which all accept Brotli.
    const compressed = await t.app.inject({ url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(compressed.headers['content-encoding']).toBe('br');
    expect(compressed.rawPayload.length).toBeLessThan(response.rawPayload.length / 3);
    expect(JSON.parse(brotliDecompressSync(compressed.rawPayload).toString())).toEqual(borders);
  });

  it('lists the same actors by state with counts and profile links, without JavaScript', async () => {
    const response = await t.app.inject({ url: '/akteure/karte/liste?q=Mondstein' });
    expect(response.statusCode).toBe(200);
    const html = response.body;
    expect(html).toContain('id="land-BE"');
    expect(html).toMatch(/Berlin: 2 Akteure</);
    expect(html).toContain(`href="/akteure/${actors.welfare!.slug}"`);
    expect(html).toContain(`href="/akteure/${actors.public!.slug}"`);
    expect(html).toContain('&lt;script>alert(1)&lt;/script> Mondstein');
    for (const key of ['members', 'hidden', 'pending', 'merged', 'nowhere']) expect(html, key).not.toContain(actors[key]!.slug);
    const asMember = await t.app.inject({ url: '/en/akteure/karte/liste?q=Mondstein', cookies: cookies(member) });
    expect(asMember.body).toContain(`href="/en/akteure/${actors.members!.slug}"`);
    expect(asMember.body).toMatch(/Bavaria: 1 actor</);
  });

  it('counts per state on the map page itself, linking into the list', async () => {
    const html = (await t.app.inject({ url: '/akteure/karte?q=Mondstein' })).body;
    expect(html).toMatch(/>4 Akteure auf der Karte</);
    expect(html).toContain('href="/akteure/karte/liste?q=Mondstein#land-BE"');
  });
});
