import { sql } from 'kysely';
import { Random } from '../../platform/random.js';
import { inTransaction, type Context } from '../../platform/context.js';
import { randomPlacesByPopulation, type Place } from '../places/service.js';
import { DESCRIPTION_SENTENCES, DISTRICTS, EXPERTISE, FIRST_NAMES, FREE_TAGS, LAST_NAMES, NAME_PATTERNS, RURAL_PATTERNS, TAG_AFFINITY, VERBS, aims } from './demo-words.js';
import { SECTORS, type ActionField, type Sector, type Visibility } from './model.js';
import type { ActorValues } from './queries.js';
import { vocabularySeed } from './seed.js';
import { slugBase } from './slugs.js';
import { findOrCreateTagIds, normalizeTagLabel } from './tags.js';
import { listVocabulary } from './vocabulary.js';

/**
 * A realistic synthetic network for demos, tests and benchmarks (`npm run cli -- demo --actors N`):
 * real places drawn by population, a plausible sector mix, action fields that fit the place's
 * size, offers and needs from the shared vocabulary (created when there is none) plus some free
 * tags. The content is the same for the same seed; slugs get a suffix beyond every existing id,
 * so running it again adds new actors.
 */

export interface DemoOptions {
  count: number;
  seed?: number;
  /**
   * Complementary pairs to plant for the partner suggestions: actor A offers what B needs and
   * needs what B offers, in different sectors, a few kilometres apart at the same place and with
   * an action field in common (the last 2 × plantPairs actors). 0 by default.
   */
  plantPairs?: number;
}

export interface PlantedPair {
  a: string;
  b: string;
  aId: number;
  bId: number;
  offer: string;
  need: string;
}

export interface DemoResult {
  created: number;
  pairs: PlantedPair[];
}

/** PostgreSQL-side statements stay well under PGlite's 32,768 bind parameters (≈ 22 per row). */
const BATCH = 500;
export const DEMO_MAX = 1_000_000;
const SECTOR_WEIGHTS: Record<Sector, number> = { civil_society: 30, welfare: 18, creative_culture: 17, municipality: 15, housing_industry: 12, other: 8 };
const VISIBILITY_WEIGHTS: Record<Visibility, number> = { public: 90, members: 8, hidden: 2 };


interface Term {
  id: number;
  label: string;
  offer: Sector[];
  need: Sector[];
}

export async function generateDemoActors(ctx: Context, options: DemoOptions): Promise<DemoResult> {
  const count = Math.max(0, Math.min(DEMO_MAX, Math.floor(options.count)));
  const seed = options.seed ?? 1;
  const random = new Random(seed);
  const places = await randomPlacesByPopulation(ctx, count, seed);
  if (places.length < count) throw new Error('demo: the gazetteer is empty – run the seed first (npm run cli -- seed)');
  const terms = await vocabulary(ctx);
  const freeTagIds = await findOrCreateTagIds(ctx.db, [...FREE_TAGS]);
  const now = ctx.clock.now().getTime();
  const result = await inTransaction(ctx, async (tx) => {
    const offset = await maxActorId(tx);
    const make = (i: number, place: Place) => demoActor(random, place, terms, freeTagIds, (offset + i + 1).toString(36), now);
    const rows = places.map((place, i) => make(i, place));
    const pairs = plantPairs(random, rows, places, terms, Math.min(options.plantPairs ?? 0, Math.floor(count / 2)), make);
    const ids = new Map<string, number>();
    for (let start = 0; start < rows.length; start += BATCH) {
      const inserted = await tx.db.insertInto('actors').values(rows.slice(start, start + BATCH)).returning(['id', 'slug']).execute();
      if (pairs.length > 0) for (const row of inserted) ids.set(row.slug, row.id);
    }
    return { created: rows.length, pairs: pairs.map((p) => ({ ...p, aId: ids.get(p.a)!, bId: ids.get(p.b)! })) };
  });
  // Fresh statistics (how common each word and facet value now is), and the GIN indexes' pending
  // lists merged: until then every search reads those lists from end to end (ANALYZE alone does not).
  if (!ctx.db.isTransaction) await sql`vacuum analyze actors`.execute(ctx.db);
  return result;
}

/** The curated vocabulary; the seed's terms are added (curated) when there is none. */
async function vocabulary(ctx: Context): Promise<Term[]> {
  let curated = await listVocabulary(ctx);
  if (curated.length === 0) {
    await ctx.db
      .insertInto('tags')
      .values(vocabularySeed.map(([label, en]) => ({ label, label_en: en, normalized: normalizeTagLabel(label), curated: true })))
      .onConflict((oc) => oc.column('normalized').doUpdateSet({ curated: true }))
      .execute();
    curated = await listVocabulary(ctx);
  }
  return curated.map((tag) => ({ id: tag.id, label: tag.label, offer: TAG_AFFINITY[tag.label]?.offer ?? [], need: TAG_AFFINITY[tag.label]?.need ?? [] }));
}

function actionFields(random: Random, population: number): ActionField[] {
  const fields = new Set<ActionField>();
  const maybe = (field: ActionField, p: number) => random.chance(p) && fields.add(field);
  if (population < 5_000) {
    fields.add('rural');
    maybe('small_towns', 0.2);
  } else if (population < 20_000) {
    maybe('small_towns', 0.8);
    maybe('rural', 0.4);
    maybe('inner_city', 0.2);
  } else if (population < 100_000) {
    maybe('small_towns', 0.6);
    maybe('inner_city', 0.5);
    maybe('neighbourhood', 0.5);
  } else {
    maybe('neighbourhood', 0.8);
    maybe('inner_city', 0.5);
  }
  if (fields.size === 0) fields.add(population < 20_000 ? 'small_towns' : 'neighbourhood');
  return [...fields];
}

