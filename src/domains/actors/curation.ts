import { recordAudit } from '../../platform/audit.js';
import { ValidationError, forbidden, notFound } from '../../platform/errors/index.js';
import { inTransaction, type Context } from '../../platform/context.js';
import { translator } from '../../platform/i18n/index.js';
import { absorbActor, markMerged, moveMembers, selectSimilarActors } from './curation-queries.js';
import { messages } from './messages.js';
import type { ActorKind, ActorStatus } from './model.js';
import { viewerOf } from './policy.js';
import type { ActorProfile } from './present.js';
import { actorLabel, getActorForViewer } from './profiles.js';
import { selectActor, type ActorRow } from './queries.js';
import { actorRef } from './slugs.js';

/** Coordinators merge duplicate profiles: one survives, the other points to it and leaves every listing. */

export interface ActorMerge {
  /** The duplicate that disappears. */
  from: { id: number; slug: string; name: string };
  /** The profile that survives. */
  into: { id: number; slug: string; name: string };
}

/**
 * One domain's part of a merge (ties, registrations …): moves its rows from `merge.from.id` to
 * `merge.into.id`. It runs inside the merge's transaction (`ctx.db`), after memberships and tags
 * moved and before the duplicate is marked as merged; throwing undoes the whole merge.
 */
export type ActorMergeStep = (ctx: Context, merge: ActorMerge) => Promise<void>;

const mergeSteps = new Map<string, ActorMergeStep>();

/** Registers a domain's merge step once under its name (a second call with the same name replaces it). */
export function registerActorMergeStep(name: string, step: ActorMergeStep) {
  mergeSteps.set(name, step);
}

export interface MergeCandidate {
  id: number;
  slug: string;
  name: string;
  kind: ActorKind;
  status: ActorStatus;
}

function requireCoordinator(ctx: Context) {
  if (!viewerOf(ctx).coordinator) throw forbidden();
}

/** The profile to merge, with the profiles whose names come closest (likely duplicates). */
export async function prepareMerge(ctx: Context, ref: string | number): Promise<{ actor: ActorProfile; candidates: MergeCandidate[] }> {
  requireCoordinator(ctx);
  const actor = await getActorForViewer(ctx, ref);
  const candidates = await selectSimilarActors(ctx.db, actor.id, actor.name, 8);
  return { actor, candidates };
}

/**
 * Merges the duplicate into the survivor in one transaction: members (admins stay admins), offers,
 * needs and action fields move over, empty details are filled from the duplicate, every
 * registered merge step runs, the duplicate gets merged_into and the audit log an entry.
 */
export async function mergeActors(ctx: Context, input: { duplicate: string | number; survivor: unknown }): Promise<ActorProfile> {
  requireCoordinator(ctx);
  const t = translator(messages, ctx.locale);
  const survivorRef = typeof input.survivor === 'number' || (typeof input.survivor === 'string' && input.survivor.trim() !== '') ? input.survivor : null;
  if (survivorRef === null) throw new ValidationError({ survivor: t('merge.survivorMissing') });
  const intoId = await inTransaction(ctx, async (tx) => {
    const found = await selectActor(tx.db, actorRef(input.duplicate));
    const other = await selectActor(tx.db, actorRef(typeof survivorRef === 'string' ? survivorRef.trim() : survivorRef));
    if (!found) throw notFound();
    if (!other) throw new ValidationError({ survivor: t('merge.survivorUnknown') });
    if (other.id === found.id) throw new ValidationError({ survivor: t('merge.same') });
    // Lock both rows in id order (two merges of the same pair cannot deadlock), then check them as locked.
    const locked = new Map<number, ActorRow>();
    for (const id of [found.id, other.id].sort((a, b) => a - b)) {
      const row = await selectActor(tx.db, { id }, { lock: true });
      if (row) locked.set(id, row);
    }
    const from = locked.get(found.id);
    const into = locked.get(other.id);
    if (!from || from.merged_into !== null) throw notFound();
    if (!into || into.merged_into !== null) throw new ValidationError({ survivor: t('merge.survivorUnknown') });
    if (into.kind !== from.kind) throw new ValidationError({ survivor: t('merge.kinds') });
    const now = tx.clock.now();
    await moveMembers(tx.db, from.id, into.id);
    await absorbActor(tx.db, from.id, into.id, now);
    const merge: ActorMerge = { from: brief(from), into: brief(into) };
    for (const step of mergeSteps.values()) await step(tx, merge);
    await markMerged(tx.db, from.id, into.id, now);
    await recordAudit(tx, { action: 'actor.merged', subjectUserId: null, subjectLabel: actorLabel(from), details: { from: from.id, into: into.id, survivor: actorLabel(into) } });
    return into.id;
  });
  return getActorForViewer(ctx, intoId);
}

const brief = (row: ActorRow) => ({ id: row.id, slug: row.slug, name: row.name });
