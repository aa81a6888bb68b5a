import type { Context } from '../../platform/context.js';
import type { DbOrTx } from '../../platform/db/index.js';
import { ACTION_FIELDS, SECTORS, STATES, type ActionField, type Sector, type StateCode } from './model.js';
import { listedAs, listedVisibilities, type Viewer } from './policy.js';
import type { DirectoryQuery } from './search-query.js';
import { changesSince, fullLoad, pruneChanges, type IndexRow } from './directory-index-queries.js';
import { allowedEdits, editDistance, replaceLexemes, wantedLexemes, type TsqueryNode } from './tsquery.js';

/**
 * The directory's copy of every actor's words and facet values, in memory (ADR 0007). Counting a
 * search's matches and facets in PostgreSQL reads every matching row and unnests three arrays per
 * row: at 100,000 actors a common word took 150–300 ms, and even the ids alone of a word in every
 * fifth profile took 20–40 ms (a GIN index cannot answer without reading the rows). Here a search
 * text is evaluated against the words of each actor's search_vector (the lexemes PostgreSQL's
 * `german` configuration made; PostgreSQL also turns the search text into its tsquery) and the
 * counts are a loop over the matches: a few milliseconds.
 *
 * The copy stays current by reading, before each search, the actors that changed in transactions
 * committed since its last snapshot (migration 0009, `actor_changes`). A changed actor gets a new
 * slot — word lists only ever grow at their end, so they stay sorted —, and the old one is dead
 * (listed for no one). The copy is built afresh on first use, every FULL_RELOAD_MS and when a
 * quarter of it is dead.
 */

/** Similar words a misspelt one stands for at most (the closest and most frequent). */
export const SIMILAR_MAX = 10;

/** After this long the copy is built afresh (and the change log pruned); the log keeps a day. */
export const FULL_RELOAD_MS = 6 * 60 * 60 * 1000;

/** Coordinates rounded to 5 decimals (about a metre), enough for a map of Germany. */
const round5 = (degrees: number) => Math.round(degrees * 1e5) / 1e5;

/**
 * The map's GeoJSON feature of an actor (RFC 7946: a Point at [longitude, latitude]) with what the
 * popup shows and the slug its link is made of; null without valid coordinates.
 */
function mapFeature(id: number, row: IndexRow): string | null {
  const { latitude: lat, longitude: lon } = row;
  if (lat === null || lon === null || !(Math.abs(lat) <= 90 && Math.abs(lon) <= 180)) return null;
  const properties = JSON.stringify({ slug: row.slug, name: row.name, sector: row.sector, place: row.place });
  return `{"type":"Feature","id":${id},"geometry":{"type":"Point","coordinates":[${round5(lon)},${round5(lat)}]},"properties":${properties}}`;
}

const LISTING_BIT = { public: 1, members: 2 } as const;
const sectorIndex = new Map<string, number>(SECTORS.map((s, i) => [s, i]));
/** States by index; NO_STATE for an actor without a place. */
const stateIndex = new Map<string, number>(STATES.map((s, i) => [s, i]));
const NO_STATE = STATES.length;
const fieldBit = new Map<string, number>(ACTION_FIELDS.map((f, i) => [f, 1 << i]));

/** How a slot fares with a search's viewer and facets (DirectoryIndex.judge). */
const NOT_LISTED = -1;
const PASSES = 0;
const FAILS_SECTOR = 1;
const FAILS_FIELD = 2;
const FAILS_STATE = 3;
const FAILS_OFFER = 4;
const FAILS_NEED = 5;

/** The listing bits of the actors a viewer lists. */
const listableBits = (viewer: Viewer) => listedVisibilities(viewer).reduce((bits, v) => bits | (v === 'hidden' ? 0 : LISTING_BIT[v]), 0);

/** A copy of a column with room for `length` values. */
function grown<T extends Uint8Array | Uint32Array | Int32Array>(column: T, length: number): T {
  const next = new (column.constructor as new (length: number) => T)(length);
  next.set(column);
  return next;
}

