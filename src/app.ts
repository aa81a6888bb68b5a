import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from './platform/config.js';
import type { DatabaseHandle } from './platform/db/index.js';
import type { DomainModule } from './platform/domain.js';
import { AppError } from './platform/errors/index.js';
import { sendError } from './platform/http/error-handler.js';
import { registerPlatformPlugins } from './platform/http/plugins.js';
import { sendFragment, sendPage } from './platform/http/render.js';
import { systemRoutes } from './platform/http/system-routes.js';
import { loggerOptions } from './platform/logging.js';
import { JobRunner, type JobHandlers } from './platform/jobs/runner.js';
import { mailJobs } from './platform/mail/index.js';
import { ensureSecret } from './platform/settings.js';
import { systemClock, type Clock } from './platform/context.js';
import { accountsDomain } from './domains/accounts/index.js';
import { actorsDomain } from './domains/actors/index.js';
import { adminDomain } from './domains/admin/index.js';
import { formatsDomain } from './domains/formats/index.js';
import { initiativeDomain } from './domains/initiative/index.js';
import { pagesDomain } from './domains/pages/index.js';
import { partneringDomain } from './domains/partnering/index.js';
import { placesDomain } from './domains/places/index.js';

/** What Quartiersnetz can do, one domain per line. */
export const domains: DomainModule[] = [initiativeDomain, pagesDomain, accountsDomain, placesDomain, actorsDomain, partneringDomain, formatsDomain, adminDomain];

export function jobHandlers(): JobHandlers {
  return Object.assign({}, mailJobs, ...domains.map((d) => d.jobs ?? {}));
}

export interface AppOptions {
  config: Config;
  database: DatabaseHandle;
  /** Run the background job worker in this process (default: config.jobs). */
  runJobs?: boolean;
  clock?: Clock;
  /** Where logs go (default stdout); tests capture them to check redaction. */
  logStream?: { write(line: string): void };
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config, database } = options;
  const app = Fastify({
    logger: { ...loggerOptions(config), ...(options.logStream ? { stream: options.logStream } : {}) },
    trustProxy: config.trustProxy,
    genReqId: () => randomUUID(),
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: false, maxParamLength: 200 },
    // A malformed URL (bad percent-encoding, over-long parameter) is the client's error: 400 in our format.
    frameworkErrors: (error, request, reply) => {
      request.log.info({ code: error.code }, 'malformed request');
      return sendError(request as FastifyRequest, reply as FastifyReply, new AppError('request.invalid', { cause: error }));
    },
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('config', config);
  app.decorate('database', database);
  const runner = new JobRunner({ db: database.db, log: app.log, config, clock: options.clock }, jobHandlers());
  app.decorate('jobs', runner);
  app.decorate('clock', options.clock ?? systemClock);

  const appSecret = await ensureSecret(database.db, 'csrf_secret');
  await registerPlatformPlugins(app, { appSecret });
  app.decorateReply('page', function (title, body, pageOptions) {
    return sendPage(this, title, body, pageOptions);
  });
  app.decorateReply('fragment', function (body) {
    return sendFragment(this, body);
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(systemRoutes);
  for (const domain of domains) await app.register(domain.routes);

  if (options.runJobs ?? config.jobs) {
    app.addHook('onReady', async () => runner.start());
    app.addHook('onClose', async () => runner.stop());
  }
  return app;
}
