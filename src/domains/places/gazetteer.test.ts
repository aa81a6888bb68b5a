import fs from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { STATES } from '../actors/model.js';
import { placesDomain } from './index.js';
import { readGazetteer, seedPlaces, statesGeoJsonPath } from './gazetteer.js';
import { getStatesGeoJson } from './service.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const countPlaces = async () => Number((await t.db.selectFrom('places').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('the committed gazetteer', () => {
  it('holds German places with a state, coordinates in Germany and well-formed keys and postcodes', async () => {
    const rows = await readGazetteer();
    expect(rows.length).toBeGreaterThan(11_000);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    // One check per row, reported together: 11,500 rows × several expects would take seconds.
    const wrong = rows.filter(
      (row) =>
        !STATES.includes(row.stateCode as (typeof STATES)[number]) ||
        row.name.trim() !== row.name ||
        !(row.latitude > 47.2 && row.latitude < 55.1 && row.longitude > 5.8 && row.longitude < 15.1) ||
        (row.municipalityKey !== null && (!/^\d{8}$/.test(row.municipalityKey) || STATES[Number(row.municipalityKey.slice(0, 2)) - 1] !== row.stateCode)) ||
        row.postcodes.some((code) => !/^\d{5}$/.test(code)),
    );
    expect(wrong).toEqual([]);
    expect(rows.filter((r) => r.municipalityKey).length / rows.length).toBeGreaterThan(0.99);
    expect(rows.filter((r) => r.postcodes.length > 0).length).toBeGreaterThan(5000);
  });

  it('has the 16 state borders as small, valid RFC 7946 GeoJSON with counter-clockwise outer rings', async () => {
    const text = await getStatesGeoJson();
    expect(text).toBe(fs.readFileSync(statesGeoJsonPath, 'utf8'));
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(250 * 1024);
    const collection = JSON.parse(text);
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features.map((f: { properties: { code: string } }) => f.properties.code).sort()).toEqual([...STATES].sort());
    const area = (ring: number[][]) => ring.slice(1).reduce((sum, [x, y], i) => sum + (ring[i]![0]! * y! - x! * ring[i]![1]!), 0);
    for (const feature of collection.features) {
      expect(feature.type).toBe('Feature');
      expect(Object.keys(feature.properties).sort()).toEqual(['code', 'name_de', 'name_en']);
      expect(['Polygon', 'MultiPolygon']).toContain(feature.geometry.type);
      const polygons: number[][][][] = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
      for (const [outer, ...holes] of polygons) {
        expect(area(outer!)).toBeGreaterThan(0);
        for (const hole of holes) expect(area(hole)).toBeLessThan(0);
        for (const ring of [outer!, ...holes]) {
          expect(ring.length).toBeGreaterThanOrEqual(4);
          expect(ring[0]).toEqual(ring[ring.length - 1]);
          const wrong = ring.filter(([lon, lat]) => !(lon! > 5.8 && lon! < 15.1 && lat! > 47.2 && lat! < 55.1) || [lon, lat].some((x) => (String(x).split('.')[1]?.length ?? 0) > 6));
          expect(wrong).toEqual([]);
        }
      }
    }
    expect(collection.features.find((f: { properties: { code: string } }) => f.properties.code === 'BY').properties).toEqual({ code: 'BY', name_de: 'Bayern', name_en: 'Bavaria' });
  });
});

describe('seed step', () => {
  it('has filled the test template, and does nothing when run again', async () => {
    const before = await countPlaces();
    expect(before).toBe((await readGazetteer()).length);
    await placesDomain.seed!(t.ctx());
    expect(await countPlaces()).toBe(before);
  });

  it('loads an emptied table again in one go, postcodes included', async () => {
    // Actors point at places; this test file's database is its own, so they may go with them.
    await sql`truncate places cascade`.execute(t.db);
    expect(await countPlaces()).toBe(0);
    const started = performance.now();
    await t.db.transaction().execute((trx) => seedPlaces(trx));
    const elapsed = performance.now() - started;
    console.info(`places seed (${t.kind}): ${Math.round(elapsed)} ms`);
    expect(await countPlaces()).toBe((await readGazetteer()).length);
    const mannheim = await t.db.selectFrom('places').selectAll().where('name', '=', 'Mannheim').executeTakeFirstOrThrow();
    expect(mannheim.postcodes).toContain('68159');
    expect(elapsed).toBeLessThan(10_000);
  });
});