/** The slots of the actors with a word, ascending (slots are only ever appended). */
class SlotList {
  slots = new Int32Array(4);
  length = 0;

  push(slot: number) {
    if (this.length === this.slots.length) this.slots = grown(this.slots, this.length * 2);
    this.slots[this.length++] = slot;
  }
}

/** Which slots a search text matches: by all words, and by the words of the name alone. */
export interface TextMatch {
  words: Uint8Array;
  names: Uint8Array;
}

export interface FacetCounts {
  total: number;
  /** Of the total, trigram matches that full text did not find. */
  fuzzy: number;
  sector: Map<Sector, number>;
  actionField: Map<ActionField, number>;
  state: Map<StateCode, number>;
  offer: Map<number, number>;
  need: Map<number, number>;
  /**
   * Ids of the matches in every selected facet: full-text ones with the words in the name (the
   * first `caps.names`), the first `caps.words` others, and the trigram ones; and all of them when
   * they are at most `caps.every` (else null).
   */
  passing: { names: number[]; words: number[]; fuzzy: number[]; every: number[] | null };
}

/** How many ids of the matches `count` lists (see FacetCounts.passing). */
export interface Caps {
  names: number;
  words: number;
  every: number;
}

export class DirectoryIndex {
  /** Slot + 1 by actor id (0: none); ids are a dense sequence, so an array beats a Map here. */
  private slotOf = new Int32Array(1024);
  private idOf = new Int32Array(1024);
  private used = 0;
  private dead = 0;
  /** Bit 1: listed as public; bit 2: listed for members; 0: listed for no one (or a dead slot). */
  private listing = new Uint8Array(1024);
  private sector = new Uint8Array(1024);
  private state = new Uint8Array(1024);
  private fields = new Uint8Array(1024);
  /** A slot's offer (need) tag ids: `tagPool[offerAt[slot] … + offerCount[slot]]`. */
  private offerAt = new Uint32Array(1024);
  private offerCount = new Uint8Array(1024);
  private needAt = new Uint32Array(1024);
  private needCount = new Uint8Array(1024);
  private tagPool = new Int32Array(4096);
  private tagPoolUsed = 0;
  /** The map's GeoJSON feature per slot (null: no coordinates). */
  private mapFeatures: (string | null)[] = [];
  /** Above every tag id in the copy: the length of a count array per tag. */
  private tagBound = 1;
  private words = new Map<string, SlotList>();
  private nameWords = new Map<string, SlotList>();
  /** The words by length: similar spellings are looked for among words of about the same length. */
  private wordsOfLength: string[][] = [];
  private snapshot: string | null = null;
  /** The counts of the whole directory (no search text) per viewer class and facets, until the next change. */
  private wholeCounts = new Map<string, FacetCounts>();
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;

  private constructor(readonly loadedAt: number) {}

  /** A copy of every actor as committed now. */
  static async load(db: DbOrTx, now: number): Promise<DirectoryIndex> {
    const index = new DirectoryIndex(now);
    index.apply((await fullLoad(db)).rows);
    return index;
  }

  /** Time to build it afresh: old, or a quarter of its slots dead. */
  due(now: number): boolean {
    return now - this.loadedAt >= FULL_RELOAD_MS || (this.dead > 1000 && this.dead * 4 > this.used);
  }

  /**
   * Brings the copy up to date with what is committed now. A call while one is under way waits for
   * it and one more (which may see a commit the first one started too early for); calls meanwhile
   * share that second one.
   */
  sync(db: DbOrTx): Promise<void> {
    if (!this.running) {
      this.running = changesSince(db, this.snapshot!)
        .then(({ rows }) => this.apply(rows))
        .finally(() => (this.running = null));
      return this.running;
    }
    this.queued ??= this.running.then(
      () => ((this.queued = null), this.sync(db)),
      () => ((this.queued = null), this.sync(db)),
    );
    return this.queued;
  }

