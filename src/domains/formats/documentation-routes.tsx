import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { problemResponses } from '../../platform/http/api-schemas.js';
import { notFound, type AppError } from '../../platform/errors/index.js';
import { sendStoredFile } from '../../platform/files/serve.js';
import { acceptUploads } from '../../platform/files/uploads.js';
import { errorMessage, formStrings, idParam, queryText, redirectTo, slugParam } from '../../platform/http/route-helpers.js';
import { page } from '../../platform/http/routes.js';
import { translator } from '../../platform/i18n/index.js';
import { addInsight, addMedia, getDocumentation, getMediaFile, MEDIA_LIMITS, removeInsight, removeMedia, setResults } from './documentation.js';
import { messages } from './messages.js';
import { DocumentationPage, type DocForms } from './views/documentation.js';
import { noticeOf } from './views/notices.js';

/** Writing a format's documentation, and GET /formate/medien/:id to show its media. */
export async function documentationRoutes(app: FastifyInstance) {
  const t = (request: FastifyRequest) => translator(messages, request.locale);
  const path = (request: FastifyRequest) => `/formate/${slugParam(request)}/dokumentation`;
  const view = async (request: FastifyRequest, forms: DocForms = {}) => {
    const { format, canEdit, documentation } = await getDocumentation(request.ctx, slugParam(request));
    if (!canEdit) throw notFound();
    const notice = Object.keys(forms).length > 0 ? undefined : noticeOf(queryText(request, 'hinweis'));
    return {
      title: t(request)('doc.title', { title: format.title }),
      body: <DocumentationPage locale={request.locale} csrf={request.csrfToken()} slug={format.slug} title={format.title} documentation={documentation} forms={forms} notice={notice} />,
    };
  };
  const stateOf = (request: FastifyRequest, error: AppError) => ({ values: formStrings(request), errors: error.fields ?? {}, message: errorMessage(error, request.locale) });

  app.get('/formate/medien/:id', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const { file, audience, download } = await getMediaFile(request.ctx, idParam(request, 'id'));
    return sendStoredFile(request, reply, file, audience, download);
  });

  page(app, {
    path: '/formate/:slug/dokumentation',
    access: 'member',
    handler: async (request, reply) => {
      const { title, body } = await view(request);
      return reply.header('cache-control', 'private, no-store').page(title, body);
    },
  });
  page(app, {
    method: 'POST',
    path: '/formate/:slug/dokumentation/ergebnisse',
    access: 'member',
    bodyLimit: 256 * 1024,
    form: (request, error) => view(request, { results: stateOf(request, error) }),
    handler: async (request, reply) => {
      await setResults(request.ctx, slugParam(request), formStrings(request));
      return redirectTo(request, reply, path(request), 'gespeichert');
    },
  });
  page(app, {
    method: 'POST',
    path: '/formate/:slug/dokumentation/erkenntnisse',
    access: 'member',
    form: (request, error) => view(request, { insight: stateOf(request, error) }),
    handler: async (request, reply) => {
      await addInsight(request.ctx, slugParam(request), formStrings(request));
      return redirectTo(request, reply, path(request), 'gespeichert');
    },
  });
  page(app, {
    method: 'POST',
    path: '/formate/:slug/dokumentation/erkenntnisse/:id/entfernen',
    access: 'member',
    handler: async (request, reply) => {
      await removeInsight(request.ctx, slugParam(request), idParam(request, 'id'));
      return redirectTo(request, reply, path(request), 'gespeichert');
    },
  });
  page(app, {
    method: 'POST',
    path: '/formate/:slug/dokumentation/medien/:id/entfernen',
    access: 'member',
    handler: async (request, reply) => {
      await removeMedia(request.ctx, slugParam(request), idParam(request, 'id'));
      return redirectTo(request, reply, path(request), 'gespeichert');
    },
  });
  // Its own scope: only this route takes multipart bodies.
  await app.register(async (scope) => {
    await acceptUploads(scope, { fileField: 'file', maxFileBytes: MEDIA_LIMITS.maxBytes });
    page(scope, {
      method: 'POST',
      path: '/formate/:slug/dokumentation/medien',
      access: 'member',
      form: (request, error) => view(request, { media: stateOf(request, error) }),
      handler: async (request, reply) => {
        await addMedia(request.ctx, slugParam(request), { ...formStrings(request), upload: request.upload });
        return redirectTo(request, reply, path(request), 'gespeichert');
      },
    });
    // The API twin: the same multipart fields (file, kind, title, alt, credit, visibility).
    scope.post(
      '/api/v1/formats/:ref/documentation/media',
      {
        config: { access: 'member' },
        schema: {
          tags: ['formats'],
          summary: 'Upload a photo or graphic recording (alt text and credit required) or a file (PDF or image) as multipart/form-data: file, kind, title, alt, credit, visibility',
          security: [{ accessToken: [] }],
          consumes: ['multipart/form-data'],
          params: Type.Object({ ref: Type.String({ minLength: 1, maxLength: 200 }) }),
          response: { 201: Type.Object({ id: Type.Integer() }), ...problemResponses },
        },
      },
      async (request, reply) => {
        const { ref } = request.params as { ref: string };
        const fields = (request.body ?? {}) as Record<string, string>;
        return reply.code(201).send({ id: await addMedia(request.ctx, ref, { ...fields, upload: request.upload }) });
      },
    );
  });
}
