import type { Context } from '../../platform/context.js';
import { loadMatchingActors, loadMatchingTags, matchingChangesSince, SECTORS, type MatchingActor, type MatchingTag, type Sector } from '../actors/service.js';
import { DAY_MS } from './model.js';
import { intersection, push, sortedUnique } from './sorted-ids.js';
import { preferenceFeed, tieFeed, type PreferenceFeedRow, type TieFeedRow } from './queries.js';
import {
  activity,
  closeness,
  fieldMask,
  fieldOverlap,
  haversineKm,
  pairScaleKm,
  RARE_PAIR_BONUS,
  sectorBonusTable,
  setCosine,
  WEIGHT_KEYS,
  type Components,
  type Weights,
} from './scoring.js';

/**
 * The partner suggestions' copy of the network, in memory: per actor its sector, fields, place,
 * offers and needs (tag ids and stemmed words), and the active ties as adjacency lists. Ranking
 * one actor's partners reads only the actors that share a tag or word with it, sit nearby or are
 * two ties away (inverted lists), so it takes milliseconds at 100,000 actors and 1,000,000 ties
 * where SQL would join and sort the whole candidate set per request.
 *
 * It stays current like the directory index (ADR 0007): before each use it reads the actors
 * changed since its snapshot (actor_changes) and the ties and preferences whose row was written
 * by a transaction committed since (their xid column). A changed actor gets a new slot; the old
 * one is dead. Built afresh every FULL_RELOAD_MS or when a quarter of the slots are dead.
 */

export const FULL_RELOAD_MS = 6 * 60 * 60 * 1000;
/** Inverted lists longer than this share of the actors are too common to generate candidates (the score still counts them). */
const COMMON_WORD_SHARE = 0.05;
/** Grid cell for the nearby candidates: 0.25° latitude ≈ 28 km. */
const CELL_DEGREES = 0.25;
/** Nearby candidates taken from the 3×3 cells around an actor, at most. */
const NEARBY_MAX = 3000;
/** Neighbours of a common contact walked for warm paths, at most. */
const WARM_FANOUT = 2000;
const RECENT_MS = 90 * 24 * 3600 * 1000;

const FLAG_PUBLIC = 1;
const FLAG_MEMBERS = 2;
const FLAG_SUGGESTIBLE = 4;
const FLAG_CONTACTABLE = 8;
const FLAG_ALIVE = 16;
const TIES_VIS = { none: 0, members: 1, public: 2 } as const;

const sectorIndex = new Map<string, number>(SECTORS.map((s, i) => [s, i]));

export interface SuggestQuery {
  /** The actor to find partners for. */
  actorId: number;
  /** Actor ids never to suggest (the member's own organisations, open or declined introductions, dismissals …). */
  exclude: Set<number>;
  /** Signed-in viewers also see members-only profiles. */
  member: boolean;
  limit: number;
  weights: Weights;
  now: number;
  sector?: Sector;
  actionField?: string;
  maxKm?: number;
}

export interface RankedPartner {
  actorId: number;
  slug: string;
  name: string;
  sector: Sector;
  score: number;
  components: Components;
  /** Tag ids the partner offers that the actor needs, and the other way round. */
  offersYouNeed: number[];
  needsYouOffer: number[];
  /** Stemmed words shared by needs and offers/expertise beyond the shared tags. */
  similarWords: string[];
  sharedFieldMask: number;
  distanceKm: number | null;
  /** A common tie who can introduce them (listed, ties visible). */
  commonContact: { actorId: number; slug: string; name: string } | null;
  recentlyActive: boolean;
  rarePair: boolean;
  sectorBonus: number;
}

export interface IndexStats {
  actors: number;
  slots: number;
  ties: number;
  loadMs: number;
}