  private apply(rows: IndexRow[]) {
    for (const row of rows) {
      if (row.changed === null) continue;
      this.wholeCounts.clear();
      const id = Number(row.changed);
      this.retire(id);
      if (row.id !== null) this.add(id, row);
    }
    if (rows[0]) this.snapshot = rows[0].snapshot;
  }

  /** The actor's slot, if any, is dead from now on. */
  private retire(id: number) {
    const slot = id < this.slotOf.length ? this.slotOf[id]! - 1 : -1;
    if (slot < 0) return;
    this.listing[slot] = 0;
    this.mapFeatures[slot] = null;
    this.slotOf[id] = 0;
    this.dead++;
  }

  private add(id: number, row: IndexRow) {
    const slot = this.used++;
    if (slot === this.listing.length) this.grow();
    if (id >= this.slotOf.length) this.slotOf = grown(this.slotOf, Math.max(id + 1, this.slotOf.length * 2));
    this.slotOf[id] = slot + 1;
    this.idOf[slot] = id;
    const listed = listedAs({ status: row.status!, visibility: row.visibility!, mergedInto: row.merged ? 1 : null });
    this.listing[slot] = listed ? LISTING_BIT[listed] : 0;
    this.sector[slot] = sectorIndex.get(row.sector ?? '') ?? sectorIndex.get('other')!;
    this.state[slot] = stateIndex.get(row.state_code ?? '') ?? NO_STATE;
    this.fields[slot] = (row.action_fields ?? []).reduce((mask, f) => mask | (fieldBit.get(f) ?? 0), 0);
    this.offerAt[slot] = this.pool(row.offer_ids);
    this.offerCount[slot] = row.offer_ids?.length ?? 0;
    this.needAt[slot] = this.pool(row.need_ids);
    this.needCount[slot] = row.need_ids?.length ?? 0;
    this.mapFeatures[slot] = mapFeature(id, row);
    const index = (lists: Map<string, SlotList>, words: string | null, byLength: string[][] | null) => {
      if (!words) return;
      for (const word of words.split(' ')) {
        let list = lists.get(word);
        if (!list) {
          // A copy of the word as the key: a substring would keep the whole row's text alive.
          const key = JSON.parse(JSON.stringify(word)) as string;
          lists.set(key, (list = new SlotList()));
          if (byLength) (byLength[key.length] ??= []).push(key);
        }
        list.push(slot);
      }
    };
    index(this.words, row.words, this.wordsOfLength);
    index(this.nameWords, row.name_words, null);
  }

  private pool(ids: number[] | null): number {
    const at = this.tagPoolUsed;
    if (!ids?.length) return at;
    if (at + ids.length > this.tagPool.length) this.tagPool = grown(this.tagPool, Math.max(at + ids.length, this.tagPool.length * 2));
    for (const id of ids) {
      this.tagPool[this.tagPoolUsed++] = id;
      if (id >= this.tagBound) this.tagBound = id + 1;
    }
    return at;
  }

  private grow() {
    const length = this.listing.length * 2;
    this.idOf = grown(this.idOf, length);
    this.listing = grown(this.listing, length);
    this.sector = grown(this.sector, length);
    this.state = grown(this.state, length);
    this.fields = grown(this.fields, length);
    this.offerAt = grown(this.offerAt, length);
    this.offerCount = grown(this.offerCount, length);
    this.needAt = grown(this.needAt, length);
    this.needCount = grown(this.needCount, length);
  }

  /** The actors in the copy. */
  get size() {
    return this.used - this.dead;
  }

  /** The slots a tsquery (null: only stop words) matches, by all words and by the name's. */
  match(tree: TsqueryNode | null): TextMatch {
    return { words: this.evaluate(tree, this.words), names: this.evaluate(tree, this.nameWords) };
  }

