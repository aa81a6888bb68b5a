import fs from 'node:fs/promises';
import type { Context } from '../../platform/context.js';
import { modelMessages } from '../actors/model-messages.js';
import type { StateCode } from '../actors/model.js';
import { samplePlaceIds, statesGeoJsonPath } from './gazetteer.js';
import { selectPlacesByIds, selectPlacesByPostcode, selectPlacesByPrefix, selectPlacesContaining, selectPlacesNamed, selectPlacesSimilar, type PlaceRow } from './queries.js';

export { statesGeoJsonPath } from './gazetteer.js';

/** A German municipality or place from the offline gazetteer. */
export interface Place {
  id: number;
  name: string;
  municipalityKey: string | null;
  /** ISO 3166-2:DE suffix, one of STATES in actors/model.ts. */
  stateCode: string;
  district: string | null;
  latitude: number;
  longitude: number;
  population: number;
  postcodes: string[];
}

export type PlaceResolution = { kind: 'found'; place: Place } | { kind: 'ambiguous'; candidates: Place[] } | { kind: 'none' };

/** At most this many places are offered to choose from. */
export const MAX_CANDIDATES = 10;
/** Longer input is no place name (the longest German one has about 60 characters). */
export const MAX_QUERY_LENGTH = 100;

function toPlace(row: PlaceRow): Place {
  return {
    id: row.id,
    name: row.name,
    municipalityKey: row.municipality_key,
    stateCode: row.state_code,
    district: row.district,
    latitude: row.latitude,
    longitude: row.longitude,
    population: row.population,
    postcodes: row.postcodes,
  };
}

/**
 * What someone typed, lower-case, with punctuation other than that of place names ("St. Johann",
 * "Halle (Saale)", "Reichenbach/Vogtland") turned into spaces; null when nothing searchable is left.
 */
function clean(text: unknown): string | null {
  if (typeof text !== 'string' || text.length > 10 * MAX_QUERY_LENGTH) return null;
  const cleaned = text
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}'().\/ -]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
  return cleaned.length <= MAX_QUERY_LENGTH && /[\p{L}\p{N}]/u.test(cleaned) ? cleaned : null;
}

/** The query, and its spelling with umlauts when typed without ("Muenchen" → "münchen"). */
function spellings(name: string): string[] {
  const umlauts = name.replace(/ae/g, 'ä').replace(/oe/g, 'ö').replace(/ue/g, 'ü').replace(/ss/g, 'ß');
  return umlauts === name ? [name] : [name, umlauts];
}

const qualified = /^(.+?) ?\(([^()]+)\)$/;
const withPostcode = /^(\d{5})(?: (.+))?$/;

/** "BY", "Bayern", "Bavaria", "Nordhausen" or "Landkreis Nordhausen" in "Neustadt (…)". */
function fits(row: PlaceRow, qualifier: string): boolean {
  const code = row.state_code as StateCode;
  const district = row.district?.toLowerCase() ?? '';
  const states = [code, modelMessages.de[`state.${code}`], modelMessages.en[`state.${code}`]].map((n) => n.toLowerCase());
  return [...states, district, district.replace(/^(land)?kreis |^regionalverband /, '')].includes(qualifier);
}

/** One place by id, or null. */
export async function getPlace(ctx: Context, id: number): Promise<Place | null> {
  if (!Number.isInteger(id) || id < 1 || id > 2 ** 31 - 1) return null;
  const [row] = await selectPlacesByIds(ctx.db, [id]);
  return row ? toPlace(row) : null;
}

/** Places by ids (any order; missing ids are left out). */
export async function getPlaces(ctx: Context, ids: number[]): Promise<Place[]> {
  const valid = [...new Set(ids)].filter((id) => Number.isInteger(id) && id >= 1 && id <= 2 ** 31 - 1);
  return (await selectPlacesByIds(ctx.db, valid)).map(toPlace);
}

/**
 * Names starting with the input (exact ones first), then names containing it; only when neither
 * finds anything the typo search, which compares every name.
 */
async function placesByName(ctx: Context, input: string, limit: number): Promise<PlaceRow[]> {
  const terms = spellings(input);
  const rows = await selectPlacesByPrefix(ctx.db, terms, limit);
  if (input.length < 3) return rows;
  if (rows.length < limit) rows.push(...(await selectPlacesContaining(ctx.db, terms, limit - rows.length)));
  return rows.length > 0 ? rows : selectPlacesSimilar(ctx.db, terms, limit);
}

