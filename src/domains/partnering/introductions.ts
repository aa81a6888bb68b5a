import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type Context } from '../../platform/context.js';
import { AppError, forbidden, notFound, ValidationError } from '../../platform/errors/index.js';
import { translator } from '../../platform/i18n/index.js';
import { findUsersByIds } from '../../platform/auth/users.js';
import { Validator } from '../../platform/validation.js';
import { actorAdmins, actorCards, type ActorCard } from '../actors/service.js';
import { actingActor, isCoordinator, ownActorIds, requireCoordinator, requireUser, visibleActor } from './access.js';
import { sendPartneringMail, type Recipient } from './mails.js';
import { messages } from './messages.js';
import { DAY_MS, DECLINE_COOLDOWN_DAYS, EXPIRE_AFTER_DAYS, MESSAGE_MAX, REPLY_MAX } from './model.js';
import { readPreferences } from './preferences.js';
import { countAwaitingAnswer, expireOverdue, insertIntroduction, markExpired, selectIntroduction, selectIntroductionsFor, selectLatestOfPair, updateIntroduction, type IntroductionRow } from './queries.js';
import { createTieFromIntroduction, pairIsTied } from './ties.js';
import { scheduleIntroductionJobs } from './introduction-jobs.js';
import { maySee, presentIntroduction, type Introduction, type Involvement } from './introduction-view.js';

export type { Introduction, IntroductionSide } from './introduction-view.js';

/**
 * Introductions (Kontaktanbahnung), double opt-in: a member asks for their organisation, or a
 * coordinator brokers between two actors; the side(s) asked accept or decline. Contact details are
 * shown to both sides only once both accepted; an accepted introduction creates a tie.
 */

const t = (ctx: Context) => translator(messages, ctx.locale);
const conflict = (ctx: Context, key: Parameters<ReturnType<typeof t>>[0]) => new AppError('conflict', { detail: t(ctx)(key) });

/**
 * Checks that an actor may be introduced (listed, not opted out); hidden and missing ones get the
 * same answer: a field error when the caller typed the reference (`field`), else 404.
 */
async function introducible(ctx: Context, ref: string | number, field?: string) {
  const unknown = () => (field ? new ValidationError({ [field]: t(ctx)('error.unknownActor') }) : notFound());
  const actor = await visibleActor(ctx, ref).catch((error: unknown) => {
    throw error instanceof AppError && error.code === 'not_found' ? unknown() : error;
  });
  if (actor.status !== 'approved' || actor.visibility === 'hidden') throw unknown();
  const prefs = await readPreferences(ctx, actor.id);
  if (!prefs.contactable) throw conflict(ctx, 'error.notContactable');
  return actor;
}

function readMessage(ctx: Context, input: { message?: unknown }): string {
  const v = new Validator(ctx.locale);
  const message = v.text('message', input.message, { required: true, max: MESSAGE_MAX, min: 10 });
  v.check();
  return message;
}

/** The pair is open for a new introduction: not tied, nothing pending, no recent decline (members). */
async function checkPair(ctx: Context, a: number, b: number, options: { brokered: boolean }) {
  if (await pairIsTied(ctx, a, b)) throw conflict(ctx, 'error.alreadyTied');
  // A request past its expiry whose job has not run yet must not block the pair.
  await expireOverdue(ctx.db, a, b, ctx.clock.now());
  if (await selectLatestOfPair(ctx.db, a, b, 'pending')) throw conflict(ctx, 'error.pending');
  if (options.brokered) return;
  // The cool-down binds the side that asked and was declined, not the side that declined.
  const declined = await selectLatestOfPair(ctx.db, a, b, 'declined');
  const since = ctx.clock.now().getTime() - DECLINE_COOLDOWN_DAYS * DAY_MS;
  if (declined?.decided_at && declined.decided_at.getTime() > since && declined.declined_by_actor === b) {
    // Only the person whose request was declined learns that; anyone else gets a neutral answer.
    throw conflict(ctx, declined.requested_by === ctx.user?.id ? 'error.recentlyDeclined' : 'error.notNow');
  }
}