  /**
   * The search with every word that no actor the viewer lists has replaced by the words of the copy
   * within a few edits („quartir“ → 'quarti', „kranichstien“ → 'kranichstein': allowedEdits, the
   * closest only, at most SIMILAR_MAX each); null when no word had a similar one.
   */
  similar(tree: TsqueryNode, viewer: Viewer): TsqueryNode | null {
    const listable = listableBits(viewer);
    const listed = (list: SlotList | undefined) => {
      for (let i = 0; list && i < list.length; i++) if (this.listing[list.slots[i]!]! & listable) return true;
      return false;
    };
    const replacements = new Map<string, string[]>();
    for (const word of new Set(wantedLexemes(tree))) {
      const max = allowedEdits(word);
      if (max === 0 || listed(this.words.get(word))) continue;
      // The closest first: words two edits away only when none is one edit away.
      const found: { lexeme: string; edits: number; actors: number }[] = [];
      for (let edits = 1; edits <= max && found.length === 0; edits++) {
        for (let length = Math.max(1, word.length - edits); length <= word.length + edits; length++) {
          for (const lexeme of this.wordsOfLength[length] ?? []) {
            if (editDistance(word, lexeme, edits) > edits) continue;
            const list = this.words.get(lexeme)!;
            if (listed(list)) found.push({ lexeme, edits, actors: list.length });
          }
        }
      }
      found.sort((a, b) => a.edits - b.edits || b.actors - a.actors || (a.lexeme < b.lexeme ? -1 : 1));
      if (found.length) replacements.set(word, found.slice(0, SIMILAR_MAX).map((f) => f.lexeme));
    }
    return replacements.size ? replaceLexemes(tree, replacements) : null;
  }

  /** The slots of the given ids (matches PostgreSQL found, e.g. of a phrase). */
  slotsOf(ids: number[]): Uint8Array {
    const mask = new Uint8Array(this.used);
    for (const id of ids) {
      const slot = id < this.slotOf.length ? this.slotOf[id]! - 1 : -1;
      if (slot >= 0) mask[slot] = 1;
    }
    return mask;
  }

  private evaluate(tree: TsqueryNode | null, lists: Map<string, SlotList>): Uint8Array {
    const mask = new Uint8Array(this.used);
    if (!tree) return mask;
    if ('lexeme' in tree) {
      const list = lists.get(tree.lexeme);
      if (list) for (let i = 0; i < list.length; i++) mask[list.slots[i]!] = 1;
    } else if ('not' in tree) {
      const inner = this.evaluate(tree.not, lists);
      for (let i = 0; i < mask.length; i++) mask[i] = inner[i]! ^ 1;
    } else {
      const [a, b] = ('and' in tree ? tree.and : tree.or).map((node) => this.evaluate(node, lists)) as [Uint8Array, Uint8Array];
      if ('and' in tree) for (let i = 0; i < mask.length; i++) mask[i] = a[i]! & b[i]!;
      else for (let i = 0; i < mask.length; i++) mask[i] = a[i]! | b[i]!;
    }
    return mask;
  }

  /**
   * The result count and every facet's value counts of the matches the viewer lists: `text`, or
   * every actor when there is no search text, and the trigram candidates `fuzzy` (ids) that the
   * text did not match. Facets are disjunctive — within a facet any selected value matches; a
   * facet's counts ignore its own selection and respect the others' —, so an actor that fails
   * exactly one selected facet still counts in that facet.
   */
  count(text: TextMatch | null, fuzzy: number[], viewer: Viewer, query: DirectoryQuery, caps: Caps): FacetCounts {
    if (text || fuzzy.length) return this.countMatches(text, fuzzy, viewer, query, caps);
    const key = JSON.stringify([listableBits(viewer), query.sectors, query.actionFields, query.states, query.offers, query.needs]);
    let counts = this.wholeCounts.get(key);
    if (!counts) {
      if (this.wholeCounts.size >= 100) this.wholeCounts.clear();
      this.wholeCounts.set(key, (counts = this.countMatches(null, [], viewer, query, caps)));
    }
    return counts;
  }

