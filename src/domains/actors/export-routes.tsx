import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { hasRole } from '../../platform/context.js';
import { problemResponses } from '../../platform/http/api-schemas.js';
import { compressLargeDocuments } from '../../platform/http/compression.js';
import { page } from '../../platform/http/routes.js';
import type { Locale } from '../../platform/i18n/index.js';
import { directoryQuerySchema } from './directory-api.js';
import { EXPORT_FORMATS, exportActorsCsv, exportActorsGeoJson, exportActorsJson, type ExportFormat } from './export.js';
import { slugParam } from './profile-route-helpers.js';
import { readDirectoryQuery, type DirectoryQuery } from './search-query.js';
import { getActorForViewer } from './service.js';
import { actorVCard } from './vcard.js';
import { listVocabulary } from './vocabulary.js';
import { ExportPage } from './views/export-page.js';
import { importTexts } from './views/import-page.js';

/** The export page, the files it leads to, the export API, and a profile's vCard. */

const { sort: _sort, page: _page, pageSize: _pageSize, ...filters } = directoryQuerySchema.properties;
const exportQuery = Type.Object(
  {
    ...filters,
    format: Type.Union(EXPORT_FORMATS.map((f) => Type.Literal(f)), { description: 'csv (the import’s format: an export imports again), json, or geojson (RFC 7946)' }),
    lang: Type.Optional(Type.Union([Type.Literal('de'), Type.Literal('en')], { description: 'Language of the CSV headers and labels (default: Accept-Language)' })),
  },
  { additionalProperties: false },
);

const mediaTypes: Record<ExportFormat, string> = { csv: 'text/csv; charset=utf-8', json: 'application/json; charset=utf-8', geojson: 'application/geo+json' };

/** Streams an export as a download. What members get differs from the public file: no shared caches. */
async function sendExport(request: FastifyRequest, reply: FastifyReply, format: ExportFormat, query: DirectoryQuery, locale: Locale) {
  const date = request.ctx.clock.now().toISOString().slice(0, 10);
  void reply
    .header('content-disposition', `attachment; filename="akteure-${date}.${format}"`)
    .header('cache-control', 'private, no-store')
    .header('vary', 'Cookie, Authorization')
    .type(mediaTypes[format]);
  if (format === 'csv') return reply.send(exportActorsCsv(request.ctx, query, locale));
  if (format === 'json') return reply.send(exportActorsJson(request.ctx, query));
  return reply.send(await exportActorsGeoJson(request.ctx, query));
}

const formatOf = (value: unknown): ExportFormat => EXPORT_FORMATS.find((f) => f === value) ?? 'csv';

export async function exportRoutes(app: FastifyInstance) {
  page(app, {
    path: '/akteure/export',
    access: 'public',
    handler: async (request, reply) => {
      const query = readDirectoryQuery(request.query as Record<string, unknown>, request.locale);
      const view = <ExportPage locale={request.locale} query={query} vocabulary={await listVocabulary(request.ctx)} coordinator={hasRole(request.user, 'coordinator')} />;
      return reply.page(importTexts(request.locale)('export.title'), view);
    },
  });
  // The files (100,000 actors are megabytes), compressed in a scope of their own: the pages run without its hooks.
  await app.register(async (files) => {
    await compressLargeDocuments(files);
    // The form's target: read as leniently as the directory reads its URL (an empty select is "all").
    page(files, {
      path: '/akteure/export/datei',
      access: 'public',
      handler: async (request, reply) => {
        const input = request.query as Record<string, unknown>;
        return sendExport(request, reply, formatOf(input.format), readDirectoryQuery(input, request.locale), request.locale);
      },
    });

    files.get<{ Querystring: Static<typeof exportQuery> }>(
      '/api/v1/actors/export',
      {
        config: { access: 'public' },
        schema: {
          tags: ['actors'],
          summary: 'Export the directory as CSV, JSON or GeoJSON, with its filters and visibility (contact details for members only)',
          querystring: exportQuery,
          produces: ['text/csv', 'application/json', 'application/geo+json'],
          response: { 200: Type.Unknown({ description: 'The file, streamed' }), ...problemResponses },
        },
      },
      async (request, reply) => {
        const { format, lang, ...input } = request.query;
        return sendExport(request, reply, format, readDirectoryQuery(input, request.locale), lang ?? request.locale);
      },
    );
  });

  page(app, {
    path: '/akteure/:slug/vcard',
    access: 'public',
    handler: async (request, reply) => {
      const actor = await getActorForViewer(request.ctx, slugParam(request));
      const base = `${request.ctx.config.publicUrl}/akteure/${actor.slug}`;
      const text = actorVCard(actor, { profileUrl: base, vcardUrl: `${base}/vcard`, locale: request.locale });
      void reply
        .header('content-disposition', `attachment; filename="${actor.slug}.vcf"`)
        .header('cache-control', 'private, no-store')
        .header('vary', 'Cookie, Authorization');
      return reply.type('text/vcard; charset=utf-8').send(text);
    },
  });
}
