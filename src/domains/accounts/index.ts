import type { DomainModule } from '../../platform/domain.js';
import { accountsRoutes } from './routes.js';

export const accountsDomain: DomainModule = { name: 'accounts', routes: accountsRoutes };