export class PartnerIndex {
  private slotOf = new Map<number, number>();
  private ids: number[] = [];
  private slugs: string[] = [];
  private names: string[] = [];
  private sector = new Uint8Array(1024);
  private fields = new Uint8Array(1024);
  private flags = new Uint8Array(1024);
  private tiesVis = new Uint8Array(1024);
  private lat = new Float64Array(1024);
  private lon = new Float64Array(1024);
  private updated = new Float64Array(1024);
  /** Latest of profile change and tie start, per slot; its activity component, refreshed once a day. */
  private lastActive = new Float64Array(1024);
  private activityOf = new Float32Array(1024);
  private activityDay = -1;
  /** The time the activity components were computed for (the first ranking of their day). */
  private activityNow = 0;
  /** 1/√(set size) of offers, needs and their words per slot (0 for an empty set): cosines without a root per candidate. */
  private invOffers = new Float32Array(1024);
  private invNeeds = new Float32Array(1024);
  private invOfferWords = new Float32Array(1024);
  private invNeedWords = new Float32Array(1024);
  /** Scratch for one ranking: the candidates met, those excluded, the contact of a warm path (actor id + 1). */
  private touched = new Int32Array(1024);
  private blocked = new Uint8Array(1024);
  private warmVia = new Float64Array(1024);
  private offers: Int32Array[] = [];
  private needs: Int32Array[] = [];
  private offerWords: Int32Array[] = [];
  private needWords: Int32Array[] = [];
  private used = 0;
  private dead = 0;

  private offerPost = new Map<number, number[]>();
  private needPost = new Map<number, number[]>();
  private offerWordPost = new Map<number, number[]>();
  private needWordPost = new Map<number, number[]>();
  private grid = new Map<number, number[]>();

  private wordId = new Map<string, number>();
  private words: string[] = [];
  private tagWords = new Map<number, number[]>();

  /** Active ties: neighbour actor ids per actor id (a pair tied twice appears twice). */
  private adjacency = new Map<number, number[]>();
  private activeTies = new Map<number, [number, number]>();
  private lastTie = new Map<number, number>();
  private sectorPairs = new Float64Array(SECTORS.length * SECTORS.length);
  private sectorBonus: Float64Array<ArrayBufferLike> = new Float64Array(SECTORS.length * SECTORS.length);
  private sectorsChanged = false;
  private preferences = new Map<number, { suggestible: boolean; contactable: boolean; tiesVisibility: number }>();

  private actorSnapshot = '';
  private tieSnapshot = '';
  private preferenceSnapshot = '';
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;

  // Scratch space for one ranking (reset after use).
  private needHits = new Int32Array(1024);
  private offerHits = new Int32Array(1024);
  private needWordHits = new Int32Array(1024);
  private offerWordHits = new Int32Array(1024);
  private seen = new Uint8Array(1024);

  private constructor(
    readonly loadedAt: number,
    private loadMs = 0,
  ) {}

  static async load(ctx: Context): Promise<PartnerIndex> {
    const started = performance.now();
    const index = new PartnerIndex(ctx.clock.now().getTime());
    const [tags, preferences] = await Promise.all([loadMatchingTags(ctx), preferenceFeed(ctx.db, null)]);
    index.applyTags(tags);
    index.applyPreferences(preferences);
    const actors = await loadMatchingActors(ctx);
    index.actorSnapshot = actors.snapshot;
    for (const actor of actors.actors) index.add(actor);
    index.applyTies(await tieFeed(ctx.db, null));
    index.recountSectorPairs();
    index.loadMs = performance.now() - started;
    return index;
  }

  due(now: number): boolean {
    return now - this.loadedAt >= FULL_RELOAD_MS || (this.dead > 1000 && this.dead * 4 > this.used);
  }

  stats(): IndexStats {
    return { actors: this.slotOf.size, slots: this.used, ties: this.activeTies.size, loadMs: Math.round(this.loadMs) };
  }

