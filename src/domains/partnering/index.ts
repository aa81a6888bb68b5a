import type { DomainModule } from '../../platform/domain.js';
import { registerActorMergeStep, registerContactAccess, registerProfileSection } from '../actors/service.js';
import { partneringApiRoutes } from './api-routes.js';
import { introductionJobs } from './introduction-jobs.js';
import { countIntroductionsToAnswer } from './introductions.js';
import { registerNavCount } from '../../platform/layout/nav-counts.js';
import { moveToSurvivor, selectConnectedActors } from './queries.js';
import { partneringPages } from './routes.js';
import { profileNetworkSection } from './network.js';

// A merged duplicate's ties, introductions and dismissals live on with the survivor.
registerActorMergeStep('partnering', (ctx, merge) => moveToSurvivor(ctx.db, merge.from.id, merge.into.id));
// Double opt-in: an actor's contact details are for those connected with it (accepted introduction, tie).
registerContactAccess('partnering', (ctx, own) => selectConnectedActors(ctx.db, own));
// Every profile page shows the actor's network (as far as the viewer may see it).
registerProfileSection('partnering', profileNetworkSection);
// Requests waiting for an answer: a count beside „Vernetzung“ on every page (the mail's in-app twin).
registerNavCount('/vernetzung', countIntroductionsToAnswer);

export const partneringDomain: DomainModule = {
  name: 'partnering',
  routes: async (app) => {
    const requestLimit = await partneringPages(app);
    partneringApiRoutes(app, requestLimit);
  },
  jobs: introductionJobs,
};
