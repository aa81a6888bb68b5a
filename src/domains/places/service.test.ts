import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { STATES } from '../actors/model.js';
import { getPlace, getPlaces, randomPlacesByPopulation, resolvePlaceField, resolvePlaceInput, searchPlaces, type Place, type PlaceResolution } from './service.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const names = (places: Place[]) => places.map((p) => p.name);
const candidatesOf = (resolution: PlaceResolution) => (resolution.kind === 'ambiguous' ? resolution.candidates : []);

describe('searchPlaces', () => {
  it('finds a place by the beginning of its name, with key, state, district and coordinates', async () => {
    const [first] = await searchPlaces(t.ctx(), 'Mannh');
    expect(first).toMatchObject({ name: 'Mannheim', municipalityKey: '08222000', stateCode: 'BW', district: 'Mannheim' });
    expect(first!.latitude).toBeCloseTo(49.49, 1);
    expect(first!.longitude).toBeCloseTo(8.47, 1);
    expect(first!.population).toBeGreaterThan(250_000);
  });

  it('puts the exact name first, then longer names by population', async () => {
    const found = names(await searchPlaces(t.ctx(), 'berlin', 5));
    expect(found[0]).toBe('Berlin');
    expect(names(await searchPlaces(t.ctx(), 'Frankfurt', 2))).toEqual(['Frankfurt am Main', 'Frankfurt (Oder)']);
  });

  it('tolerates typos and umlauts typed as two letters', async () => {
    expect(names(await searchPlaces(t.ctx(), 'Manheim'))[0]).toBe('Mannheim');
    expect(names(await searchPlaces(t.ctx(), 'Bernbrug'))).toContain('Bernburg');
    expect(names(await searchPlaces(t.ctx(), 'Muenchen'))[0]).toBe('München');
    expect(names(await searchPlaces(t.ctx(), 'Koeln'))[0]).toBe('Köln');
  });

  it('finds places by a postcode or its beginning', async () => {
    const exact = await searchPlaces(t.ctx(), '68159');
    expect(names(exact)).toEqual(['Mannheim']);
    const region = await searchPlaces(t.ctx(), '681', 20);
    expect(names(region)).toContain('Mannheim');
    expect(region.every((p) => p.postcodes.some((c) => c.startsWith('681')))).toBe(true);
    expect(names(await searchPlaces(t.ctx(), '06406 Bern'))).toEqual(['Bernburg']);
  });

  it('lists every place called Neustadt, the biggest first', async () => {
    const found = await searchPlaces(t.ctx(), 'Neustadt', 20);
    const exact = found.filter((p) => p.name === 'Neustadt');
    expect(exact.length).toBeGreaterThanOrEqual(3);
    expect(found.indexOf(exact[0]!)).toBe(0);
    expect(new Set(exact.map((p) => p.stateCode)).size).toBe(exact.length);
  });

  it('narrows by state or district in parentheses', async () => {
    expect((await searchPlaces(t.ctx(), 'Neustadt (TH)')).map((p) => [p.name, p.stateCode])).toContainEqual(['Neustadt', 'TH']);
    expect((await searchPlaces(t.ctx(), 'Neustadt (Thüringen)')).every((p) => p.stateCode === 'TH')).toBe(true);
  });

  it('finds nothing for empty, punctuation-only, over-long or wildcard input, and never fails', async () => {
    for (const input of ['', '   ', '!!!', '.-/()', '%', '_', '\\', '%%__', 'x'.repeat(10 * 1024), '\u0000', '1', '123456']) {
      expect(await searchPlaces(t.ctx(), input), JSON.stringify(input.slice(0, 20))).toEqual([]);
    }
    expect(await searchPlaces(t.ctx(), "'; drop table places; --")).toBeInstanceOf(Array);
    expect(await searchPlaces(t.ctx(), 'Mann%')).toEqual(await searchPlaces(t.ctx(), 'Mann'));
  });

  it('keeps to the limit', async () => {
    expect(await searchPlaces(t.ctx(), 'Bad', 3)).toHaveLength(3);
    expect((await searchPlaces(t.ctx(), 'Bad', 1000)).length).toBeLessThanOrEqual(50);
  });
});