  /**
   * How a slot fares with the viewer and the selected facets: NOT_LISTED (or failing two facets or
   * more), PASSES, or the one facet it fails (it then counts in that facet only: facets are
   * disjunctive).
   */
  private judge(viewer: Viewer, query: DirectoryQuery): (slot: number) => number {
    const { listing, sector, state, fields, offerAt, offerCount, needAt, needCount, tagPool } = this;
    const listable = listableBits(viewer);
    const sectorMask = query.sectors.reduce((mask, s) => mask | (1 << sectorIndex.get(s)!), 0);
    const stateMask = query.states.reduce((mask, s) => mask | (1 << stateIndex.get(s)!), 0);
    const fieldMask = query.actionFields.reduce((mask, f) => mask | fieldBit.get(f)!, 0);
    const offerSet = query.offers.length ? new Set(query.offers) : null;
    const needSet = query.needs.length ? new Set(query.needs) : null;
    const anyOf = (at: number, n: number, selected: Set<number>) => {
      for (let i = at; i < at + n; i++) if (selected.has(tagPool[i]!)) return true;
      return false;
    };
    return (slot) => {
      if (!(listing[slot]! & listable)) return NOT_LISTED;
      let failed = PASSES;
      let failures = 0;
      if (sectorMask && !(sectorMask & (1 << sector[slot]!))) (failures++, (failed = FAILS_SECTOR));
      if (fieldMask && !(fieldMask & fields[slot]!)) (failures++, (failed = FAILS_FIELD));
      if (stateMask && !(stateMask & (1 << state[slot]!))) (failures++, (failed = FAILS_STATE));
      if (offerSet && !anyOf(offerAt[slot]!, offerCount[slot]!, offerSet)) (failures++, (failed = FAILS_OFFER));
      if (needSet && !anyOf(needAt[slot]!, needCount[slot]!, needSet)) (failures++, (failed = FAILS_NEED));
      return failures > 1 ? NOT_LISTED : failed;
    };
  }

  /**
   * The map's features (JSON text, comma-separated) of the matches the viewer lists in every
   * selected facet — the actors `count` counts —, those with coordinates.
   */
  features(text: TextMatch | null, fuzzy: number[], viewer: Viewer, query: DirectoryQuery): string {
    const judge = this.judge(viewer, query);
    const parts: string[] = [];
    const add = (slot: number) => {
      const feature = this.mapFeatures[slot];
      if (feature && judge(slot) === PASSES) parts.push(feature);
    };
    const words = text?.words;
    for (let slot = 0; slot < this.used; slot++) if (!words || words[slot]) add(slot);
    for (const id of fuzzy) {
      const slot = id < this.slotOf.length ? this.slotOf[id]! - 1 : -1;
      if (slot >= 0 && !words?.[slot]) add(slot);
    }
    return parts.join(',');
  }

