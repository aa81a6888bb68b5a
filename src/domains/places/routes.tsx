import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import { notFound } from '../../platform/errors/index.js';
import { problemResponses } from '../../platform/http/api-schemas.js';
import { page } from '../../platform/http/routes.js';
import { placeIdParams, placeSchema, placesQuery, placesResult } from './schemas.js';
import { getPlace, searchPlaces } from './service.js';
import { PlaceSuggestions } from './views/suggestions.js';

const SUGGESTIONS = 8;

/** The typed text of the suggestions fragment; a repeated or missing q is no query. */
function queryText(query: unknown): string {
  const q = (query as Record<string, unknown> | undefined)?.q;
  return typeof q === 'string' ? q : '';
}

export async function placesRoutes(app: FastifyInstance) {
  // Suggestions as you type for the PlaceField (fetched by place-field.js): only the list, no page.
  page(app, {
    path: '/orte/vorschlaege',
    access: 'public',
    handler: async (request, reply) => {
      const query = queryText(request.query);
      const places = await searchPlaces(request.ctx, query, SUGGESTIONS);
      // The gazetteer changes only with a new release: let the browser keep the answer for a while.
      void reply.header('cache-control', 'public, max-age=3600');
      return reply.fragment(<PlaceSuggestions places={places} query={query} locale={request.locale} />);
    },
  });

  app.get<{ Querystring: Static<typeof placesQuery> }>(
    '/api/v1/places',
    {
      config: { access: 'public' },
      schema: {
        tags: ['places'],
        summary: 'Search German places by name or postcode',
        description:
          'Suggestions from the offline gazetteer: exact names first, then names starting with q, containing it, or similar to it (typos), each by population; or places whose postcode starts with q (2–5 digits). Punctuation-only input finds nothing.',
        querystring: placesQuery,
        response: { 200: placesResult, ...problemResponses },
      },
    },
    async (request) => ({ items: await searchPlaces(request.ctx, request.query.q, request.query.limit ?? 10) }),
  );

  app.get<{ Params: Static<typeof placeIdParams> }>(
    '/api/v1/places/:id',
    {
      config: { access: 'public' },
      schema: { tags: ['places'], summary: 'One place of the gazetteer', params: placeIdParams, response: { 200: placeSchema, ...problemResponses } },
    },
    async (request) => {
      const place = await getPlace(request.ctx, request.params.id);
      if (!place) throw notFound();
      return place;
    },
  );
}