/** A member asks that their organisation (`from`) be introduced to another actor (`to`). */
export async function requestIntroduction(ctx: Context, input: { from: string | number; to: string | number; message?: unknown }): Promise<Introduction> {
  const user = requireUser(ctx);
  // Only for an organisation the person belongs to: a coordinator introduces others by brokering.
  const from = await actingActor(ctx, input.from, { own: true });
  const to = await introducible(ctx, input.to, 'to');
  const message = readMessage(ctx, input);
  const own = await ownActorIds(ctx);
  if (from.id === to.id || own.includes(to.id)) throw new ValidationError({ from: t(ctx)('error.self') });
  const id = await insertPending(ctx, { a: from.id, b: to.id, brokered: false }, async (tx, now) => {
    const inserted = await insertIntroduction(tx.db, {
      requester_actor: from.id,
      target_actor: to.id,
      origin: 'self_initiated',
      requested_by: user.id,
      message,
      requester_accepted_at: now,
      requester_answered_by: user.id,
      expires_at: new Date(now.getTime() + EXPIRE_AFTER_DAYS * DAY_MS),
      created_at: now,
    });
    if (inserted === undefined) return undefined;
    for (const admin of await actorAdmins(tx, to.id)) {
      await sendPartneringMail(tx, admin, 'requested', { own: to.name, other: from.name, message, path: `/vernetzung/anbahnungen/${inserted}` });
    }
    return inserted;
  });
  return getIntroduction(ctx, id);
}

/**
 * Inserts a pending introduction (by `insert`, which also sends its mails) once the pair is open
 * for one, and schedules its reminder and expiry. Two requests at once: the database's
 * one-pending-per-pair index refuses the second, which is answered like any pending request.
 */
async function insertPending(ctx: Context, pair: { a: number; b: number; brokered: boolean }, insert: (tx: Context, now: Date) => Promise<number | undefined>): Promise<number> {
  return inTransaction(ctx, async (tx) => {
    await checkPair(tx, pair.a, pair.b, { brokered: pair.brokered });
    const now = tx.clock.now();
    const inserted = await insert(tx, now);
    if (inserted === undefined) throw conflict(tx, 'error.pending');
    await scheduleIntroductionJobs(tx, inserted, now);
    return inserted;
  }).catch((error: unknown) => {
    if (error instanceof AppError) throw error;
    if (isUniqueViolation(error)) throw conflict(ctx, 'error.pending');
    throw error;
  });
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';
}

/** A coordinator introduces two actors to each other; both sides are asked. */
export async function brokerIntroduction(ctx: Context, input: { a: string | number; b: string | number; message?: unknown }): Promise<Introduction> {
  const user = requireCoordinator(ctx);
  const a = await introducible(ctx, input.a, 'a');
  const b = await introducible(ctx, input.b, 'b');
  const message = readMessage(ctx, input);
  if (a.id === b.id) throw new ValidationError({ b: t(ctx)('error.samePair') });
  const id = await insertPending(ctx, { a: a.id, b: b.id, brokered: true }, async (tx, now) => {
    const inserted = await insertIntroduction(tx.db, {
      requester_actor: a.id,
      target_actor: b.id,
      origin: 'brokered',
      requested_by: user.id,
      message,
      expires_at: new Date(now.getTime() + EXPIRE_AFTER_DAYS * DAY_MS),
      created_at: now,
    });
    if (inserted === undefined) return undefined;
    for (const [side, other] of [[a, b], [b, a]] as const) {
      for (const admin of await actorAdmins(tx, side.id)) {
        await sendPartneringMail(tx, admin, 'brokered', { own: side.name, other: other.name, message, path: `/vernetzung/anbahnungen/${inserted}` });
      }
    }
    return inserted;
  });
  return getIntroduction(ctx, id);
}

async function involvement(ctx: Context, row: IntroductionRow): Promise<Involvement> {
  const user = requireUser(ctx);
  const [members, admins] = await Promise.all([ownActorIds(ctx), ownActorIds(ctx, { admin: true })]);
  return {
    requesterAdmin: admins.includes(row.requester_actor),
    targetAdmin: admins.includes(row.target_actor),
    requesterMember: members.includes(row.requester_actor),
    targetMember: members.includes(row.target_actor),
    asked: row.requested_by === user.id,
    coordinator: isCoordinator(ctx),
  };
}

