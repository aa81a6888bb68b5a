import type { DomainModule } from '../../platform/domain.js';
import { seedPlaces } from './gazetteer.js';
import { placesRoutes } from './routes.js';

export const placesDomain: DomainModule = {
  name: 'places',
  routes: placesRoutes,
  seed: (ctx) => seedPlaces(ctx.db),
};
