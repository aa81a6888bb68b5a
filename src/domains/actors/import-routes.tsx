import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { AppError, ValidationError } from '../../platform/errors/index.js';
import { acceptUploads } from '../../platform/files/uploads.js';
import { problemResponses, problemSchema } from '../../platform/http/api-schemas.js';
import { page } from '../../platform/http/routes.js';
import { translator } from '../../platform/i18n/index.js';
import { CSV_DELIMITERS, CSV_ENCODINGS } from './csv-read.js';
import { importMessages } from './import-messages.js';
import { checkImportUpload, getImportRun, listImportRuns, startImport } from './import-runs.js';
import { IMPORT_LIMITS, importActorsCsv, type ImportReport } from './import.js';
import { errorMessage, idParam, redirectTo } from './profile-route-helpers.js';
import { ImportPage, importTexts } from './views/import-page.js';
import { ImportStatusPage } from './views/import-status.js';

/** The CSV import: upload and dry run, the status page that starts and follows it, and its API. */
export async function importRoutes(app: FastifyInstance) {
  // Its own scope: only these routes take multipart and text/csv bodies of up to 20 MB.
  await app.register(importScope);
}

const literals = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));
const reportSchema = Type.Object(
  {
    dryRun: Type.Boolean(),
    outcome: Type.Union([Type.Literal('checked'), Type.Literal('imported')], { description: 'checked: a dry run; imported: every row written' }),
    encoding: literals(CSV_ENCODINGS),
    delimiter: literals(CSV_DELIMITERS),
    rows: Type.Integer({ description: 'Data rows read' }),
    created: Type.Integer({ description: 'New profiles (would be created, with a dry run)' }),
    updated: Type.Integer(),
    unchanged: Type.Integer(),
    createdTags: Type.Integer({ description: 'New free keywords' }),
    problemRows: Type.Integer({ description: 'Rows with problems; an import with any is refused as a whole' }),
    problemCount: Type.Integer(),
    problems: Type.Array(Type.Object({ line: Type.Integer(), column: Type.Union([Type.String(), Type.Null()]), message: Type.String() }), { description: 'The first 1,000 problems by line' }),
    ignoredColumns: Type.Array(Type.String()),
  },
  { description: 'What the import found and did' },
);
const importQuery = Type.Object({ dryRun: Type.Optional(Type.Boolean({ default: false, description: 'Only check and report; nothing is written' })) }, { additionalProperties: false });

/** Room for the multipart framing and the form's text fields around the file. */
const BODY_LIMIT = IMPORT_LIMITS.maxBytes + 256 * 1024;

async function importScope(scope: FastifyInstance) {
  await acceptUploads(scope, { fileField: 'file', maxFileBytes: IMPORT_LIMITS.maxBytes });
  scope.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'buffer', bodyLimit: BODY_LIMIT }, (_request, body, done) => done(null, body));
  const t = (request: FastifyRequest) => importTexts(request.locale);
  const importPage = async (request: FastifyRequest, error?: AppError) => ({
    title: t(request)('page.title'),
    body: <ImportPage locale={request.locale} csrf={request.csrfToken()} runs={await listImportRuns(request.ctx)} errors={error?.fields} message={error && errorMessage(error, request.locale)} />,
  });

  page(scope, {
    path: '/akteure/import',
    access: 'coordinator',
    handler: async (request, reply) => {
      const view = await importPage(request);
      return reply.page(view.title, view.body);
    },
  });
  page(scope, {
    method: 'POST',
    path: '/akteure/import',
    access: 'coordinator',
    bodyLimit: BODY_LIMIT,
    form: importPage,
    handler: async (request, reply) => redirectTo(request, reply, `/akteure/import/${await checkImportUpload(request.ctx, request.upload)}`),
  });
  page(scope, {
    path: '/akteure/import/:id',
    access: 'coordinator',
    handler: async (request, reply) => {
      const run = await getImportRun(request.ctx, idParam(request, 'id'));
      void reply.header('cache-control', 'no-store');
      return reply.page(t(request)('status.title', { file: run.filename }), <ImportStatusPage locale={request.locale} csrf={request.csrfToken()} run={run} />);
    },
  });
  page(scope, {
    method: 'POST',
    path: '/akteure/import/:id',
    access: 'coordinator',
    handler: async (request, reply) => {
      const id = idParam(request, 'id');
      await startImport(request.ctx, id);
      return redirectTo(request, reply, `/akteure/import/${id}`);
    },
  });

  scope.post<{ Querystring: Static<typeof importQuery> }>(
    '/api/v1/actors/import',
    {
      config: { access: 'coordinator' },
      bodyLimit: BODY_LIMIT,
      schema: {
        tags: ['actors'],
        summary: 'Import actors from a CSV file (coordinators): a dry run reports, an import writes all rows or none',
        description:
          'The body is the CSV file (Content-Type text/csv), or a multipart form with the file in the field "file". Format: see /akteure/import. ' +
          'Rows with problems refuse the whole import (400, the problems as errors); a dry run answers them in the report.',
        security: [{ accessToken: [] }],
        consumes: ['text/csv', 'multipart/form-data'],
        querystring: importQuery,
        response: { 200: reportSchema, ...problemResponses, 409: problemSchema, 413: problemSchema },
      },
    },
    async (request) => {
      const bytes = Buffer.isBuffer(request.body) ? request.body : (request.upload?.bytes ?? null);
      const tr = translator(importMessages, request.locale);
      if (!bytes || bytes.byteLength === 0) throw new ValidationError({ file: tr('file.missing') });
      if (request.upload?.truncated) throw new AppError('request.too_large');
      const report = await importActorsCsv(request.ctx, bytes, { dryRun: request.query.dryRun, filename: request.upload?.filename || 'api.csv' });
      return answer(report);
    },
  );
}

/** A report as the API answers it: refused and failed imports are errors. */
function answer(report: ImportReport): ImportReport {
  if (report.outcome === 'failed') throw new AppError('conflict', { detail: report.failure });
  if (report.outcome === 'rejected') {
    throw new ValidationError(Object.fromEntries(report.problems.map((p) => [`${p.line}${p.column ? ` ${p.column}` : ''}`, p.message])));
  }
  return report;
}
