import type { DomainModule } from '../../platform/domain.js';
import { attendanceJobs } from './attendance.js';
import { registrationJobs } from './registrations.js';
import { reminderJobs } from './reminders.js';
import { formatsApiRoutes } from './api-routes.js';
import { formatsRunApiRoutes } from './api-run-routes.js';
import { documentationRoutes } from './documentation-routes.js';
import { formatPages } from './routes.js';
import { formatRunPages } from './run-routes.js';
import { seedFormatsStep } from './seed.js';

export const formatsDomain: DomainModule = {
  name: 'formats',
  routes: async (app) => {
    const guestLimit = await formatPages(app);
    formatRunPages(app);
    formatsApiRoutes(app, guestLimit);
    formatsRunApiRoutes(app);
    await documentationRoutes(app);
  },
  jobs: { ...registrationJobs, ...reminderJobs, ...attendanceJobs },
  seed: seedFormatsStep,
};
