import { sql } from 'kysely';
import { inTransaction, type Context } from '../../platform/context.js';
import { AppError, forbidden, notFound, ValidationError } from '../../platform/errors/index.js';
import { translator } from '../../platform/i18n/index.js';
import { Validator } from '../../platform/validation.js';
import { actorAdmins, actorCards, type ActorCard } from '../actors/service.js';
import { actingActor, isCoordinator, ownActorIds, requireUser, visibleActor } from './access.js';
import { sendPartneringMail } from './mails.js';
import { messages } from './messages.js';
import { DECLARED_TIE_KINDS, type TieKind, type TieOrigin, type TieStatus } from './model.js';
import { readPreferencesOf, type PartnerPreferences } from './preferences.js';
import { insertTie, insertTies, selectTie, selectTiesAmong, selectTiesOf, updateTie, type TieRow } from './queries.js';

/**
 * Ties (Verbindungen): from accepted introductions, from "we work together" (one side proposes,
 * the other confirms), later from formats and labs. Each keeps kind, origin and dates.
 */

export interface Tie {
  id: number;
  kind: TieKind;
  origin: TieOrigin;
  status: TieStatus;
  since: string;
  endedOn: string | null;
  /** The other actor, seen from the actor whose network is shown. */
  partner: { id: number; slug: string; name: string; sector: string };
  /** The viewer may confirm (the other side's admin, not the proposer), decline or withdraw, or end it. */
  canConfirm: boolean;
  canDecline: boolean;
  canEnd: boolean;
  proposedByUs: boolean;
}

export interface Network {
  actor: { id: number; slug: string; name: string };
  /** The viewer belongs to the actor or coordinates: proposed and ended ties are listed too. */
  manage: boolean;
  ties: Tie[];
}

const t = (ctx: Context) => translator(messages, ctx.locale);
const today = (ctx: Context) => ctx.clock.now().toISOString().slice(0, 10);
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function readDate(v: Validator, field: string, value: unknown, ctx: Context, options: { required: boolean }): string | null {
  if (value === undefined || value === null || value === '') {
    if (options.required) v.add(field, t(ctx)('error.dateRequired'));
    return null;
  }
  const text = typeof value === 'string' ? value.trim() : '';
  const date = isoDate.test(text) ? new Date(`${text}T00:00:00Z`) : null;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text || text < '1900-01-01' || text > today(ctx)) {
    v.add(field, t(ctx)('error.date'));
    return null;
  }
  return text;
}

/** Whether the two actors have an active tie of any kind. */
export async function pairIsTied(ctx: Context, a: number, b: number): Promise<boolean> {
  const row = await ctx.db
    .selectFrom('ties')
    .select('id')
    .where('actor_a', '=', Math.min(a, b))
    .where('actor_b', '=', Math.max(a, b))
    .where('status', '=', 'active')
    .executeTakeFirst();
  return row !== undefined;
}

/** The tie an accepted introduction creates (inside the answer's transaction). */
export async function createTieFromIntroduction(ctx: Context, input: { introductionId: number; a: number; b: number; origin: TieOrigin; createdBy: number }) {
  await insertTie(ctx.db, {
    actor_a: Math.min(input.a, input.b),
    actor_b: Math.max(input.a, input.b),
    kind: 'introduction',
    origin: input.origin,
    status: 'active',
    introduction_id: input.introductionId,
    proposed_by: input.createdBy,
    confirmed_by: input.createdBy,
    since: today(ctx),
  });
}

/** Ties that other domains record (e.g. "met at format", brokered by the format's coordinators): active at once. */
export async function recordTies(ctx: Context, ties: { a: number; b: number; kind: TieKind; origin: TieOrigin; since: string }[]): Promise<number> {
  const rows = ties.filter((tie) => tie.a !== tie.b).map((tie) => ({ actor_a: Math.min(tie.a, tie.b), actor_b: Math.max(tie.a, tie.b), kind: tie.kind, origin: tie.origin, status: 'active' as const, since: tie.since }));
  // One row per pair and kind: a duplicate within one call would make the batch conflict with itself.
  const unique = [...new Map(rows.map((row) => [`${row.actor_a}-${row.actor_b}-${row.kind}`, row])).values()];
  return insertTies(ctx.db, unique);
}

/** Which of these actors already know each other (an active tie of any kind): e.g. to seat them apart. */
export async function tiesAmong(ctx: Context, actorIds: number[]): Promise<[number, number][]> {
  return selectTiesAmong(ctx.db, [...new Set(actorIds)]);
}

