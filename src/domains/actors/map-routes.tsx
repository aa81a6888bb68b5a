import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { problemResponses } from '../../platform/http/api-schemas.js';
import { compressLargeDocuments } from '../../platform/http/compression.js';
import { page } from '../../platform/http/routes.js';
import { getStatesGeoJson } from '../places/service.js';
import { actorsGeoJson, mapList, mapStateCounts } from './geojson.js';
import { directoryQuerySchema } from './directory-api.js';
import { SECTORS } from './model.js';
import { readDirectoryQuery } from './search-query.js';
import { listVocabulary } from './vocabulary.js';
import { MapListPage } from './views/map-list-page.js';
import { MapPage } from './views/map-page.js';
import { filterSearch, mapTexts } from './views/map-parts.js';

/** Actors listed per state on the list page; the directory has the rest (linked). */
const LIST_PER_STATE = 200;

/** The directory's filters; order and paging mean nothing on a map. */
const mapQuery = Type.Omit(directoryQuerySchema, ['sort', 'page', 'pageSize']);

const featureCollection = Type.Object(
  {
    type: Type.Literal('FeatureCollection'),
    features: Type.Array(
      Type.Object({
        type: Type.Literal('Feature'),
        id: Type.Integer({ description: 'The actor’s id' }),
        geometry: Type.Object({
          type: Type.Literal('Point'),
          coordinates: Type.Array(Type.Number(), { minItems: 2, maxItems: 2, description: '[longitude, latitude], WGS 84, 5 decimals' }),
        }),
        properties: Type.Object({
          slug: Type.String({ description: 'The profile page is /akteure/{slug} (English: /en/akteure/{slug})' }),
          name: Type.String(),
          sector: Type.Union(SECTORS.map((s) => Type.Literal(s))),
          place: Type.Union([Type.String(), Type.Null()], { description: 'Name of the municipality' }),
        }),
      }),
    ),
  },
  { description: 'RFC 7946 FeatureCollection of Points' },
);

/** The states' borders with a version of their content, so that the map page can link a cacheable URL. */
async function borders(): Promise<{ text: string; version: string }> {
  const text = await getStatesGeoJson();
  return { text, version: createHash('sha256').update(text).digest('hex').slice(0, 12) };
}

/** The map of actors, its list alternative, and the same data as GeoJSON. */
export async function mapRoutes(app: FastifyInstance) {
  page(app, {
    path: '/akteure/karte',
    access: 'public',
    handler: async (request, reply) => {
      const query = readDirectoryQuery(request.query as Record<string, unknown>, request.locale);
      const [counts, vocabulary, { version }] = await Promise.all([mapStateCounts(request.ctx, query), listVocabulary(request.ctx), borders()]);
      const view = (
        <MapPage
          locale={request.locale}
          query={query}
          counts={counts}
          vocabulary={vocabulary}
          geojsonUrl={`/api/v1/actors.geojson${filterSearch(query)}`}
          bordersUrl={`/akteure/karte/laender.geojson?v=${version}`}
        />
      );
      return reply.page(mapTexts(request.locale)('map.title'), view);
    },
  });

  page(app, {
    path: '/akteure/karte/liste',
    access: 'public',
    handler: async (request, reply) => {
      const query = readDirectoryQuery(request.query as Record<string, unknown>, request.locale);
      const { total, groups } = await mapList(request.ctx, query, LIST_PER_STATE);
      return reply.page(mapTexts(request.locale)('list.title'), <MapListPage locale={request.locale} query={query} total={total} groups={groups} />);
    },
  });

  // The GeoJSON documents (the actors' can be megabytes), compressed in a scope of their own: the pages above run without its hooks.
  await app.register(async (documents) => {
    await compressLargeDocuments(documents);
    documents.get('/akteure/karte/laender.geojson', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
      const { text, version } = await borders();
      const current = (request.query as Record<string, unknown>).v === version;
      void reply.header('cache-control', current ? 'public, max-age=31536000, immutable' : 'public, max-age=3600').header('etag', `"${version}"`);
      return reply.type('application/geo+json').send(text);
    });

    documents.get<{ Querystring: Static<typeof mapQuery> }>(
      '/api/v1/actors.geojson',
      {
        config: { access: 'public' },
        schema: {
          tags: ['actors'],
          summary: 'Actors with a place as GeoJSON (RFC 7946), with the directory’s filters and visibility',
          querystring: mapQuery,
          produces: ['application/geo+json'],
          response: { 200: featureCollection, ...problemResponses },
        },
      },
      async (request, reply) => {
        const query = readDirectoryQuery(request.query, request.locale);
        const body = await actorsGeoJson(request.ctx, query);
        // What members see differs from the public answer: only the public one may be shared by caches.
        void reply.header('cache-control', request.user ? 'private, max-age=60' : 'public, max-age=60').header('vary', 'Cookie, Authorization');
        return reply.type('application/geo+json').send(body);
      },
    );
  });
}
