import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { createUser } from '../../../test/support/factories.js';
import { SESSION_COOKIE } from '../../platform/auth/sessions.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('initiative', () => {
  it('presents the seeded initiative on the German start page without setting a cookie', async () => {
    const response = await t.app.inject({ url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['set-cookie']).toBeUndefined();
    expect(response.body).toContain('<html lang="de"');
    expect(response.body).toContain('Deutscher Verband für Wohnungswesen, Städtebau und Raumordnung e.V.');
    expect(response.body).toContain('STADT ALS CAMPUS e.V.');
    expect(response.body).toContain('Nationale Stadtentwicklungspolitik');
    expect(response.body).toContain('laufend');
    expect(response.body).toContain('Erfahrungsaustausch in Bernburg');
    expect(response.body).toContain('href="/en/"');
  });

  it('serves the English start page with a switch back to German', async () => {
    const response = await t.app.inject({ url: '/en/' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<html lang="en"');
    expect(response.body).toContain('Timeline 2020 to 2025');
    expect(response.body).toMatch(/href="\/"[^>]*hreflang="de"/);
  });

  it('answers the profile as JSON in the language asked for', async () => {
    const de = await t.app.inject({ url: '/api/v1/initiative' });
    expect(de.statusCode).toBe(200);
    const body = de.json();
    expect(body.carrierShort).toBe('DV');
    expect(body.initiator).toBe('STADT ALS CAMPUS e.V.');
    expect(body.period).toEqual({ startYear: 2020, endYear: null });
    expect(body.status).toBe('running');
    expect(body.timeline.map((m: { year: number }) => m.year)).toContain(2025);
    const en = await t.app.inject({ url: '/api/v1/initiative', headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(en.json().timeline[0].title).toBe('The networking initiative starts');
  });

  it('serves anonymous visitors a shared rendering, but signed-in members their own page', async () => {
    const first = await t.app.inject({ url: '/' });
    const second = await t.app.inject({ url: '/' });
    expect(second.body).toBe(first.body);
    expect(first.body).toContain('href="/anmelden"');
    const user = await createUser(t, { name: 'Erika <Mustermann>' });
    const mine = await t.app.inject({ url: '/', cookies: { [SESSION_COOKIE]: user.session! } });
    expect(mine.body).not.toContain('href="/anmelden"');
    expect(mine.body).toContain('name="_csrf"');
    const again = await t.app.inject({ url: '/' });
    expect(again.body).not.toContain('name="_csrf"');
  });
});
