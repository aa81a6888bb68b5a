import type { FastifyInstance } from 'fastify';
import { page } from '../../platform/http/routes.js';
import { problemResponses } from '../../platform/http/api-schemas.js';
import { translator, type Locale } from '../../platform/i18n/index.js';
import { readCache } from '../../platform/read-cache.js';
import { messages } from './messages.js';
import { initiativeSchema } from './schemas.js';
import { getInitiative } from './service.js';
import { HomePage } from './views/home-page.js';

// The API answer is the same for everyone for seconds at a time: serialised once per language
// (about a tenth of this route's CPU), like the start page's micro-cache.
const serialised: Record<Locale, ReturnType<typeof readCache<string>>> = { de: readCache(5000), en: readCache(5000) };

export async function initiativeRoutes(app: FastifyInstance) {
  page(app, {
    path: '/',
    access: 'public',
    handler: async (request, reply) => {
      const initiative = await getInitiative(request.ctx);
      const t = translator(messages, request.locale);
      return reply.page(t('home.title'), <HomePage initiative={initiative} locale={request.locale} loggedIn={request.user !== null} />, {
        description: initiative.claim,
        anonymousCacheSeconds: 5,
      });
    },
  });
  app.get('/en', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) => reply.redirect('/en/', 301));

  app.get(
    '/api/v1/initiative',
    {
      config: { access: 'public' },
      schema: { tags: ['initiative'], summary: 'The initiative’s profile and timeline', response: { 200: initiativeSchema, ...problemResponses } },
    },
    async (request, reply) => {
      const body = await serialised[request.locale].get(request.ctx.db, async () => JSON.stringify(await getInitiative(request.ctx)));
      return reply.type('application/json; charset=utf-8').send(body);
    },
  );
}