/** "We work together": an admin of `from` proposes a tie with `to`; the other side confirms. */
export async function proposeTie(ctx: Context, input: { from: string | number; to: string | number; kind?: unknown; since?: unknown }): Promise<Tie> {
  const user = requireUser(ctx);
  // Speaking as the organisation: its admins only (coordinators broker introductions instead).
  const from = await actingActor(ctx, input.from, { admin: true, own: true });
  const unknown = () => new ValidationError({ to: t(ctx)('error.unknownActor') });
  const to = await visibleActor(ctx, input.to).catch((error: unknown) => {
    throw error instanceof AppError && error.code === 'not_found' ? unknown() : error;
  });
  if (to.status !== 'approved' || to.visibility === 'hidden') throw unknown();
  if (!(await readPreferencesOf(ctx, [to.id])).get(to.id)!.contactable) throw new AppError('conflict', { detail: t(ctx)('error.notContactable') });
  const v = new Validator(ctx.locale);
  const kind = v.choice('kind', input.kind, DECLARED_TIE_KINDS);
  const since = readDate(v, 'since', input.since, ctx, { required: true });
  if (from.id === to.id) v.add('to', t(ctx)('error.samePair'));
  v.check();
  const id = await inTransaction(ctx, async (tx) => {
    const inserted = await insertTie(tx.db, {
      actor_a: Math.min(from.id, to.id),
      actor_b: Math.max(from.id, to.id),
      kind: kind!,
      origin: 'self_initiated',
      status: 'proposed',
      proposed_by_actor: from.id,
      proposed_by: user.id,
      since: since!,
    });
    if (inserted === undefined) throw new AppError('conflict', { detail: t(tx)('error.tieExists') });
    for (const admin of await actorAdmins(tx, to.id)) {
      await sendPartneringMail(tx, admin, 'tieProposed', { own: to.name, other: from.name, kind: t(tx)(`tieKind.${kind!}`), path: `/akteure/${to.slug}/verbindungen` });
    }
    return inserted;
  });
  return (await tiesById(ctx, [id], from.id))[0]!;
}

async function loadTie(ctx: Context, id: number, options: { lock?: boolean } = {}) {
  if (!Number.isSafeInteger(id) || id <= 0) throw notFound();
  const row = await selectTie(ctx.db, id, options);
  if (!row) throw notFound();
  const [own, admins] = await Promise.all([ownActorIds(ctx), ownActorIds(ctx, { admin: true })]);
  const coordinator = isCoordinator(ctx);
  if (!coordinator && !own.includes(row.actor_a) && !own.includes(row.actor_b)) throw notFound();
  return { row, admins, coordinator };
}

/** The other side confirms a proposed tie — never the person who proposed it. */
export async function confirmTie(ctx: Context, id: number): Promise<Tie> {
  const user = requireUser(ctx);
  const ours = await inTransaction(ctx, async (tx) => {
    const { row, admins } = await loadTie(tx, id, { lock: true });
    if (row.status !== 'proposed') throw new AppError('conflict', { detail: t(tx)('error.tieNotProposed') });
    const otherSide = row.proposed_by_actor === row.actor_a ? row.actor_b : row.actor_a;
    if (row.proposed_by === user.id) throw new AppError('conflict', { detail: t(tx)('error.ownProposal') });
    if (!admins.includes(otherSide)) throw forbidden();
    await updateTie(tx.db, row.id, { status: 'active', confirmed_by: user.id });
    const cards = await actorCards(tx, [row.actor_a, row.actor_b]);
    if (row.proposed_by_actor !== null) {
      for (const admin of await actorAdmins(tx, row.proposed_by_actor)) {
        await sendPartneringMail(tx, admin, 'tieConfirmed', {
          own: cards.get(row.proposed_by_actor)?.name ?? '',
          other: cards.get(otherSide)?.name ?? '',
          kind: t(tx)(`tieKind.${row.kind}`),
          path: `/akteure/${cards.get(row.proposed_by_actor)?.slug ?? ''}/verbindungen`,
        });
      }
    }
    return otherSide;
  });
  return (await tiesById(ctx, [id], ours))[0]!;
}

/** The other side declines a proposal, or the proposing side withdraws it. */
export async function declineTie(ctx: Context, id: number): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const { row, admins } = await loadTie(tx, id, { lock: true });
    if (row.status !== 'proposed') throw new AppError('conflict', { detail: t(tx)('error.tieNotProposed') });
    if (!admins.includes(row.actor_a) && !admins.includes(row.actor_b)) throw forbidden();
    await updateTie(tx.db, row.id, { status: 'declined' });
  });
}

