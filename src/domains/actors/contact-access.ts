import { hasRole, type Context } from '../../platform/context.js';
import { selectActorIdsOfUser } from './queries.js';

/**
 * Whose contact details (contact person, email, phone) a viewer sees. Double opt-in: not every
 * member, but an actor's own people, coordinators, and those whose organisation is connected with
 * it — which other domains know (partnering registers its accepted introductions and ties). Pages,
 * API, vCard and exports all ask here.
 */
export type ConnectedActors = (ctx: Context, ownActorIds: number[]) => Promise<Iterable<number>>;

const sources = new Map<string, ConnectedActors>();

/** Registers a domain's source of connections under a name (a second call replaces it). */
export function registerContactAccess(name: string, source: ConnectedActors) {
  sources.set(name, source);
}

/** A test for actor ids: may this viewer see the actor's contact details? */
export async function contactAccess(ctx: Context): Promise<(actorId: number) => boolean> {
  const user = ctx.user;
  if (!user) return () => false;
  if (hasRole(user, 'coordinator')) return () => true;
  const own = await selectActorIdsOfUser(ctx.db, user.id);
  const allowed = new Set(own);
  for (const source of sources.values()) for (const id of await source(ctx, own)) allowed.add(id);
  return (actorId) => allowed.has(actorId);
}
