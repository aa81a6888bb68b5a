import { forbidden } from '../../platform/errors/index.js';
import { hasRole, requireRole, requireUser, type Context, type CurrentUser } from '../../platform/context.js';
import { actorCardForViewer, actorIdsOfUser, getActorForViewer, type ActorCard, type ActorProfile } from '../actors/service.js';

/** Who may act for which actor in partnering: its members (admins for answers and settings) and coordinators. */

export { requireUser };

export const isCoordinator = (ctx: Context) => hasRole(ctx.user, 'coordinator');

export const requireCoordinator = (ctx: Context): CurrentUser => requireRole(ctx, 'coordinator');

/** The actor as the caller may see it; 404 when not. */
export async function visibleActor(ctx: Context, ref: string | number): Promise<ActorProfile> {
  return getActorForViewer(ctx, ref);
}

/**
 * An actor the caller acts for: one of their own (as admin when `admin`), or any for coordinators
 * unless `own` (speaking *as* the organisation — asking for an introduction, proposing a tie —
 * needs its consent, so coordinators broker instead). Outsiders get the same 404 as for an actor
 * that does not exist when they cannot see it, else 403.
 */
export async function actingActor(ctx: Context, ref: string | number, options: { admin?: boolean; own?: boolean } = {}): Promise<ActorProfile> {
  requireUser(ctx);
  const actor = await getActorForViewer(ctx, ref);
  if (isCoordinator(ctx) && !options.own) return actor;
  const role = actor.viewer.membership;
  if (role === null || (options.admin && role !== 'admin')) throw forbidden();
  return actor;
}

/** As actingActor, with only the actor's card (no profile): for the hot paths (suggestions). */
export async function actingActorCard(ctx: Context, ref: string | number): Promise<ActorCard> {
  requireUser(ctx);
  const actor = await actorCardForViewer(ctx, ref);
  if (!isCoordinator(ctx) && actor.membership === null) throw forbidden();
  return actor;
}

/** Ids of the caller's own actors (active memberships; admin role when `admin`). */
export async function ownActorIds(ctx: Context, options: { admin?: boolean } = {}): Promise<number[]> {
  const user = requireUser(ctx);
  return actorIdsOfUser(ctx, user.id, options.admin ? { role: 'admin' } : {});
}
