import type { FastifyInstance, FastifyRequest } from 'fastify';
import { problemResponses } from '../../platform/http/api-schemas.js';
import { page } from '../../platform/http/routes.js';
import { translator } from '../../platform/i18n/index.js';
import { directoryQuerySchema, directoryResultSchema, presentDirectory, type DirectoryQueryParams } from './directory-api.js';
import { directoryMessages } from './directory-messages.js';
import { searchDirectory, type DirectoryResult } from './search.js';
import { directoryHref, type DirectoryInput } from './search-query.js';
import { DirectoryFragment, DirectoryPage } from './views/directory-page.js';
import { RESULTS_ID } from './views/directory-results.js';

const t = (request: FastifyRequest) => translator(directoryMessages, request.locale);

function title(request: FastifyRequest, result: DirectoryResult): string {
  const q = result.query.q;
  return q ? t(request)('titleSearch', { q: q.length > 60 ? `${q.slice(0, 60)}…` : q }) : t(request)('title');
}

/** An htmx request for the results region only; anything else (history restore included) gets the page. */
const wantsResults = (request: FastifyRequest) => request.headers['hx-request'] === 'true' && request.headers['hx-target'] === RESULTS_ID;

/** The search text as typed, for the form shown again with an error. */
function typed(request: FastifyRequest): string {
  const q = (request.query as DirectoryInput | undefined)?.q;
  const first = Array.isArray(q) ? q[0] : q;
  return typeof first === 'string' ? first : '';
}

export async function directoryRoutes(app: FastifyInstance) {
  page(app, {
    path: '/akteure',
    access: 'public',
    form: (request, error) => ({ title: t(request)('title'), body: <DirectoryPage locale={request.locale} result={null} q={typed(request)} member={request.user !== null} errors={error.fields} /> }),
    handler: async (request, reply) => {
      // The page shows 20 per page; only the API lets callers choose.
      const result = await searchDirectory(request.ctx, { ...(request.query as DirectoryInput), pageSize: undefined });
      // One address answers the page or, for htmx, the results region: caches must tell them apart.
      void reply.header('vary', 'HX-Request, HX-Target');
      if (wantsResults(request)) {
        void reply.header('hx-push-url', directoryHref(request.locale, result.query));
        return reply.fragment(<DirectoryFragment locale={request.locale} result={result} />);
      }
      // The search itself is kept 5 s or more (ADR 0006): the anonymous rendering may be too.
      return reply.page(title(request, result), <DirectoryPage locale={request.locale} result={result} q={result.query.q} member={request.user !== null} />, { anonymousCacheSeconds: 5 });
    },
  });

  app.get<{ Querystring: DirectoryQueryParams }>(
    '/api/v1/actors',
    {
      config: { access: 'public' },
      schema: {
        tags: ['actors'],
        summary: 'Search the actor directory: results, count and facet counts (visibility as on the pages)',
        querystring: directoryQuerySchema,
        response: { 200: directoryResultSchema, ...problemResponses },
      },
    },
    async (request) => presentDirectory(await searchDirectory(request.ctx, request.query), request.locale),
  );
}
