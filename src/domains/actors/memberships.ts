import { AppError, ValidationError, forbidden, notFound } from '../../platform/errors/index.js';
import { inTransaction, type Context } from '../../platform/context.js';
import { translator } from '../../platform/i18n/index.js';
import { Validator } from '../../platform/validation.js';
import { sendActorMail } from './mails.js';
import { messages } from './messages.js';
import { MEMBER_ROLES, type ActorKind, type ActorStatus, type MemberRole, type Sector, type Visibility } from './model.js';
import { viewerOf } from './policy.js';
import { loadEditableActor, loadVisibleActor, requireUser } from './profiles.js';
import { deleteMember, insertMember, lockAdminIds, selectActorIdsOfUser, selectActorsOfUser, selectMembers, selectUsersByIds, updateMember } from './queries.js';

/** The people behind an organisation: requests to join, roles, leaving. */

export const MESSAGE_MAX = 1000;

export interface ActorMember {
  userId: number;
  name: string;
  /** Only for the actor's admins and coordinators. */
  email: string | null;
  role: MemberRole;
  status: 'active' | 'pending';
  /** The request's message (pending requests, for admins and coordinators). */
  message: string | null;
  since: Date;
}

export interface ActorMembers {
  actor: { id: number; slug: string; name: string; kind: ActorKind };
  /** The viewer administers the actor (admin or coordinator): may decide requests and change roles. */
  manage: boolean;
  members: ActorMember[];
  requests: ActorMember[];
}

/** Members of an actor, for its own members and coordinators; requests only for those who decide them. */
export async function listActorMembers(ctx: Context, ref: string | number): Promise<ActorMembers> {
  requireUser(ctx);
  const { row, membership } = await loadVisibleActor(ctx, ref);
  const coordinator = viewerOf(ctx).coordinator;
  if (membership === null && !coordinator) throw forbidden();
  const manage = coordinator || membership === 'admin';
  const rows = await selectMembers(ctx.db, row.id);
  const people = rows.map((r) => ({
    userId: r.user_id,
    name: r.name,
    email: manage ? r.email : null,
    role: r.role,
    status: r.status,
    message: manage ? r.message : null,
    since: r.created_at,
  }));
  return {
    actor: { id: row.id, slug: row.slug, name: row.name, kind: row.kind },
    manage,
    members: people.filter((p) => p.status === 'active'),
    requests: manage ? people.filter((p) => p.status === 'pending') : [],
  };
}

export type JoinRequest = { status: 'requested' | 'already_member' | 'already_requested' };

/** A member asks to join an organisation; its admins get a mail each. */
export async function requestMembership(ctx: Context, ref: string | number, input: { message?: unknown }): Promise<JoinRequest> {
  const user = requireUser(ctx);
  const { row, membership, requested } = await loadVisibleActor(ctx, ref);
  if (row.kind !== 'organisation') throw notFound();
  const v = new Validator(ctx.locale);
  const message = v.text('message', input.message, { max: MESSAGE_MAX });
  v.check();
  if (membership !== null) return { status: 'already_member' };
  if (requested) return { status: 'already_requested' };
  return inTransaction(ctx, async (tx) => {
    const inserted = await insertMember(tx.db, { actor_id: row.id, user_id: user.id, role: 'member', status: 'pending', message: message || null, created_at: tx.clock.now() });
    if (!inserted) return { status: 'already_requested' as const };
    const admins = await selectUsersByIds(tx.db, await lockAdminIds(tx.db, row.id));
    for (const admin of admins) await sendActorMail(tx, admin, 'requested', { actor: row.name, slug: row.slug, requester: user.name, message });
    return { status: 'requested' as const };
  });
}

export type MemberChange = { status: 'done' | 'last_admin' };