  /** Brings the copy up to date (concurrent calls share one more round, as in the directory index). */
  sync(ctx: Context): Promise<void> {
    if (!this.running) {
      this.running = this.syncOnce(ctx).finally(() => (this.running = null));
      return this.running;
    }
    this.queued ??= this.running.then(
      () => ((this.queued = null), this.sync(ctx)),
      () => ((this.queued = null), this.sync(ctx)),
    );
    return this.queued;
  }

  private async syncOnce(ctx: Context) {
    const [actors, ties, preferences] = await Promise.all([
      matchingChangesSince(ctx, this.actorSnapshot),
      tieFeed(ctx.db, this.tieSnapshot),
      preferenceFeed(ctx.db, this.preferenceSnapshot),
    ]);
    const unknownTags = new Set<number>();
    for (const actor of actors.actors) for (const id of [...actor.offerIds, ...actor.needIds]) if (!this.tagWords.has(id)) unknownTags.add(id);
    if (unknownTags.size > 0) this.applyTags(await loadMatchingTags(ctx, [...unknownTags]));
    this.applyPreferences(preferences);
    for (const id of actors.deleted) this.retire(id);
    for (const actor of actors.actors) {
      this.retire(actor.id);
      this.add(actor);
    }
    if (actors.snapshot) this.actorSnapshot = actors.snapshot;
    this.applyTies(ties);
    this.refreshSectorBonus();
  }

  private applyTags(tags: MatchingTag[]) {
    for (const tag of tags) this.tagWords.set(tag.id, tag.words.map((w) => this.word(w)));
  }

  private word(text: string): number {
    let id = this.wordId.get(text);
    if (id === undefined) {
      id = this.words.length;
      this.words.push(text);
      this.wordId.set(text, id);
    }
    return id;
  }

  private applyPreferences(rows: PreferenceFeedRow[]) {
    for (const row of rows) {
      if (row.actor_id === null) continue;
      const prefs = { suggestible: row.suggestible !== false, contactable: row.contactable !== false, tiesVisibility: TIES_VIS[row.ties_visibility ?? 'members'] };
      this.preferences.set(row.actor_id, prefs);
      const slot = this.slotOf.get(row.actor_id);
      if (slot !== undefined) this.setPreferenceFlags(slot, prefs);
    }
    if (rows[0]) this.preferenceSnapshot = rows[0].snapshot;
  }

  private setPreferenceFlags(slot: number, prefs: { suggestible: boolean; contactable: boolean; tiesVisibility: number }) {
    let flags = this.flags[slot]! & ~(FLAG_SUGGESTIBLE | FLAG_CONTACTABLE);
    if (prefs.suggestible) flags |= FLAG_SUGGESTIBLE;
    if (prefs.contactable) flags |= FLAG_CONTACTABLE;
    this.flags[slot] = flags;
    this.tiesVis[slot] = prefs.tiesVisibility;
  }

  private applyTies(rows: TieFeedRow[]) {
    for (const row of rows) {
      if (row.id === null) continue;
      // A changed tie leaves the copy as it was known, then comes back as it is now (a merge may
      // have moved it to another actor, so its sector pair is counted afresh).
      const known = this.activeTies.get(row.id);
      if (known) {
        this.unlink(known[0], known[1]);
        this.unlink(known[1], known[0]);
        this.activeTies.delete(row.id);
        this.countPair(known[0], known[1], -1);
      }
      if (row.status !== 'active') continue;
      const [a, b] = [row.actor_a!, row.actor_b!];
      this.activeTies.set(row.id, [a, b]);
      push(this.adjacency, a, b);
      push(this.adjacency, b, a);
      const since = row.since ? Date.parse(row.since) : 0;
      for (const id of [a, b]) {
        if (since <= (this.lastTie.get(id) ?? 0)) continue;
        this.lastTie.set(id, since);
        const slot = this.slotOf.get(id);
        if (slot !== undefined && since > this.lastActive[slot]!) {
          this.lastActive[slot] = since;
          this.activityOf[slot] = activity(this.activityNow - since);
        }
      }
      this.countPair(a, b, 1);
    }
    if (rows[0]) this.tieSnapshot = rows[0].snapshot;
  }

