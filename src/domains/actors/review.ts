import { recordAudit } from '../../platform/audit.js';
import { AppError, forbidden, notFound } from '../../platform/errors/index.js';
import { inTransaction, type Context } from '../../platform/context.js';
import { translator } from '../../platform/i18n/index.js';
import { Validator } from '../../platform/validation.js';
import { sendActorMail } from './mails.js';
import { messages } from './messages.js';
import type { ActorKind, Sector } from './model.js';
import { viewerOf } from './policy.js';
import { actorLabel } from './profiles.js';
import { selectActor, selectCreator, selectPendingActors, updateActor } from './queries.js';
import { actorRef } from './slugs.js';

/** The coordinators' review of new organisation profiles. */

export const REVIEW_PAGE_SIZE = 50;
export const NOTE_MAX = 2000;

export interface ReviewItem {
  id: number;
  slug: string;
  name: string;
  kind: ActorKind;
  sector: Sector;
  summary: string;
  createdAt: Date;
  creatorName: string | null;
}

export interface ReviewQueue {
  items: ReviewItem[];
  total: number;
  page: number;
  pageSize: number;
  pages: number;
}

function requireCoordinator(ctx: Context) {
  if (!viewerOf(ctx).coordinator) throw forbidden();
}

/** Pending profiles, oldest first. */
export async function listReviewQueue(ctx: Context, query: { page?: number } = {}): Promise<ReviewQueue> {
  requireCoordinator(ctx);
  const page = query.page ?? 1;
  const { total, rows } = await selectPendingActors(ctx.db, { limit: REVIEW_PAGE_SIZE, offset: (page - 1) * REVIEW_PAGE_SIZE });
  const items = rows.map((r) => ({ id: r.id, slug: r.slug, name: r.name, kind: r.kind, sector: r.sector, summary: r.summary, createdAt: r.created_at, creatorName: r.creator_name }));
  return { items, total, page, pageSize: REVIEW_PAGE_SIZE, pages: Math.max(1, Math.ceil(total / REVIEW_PAGE_SIZE)) };
}

export type ReviewDecision = 'approve' | 'reject';

/**
 * Approves a pending (or earlier rejected) profile, or rejects a pending one with a note. The
 * creator gets a mail in their language; the audit log keeps who decided.
 */
export async function reviewActor(ctx: Context, ref: string | number, input: { decision: unknown; note?: unknown }): Promise<{ status: 'approved' | 'rejected' }> {
  requireCoordinator(ctx);
  const v = new Validator(ctx.locale);
  const decision = v.choice('decision', input.decision, ['approve', 'reject'] as const);
  const note = v.text('note', input.note, { max: NOTE_MAX, required: decision === 'reject' });
  v.check();
  return inTransaction(ctx, async (tx) => {
    const row = await selectActor(tx.db, actorRef(ref), { lock: true });
    if (!row || row.merged_into !== null) throw notFound();
    const allowed = decision === 'approve' ? row.status !== 'approved' : row.status === 'pending';
    if (!allowed) throw new AppError('conflict', { detail: translator(messages, ctx.locale)('review.notPending') });
    const now = tx.clock.now();
    const approved = decision === 'approve';
    await updateActor(tx.db, row.id, {
      status: approved ? 'approved' : 'rejected',
      review_note: note || null,
      approved_by: approved ? (tx.user?.id ?? null) : null,
      approved_at: approved ? now : null,
      updated_at: now,
    });
    await recordAudit(tx, { action: approved ? 'actor.approved' : 'actor.rejected', subjectUserId: null, subjectLabel: actorLabel(row), details: { actorId: row.id, note } });
    const creator = await selectCreator(tx.db, row);
    if (creator) await sendActorMail(tx, creator, approved ? 'approved' : 'rejected', { actor: row.name, slug: row.slug, note });
    return { status: approved ? ('approved' as const) : ('rejected' as const) };
  });
}
