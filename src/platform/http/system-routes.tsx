import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { sql } from 'kysely';
import { AppError } from '../errors/index.js';
import { ApiDocsPage } from './api-docs-view.js';
import { problemSchema } from './api-schemas.js';
import { page } from './routes.js';

const healthSchema = Type.Object({ status: Type.Literal('ok'), database: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]) });

/** Liveness, readiness and the API description. */
export async function systemRoutes(app: FastifyInstance) {
  app.get('/healthz', { config: { access: 'public' }, schema: { hide: true } }, async () => ({ status: 'ok' }));

  app.get('/readyz', { config: { access: 'public' }, schema: { hide: true } }, async () => {
    try {
      await sql`select 1`.execute(app.database.db);
    } catch (error) {
      throw new AppError('server.overloaded', { retryAfterSeconds: 5, cause: error });
    }
    return { status: 'ok', database: app.database.kind };
  });

  app.get(
    '/api/v1/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        summary: 'Health of the service and its database',
        response: { 200: healthSchema, 503: problemSchema },
      },
    },
    async () => {
      try {
        await sql`select 1`.execute(app.database.db);
      } catch (error) {
        throw new AppError('server.overloaded', { retryAfterSeconds: 5, cause: error });
      }
      return { status: 'ok' as const, database: app.database.kind };
    },
  );

  app.get('/api/docs/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  page(app, {
    path: '/api/docs',
    access: 'public',
    handler: async (request, reply) => {
      const title = request.locale === 'de' ? 'API-Dokumentation' : 'API documentation';
      return reply.page(title, <ApiDocsPage document={app.swagger() as unknown as OpenApiDocument} locale={request.locale} />);
    },
  });
}

export interface OpenApiDocument {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, { summary?: string; description?: string; tags?: string[]; security?: unknown[]; parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: unknown }[]; requestBody?: { content?: Record<string, { schema?: unknown }> }; responses?: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }> }>>;
}