  private countMatches(text: TextMatch | null, fuzzy: number[], viewer: Viewer, query: DirectoryQuery, caps: Caps): FacetCounts {
    const { sector, state, fields, offerAt, offerCount, needAt, needCount, tagPool, idOf } = this;
    const judge = this.judge(viewer, query);
    const sectorCounts = new Int32Array(SECTORS.length);
    const stateCounts = new Int32Array(NO_STATE + 1);
    const fieldCounts = new Int32Array(ACTION_FIELDS.length);
    const offerCounts = new Int32Array(this.tagBound);
    const needCounts = new Int32Array(this.tagBound);
    const countFields = (mask: number) => {
      for (let i = 0; mask !== 0; i++, mask >>= 1) if (mask & 1) fieldCounts[i]!++;
    };
    const tally = (counts: Int32Array, at: number, n: number) => {
      for (let i = at; i < at + n; i++) counts[tagPool[i]!]!++;
    };

    let total = 0;
    let fuzzyTotal = 0;
    const passing: FacetCounts['passing'] = { names: [], words: [], fuzzy: [], every: [] };
    const visit = (slot: number, tier: 0 | 1) => {
      const failed = judge(slot);
      if (failed === NOT_LISTED) return;
      if (failed === PASSES) {
        total++;
        if (total <= caps.every) passing.every!.push(idOf[slot]!);
        if (tier === 1) (fuzzyTotal++, passing.fuzzy.push(idOf[slot]!));
        else if (text) {
          if (text.names[slot] && passing.names.length < caps.names) passing.names.push(idOf[slot]!);
          else if (passing.words.length < caps.words) passing.words.push(idOf[slot]!);
        }
      }
      if (failed === PASSES || failed === FAILS_SECTOR) sectorCounts[sector[slot]!]!++;
      if (failed === PASSES || failed === FAILS_FIELD) countFields(fields[slot]!);
      if (failed === PASSES || failed === FAILS_STATE) stateCounts[state[slot]!]!++;
      if (failed === PASSES || failed === FAILS_OFFER) tally(offerCounts, offerAt[slot]!, offerCount[slot]!);
      if (failed === PASSES || failed === FAILS_NEED) tally(needCounts, needAt[slot]!, needCount[slot]!);
    };
    const words = text?.words;
    for (let slot = 0; slot < this.used; slot++) if (!words || words[slot]) visit(slot, 0);
    for (const id of fuzzy) {
      const slot = id < this.slotOf.length ? this.slotOf[id]! - 1 : -1;
      if (slot >= 0 && !words?.[slot]) visit(slot, 1);
    }
    if (total > caps.every) passing.every = null;
    const byName = <T extends string>(names: readonly T[], counts: Int32Array) => new Map(names.map((n, i) => [n, counts[i]!]));
    const nonZero = (counts: Int32Array) => {
      const found = new Map<number, number>();
      for (let tag = 0; tag < counts.length; tag++) if (counts[tag]) found.set(tag, counts[tag]!);
      return found;
    };
    return {
      total,
      fuzzy: fuzzyTotal,
      sector: byName(SECTORS, sectorCounts),
      actionField: byName(ACTION_FIELDS, fieldCounts),
      state: byName(STATES, stateCounts),
      offer: nonZero(offerCounts),
      need: nonZero(needCounts),
      passing,
    };
  }
}

/** The copy of a database handle, and its successor while that is being built. */
interface Kept {
  index: Promise<DirectoryIndex>;
  rebuilding: boolean;
}

const kept = new WeakMap<object, Kept>();

/**
 * The copy for a database handle, current as of now (`sync: false`: as of the last search, for a
 * second step of the same search). The first search builds it (≈ 3 s at 100,000
 * actors); a due rebuild happens in the background while the old copy serves. A transaction gets
 * one of its own, read afresh: it may see its own uncommitted writes, which must not reach the
 * shared copy.
 */
export async function currentDirectoryIndex(ctx: Context, options: { sync?: boolean } = {}): Promise<DirectoryIndex> {
  const { db } = ctx;
  const now = ctx.clock.now().getTime();
  if (db.isTransaction) return DirectoryIndex.load(db, now);
  let entry = kept.get(db);
  if (!entry) {
    entry = { index: DirectoryIndex.load(db, now), rebuilding: false };
    kept.set(db, entry);
    entry.index.catch(() => kept.delete(db));
  }
  const index = await entry.index;
  if (index.due(now) && !entry.rebuilding) rebuild(ctx, entry, now);
  if (options.sync !== false) await index.sync(db);
  return index;
}

function rebuild(ctx: Context, entry: Kept, now: number) {
  entry.rebuilding = true;
  void pruneChanges(ctx.db)
    .then(() => DirectoryIndex.load(ctx.db, now))
    .then((fresh) => (entry.index = Promise.resolve(fresh)))
    .catch((error: unknown) => ctx.log.error({ err: error }, 'directory index: rebuild failed'))
    .finally(() => (entry.rebuilding = false));
}
