import type { DomainModule } from '../../platform/domain.js';
import { registrationJobs } from './registrations.js';
import { reminderJobs } from './reminders.js';
import { formatPages } from './routes.js';

export const formatsDomain: DomainModule = {
  name: 'formats',
  routes: async (app) => {
    await formatPages(app);
  },
  jobs: { ...registrationJobs, ...reminderJobs },
};