  private unlink(from: number, to: number) {
    const list = this.adjacency.get(from);
    if (!list) return;
    const at = list.indexOf(to);
    if (at >= 0) list.splice(at, 1);
  }

  private countPair(a: number, b: number, delta: number) {
    const sa = this.slotOf.get(a);
    const sb = this.slotOf.get(b);
    if (sa === undefined || sb === undefined) return;
    const n = SECTORS.length;
    const i = this.sector[sa]!;
    const j = this.sector[sb]!;
    this.sectorPairs[i * n + j]! += delta;
    if (i !== j) this.sectorPairs[j * n + i]! += delta;
    this.sectorsChanged = true;
  }

  /** The sector bonus table, recomputed once after a sync that changed tie counts (not per tie). */
  private refreshSectorBonus() {
    if (!this.sectorsChanged) return;
    this.sectorBonus = sectorBonusTable(SECTORS, this.sectorPairs);
    this.sectorsChanged = false;
  }

  private recountSectorPairs() {
    this.sectorPairs.fill(0);
    const n = SECTORS.length;
    for (const [a, b] of this.activeTies.values()) {
      const sa = this.slotOf.get(a);
      const sb = this.slotOf.get(b);
      if (sa === undefined || sb === undefined) continue;
      const i = this.sector[sa]!;
      const j = this.sector[sb]!;
      this.sectorPairs[i * n + j]! += 1;
      if (i !== j) this.sectorPairs[j * n + i]! += 1;
    }
    this.sectorBonus = sectorBonusTable(SECTORS, this.sectorPairs);
  }

  /** The tie counts per sector pair (row-major over SECTORS), for reports. */
  sectorPairCounts(): Float64Array {
    return this.sectorPairs.slice();
  }

  private retire(id: number) {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.flags[slot] = 0;
    this.slotOf.delete(id);
    this.dead++;
  }

  private grow() {
    const size = this.flags.length * 2;
    const grown = <T extends Uint8Array | Float64Array | Float32Array | Int32Array>(a: T): T => {
      const next = new (a.constructor as new (n: number) => T)(size);
      next.set(a);
      return next;
    };
    this.sector = grown(this.sector);
    this.fields = grown(this.fields);
    this.flags = grown(this.flags);
    this.tiesVis = grown(this.tiesVis);
    this.lat = grown(this.lat);
    this.lon = grown(this.lon);
    this.updated = grown(this.updated);
    this.lastActive = grown(this.lastActive);
    this.activityOf = grown(this.activityOf);
    this.invOffers = grown(this.invOffers);
    this.invNeeds = grown(this.invNeeds);
    this.invOfferWords = grown(this.invOfferWords);
    this.invNeedWords = grown(this.invNeedWords);
    this.touched = grown(this.touched);
    this.blocked = grown(this.blocked);
    this.warmVia = grown(this.warmVia);
    this.needHits = grown(this.needHits);
    this.offerHits = grown(this.offerHits);
    this.needWordHits = grown(this.needWordHits);
    this.offerWordHits = grown(this.offerWordHits);
    this.seen = grown(this.seen);
  }

