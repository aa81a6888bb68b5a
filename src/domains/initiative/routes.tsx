import type { FastifyInstance } from 'fastify';
import { page } from '../../platform/http/routes.js';
import { problemResponses } from '../../platform/http/api-schemas.js';
import { translator } from '../../platform/i18n/index.js';
import { messages } from './messages.js';
import { initiativeSchema } from './schemas.js';
import { getInitiative } from './service.js';
import { HomePage } from './views/home-page.js';

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
    async (request) => getInitiative(request.ctx),
  );
}
