import type { DomainModule } from '../../platform/domain.js';
import { adminRoutes } from './routes.js';

export const adminDomain: DomainModule = { name: 'admin', routes: adminRoutes };
