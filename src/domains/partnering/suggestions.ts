import { recordAudit } from '../../platform/audit.js';
import type { Context } from '../../platform/context.js';
import { translator } from '../../platform/i18n/index.js';
import { messages } from './messages.js';
import { forbidden } from '../../platform/errors/index.js';
import { readCache } from '../../platform/read-cache.js';
import { getSetting, setSetting } from '../../platform/settings.js';
import { Validator } from '../../platform/validation.js';
import { ACTION_FIELDS, actorCards, listMyActors, loadMatchingTags, SECTORS, type ActionField, type Sector } from '../actors/service.js';
import { actingActorCard, ownActorIds, requireCoordinator, requireUser } from './access.js';
import { DISTANCE_MAX_KM, SUGGESTIONS_DEFAULT, SUGGESTIONS_MAX } from './model.js';
import { currentPartnerIndex } from './current-partner-index.js';
import type { PartnerIndex, RankedPartner } from './partner-index.js';
import { insertDismissal, selectExcludedPartners } from './queries.js';
import { DEFAULT_WEIGHTS, fieldsOfMask, WEIGHT_KEYS, WEIGHT_MAX, type Components, type Weights } from './scoring.js';

/** Partner suggestions: for a member's organisations, for any actor (coordinators), dismissals, weights. */

export interface SuggestionFilters {
  sector?: Sector;
  actionField?: ActionField;
  maxKm?: number;
}

export interface SuggestedTag {
  id: number;
  label: string;
}

export interface Suggestion {
  actor: { id: number; slug: string; name: string; sector: Sector };
  score: number;
  components: Components;
  reason: {
    /** What the partner offers that the actor needs, and what it needs that the actor offers. */
    offersYouNeed: SuggestedTag[];
    needsYouOffer: SuggestedTag[];
    similarWords: string[];
    /** [the actor's sector, the partner's] when they differ. */
    sectors: [Sector, Sector] | null;
    rareSectorPair: boolean;
    sharedActionFields: ActionField[];
    distanceKm: number | null;
    commonContact: { slug: string; name: string } | null;
    recentlyActive: boolean;
  };
}

export interface SuggestionList {
  actor: { id: number; slug: string; name: string; sector: Sector };
  filters: SuggestionFilters;
  suggestions: Suggestion[];
}

const WEIGHTS_KEY = 'partnering.weights';

/** Read on every ranking, changed rarely: kept 5 s per database handle (other instances follow within that time). */
const weightsCache = readCache<Weights>(5000);

/** The coordinators' weights (defaults for any not set). */
export function getWeights(ctx: Context): Promise<Weights> {
  return weightsCache.get(ctx.db, () => readWeights(ctx));
}

async function readWeights(ctx: Context): Promise<Weights> {
  const stored = await getSetting(ctx.db, WEIGHTS_KEY);
  const weights = { ...DEFAULT_WEIGHTS };
  if (!stored) return weights;
  try {
    const parsed = JSON.parse(stored) as Record<string, unknown>;
    for (const key of WEIGHT_KEYS) if (typeof parsed[key] === 'number' && Number.isFinite(parsed[key])) weights[key] = parsed[key];
  } catch {
    // A damaged setting falls back to the defaults.
  }
  return weights;
}

/** Reads a weight from a form (German decimal comma accepted) or API body. */
function readWeight(v: Validator, key: string, value: unknown, message: string): number {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim().replace(',', '.') : '';
  const number = text === '' ? NaN : Number(text);
  if (!Number.isFinite(number) || number < 0 || number > WEIGHT_MAX) {
    v.add(key, message);
    return 0;
  }
  return Math.round(number * 100) / 100;
}

/** Sets the weights (coordinators); `reset` goes back to the defaults. */
export async function setWeights(ctx: Context, input: Record<string, unknown>): Promise<Weights> {
  requireCoordinator(ctx);
  if (input.reset === true || input.reset === 'yes') {
    await setSetting(ctx.db, WEIGHTS_KEY, JSON.stringify(DEFAULT_WEIGHTS));
    weightsCache.clear(ctx.db);
    return { ...DEFAULT_WEIGHTS };
  }
  const v = new Validator(ctx.locale);
  const current = await getWeights(ctx);
  const weights = { ...current };
  for (const key of WEIGHT_KEYS) if (input[key] !== undefined) weights[key] = readWeight(v, key, input[key], translator(messages, ctx.locale)('error.weightRange'));
  v.check();
  await setSetting(ctx.db, WEIGHTS_KEY, JSON.stringify(weights));
  weightsCache.clear(ctx.db);
  await recordAudit(ctx, { action: 'partnering.weights_changed', subjectUserId: null, subjectLabel: 'Partnervorschläge / partner suggestions', details: { weights } });
  return weights;
}

/** Filters from a query string or API query; bad values are field errors (400). */
export function readFilters(ctx: Context, input: { sector?: unknown; actionField?: unknown; maxKm?: unknown }): SuggestionFilters {
  const v = new Validator(ctx.locale);
  const sector = v.choice('sector', input.sector, SECTORS, { required: false }) ?? undefined;
  const actionField = v.choice('actionField', input.actionField, ACTION_FIELDS, { required: false }) ?? undefined;
  let maxKm: number | undefined;
  if (input.maxKm !== undefined && input.maxKm !== null && input.maxKm !== '') {
    const value = Number(input.maxKm);
    if (!Number.isInteger(value) || value < 1 || value > DISTANCE_MAX_KM) v.add('maxKm', translator(messages, ctx.locale)('error.maxKm', { max: DISTANCE_MAX_KM }));
    else maxKm = value;
  }
  v.check();
  return { sector, actionField, maxKm };
}