async function loadIntroduction(ctx: Context, id: number, options: { lock?: boolean } = {}) {
  if (!Number.isSafeInteger(id) || id <= 0) throw notFound();
  const row = await selectIntroduction(ctx.db, id, options);
  if (!row) throw notFound();
  const who = await involvement(ctx, row);
  if (!maySee(row, who)) throw notFound();
  return { row, who };
}

async function usersById(ctx: Context, ids: (number | null)[]) {
  const rows = await findUsersByIds(ctx.db, ids);
  return new Map(rows.map((r) => [r.id, { name: r.name, email: r.email }]));
}

/** One introduction as the viewer may see it. */
export async function getIntroduction(ctx: Context, id: number): Promise<Introduction> {
  const { row, who } = await loadIntroduction(ctx, id);
  const [cards, users] = await Promise.all([
    actorCards(ctx, [row.requester_actor, row.target_actor]),
    usersById(ctx, [row.requested_by, row.requester_answered_by, row.target_answered_by]),
  ]);
  return presentIntroduction(row, who, cards, users, ctx.clock.now());
}

export interface IntroductionLists {
  /** Waiting for the viewer's (organisation's) answer. */
  toAnswer: Introduction[];
  /** Everything else the viewer may see, newest first. */
  others: Introduction[];
}

/** The introductions of the viewer's organisations and those they asked for. */
export async function listIntroductions(ctx: Context, options: { limit?: number } = {}): Promise<IntroductionLists> {
  const user = requireUser(ctx);
  const own = await ownActorIds(ctx);
  const rows = await selectIntroductionsFor(ctx.db, own, user.id, options.limit ?? 100);
  const [admins, cards, users] = await Promise.all([
    ownActorIds(ctx, { admin: true }),
    actorCards(ctx, rows.flatMap((r) => [r.requester_actor, r.target_actor])),
    usersById(ctx, rows.flatMap((r) => [r.requested_by, r.requester_answered_by, r.target_answered_by])),
  ]);
  const now = ctx.clock.now();
  const all = rows
    .map((row) => {
      const who: Involvement = {
        requesterAdmin: admins.includes(row.requester_actor),
        targetAdmin: admins.includes(row.target_actor),
        requesterMember: own.includes(row.requester_actor),
        targetMember: own.includes(row.target_actor),
        asked: row.requested_by === user.id,
        coordinator: isCoordinator(ctx),
      };
      return maySee(row, who) ? presentIntroduction(row, who, cards, users, now) : null;
    })
    .filter((i): i is Introduction => i !== null);
  return { toAnswer: all.filter((i) => i.canAnswer), others: all.filter((i) => !i.canAnswer) };
}

/** How many introductions wait for the viewer's answer (the count beside „Vernetzung“ in the navigation). */
export async function countIntroductionsToAnswer(ctx: Context): Promise<number> {
  return countAwaitingAnswer(ctx.db, await ownActorIds(ctx, { admin: true }), ctx.clock.now());
}

function contactLines(card: ActorCard | undefined, person: { name: string; email: string } | null): string {
  const lines = [person ? `${person.name} <${person.email}>` : null, card?.contact.name, card?.contact.email, card?.contact.phone].filter((l): l is string => !!l);
  return [...new Set(lines)].join('\n');
}