  private add(actor: MatchingActor) {
    const slot = this.used++;
    if (slot === this.flags.length) this.grow();
    this.slotOf.set(actor.id, slot);
    this.ids[slot] = actor.id;
    this.slugs[slot] = actor.slug;
    this.names[slot] = actor.name;
    this.sector[slot] = sectorIndex.get(actor.sector) ?? SECTORS.length - 1;
    this.fields[slot] = fieldMask(actor.actionFields);
    let flags = FLAG_ALIVE;
    if (actor.listed && actor.visibility === 'public') flags |= FLAG_PUBLIC | FLAG_MEMBERS;
    if (actor.listed && actor.visibility === 'members') flags |= FLAG_MEMBERS;
    this.flags[slot] = flags;
    this.setPreferenceFlags(slot, this.preferences.get(actor.id) ?? { suggestible: true, contactable: true, tiesVisibility: TIES_VIS.members });
    const located = actor.latitude !== null && actor.longitude !== null;
    this.lat[slot] = located ? actor.latitude! : NaN;
    this.lon[slot] = located ? actor.longitude! : NaN;
    this.updated[slot] = actor.updatedAt.getTime();
    this.lastActive[slot] = Math.max(this.updated[slot]!, this.lastTie.get(actor.id) ?? 0);
    this.activityOf[slot] = activity(this.activityNow - this.lastActive[slot]!);
    const offers = sortedUnique(actor.offerIds);
    const needs = sortedUnique(actor.needIds);
    this.offers[slot] = offers;
    this.needs[slot] = needs;
    const offerWords = sortedUnique([...[...offers].flatMap((t) => this.tagWords.get(t) ?? []), ...actor.expertiseWords.map((w) => this.word(w))]);
    const needWords = sortedUnique([...needs].flatMap((t) => this.tagWords.get(t) ?? []));
    this.offerWords[slot] = offerWords;
    this.needWords[slot] = needWords;
    const inv = (n: number) => (n === 0 ? 0 : 1 / Math.sqrt(n));
    this.invOffers[slot] = inv(offers.length);
    this.invNeeds[slot] = inv(needs.length);
    this.invOfferWords[slot] = inv(offerWords.length);
    this.invNeedWords[slot] = inv(needWords.length);
    if ((flags & FLAG_MEMBERS) === 0) return; // never a candidate: no need to be found
    for (const t of offers) push(this.offerPost, t, slot);
    for (const t of needs) push(this.needPost, t, slot);
    for (const w of offerWords) push(this.offerWordPost, w, slot);
    for (const w of needWords) push(this.needWordPost, w, slot);
    if (located) push(this.grid, this.cell(actor.latitude!, actor.longitude!), slot);
  }

  private cell(lat: number, lon: number): number {
    return Math.floor((lat + 90) / CELL_DEGREES) * 10_000 + Math.floor((lon + 180) / CELL_DEGREES);
  }

  /** Whether an actor is in the copy and listed (public or members-only). */
  has(actorId: number): boolean {
    const slot = this.slotOf.get(actorId);
    return slot !== undefined && (this.flags[slot]! & FLAG_MEMBERS) !== 0;
  }

  /** What the copy knows of an actor's willingness: suggestible, contactable, ties visibility. */
  preferencesOf(actorId: number) {
    return this.preferences.get(actorId) ?? { suggestible: true, contactable: true, tiesVisibility: TIES_VIS.members };
  }

  /** The actor's partners, best first (empty when the actor is not in the copy). */
  /** The activity component of every slot as of `now`'s day (recomputed at most once a day or after a change). */
  private refreshActivity(now: number) {
    const day = Math.floor(now / DAY_MS);
    if (day === this.activityDay) return;
    for (let slot = 0; slot < this.used; slot++) this.activityOf[slot] = activity(now - this.lastActive[slot]!);
    this.activityDay = day;
    this.activityNow = now;
  }

