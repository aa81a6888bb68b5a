import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifyUnderPressure from '@fastify/under-pressure';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors/index.js';
import { assets, fontDir } from '../layout/assets.js';
import { installErrorHandling } from './error-handler.js';
import { postgresRateLimitStore } from './rate-limit-store.js';
import { requestContext } from './request-context.js';
import { registerSecurityHeaders } from './security-headers.js';

const YEAR_SECONDS = 365 * 24 * 3600;

/** The shared HTTP machinery, in order: parsing, security headers, limits, context, errors, assets. */
export async function registerPlatformPlugins(app: FastifyInstance, options: { appSecret: string }) {
  const https = app.config.publicUrl.startsWith('https:');
  await app.register(fastifyCookie);
  await app.register(fastifyFormbody, { bodyLimit: 2 * 1024 * 1024 });
  await registerSecurityHeaders(app, { https });
  await app.register(fastifyRateLimit, {
    global: false,
    store: postgresRateLimitStore(app.database.db),
    errorResponseBuilder: (_request, context) => new AppError('auth.rate_limited', { retryAfterSeconds: Math.ceil(context.ttl / 1000) }),
  });
  await app.register(fastifyUnderPressure, {
    maxEventLoopDelay: app.config.maxEventLoopDelayMs,
    retryAfter: 10,
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Quartiersnetz API',
        version: '1',
        description:
          'JSON API of Quartiersnetz. Authenticate with a personal access token (Authorization: Bearer qn_pat_…) created on your account page. Errors are application/problem+json (RFC 9457).',
      },
      components: {
        securitySchemes: { accessToken: { type: 'http', scheme: 'bearer', description: 'Personal access token (qn_pat_…)' } },
      },
    },
    hideUntagged: true,
  });
  await app.register(requestContext, { appSecret: options.appSecret });
  installErrorHandling(app);

  // Assets: content-hashed names cached for a year; fonts by their own (versioned-package) names.
  await app.register(fastifyStatic, { root: fontDir, serve: false });
  const byHashedName = new Map([...assets.values()].map((a) => [a.hashedName, a.file]));
  const fonts = new Set(fs.readdirSync(fontDir));
  const cache = `public, max-age=${YEAR_SECONDS}, immutable`;
  app.get('/assets/:file', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const file = byHashedName.get((request.params as { file: string }).file);
    if (!file) throw new AppError('not_found');
    return reply.header('cache-control', cache).sendFile(path.basename(file), path.dirname(file), { cacheControl: false });
  });
  app.get('/assets/fira-sans/:file', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const file = (request.params as { file: string }).file;
    if (!fonts.has(file)) throw new AppError('not_found');
    return reply.header('cache-control', cache).sendFile(file, fontDir, { cacheControl: false });
  });
}
