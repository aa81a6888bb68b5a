import { sql } from 'kysely';
import type { Context } from '../../platform/context.js';
import type { DbOrTx } from '../../platform/db/index.js';
import { getPlaces, MAX_CANDIDATES, resolvePlaceInput, type Place, type PlaceResolution } from './service.js';

/**
 * Resolves the places of many rows at once (the actor CSV import): one read of the gazetteer's
 * ≈ 12,000 names, keys and postcodes, then lookups in memory — instead of two or three queries per
 * row. The answers are resolvePlaceInput's for the same text; only what the in-memory index cannot
 * decide (qualified names like „Neustadt (BY)“, typos) is asked of resolvePlaceInput itself.
 */

/** What a row names: a place as typed (name, postcode, key) and/or an 8-digit municipality key. */
export interface PlaceQuery {
  text: string;
  municipalityKey?: string;
}

/** At most this many texts go to resolvePlaceInput (it offers "did you mean" candidates); the rest are unknown. */
const FALLBACK_MAX = 100;

interface Entry {
  id: number;
  name: string;
  key: string | null;
  population: number;
  postcodes: string[];
}

async function loadEntries(db: DbOrTx): Promise<Entry[]> {
  const { rows } = await sql<Entry>`select id, lower(name) as name, municipality_key as key, population, postcodes from places`.execute(db);
  return rows;
}

/** Lower case, the punctuation of place names kept, like the service's reading of a typed place. */
const clean = (text: string) =>
  text
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}'().\/ -]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

const byPopulation = (a: Entry, b: Entry) => b.population - a.population || a.id - b.id;

class Index {
  private readonly byKey = new Map<string, Entry[]>();
  private readonly byPostcode = new Map<string, Entry[]>();
  private readonly byName = new Map<string, Entry[]>();
  /** Places whose name continues a text at a space or hyphen: „halle“ → „halle (saale)“. */
  private readonly byNameStart = new Map<string, Entry[]>();

  constructor(entries: Entry[]) {
    const add = (map: Map<string, Entry[]>, key: string, entry: Entry) => {
      const list = map.get(key);
      if (list) list.push(entry);
      else map.set(key, [entry]);
    };
    for (const entry of [...entries].sort(byPopulation)) {
      if (entry.key) add(this.byKey, entry.key, entry);
      for (const code of entry.postcodes) add(this.byPostcode, code, entry);
      add(this.byName, entry.name, entry);
      for (let i = 1; i < entry.name.length; i++) if (entry.name[i] === ' ' || entry.name[i] === '-') add(this.byNameStart, entry.name.slice(0, i), entry);
    }
  }

  /** The municipality of a key (the most populous place with it: GeoNames lists parts under the same key). */
  key(key: string, name: string | null): Answer {
    const places = this.byKey.get(key) ?? [];
    const named = name ? places.filter((p) => p.name === name) : places;
    if (named.length > 0) return { kind: 'found', id: named[0]!.id };
    return name && places.length > 0 ? { kind: 'ambiguous', ids: places.slice(0, MAX_CANDIDATES).map((p) => p.id) } : null;
  }

  postcode(code: string, namePrefix: string | undefined): Answer {
    const places = (this.byPostcode.get(code) ?? []).filter((p) => !namePrefix || p.name.startsWith(namePrefix));
    if (places.length === 1) return { kind: 'found', id: places[0]!.id };
    return places.length > 1 ? { kind: 'ambiguous', ids: places.slice(0, MAX_CANDIDATES).map((p) => p.id) } : null;
  }

  /** resolveName of the service: one exact name unless a longer name of a bigger place continues it. */
  name(name: string): Answer {
    const exact = this.byName.get(name) ?? [];
    const rows = [...exact, ...(this.byNameStart.get(name) ?? [])].slice(0, 50);
    if (exact.length === 1 && !rows.some((r) => r !== exact[0] && r.population > exact[0]!.population)) return { kind: 'found', id: exact[0]!.id };
    if (exact.length === 0 && rows.length === 1) return { kind: 'found', id: rows[0]!.id };
    return rows.length > 0 ? { kind: 'ambiguous', ids: rows.slice(0, MAX_CANDIDATES).map((r) => r.id) } : null;
  }
}

type Answer = { kind: 'found'; id: number } | { kind: 'ambiguous'; ids: number[] } | null;

const postcodeText = /^(\d{5})(?: (.+))?$/;

/** Each query's resolution, in the order given; equal queries are resolved once. */
export async function resolvePlaceQueries(ctx: Context, queries: PlaceQuery[]): Promise<PlaceResolution[]> {
  const keyOf = (q: PlaceQuery) => `${q.municipalityKey ?? ''}|${clean(q.text)}`;
  const distinct = new Map<string, PlaceQuery>();
  for (const query of queries) if (!distinct.has(keyOf(query))) distinct.set(keyOf(query), query);
  const index = new Index(distinct.size > 0 ? await loadEntries(ctx.db) : []);
  const answers = new Map<string, Answer | 'unresolved'>();
  for (const [key, query] of distinct) {
    const text = clean(query.text);
    const code = postcodeText.exec(text);
    let answer: Answer | 'unresolved';
    // With a key, the text only picks among the key's places by name (a postcode there adds nothing).
    if (query.municipalityKey) answer = index.key(query.municipalityKey, text && !/^\d/.test(text) ? text : null);
    else if (/^\d{8}$/.test(text)) answer = index.key(text, null);
    else if (code) answer = index.postcode(code[1]!, code[2]) ?? (code[2] ? 'unresolved' : null);
    else answer = /[()]/.test(text) ? 'unresolved' : (index.name(text) ?? 'unresolved');
    answers.set(key, answer);
  }
  // The rest, as the place field would read them (typo candidates included), up to a bound.
  const fallback = new Map<string, PlaceResolution>();
  for (const [key, answer] of answers) {
    if (answer !== 'unresolved') continue;
    fallback.set(key, fallback.size < FALLBACK_MAX ? await resolvePlaceInput(ctx, distinct.get(key)!.text) : { kind: 'none' });
  }
  const ids = [...answers.values()].flatMap((a) => (a === null || a === 'unresolved' ? [] : a.kind === 'found' ? [a.id] : a.ids));
  const places = new Map<number, Place>((await getPlaces(ctx, ids)).map((p) => [p.id, p]));
  const resolution = (key: string): PlaceResolution => {
    const answer = answers.get(key);
    if (answer === 'unresolved') return fallback.get(key)!;
    if (!answer) return { kind: 'none' };
    if (answer.kind === 'found') return { kind: 'found', place: places.get(answer.id)! };
    return { kind: 'ambiguous', candidates: answer.ids.map((id) => places.get(id)!) };
  };
  return queries.map((query) => resolution(keyOf(query)));
}
