import type { FastifyInstance } from 'fastify';
import { accountApi } from './api-routes.js';
import { accountPages } from './account-routes.js';
import { joinPages } from './join-routes.js';
import { accountLimits } from './limits.js';

/** Joining (register, confirm, log in/out, reset) and "my account", as pages and as JSON API. */
export async function accountsRoutes(app: FastifyInstance) {
  const limits = accountLimits(app);
  joinPages(app, limits);
  accountPages(app, limits);
  accountApi(app, limits);
}