/** The admins' answer for their side: accept (both accepted → tie) or decline, with an optional reply. */
export async function answerIntroduction(ctx: Context, id: number, input: { decision?: unknown; reply?: unknown }): Promise<Introduction> {
  const user = requireUser(ctx);
  const v = new Validator(ctx.locale);
  const decision = v.choice('decision', input.decision, ['accept', 'decline'] as const);
  const reply = v.text('reply', input.reply, { max: REPLY_MAX });
  v.check();
  const outcome = await inTransaction(ctx, async (tx): Promise<'done' | 'expired'> => {
    const { row, who } = await loadIntroduction(tx, id, { lock: true });
    const now = tx.clock.now();
    if (row.status === 'pending' && row.expires_at <= now) {
      await markExpired(tx.db, row.id, now); // kept: the refusal below comes after the commit
      return 'expired';
    }
    if (row.status === 'expired') return 'expired';
    if (row.status !== 'pending') throw conflict(tx, 'error.answered');
    const asTarget = who.targetAdmin && row.target_accepted_at === null;
    const asRequester = !asTarget && who.requesterAdmin && row.requester_accepted_at === null;
    if (!asTarget && !asRequester) throw forbidden();
    const cards = await actorCards(tx, [row.requester_actor, row.target_actor]);
    const mine = cards.get(asTarget ? row.target_actor : row.requester_actor);
    const answered = asTarget
      ? { target_accepted_at: decision === 'accept' ? now : null, target_answered_by: user.id, target_reply: reply || null }
      : { requester_accepted_at: decision === 'accept' ? now : null, requester_answered_by: user.id, requester_reply: reply || null };
    const [asker] = await findUsersByIds(tx.db, [row.requested_by]);
    if (decision === 'decline') {
      await updateIntroduction(tx.db, row.id, { ...answered, status: 'declined', decided_at: now, declined_by_actor: mine?.id ?? null });
      if (asker) await sendPartneringMail(tx, asker, 'declined', { own: cards.get(row.requester_actor)?.name ?? '', other: mine?.name ?? '', reply, path: '/vernetzung' });
      return 'done';
    }
    const bothAccepted = asTarget ? row.requester_accepted_at !== null : row.target_accepted_at !== null;
    if (!bothAccepted) {
      await updateIntroduction(tx.db, row.id, answered);
      return 'done';
    }
    await updateIntroduction(tx.db, row.id, { ...answered, status: 'accepted', decided_at: now });
    await createTieFromIntroduction(tx, { introductionId: row.id, a: row.requester_actor, b: row.target_actor, origin: row.origin, createdBy: user.id });
    await recordAudit(tx, { action: 'partnering.introduced', subjectUserId: null, subjectLabel: `${cards.get(row.requester_actor)?.name} ↔ ${cards.get(row.target_actor)?.name}`, details: { introductionId: row.id, origin: row.origin } });
    await mailAccepted(tx, { ...row, ...answered }, cards, user);
    return 'done';
  });
  if (outcome === 'expired') throw conflict(ctx, 'error.expired');
  return getIntroduction(ctx, id);
}

/** Both sides learn how to reach each other: each side's admins who answered, or who asked. */
async function mailAccepted(ctx: Context, row: IntroductionRow, cards: Map<number, ActorCard>, answeringUser: { id: number }) {
  const users = await findUsersByIds(ctx.db, [row.requester_answered_by, row.target_answered_by, answeringUser.id]);
  const byId = new Map(users.map((u) => [u.id, u]));
  const requesterPerson = row.requester_answered_by ? (byId.get(row.requester_answered_by) ?? null) : null;
  const targetPerson = row.target_answered_by ? (byId.get(row.target_answered_by) ?? null) : null;
  const requester = cards.get(row.requester_actor);
  const target = cards.get(row.target_actor);
  const sends: [Recipient | null, ActorCard | undefined, ActorCard | undefined, { name: string; email: string } | null][] = [
    [requesterPerson, requester, target, targetPerson],
    [targetPerson, target, requester, requesterPerson],
  ];
  for (const [to, own, other, otherPerson] of sends) {
    if (!to) continue;
    await sendPartneringMail(ctx, to, 'accepted', {
      own: own?.name ?? '',
      other: other?.name ?? '',
      reply: to === requesterPerson ? row.target_reply : row.requester_reply,
      contact: contactLines(other, otherPerson),
      path: `/vernetzung/anbahnungen/${row.id}`,
    });
  }
}

/** The asker (or an admin of the asking side) withdraws a pending request. */
export async function withdrawIntroduction(ctx: Context, id: number): Promise<Introduction> {
  await inTransaction(ctx, async (tx) => {
    const { row, who } = await loadIntroduction(tx, id, { lock: true });
    if (row.origin !== 'self_initiated' || !(who.asked || who.requesterAdmin)) throw forbidden();
    if (row.status !== 'pending') throw conflict(tx, 'error.answered');
    await updateIntroduction(tx.db, row.id, { status: 'withdrawn', decided_at: tx.clock.now() });
  });
  return getIntroduction(ctx, id);
}