  suggest(query: SuggestQuery): RankedPartner[] {
    const source = this.slotOf.get(query.actorId);
    if (source === undefined || query.limit <= 0) return [];
    this.refreshActivity(query.now);
    const { seen, touched, needHits, offerHits, needWordHits, offerWordHits, blocked, warmVia } = this;
    let count = 0;
    const commonLimit = Math.max(200, this.slotOf.size * COMMON_WORD_SHARE);
    // Walk the inverted lists: who offers what I need, needs what I offer, shares my words.
    const walk = (posts: Map<number, number[]>, keys: Int32Array, hits: Int32Array, capped: boolean) => {
      for (let i = 0; i < keys.length; i++) {
        const list = posts.get(keys[i]!);
        if (list === undefined || (capped && list.length > commonLimit)) continue;
        for (let j = 0; j < list.length; j++) {
          const slot = list[j]!;
          hits[slot]!++;
          if (seen[slot] === 0) {
            seen[slot] = 1;
            touched[count++] = slot;
          }
        }
      }
    };
    walk(this.offerPost, this.needs[source]!, needHits, false);
    walk(this.needPost, this.offers[source]!, offerHits, false);
    walk(this.offerWordPost, this.needWords[source]!, needWordHits, true);
    walk(this.needWordPost, this.offerWords[source]!, offerWordHits, true);
    const touch = (slot: number) => {
      if (seen[slot] === 0) {
        seen[slot] = 1;
        touched[count++] = slot;
      }
    };

    const sLat = this.lat[source]!;
    const sLon = this.lon[source]!;
    const located = !Number.isNaN(sLat);
    if (located) {
      let taken = 0;
      const center = this.cell(sLat, sLon);
      for (const dy of [0, -1, 1]) {
        for (const dx of [0, -1, 1]) {
          for (const slot of this.grid.get(center + dy * 10_000 + dx) ?? []) {
            if (taken++ >= NEARBY_MAX) break;
            touch(slot);
          }
        }
      }
    }

    // Warm paths: partners of partners, through a contact who is listed and shows its ties.
    const myId = query.actorId;
    const neighbours = this.adjacency.get(myId) ?? [];
    const marked: number[] = [];
    for (const contact of neighbours) {
      const cs = this.slotOf.get(contact);
      if (cs === undefined || (this.flags[cs]! & FLAG_MEMBERS) === 0 || this.tiesVis[cs] === 0) continue;
      const second = this.adjacency.get(contact) ?? [];
      for (let k = 0; k < second.length && k < WARM_FANOUT; k++) {
        const os = this.slotOf.get(second[k]!);
        if (os === undefined || os === source || warmVia[os] !== 0 || this.tiesVis[os] === 0) continue;
        warmVia[os] = contact + 1;
        marked.push(os);
        touch(os);
      }
    }
    // Existing ties and the caller's exclusions are blocked by slot (no set lookups in the loop).
    const blockedSlots: number[] = [source];
    for (const id of [...neighbours, ...query.exclude]) {
      const slot = this.slotOf.get(id);
      if (slot !== undefined) blockedSlots.push(slot);
    }
    for (const slot of blockedSlots) blocked[slot] = 1;

    const listedBit = query.member ? FLAG_MEMBERS : FLAG_PUBLIC;
    // Only actors that may be suggested and contacted: a suggestion is an invitation to ask.
    const wanted = FLAG_ALIVE | FLAG_SUGGESTIBLE | FLAG_CONTACTABLE | listedBit;
    const filterSector = query.sector === undefined ? -1 : (sectorIndex.get(query.sector) ?? -2);
    const filterField = query.actionField === undefined ? 0 : fieldMask([query.actionField]) || -1;
    const maxKm2 = query.maxKm === undefined ? Infinity : query.maxKm * query.maxKm;
    const n = SECTORS.length;
    const mySector = this.sector[source]!;
    const myFields = this.fields[source]!;
    const w = query.weights;
    const myInvNeeds = this.invNeeds[source]!;
    const myInvOffers = this.invOffers[source]!;
    const myInvNeedWords = this.invNeedWords[source]!;
    const myInvOfferWords = this.invOfferWords[source]!;
    // Equirectangular distance (squared, km²): within Germany it differs from the great circle by
    // well under 1 %; the reasons give the exact figure (explain).
    const kmPerDegree = 111.195;
    const lonFactor = Math.cos((sLat * Math.PI) / 180);
    const closenessTable = this.closenessTable(myFields);
    const overlapTable = this.overlapTable(myFields);
    const bonusRow = mySector * n;

    const k = query.limit;
    const topSlots = new Int32Array(k + 1);
    const topScores = new Float64Array(k + 1);
    let size = 0;
    for (let i = 0; i < count; i++) {
      const slot = touched[i]!;
      const needHit = needHits[slot]!;
      const offerHit = offerHits[slot]!;
      const needWordHit = needWordHits[slot]!;
      const offerWordHit = offerWordHits[slot]!;
      needHits[slot] = 0;
      offerHits[slot] = 0;
      needWordHits[slot] = 0;
      offerWordHits[slot] = 0;
      seen[slot] = 0;
      if (blocked[slot] === 1 || (this.flags[slot]! & wanted) !== wanted) continue;
      if (filterSector !== -1 && this.sector[slot] !== filterSector) continue;
      const theirFields = this.fields[slot]!;
      if (filterField !== 0 && (filterField === -1 || (theirFields & filterField) === 0)) continue;
      let closeness = 0;
      const lat = this.lat[slot]!;
      if (located && lat === lat) {
        const dy = lat - sLat;
        const dx = (this.lon[slot]! - sLon) * lonFactor;
        const d2 = (dx * dx + dy * dy) * kmPerDegree * kmPerDegree;
        if (d2 > maxKm2) continue;
        closeness = 1 / (1 + d2 * closenessTable[theirFields]!);
      } else if (maxKm2 !== Infinity) continue;
      const needFit = needHit * myInvNeeds * this.invOffers[slot]!;
      const offerFit = offerHit * myInvOffers * this.invNeeds[slot]!;
      const text = needWordHit * myInvNeedWords * this.invOfferWords[slot]! + offerWordHit * myInvOfferWords * this.invNeedWords[slot]!;
      const score =
        w.complement * (needFit + offerFit) * 0.5 +
        (needFit > 0 && offerFit > 0 ? w.reciprocity * Math.sqrt(needFit * offerFit) : 0) +
        w.text * text * 0.5 +
        w.fields * overlapTable[theirFields]! +
        w.sector * this.sectorBonus[bonusRow + this.sector[slot]!]! +
        (warmVia[slot] !== 0 ? w.warmPath : 0) +
        w.activity * this.activityOf[slot]! +
        w.distance * closeness;
      if (size === k && (score < topScores[k - 1]! || (score === topScores[k - 1]! && this.ids[slot]! > this.ids[topSlots[k - 1]!]!))) continue;
      let at = size;
      while (at > 0 && (topScores[at - 1]! < score || (topScores[at - 1]! === score && this.ids[topSlots[at - 1]!]! > this.ids[slot]!))) {
        topScores[at] = topScores[at - 1]!;
        topSlots[at] = topSlots[at - 1]!;
        at--;
      }
      topScores[at] = score;
      topSlots[at] = slot;
      if (size < k) size++;
    }
    const warm = new Map<number, number>();
    for (let i = 0; i < size; i++) {
      const via = warmVia[topSlots[i]!]!;
      if (via !== 0) warm.set(this.ids[topSlots[i]!]!, via - 1);
    }
    for (const slot of marked) warmVia[slot] = 0;
    for (const slot of blockedSlots) blocked[slot] = 0;
    return Array.from({ length: size }, (_, i) => this.explain(source, topSlots[i]!, topScores[i]!, warm, query));
  }