/** Accepts or declines a request (its admins, coordinators); the requester gets a mail in their language. */
export async function decideMembership(ctx: Context, ref: string | number, userId: number, input: { decision: unknown }): Promise<MemberChange> {
  const { row } = await loadEditableActor(ctx, ref);
  const v = new Validator(ctx.locale);
  const decision = v.choice('decision', input.decision, ['accept', 'decline'] as const);
  v.check();
  return inTransaction(ctx, async (tx) => {
    const [requester] = await selectUsersByIds(tx.db, [userId]);
    const pending = (await selectMembers(tx.db, row.id)).find((m) => m.user_id === userId && m.status === 'pending');
    if (!requester || !pending) throw notFound();
    if (decision === 'accept') await updateMember(tx.db, row.id, userId, { status: 'active', decided_by: tx.user?.id ?? null, decided_at: tx.clock.now() });
    else await deleteMember(tx.db, row.id, userId);
    await sendActorMail(tx, requester, decision === 'accept' ? 'accepted' : 'declined', { actor: row.name, slug: row.slug });
    return { status: 'done' as const };
  });
}

/** Changes a member's role (its admins, coordinators); the last admin stays admin. */
export async function changeMemberRole(ctx: Context, ref: string | number, userId: number, input: { role: unknown }): Promise<MemberChange> {
  const { row } = await loadEditableActor(ctx, ref);
  const v = new Validator(ctx.locale);
  const role = v.choice('role', input.role, MEMBER_ROLES);
  if (!role) throw new ValidationError(v.errors);
  return inTransaction(ctx, async (tx) => {
    const admins = await lockAdminIds(tx.db, row.id);
    const member = (await selectMembers(tx.db, row.id)).find((m) => m.user_id === userId && m.status === 'active');
    if (!member) throw notFound();
    if (role === 'member' && admins.length === 1 && admins[0] === userId) return { status: 'last_admin' as const };
    await updateMember(tx.db, row.id, userId, { role, decided_by: tx.user?.id ?? null, decided_at: tx.clock.now() });
    return { status: 'done' as const };
  });
}

/** Removes a member (its admins, coordinators) or lets a member leave; the last admin cannot go. */
export async function removeMember(ctx: Context, ref: string | number, userId: number): Promise<MemberChange> {
  const user = requireUser(ctx);
  const self = userId === user.id;
  const { row } = self ? await loadVisibleActor(ctx, ref) : await loadEditableActor(ctx, ref);
  return inTransaction(ctx, async (tx) => {
    const admins = await lockAdminIds(tx.db, row.id);
    // Members leave; someone waiting for an answer may also withdraw their request.
    const member = (await selectMembers(tx.db, row.id)).find((m) => m.user_id === userId && (m.status === 'active' || self));
    if (!member) throw notFound();
    if (admins.length === 1 && admins[0] === userId) return { status: 'last_admin' as const };
    await deleteMember(tx.db, row.id, userId);
    return { status: 'done' as const };
  });
}

/** The signed-in member leaves an actor. */
export async function leaveActor(ctx: Context, ref: string | number): Promise<MemberChange> {
  return removeMember(ctx, ref, requireUser(ctx).id);
}

export interface MyActor {
  id: number;
  slug: string;
  name: string;
  kind: ActorKind;
  sector: Sector;
  status: ActorStatus;
  visibility: Visibility;
  role: MemberRole;
  /** pending: the request to join waits for an answer. */
  membership: 'active' | 'pending';
}

/** "My organisations": where the signed-in member belongs or asked to join. */
export async function listMyActors(ctx: Context): Promise<MyActor[]> {
  const user = requireUser(ctx);
  const rows = await selectActorsOfUser(ctx.db, user.id);
  return rows.map((r) => ({ id: r.id, slug: r.slug, name: r.name, kind: r.kind, sector: r.sector, status: r.status, visibility: r.visibility, role: r.role, membership: r.member_status }));
}

/** Ids of the actors a user belongs to actively (optionally only those they administer): for other domains. */
export async function actorIdsOfUser(ctx: Context, userId: number, options: { role?: MemberRole } = {}): Promise<number[]> {
  return selectActorIdsOfUser(ctx.db, userId, options.role);
}

/** Refused because the actor would have no admin left. */
export const lastAdminError = (ctx: Context) => new AppError('conflict', { detail: translator(messages, ctx.locale)('members.lastAdmin') });