/** Either side's admins (or coordinators) end an active tie; it stays as history with its end date. */
export async function endTie(ctx: Context, id: number, input: { endedOn?: unknown } = {}): Promise<Tie> {
  const seenFrom = await inTransaction(ctx, async (tx) => {
    const { row, admins, coordinator } = await loadTie(tx, id, { lock: true });
    if (!coordinator && !admins.includes(row.actor_a) && !admins.includes(row.actor_b)) throw forbidden();
    if (row.status !== 'active') throw new AppError('conflict', { detail: t(tx)('error.tieNotActive') });
    const v = new Validator(tx.locale);
    const endedOn = readDate(v, 'endedOn', input.endedOn, tx, { required: false }) ?? today(tx);
    if (!v.failed && endedOn < row.since) v.add('endedOn', t(tx)('error.endBeforeStart'));
    v.check();
    await updateTie(tx.db, row.id, { status: 'ended', ended_on: endedOn });
    return admins.includes(row.actor_a) ? row.actor_a : row.actor_b;
  });
  return (await tiesById(ctx, [id], seenFrom))[0]!;
}

function tiesVisibleTo(ctx: Context, prefs: PartnerPreferences): boolean {
  return prefs.tiesVisibility === 'public' || (prefs.tiesVisibility === 'members' && ctx.user !== null);
}

async function presentTies(ctx: Context, rows: TieRow[], seenFrom: number, cards: Map<number, ActorCard>): Promise<Tie[]> {
  const user = ctx.user;
  const admins = user ? await ownActorIds(ctx, { admin: true }) : [];
  return rows.flatMap((row) => {
    const partnerId = row.actor_a === seenFrom ? row.actor_b : row.actor_a;
    const partner = cards.get(partnerId);
    if (!partner) return [];
    const otherSide = row.proposed_by_actor === row.actor_a ? row.actor_b : row.actor_a;
    return [
      {
        id: row.id,
        kind: row.kind,
        origin: row.origin,
        status: row.status,
        since: row.since,
        endedOn: row.ended_on,
        partner: { id: partner.id, slug: partner.slug, name: partner.name, sector: partner.sector },
        canConfirm: row.status === 'proposed' && user !== null && row.proposed_by !== user.id && admins.includes(otherSide),
        canDecline: row.status === 'proposed' && (admins.includes(row.actor_a) || admins.includes(row.actor_b)),
        canEnd: row.status === 'active' && (isCoordinator(ctx) || admins.includes(row.actor_a) || admins.includes(row.actor_b)),
        proposedByUs: row.proposed_by_actor === seenFrom,
      },
    ];
  });
}

async function tiesById(ctx: Context, ids: number[], seenFrom: number): Promise<Tie[]> {
  const rows = (await Promise.all(ids.map((id) => selectTie(ctx.db, id)))).filter((r): r is TieRow => r !== undefined);
  const cards = await actorCards(ctx, rows.flatMap((r) => [r.actor_a, r.actor_b]));
  return presentTies(ctx, rows, seenFrom, cards);
}

/**
 * An actor's network as the viewer may see it. Its own people and coordinators see every tie
 * (proposed and ended ones too); others see active ties only, when the actor shows its ties to
 * them and each partner is listed for them and shows its ties too.
 */
export async function getNetwork(ctx: Context, ref: string | number, options: { limit?: number } = {}): Promise<Network> {
  const actor = await visibleActor(ctx, ref);
  const manage = isCoordinator(ctx) || actor.viewer.membership !== null;
  const rows = await selectTiesOf(ctx.db, actor.id, options.limit ?? 500);
  const partnerIds = rows.map((r) => (r.actor_a === actor.id ? r.actor_b : r.actor_a));
  const [cards, prefs] = await Promise.all([actorCards(ctx, [actor.id, ...partnerIds]), readPreferencesOf(ctx, [actor.id, ...partnerIds])]);
  let visible = rows;
  if (!manage) {
    if (!tiesVisibleTo(ctx, prefs.get(actor.id)!)) visible = [];
    visible = visible.filter((row) => {
      const partner = row.actor_a === actor.id ? row.actor_b : row.actor_a;
      return row.status === 'active' && cards.get(partner)?.listed === true && tiesVisibleTo(ctx, prefs.get(partner)!);
    });
  } else {
    // Own people see their partners by name even when hidden to others, but never a merged-away row.
    visible = visible.filter((row) => cards.has(row.actor_a === actor.id ? row.actor_b : row.actor_a));
  }
  return { actor: { id: actor.id, slug: actor.slug, name: actor.name }, manage, ties: await presentTies(ctx, visible, actor.id, cards) };
}

/** Counts for reports: active ties by origin (the share of self-initiated ones). */
export async function tieOriginCounts(ctx: Context): Promise<Record<TieOrigin, number>> {
  const { rows } = await sql<{ origin: TieOrigin; count: number }>`select origin, count(*)::int as count from ties where status = 'active' group by origin`.execute(ctx.db);
  const counts: Record<TieOrigin, number> = { brokered: 0, self_initiated: 0 };
  for (const row of rows) counts[row.origin] = row.count;
  return counts;
}

