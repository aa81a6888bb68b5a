import type { DomainModule } from '../../platform/domain.js';
import { directoryRoutes } from './directory-routes.js';
import { exportRoutes } from './export-routes.js';
import { imageRoutes } from './image-routes.js';
import { importRoutes } from './import-routes.js';
import { analyzeJobs } from './import.js';
import { importJobs } from './import-runs.js';
import { mapRoutes } from './map-routes.js';
import { profileRoutes } from './profile-routes.js';
import { seedActors } from './seed.js';

export const actorsDomain: DomainModule = {
  name: 'actors',
  routes: async (app) => {
    await profileRoutes(app);
    await directoryRoutes(app);
    await imageRoutes(app);
    await mapRoutes(app);
    await importRoutes(app);
    await exportRoutes(app);
  },
  jobs: { ...importJobs, ...analyzeJobs },
  seed: seedActors,
};
