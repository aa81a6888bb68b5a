import fs from 'node:fs/promises';
import path from 'node:path';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { DbOrTx } from '../../platform/db/index.js';
import type { Place } from './service.js';
import { projectRoot } from '../../platform/paths.js';
import { insertPlaces, placesExist, selectPlaceWeights } from './queries.js';

/** The committed gazetteer data; resources/gazetteer/README.md says where it comes from. */
export const gazetteerDir = path.join(projectRoot, 'resources', 'gazetteer');
/** The 16 states' borders as an RFC 7946 FeatureCollection, properties { code, name_de, name_en }. */
export const statesGeoJsonPath = path.join(gazetteerDir, 'states.geojson');

const CHUNK = 4000;

function tsvRows(text: string): string[][] {
  const [, ...lines] = text.trimEnd().split('\n');
  return lines.map((line) => line.split('\t'));
}

/** Reads places.tsv and joins postcodes.tsv into it. */
export async function readGazetteer(): Promise<Place[]> {
  const [places, postcodes] = await Promise.all([
    fs.readFile(path.join(gazetteerDir, 'places.tsv'), 'utf8'),
    fs.readFile(path.join(gazetteerDir, 'postcodes.tsv'), 'utf8'),
  ]);
  const codes = new Map<number, string[]>();
  for (const [code = '', id = ''] of tsvRows(postcodes)) codes.set(Number(id), [...(codes.get(Number(id)) ?? []), code]);
  return tsvRows(places).map(([id = '', name = '', key = '', state = '', district = '', lat = '', lon = '', population = '']) => ({
    id: Number(id),
    name,
    municipalityKey: key || null,
    stateCode: state,
    district: district || null,
    latitude: Number(lat),
    longitude: Number(lon),
    population: Number(population),
    postcodes: codes.get(Number(id)) ?? [],
  }));
}

/** Loads the gazetteer into an empty places table; a filled one is left as it is. */
export async function seedPlaces(db: DbOrTx) {
  if (await placesExist(db)) return;
  const rows = await readGazetteer();
  for (let i = 0; i < rows.length; i += CHUNK) await insertPlaces(db, rows.slice(i, i + CHUNK));
}

interface Sampler {
  ids: Int32Array;
  /** Running sum of the weights: a draw in [0, total) is found by binary search. */
  cumulative: Float64Array;
}

/**
 * Weights that count each inhabitant once: GeoNames lists a municipality and, with the same
 * municipality key, its parts (Berlin and its districts, a town and its villages). The
 * municipality keeps what its parts do not account for, so Berlin's actors spread over its
 * districts instead of weighing Berlin twice.
 */
async function buildSampler(db: DbOrTx): Promise<Sampler> {
  const rows = await selectPlaceWeights(db);
  const weights = new Map(rows.map((r) => [r.id, r.population]));
  const byKey = new Map<string, typeof rows>();
  for (const row of rows) if (row.municipality_key) byKey.set(row.municipality_key, [...(byKey.get(row.municipality_key) ?? []), row]);
  for (const group of byKey.values()) {
    if (group.length < 2) continue;
    const head = group.reduce((a, b) => (b.population > a.population ? b : a));
    const parts = group.reduce((sum, r) => sum + (r === head ? 0 : r.population), 0);
    weights.set(head.id, Math.max(head.population - parts, 0));
  }
  const ids = new Int32Array(rows.length);
  const cumulative = new Float64Array(rows.length);
  let total = 0;
  rows.forEach((row, i) => {
    total += weights.get(row.id) ?? 0;
    ids[i] = row.id;
    cumulative[i] = total;
  });
  return { ids, cumulative };
}

const samplers = new WeakMap<object, Promise<Sampler>>();

/** `count` place ids drawn with probability by population (repeats allowed), the same for the same seed. */
export async function samplePlaceIds(db: DbOrTx, count: number, seed: number): Promise<number[]> {
  let sampler = samplers.get(db);
  if (!sampler) {
    sampler = buildSampler(db);
    samplers.set(db, sampler);
    sampler.catch(() => samplers.delete(db));
  }
  const { ids, cumulative } = await sampler;
  const total = cumulative[cumulative.length - 1] ?? 0;
  if (total === 0 || count <= 0) return [];
  const rng = xoroshiro128plus(seed);
  const drawn: number[] = [];
  for (let n = 0; n < count; n++) {
    const target = uniformInt(rng, 0, total - 1);
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (cumulative[mid]! > target) high = mid;
      else low = mid + 1;
    }
    drawn.push(ids[low]!);
  }
  return drawn;
}