function readLimit(limit: unknown): number {
  const value = Number(limit ?? SUGGESTIONS_DEFAULT);
  return Number.isInteger(value) && value >= 1 ? Math.min(value, SUGGESTIONS_MAX) : SUGGESTIONS_DEFAULT;
}

async function present(ctx: Context, ranked: RankedPartner[], sourceSector: Sector): Promise<Suggestion[]> {
  const tagIds = [...new Set(ranked.flatMap((r) => [...r.offersYouNeed, ...r.needsYouOffer]))];
  const tags = new Map((await loadMatchingTags(ctx, tagIds)).map((t) => [t.id, { id: t.id, label: ctx.locale === 'en' && t.labelEn ? t.labelEn : t.label }]));
  const pick = (ids: number[]) => ids.flatMap((id) => tags.get(id) ?? []);
  return ranked.map((r) => ({
    actor: { id: r.actorId, slug: r.slug, name: r.name, sector: r.sector },
    score: r.score,
    components: r.components,
    reason: {
      offersYouNeed: pick(r.offersYouNeed),
      needsYouOffer: pick(r.needsYouOffer),
      similarWords: r.similarWords,
      sectors: r.sector === sourceSector ? null : [sourceSector, r.sector],
      rareSectorPair: r.rarePair,
      sharedActionFields: fieldsOfMask(r.sharedFieldMask),
      distanceKm: r.distanceKm,
      commonContact: r.commonContact ? { slug: r.commonContact.slug, name: r.commonContact.name } : null,
      recentlyActive: r.recentlyActive,
    },
  }));
}

interface Ranking {
  index: PartnerIndex;
  weights: Weights;
  /** The caller's own organisations: never suggested to any of them. */
  own: number[];
  excluded: Map<number, number[]>;
}

/** What ranking for several actors shares: one sync of the index, the weights, the exclusions of all of them. */
async function prepareRanking(ctx: Context, actorIds: number[]): Promise<Ranking> {
  const [index, weights, own, rows] = await Promise.all([currentPartnerIndex(ctx), getWeights(ctx), ownActorIds(ctx), selectExcludedPartners(ctx.db, actorIds)]);
  const excluded = new Map<number, number[]>();
  for (const row of rows) excluded.set(row.actor_id, [...(excluded.get(row.actor_id) ?? []), row.other]);
  return { index, weights, own, excluded };
}

async function rank(ctx: Context, ranking: Ranking, actor: { id: number; slug: string; name: string; sector: Sector }, filters: SuggestionFilters, limit: unknown): Promise<SuggestionList> {
  const exclude = new Set<number>([actor.id, ...ranking.own, ...(ranking.excluded.get(actor.id) ?? [])]);
  const ranked = ranking.index.suggest({ actorId: actor.id, exclude, member: true, limit: readLimit(limit), weights: ranking.weights, now: ctx.clock.now().getTime(), ...filters });
  return { actor: { id: actor.id, slug: actor.slug, name: actor.name, sector: actor.sector }, filters, suggestions: await present(ctx, ranked, actor.sector) };
}

/** The ranked partners of one actor the caller may act for (its members, coordinators). */
export async function listSuggestions(ctx: Context, ref: string | number, input: { filters?: SuggestionFilters; limit?: unknown } = {}): Promise<SuggestionList> {
  const actor = await actingActorCard(ctx, ref);
  return rank(ctx, await prepareRanking(ctx, [actor.id]), actor, input.filters ?? {}, input.limit);
}

/** The dashboard: suggestions for each organisation the member belongs to (actively). */
export async function mySuggestions(ctx: Context, filters: SuggestionFilters = {}): Promise<SuggestionList[]> {
  requireUser(ctx);
  const mine = (await listMyActors(ctx)).filter((a) => a.membership === 'active');
  if (mine.length === 0) return [];
  const ranking = await prepareRanking(ctx, mine.map((a) => a.id));
  const sectors = await actorCards(ctx, mine.map((a) => a.id));
  return Promise.all(mine.map((a) => rank(ctx, ranking, { id: a.id, slug: a.slug, name: a.name, sector: sectors.get(a.id)?.sector ?? 'other' }, filters, SUGGESTIONS_DEFAULT)));
}

/** "Not relevant": the candidate is not suggested to this actor again (its members, coordinators). */
export async function dismissSuggestion(ctx: Context, ref: string | number, candidateId: number): Promise<void> {
  const user = requireUser(ctx);
  const actor = await actingActorCard(ctx, ref);
  if (!Number.isSafeInteger(candidateId) || candidateId <= 0 || candidateId === actor.id) throw forbidden();
  const index = await currentPartnerIndex(ctx);
  if (!index.has(candidateId)) throw forbidden();
  await insertDismissal(ctx.db, { actor_id: actor.id, candidate_id: candidateId, dismissed_by: user.id });
}

