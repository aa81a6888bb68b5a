import type { FastifyPluginAsync } from 'fastify';
import type { Context } from './context.js';
import type { JobHandlers } from './jobs/runner.js';

/** What a domain contributes to the app: its routes, background jobs and seed data. */
export interface DomainModule {
  name: string;
  routes: FastifyPluginAsync;
  jobs?: JobHandlers;
  /** Idempotent: runs on first start and again with `cli seed`. */
  seed?: (ctx: Context) => Promise<void>;
}