/** Suggestions for what someone typed (name prefix, typo, or postcode), best first. */
export async function searchPlaces(ctx: Context, query: string, limit = 10): Promise<Place[]> {
  const input = clean(query);
  const max = Math.min(Math.max(Math.trunc(limit) || 1, 1), 50);
  if (!input) return [];
  if (/^\d+$/.test(input)) return (await selectPlacesByPostcode(ctx.db, input, max)).map(toPlace);
  const code = withPostcode.exec(input);
  if (code?.[2]) {
    const rows = (await selectPlacesByPostcode(ctx.db, code[1]!, 50)).filter((r) => r.name.toLowerCase().startsWith(code[2]!));
    if (rows.length > 0) return rows.slice(0, max).map(toPlace);
  }
  const parts = qualified.exec(input);
  if (parts) {
    const rows = (await placesByName(ctx, parts[1]!, 50)).filter((r) => fits(r, parts[2]!));
    if (rows.length > 0) return rows.slice(0, max).map(toPlace);
  }
  return (await placesByName(ctx, input, max)).map(toPlace);
}

/**
 * The place named `name`: found when exactly one place has that name and no place whose name
 * continues it is bigger ("Halle" must not silently be the village when "Halle (Saale)" exists),
 * or when no place has that name and exactly one continues it ("Bernburg" → "Bernburg (Saale)");
 * otherwise all of them to choose from. Null when no place has or continues that name.
 */
async function resolveName(ctx: Context, name: string, qualifier?: string): Promise<PlaceResolution | null> {
  let rows = await selectPlacesNamed(ctx.db, name, 50);
  if (qualifier) rows = rows.filter((r) => fits(r, qualifier));
  const exact = rows.filter((r) => r.exact);
  if (exact.length === 1 && !rows.some((r) => !r.exact && r.population > exact[0]!.population)) return { kind: 'found', place: toPlace(exact[0]!) };
  if (exact.length === 0 && rows.length === 1) return { kind: 'found', place: toPlace(rows[0]!) };
  return rows.length > 0 ? { kind: 'ambiguous', candidates: rows.slice(0, MAX_CANDIDATES).map(toPlace) } : null;
}

/**
 * Reads a place field as typed in a form without JavaScript ("Mannheim", "68159", "68159 Mannheim",
 * "Neustadt (BY)", "Neustadt (Nordhausen)"). Several places of that name or postcode are
 * `ambiguous`; so is a name that no place has when similar names exist ("Manheim": did you mean …).
 */
export async function resolvePlaceInput(ctx: Context, text: string): Promise<PlaceResolution> {
  const input = clean(text);
  if (!input) return { kind: 'none' };
  const code = withPostcode.exec(input);
  if (code) {
    const rows = await selectPlacesByPostcode(ctx.db, code[1]!, 50);
    const named = code[2] ? rows.filter((r) => r.name.toLowerCase().startsWith(code[2]!)) : rows;
    if (named.length === 1) return { kind: 'found', place: toPlace(named[0]!) };
    if (named.length > 1) return { kind: 'ambiguous', candidates: named.slice(0, MAX_CANDIDATES).map(toPlace) };
    if (!code[2]) return { kind: 'none' };
  }
  const name = code?.[2] ?? input;
  const parts = qualified.exec(name);
  const resolved = (await resolveName(ctx, name)) ?? (parts ? await resolveName(ctx, parts[1]!, parts[2]!) : null);
  if (resolved) return resolved;
  const similar = await searchPlaces(ctx, name, MAX_CANDIDATES);
  return similar.length > 0 ? { kind: 'ambiguous', candidates: similar } : { kind: 'none' };
}

/**
 * Reads a submitted PlaceField: the id chosen from suggestions or candidates (`${name}Id`) wins
 * while the text still names that place; otherwise the text is resolved as typed.
 */
export async function resolvePlaceField(ctx: Context, field: { text: unknown; id: unknown }): Promise<PlaceResolution> {
  const text = typeof field.text === 'string' ? field.text : '';
  const id = typeof field.id === 'string' && /^[1-9]\d{0,9}$/.test(field.id) ? Number(field.id) : null;
  const chosen = id === null ? null : await getPlace(ctx, id);
  const typed = clean(text);
  const name = chosen?.name.toLowerCase();
  // The chosen place wins while the text still names it, also when the text is the shorter name
  // ("Neustadt" typed, "Neustadt an der Weinstraße" chosen from the offered candidates).
  if (chosen && typed && name && (typed.startsWith(name) || name.startsWith(typed))) return { kind: 'found', place: chosen };
  return resolvePlaceInput(ctx, text);
}

/** `count` places drawn with probability proportional to population (demo generator), deterministic for a seed. */
export async function randomPlacesByPopulation(ctx: Context, count: number, seed: number): Promise<Place[]> {
  const ids = await samplePlaceIds(ctx.db, count, seed);
  const places = new Map((await getPlaces(ctx, ids)).map((p) => [p.id, p]));
  return ids.map((id) => places.get(id)!);
}

let statesGeoJson: Promise<string> | null = null;

/** The states' borders as RFC 7946 GeoJSON text (read once), for the map. */
export function getStatesGeoJson(): Promise<string> {
  statesGeoJson ??= fs.readFile(statesGeoJsonPath, 'utf8');
  return statesGeoJson;
}