describe('resolvePlaceInput', () => {
  it('finds a unique name, a postcode, and a postcode with its name', async () => {
    expect(await resolvePlaceInput(t.ctx(), '  mannheim ')).toMatchObject({ kind: 'found', place: { name: 'Mannheim' } });
    expect(await resolvePlaceInput(t.ctx(), '68159')).toMatchObject({ kind: 'found', place: { name: 'Mannheim' } });
    expect(await resolvePlaceInput(t.ctx(), '06406 Bernburg')).toMatchObject({ kind: 'found', place: { name: 'Bernburg', stateCode: 'ST' } });
    expect(await resolvePlaceInput(t.ctx(), 'Halle (Saale)')).toMatchObject({ kind: 'found', place: { name: 'Halle (Saale)', stateCode: 'ST' } });
  });

  it('offers every same-named place with its district and state to choose from', async () => {
    const resolution = await resolvePlaceInput(t.ctx(), 'Neustadt');
    expect(resolution.kind).toBe('ambiguous');
    const exact = candidatesOf(resolution).filter((p) => p.name === 'Neustadt');
    expect(exact.map((p) => p.stateCode).sort()).toEqual(expect.arrayContaining(['HH', 'RP', 'TH']));
    expect(exact.every((p) => p.district)).toBe(true);
    expect(candidatesOf(resolution).length).toBeLessThanOrEqual(10);
  });

  it('does not settle on a village when a bigger place continues its name', async () => {
    const resolution = await resolvePlaceInput(t.ctx(), 'Halle');
    expect(resolution.kind).toBe('ambiguous');
    expect(names(candidatesOf(resolution))).toContain('Halle (Saale)');
  });

  it('accepts "Name (state)" and "Name (district)" to tell places apart', async () => {
    expect(await resolvePlaceInput(t.ctx(), 'Neustadt (RP)')).toMatchObject({ kind: 'found', place: { name: 'Neustadt', stateCode: 'RP' } });
    expect(await resolvePlaceInput(t.ctx(), 'neustadt (rheinland-pfalz)')).toMatchObject({ kind: 'found', place: { stateCode: 'RP' } });
    expect(await resolvePlaceInput(t.ctx(), 'Neustadt (Eichsfeld)')).toMatchObject({ kind: 'found', place: { name: 'Neustadt', stateCode: 'TH' } });
    expect(await resolvePlaceInput(t.ctx(), 'Neustadt (Landkreis Eichsfeld)')).toMatchObject({ kind: 'found', place: { stateCode: 'TH' } });
    // The Thuringian village is not the only Thuringian Neustadt: Neustadt an der Orla is bigger.
    const thuringia = candidatesOf(await resolvePlaceInput(t.ctx(), 'Neustadt (TH)'));
    expect(names(thuringia)).toEqual(expect.arrayContaining(['Neustadt', 'Neustadt an der Orla']));
    expect(thuringia.every((p) => p.stateCode === 'TH')).toBe(true);
  });

  it('suggests similar names for a typo and finds nothing for nonsense', async () => {
    expect(names(candidatesOf(await resolvePlaceInput(t.ctx(), 'Manheim')))).toContain('Mannheim');
    for (const input of ['', '!!!', 'Qxzqxzqxz', '99999', 'y'.repeat(10 * 1024)]) expect(await resolvePlaceInput(t.ctx(), input)).toEqual({ kind: 'none' });
  });
});

describe('resolvePlaceField', () => {
  it('takes the chosen id while the text still names that place, and the text otherwise', async () => {
    const neustadt = candidatesOf(await resolvePlaceInput(t.ctx(), 'Neustadt')).find((p) => p.name === 'Neustadt' && p.stateCode === 'TH')!;
    expect(await resolvePlaceField(t.ctx(), { text: 'Neustadt', id: String(neustadt.id) })).toEqual({ kind: 'found', place: neustadt });
    expect(await resolvePlaceField(t.ctx(), { text: 'Mannheim', id: String(neustadt.id) })).toMatchObject({ kind: 'found', place: { name: 'Mannheim' } });
    expect(await resolvePlaceField(t.ctx(), { text: '', id: String(neustadt.id) })).toEqual({ kind: 'none' });
    expect(await resolvePlaceField(t.ctx(), { text: 'Mannheim', id: '99999999999' })).toMatchObject({ kind: 'found', place: { name: 'Mannheim' } });
    expect(await resolvePlaceField(t.ctx(), { text: ['Mannheim'], id: ['1'] })).toEqual({ kind: 'none' });
    const longer = candidatesOf(await resolvePlaceInput(t.ctx(), 'Neustadt')).find((p) => p.name.startsWith('Neustadt an der'))!;
    expect(await resolvePlaceField(t.ctx(), { text: 'Neustadt', id: String(longer.id) })).toEqual({ kind: 'found', place: longer });
  });
});

describe('getPlace / getPlaces', () => {
  it('reads places by id and leaves out what is not there', async () => {
    const [mannheim] = await searchPlaces(t.ctx(), 'Mannheim', 1);
    expect(await getPlace(t.ctx(), mannheim!.id)).toEqual(mannheim);
    expect(await getPlace(t.ctx(), 2 ** 40)).toBeNull();
    expect(await getPlace(t.ctx(), 1)).toBeNull();
    expect(await getPlaces(t.ctx(), [])).toEqual([]);
    expect(await getPlaces(t.ctx(), [mannheim!.id, 1, mannheim!.id, -5])).toEqual([mannheim]);
  });
});

describe('randomPlacesByPopulation', () => {
  it('draws the same places for the same seed and others for another', async () => {
    const first = await randomPlacesByPopulation(t.ctx(), 500, 42);
    expect(first).toHaveLength(500);
    expect((await randomPlacesByPopulation(t.ctx(), 500, 42)).map((p) => p.id)).toEqual(first.map((p) => p.id));
    expect((await randomPlacesByPopulation(t.ctx(), 500, 43)).map((p) => p.id)).not.toEqual(first.map((p) => p.id));
    expect(await randomPlacesByPopulation(t.ctx(), 0, 42)).toEqual([]);
  });

  it('draws by population: every state in about its share, no place without inhabitants', async () => {
    const started = performance.now();
    const drawn = await randomPlacesByPopulation(t.ctx(), 100_000, 7);
    const elapsed = performance.now() - started;
    expect(drawn).toHaveLength(100_000);
    expect(drawn.every((p) => p.population > 0 && STATES.includes(p.stateCode as (typeof STATES)[number]))).toBe(true);
    const share = (state: string) => drawn.filter((p) => p.stateCode === state).length / drawn.length;
    // Population shares (Destatis): North Rhine-Westphalia ≈ 21.5 %, Bremen ≈ 0.8 %, Berlin ≈ 4.4 %.
    expect(share('NW')).toBeGreaterThan(0.15);
    expect(share('NW')).toBeLessThan(0.28);
    expect(share('HB')).toBeLessThan(0.03);
    expect(share('BE')).toBeGreaterThan(0.02);
    expect(share('BE')).toBeLessThan(0.08);
    expect(new Set(drawn.map((p) => p.id)).size).toBeGreaterThan(3000);
    expect(elapsed).toBeLessThan(5000);
  });
});
