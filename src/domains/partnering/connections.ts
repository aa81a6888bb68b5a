import type { Context } from '../../platform/context.js';
import { AppError } from '../../platform/errors/index.js';
import { translator } from '../../platform/i18n/index.js';
import { getActorForViewer, listMyActors, type ActorProfile, type MyActor } from '../actors/service.js';
import { isCoordinator, requireUser } from './access.js';
import { messages } from './messages.js';
import { readPreferences, type PartnerPreferences } from './preferences.js';
import { listSuggestions, type SuggestionFilters, type SuggestionList } from './suggestions.js';
import { getNetwork, type Network } from './ties.js';

/** What the pages about one actor's partnering show, each gathered by one use case. */

export interface Connections {
  actor: ActorProfile;
  network: Network;
  suggestions: SuggestionList;
  /** Only for those who change them (the actor's admins, coordinators). */
  preferences: PartnerPreferences | null;
  admin: boolean;
  coordinator: boolean;
}

/** An actor's connections page: for its own people and coordinators (others: 403, or 404 when they cannot see it). */
export async function getConnections(ctx: Context, ref: string | number, filters: SuggestionFilters = {}): Promise<Connections> {
  requireUser(ctx);
  const actor = await getActorForViewer(ctx, ref);
  const coordinator = isCoordinator(ctx);
  if (!coordinator && actor.viewer.membership === null) throw new AppError('auth.forbidden');
  const admin = coordinator || actor.viewer.membership === 'admin';
  const [network, suggestions, preferences] = await Promise.all([getNetwork(ctx, actor.id), listSuggestions(ctx, actor.id, { filters }), admin ? readPreferences(ctx, actor.id) : null]);
  return { actor, network, suggestions, preferences, admin, coordinator };
}

/** The request form: the partner, and the caller's organisations that may ask (403 without one). */
export async function prepareIntroductionRequest(ctx: Context, targetRef: string | number): Promise<{ target: ActorProfile; own: MyActor[] }> {
  requireUser(ctx);
  const target = await getActorForViewer(ctx, targetRef);
  const own = (await listMyActors(ctx)).filter((a) => a.membership === 'active' && a.id !== target.id);
  if (own.length === 0) throw new AppError('auth.forbidden', { detail: translator(messages, ctx.locale)('request.noOwn') });
  return { target, own };
}
