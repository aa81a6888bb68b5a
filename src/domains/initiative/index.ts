import type { DomainModule } from '../../platform/domain.js';
import { initiativeRoutes } from './routes.js';
import { seedInitiative } from './service.js';

export const initiativeDomain: DomainModule = {
  name: 'initiative',
  routes: initiativeRoutes,
  seed: seedInitiative,
};
