import type { Context } from '../../platform/context.js';
import type { ActorProfile } from '../actors/service.js';
import { readPreferences } from './preferences.js';
import { getNetwork } from './ties.js';
import { NetworkSection } from './views/network-section.js';

/** The profile page's network section; a signed-in outsider may ask for an introduction when the actor accepts them. */
export async function profileNetworkSection(ctx: Context, actor: ActorProfile) {
  const [network, prefs] = await Promise.all([getNetwork(ctx, actor.id), readPreferences(ctx, actor.id)]);
  const canRequest = ctx.user !== null && actor.viewer.membership === null && actor.status === 'approved' && actor.visibility !== 'hidden' && prefs.contactable;
  return <NetworkSection locale={ctx.locale} actor={actor} network={network} canRequest={canRequest} />;
}
