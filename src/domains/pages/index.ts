import type { DomainModule } from '../../platform/domain.js';
import { pagesRoutes } from './routes.js';

export const pagesDomain: DomainModule = { name: 'pages', routes: pagesRoutes };
