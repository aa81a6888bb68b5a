import { recordAudit } from '../../platform/audit.js';
import type { Context } from '../../platform/context.js';
import { translator } from '../../platform/i18n/index.js';
import { messages } from './messages.js';
import { forbidden } from '../../platform/errors/index.js';
import { getSetting, setSetting } from '../../platform/settings.js';
import { Validator } from '../../platform/validation.js';
import { ACTION_FIELDS, listMyActors, loadMatchingTags, SECTORS, type ActionField, type Sector } from '../actors/service.js';
import { actingActor, isCoordinator, requireCoordinator, requireUser } from './access.js';
import { DISTANCE_MAX_KM, SUGGESTIONS_DEFAULT, SUGGESTIONS_MAX } from './model.js';
import { currentPartnerIndex, type RankedPartner } from './partner-index.js';
import { deleteDismissal, insertDismissal, selectExcludedPartners } from './queries.js';
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

/** The coordinators' weights (defaults for any not set). */
export async function getWeights(ctx: Context): Promise<Weights> {
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
    return { ...DEFAULT_WEIGHTS };
  }
  const v = new Validator(ctx.locale);
  const current = await getWeights(ctx);
  const weights = { ...current };
  for (const key of WEIGHT_KEYS) if (input[key] !== undefined) weights[key] = readWeight(v, key, input[key], translator(messages, ctx.locale)('error.weightRange'));
  v.check();
  await setSetting(ctx.db, WEIGHTS_KEY, JSON.stringify(weights));
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

/** The ranked partners of one actor the caller may act for (its members, coordinators). */
export async function listSuggestions(ctx: Context, ref: string | number, input: { filters?: SuggestionFilters; limit?: unknown } = {}): Promise<SuggestionList> {
  requireUser(ctx);
  const actor = await actingActor(ctx, ref);
  const filters = input.filters ?? {};
  const [index, weights, own, excluded] = await Promise.all([
    currentPartnerIndex(ctx),
    getWeights(ctx),
    listMyActors(ctx),
    selectExcludedPartners(ctx.db, [actor.id]),
  ]);
  const exclude = new Set<number>([actor.id, ...own.map((a) => a.id), ...excluded.map((e) => e.other)]);
  const ranked = index.suggest({ actorId: actor.id, exclude, member: true, limit: readLimit(input.limit), weights, now: ctx.clock.now().getTime(), ...filters });
  return { actor: { id: actor.id, slug: actor.slug, name: actor.name, sector: actor.sector }, filters, suggestions: await present(ctx, ranked, actor.sector) };
}

/** The dashboard: suggestions for each of the member's organisations (active memberships, approved or not). */
export async function mySuggestions(ctx: Context, filters: SuggestionFilters = {}): Promise<SuggestionList[]> {
  requireUser(ctx);
  const mine = (await listMyActors(ctx)).filter((a) => a.membership === 'active');
  const lists: SuggestionList[] = [];
  for (const actor of mine.slice(0, 10)) lists.push(await listSuggestions(ctx, actor.id, { filters }));
  return lists;
}

/** "Not relevant": the candidate is not suggested to this actor again (its members, coordinators). */
export async function dismissSuggestion(ctx: Context, ref: string | number, candidateId: number): Promise<void> {
  const user = requireUser(ctx);
  const actor = await actingActor(ctx, ref);
  if (!Number.isSafeInteger(candidateId) || candidateId <= 0 || candidateId === actor.id) throw forbidden();
  const index = await currentPartnerIndex(ctx);
  if (!index.has(candidateId)) throw forbidden();
  await insertDismissal(ctx.db, { actor_id: actor.id, candidate_id: candidateId, dismissed_by: user.id });
}

/** Undoes a dismissal. */
export async function restoreSuggestion(ctx: Context, ref: string | number, candidateId: number): Promise<void> {
  const actor = await actingActor(ctx, ref);
  await deleteDismissal(ctx.db, actor.id, candidateId);
}

/** Coordinators see suggestions for any actor (the same call; access differs only in actingActor). */
export const canSeeAnySuggestions = isCoordinator;