function demoActor(random: Random, place: Place, terms: Term[], freeTagIds: number[], suffix: string, now: number): ActorValues {
  const rural = place.population < 5_000;
  const person = random.chance(0.1);
  const sector = person ? random.pick<Sector>(['civil_society', 'creative_culture', 'other', 'welfare']) : random.weighted(SECTOR_WEIGHTS);
  const fill = (text: string) =>
    text
      .replaceAll('{P}', place.name)
      .replaceAll('{D}', rural ? place.name : random.pick(DISTRICTS))
      .replaceAll('{L}', random.pick(LAST_NAMES))
      .replaceAll('{Y}', String(random.int(1990, 2023)));
  const patterns = (rural && RURAL_PATTERNS[sector]) || NAME_PATTERNS[sector];
  const name = person ? `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}` : fill(random.pick(patterns));
  const offers = random.several(terms, random.int(1, 4), (t) => (t.offer.includes(sector) ? 6 : 1)).map((t) => t.id);
  const needs = random.several(terms, random.int(1, 3), (t) => (offers.includes(t.id) ? 0 : t.need.includes(sector) ? 6 : 1)).map((t) => t.id);
  if (random.chance(0.2)) (random.chance(0.5) ? offers : needs).push(random.pick(freeTagIds));
  const createdAt = new Date(now - random.int(0, 3 * 365 * 24 * 3600) * 1000);
  const jitter = place.population >= 20_000 ? 0.02 : 0.006;
  const contact = random.chance(0.6) ? `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}` : null;
  const slug = `${slugBase(name).slice(0, 60).replace(/-+$/, '')}-${suffix}`;
  return {
    slug,
    kind: person ? 'person' : 'organisation',
    name,
    sector,
    action_fields: actionFields(random, place.population),
    place_id: place.id,
    state_code: place.stateCode,
    latitude: place.latitude + (random.int(-1000, 1000) / 1000) * jitter,
    longitude: place.longitude + (random.int(-1000, 1000) / 1000) * jitter * 1.5,
    summary: fill(`${random.pick(VERBS)} ${random.pick(aims(rural))}.`),
    description: Array.from({ length: random.int(2, 4) }, () => fill(random.pick(DESCRIPTION_SENTENCES))).join(' '),
    expertise: random.several(EXPERTISE, random.int(1, 3), () => 1).join(', '),
    website: !person && random.chance(0.4) ? `https://${slug}.example` : null,
    contact_name: contact,
    contact_email: contact ? `${slugBase(contact)}@${slug}.example` : null,
    visibility: random.weighted(VISIBILITY_WEIGHTS),
    status: 'approved',
    offer_ids: offers,
    need_ids: needs,
    approved_at: createdAt,
    created_at: createdAt,
    updated_at: createdAt,
  };
}

const KM_PER_DEGREE = 111.32;

/**
 * Makes pairs of rows complementary (A offers X and needs Y, B the other way round) across sectors,
 * as partners who could plausibly meet: B is made anew at A's place, 2–15 km from A, with an action
 * field of A's. The last rows are used, so the rows before them stay as without pairs.
 */
function plantPairs(
  random: Random,
  rows: ActorValues[],
  places: Place[],
  terms: Term[],
  pairs: number,
  make: (i: number, place: Place) => ActorValues,
): Omit<PlantedPair, 'aId' | 'bId'>[] {
  const planted: Omit<PlantedPair, 'aId' | 'bId'>[] = [];
  const first = rows.length - 2 * pairs;
  for (let i = 0; i < pairs; i++) {
    const at = first + 2 * i;
    const a = rows[at]!;
    const b = (rows[at + 1] = make(at + 1, places[at]!));
    if (a.sector === b.sector) b.sector = SECTORS[(SECTORS.indexOf(a.sector) + 1) % SECTORS.length]!;
    const km = random.int(2000, 15000) / 1000;
    const bearing = (random.int(0, 3599) / 10) * (Math.PI / 180);
    const lat = a.latitude ?? places[at]!.latitude;
    const lon = a.longitude ?? places[at]!.longitude;
    b.latitude = lat + (km * Math.cos(bearing)) / KM_PER_DEGREE;
    b.longitude = lon + (km * Math.sin(bearing)) / (KM_PER_DEGREE * Math.cos(lat * (Math.PI / 180)));
    const aFields = a.action_fields ?? [];
    const bFields = b.action_fields ?? [];
    if (aFields.length > 0 && !bFields.some((f) => aFields.includes(f))) b.action_fields = [...bFields, random.pick(aFields)];
    const [x, y] = random.several(terms, 2, () => 1);
    if (!x || !y) break;
    a.offer_ids = [x.id];
    a.need_ids = [y.id];
    b.offer_ids = [y.id];
    b.need_ids = [x.id];
    a.visibility = b.visibility = 'public';
    planted.push({ a: a.slug, b: b.slug, offer: x.label, need: y.label });
  }
  return planted;
}

async function maxActorId(ctx: Context): Promise<number> {
  const row = await ctx.db.selectFrom('actors').select((eb) => eb.fn.max('id').as('max')).executeTakeFirst();
  return Number(row?.max ?? 0);
}
