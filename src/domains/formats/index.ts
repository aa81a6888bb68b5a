import type { DomainModule } from '../../platform/domain.js';
import { registrationJobs } from './registrations.js';
import { reminderJobs } from './reminders.js';
import { formatsApiRoutes } from './api-routes.js';
import { formatPages } from './routes.js';

export const formatsDomain: DomainModule = {
  name: 'formats',
  routes: async (app) => {
    const guestLimit = await formatPages(app);
    formatsApiRoutes(app, guestLimit);
  },
  jobs: { ...registrationJobs, ...reminderJobs },
};