  /** Per partner field mask: 1/scale² of the pair (closeness = 1 / (1 + d²/s²)). */
  private closenessTable(myFields: number): Float64Array {
    return Float64Array.from({ length: 16 }, (_, theirs) => {
      const scale = pairScaleKm(myFields, theirs);
      return 1 / (scale * scale);
    });
  }

  private overlapTable(myFields: number): Float64Array {
    return Float64Array.from({ length: 16 }, (_, theirs) => fieldOverlap(myFields, theirs));
  }

  /** The reason components of one ranked partner (only for the few shown). */
  private explain(source: number, slot: number, score: number, warm: Map<number, number>, query: SuggestQuery): RankedPartner {
    const n = SECTORS.length;
    const id = this.ids[slot]!;
    const offersYouNeed = intersection(this.needs[source]!, this.offers[slot]!);
    const needsYouOffer = intersection(this.offers[source]!, this.needs[slot]!);
    const tagWordSet = new Set([...offersYouNeed, ...needsYouOffer].flatMap((t) => this.tagWords.get(t) ?? []));
    const similar = [...intersection(this.needWords[source]!, this.offerWords[slot]!), ...intersection(this.offerWords[source]!, this.needWords[slot]!)]
      .filter((word) => !tagWordSet.has(word))
      .map((word) => this.words[word]!);
    const located = !Number.isNaN(this.lat[source]!) && !Number.isNaN(this.lat[slot]!);
    const distanceKm = located ? haversineKm(this.lat[source]!, this.lon[source]!, this.lat[slot]!, this.lon[slot]!) : null;
    const myNeeds = this.needs[source]!;
    const myOffers = this.offers[source]!;
    const needFit = setCosine(offersYouNeed.length, myNeeds.length, this.offers[slot]!.length);
    const offerFit = setCosine(needsYouOffer.length, myOffers.length, this.needs[slot]!.length);
    const textNeed = setCosine(intersection(this.needWords[source]!, this.offerWords[slot]!).length, this.needWords[source]!.length, this.offerWords[slot]!.length);
    const textOffer = setCosine(intersection(this.offerWords[source]!, this.needWords[slot]!).length, this.offerWords[source]!.length, this.needWords[slot]!.length);
    const contact = warm.get(id);
    const contactSlot = contact === undefined ? undefined : this.slotOf.get(contact);
    const last = Math.max(this.updated[slot]!, this.lastTie.get(id) ?? 0);
    const sectorBonus = this.sectorBonus[this.sector[source]! * n + this.sector[slot]!]!;
    const components: Components = {
      complement: (needFit + offerFit) / 2,
      reciprocity: Math.sqrt(needFit * offerFit),
      text: (textNeed + textOffer) / 2,
      fields: fieldOverlap(this.fields[source]!, this.fields[slot]!),
      sector: sectorBonus,
      distance: distanceKm === null ? 0 : closeness(distanceKm, pairScaleKm(this.fields[source]!, this.fields[slot]!)),
      warmPath: contact === undefined ? 0 : 1,
      activity: activity(query.now - last),
    };
    for (const key of WEIGHT_KEYS) components[key] = Math.round(components[key] * 1000) / 1000;
    return {
      actorId: id,
      slug: this.slugs[slot]!,
      name: this.names[slot]!,
      sector: SECTORS[this.sector[slot]!]!,
      score: Math.round(score * 1000) / 1000,
      components,
      offersYouNeed,
      needsYouOffer,
      similarWords: [...new Set(similar)].slice(0, 5),
      sharedFieldMask: this.fields[source]! & this.fields[slot]!,
      distanceKm: distanceKm === null ? null : Math.round(distanceKm),
      commonContact: contact !== undefined && contactSlot !== undefined ? { actorId: contact, slug: this.slugs[contactSlot]!, name: this.names[contactSlot]! } : null,
      recentlyActive: query.now - last < RECENT_MS,
      rarePair: this.sector[source] !== this.sector[slot] && sectorBonus >= RARE_PAIR_BONUS,
      sectorBonus,
    };
  }

  /** The ids of every listed actor (the whole-network batch walks them). */
  listedActorIds(): number[] {
    const out: number[] = [];
    for (const [id, slot] of this.slotOf) if ((this.flags[slot]! & FLAG_MEMBERS) !== 0) out.push(id);
    return out.sort((a, b) => a - b);
  }

  /** Active tie partners of an actor (with multiplicity removed). */
  neighboursOf(actorId: number): number[] {
    return [...new Set(this.adjacency.get(actorId) ?? [])];
  }

  /** The snapshot of the actors' feed, for tests that wait for a commit to be seen. */
  get snapshot() {
    return this.actorSnapshot;
  }
}
