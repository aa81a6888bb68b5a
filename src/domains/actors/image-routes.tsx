import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { notFound, type AppError } from '../../platform/errors/index.js';
import { sendStoredFile } from '../../platform/files/serve.js';
import { acceptUploads } from '../../platform/files/uploads.js';
import { problemResponses, problemSchema } from '../../platform/http/api-schemas.js';
import { formValues, page } from '../../platform/http/routes.js';
import { localePath, translator } from '../../platform/i18n/index.js';
import { platformMessages, type PlatformMessageKey } from '../../platform/i18n/platform-messages.js';
import { getImageFile, getImageTarget, IMAGE_ALT_MAX, IMAGE_CREDIT_MAX, IMAGE_LIMITS, removeActorImage, setActorImage } from './images.js';
import { actorRef } from './slugs.js';
import { imagePage, type ImageNotice } from './views/image-page.js';

/** Logo or photo of an actor: the form and its API twin, and GET /dateien/:id to show it. */
export async function imageRoutes(app: FastifyInstance) {
  app.get('/dateien/:id', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const id = (request.params as { id: string }).id;
    if (!/^[1-9]\d{0,14}$/.test(id)) throw notFound();
    const { file, audience } = await getImageFile(request.ctx, Number(id));
    return sendStoredFile(request, reply, file, audience);
  });
  // Its own scope: only these routes take multipart bodies.
  await app.register(uploadRoutes);
}

const notices: Record<string, ImageNotice> = { gespeichert: 'saved', entfernt: 'removed' };
const slugOf = (request: FastifyRequest) => (request.params as { slug: string }).slug;

/** The form again, with what was typed and what is wrong (the actor is read afresh: the refusal may have come before the handler). */
async function refusedForm(request: FastifyRequest, error: AppError) {
  const values = formValues(request);
  const message = error.fields ? undefined : (error.detail ?? translator(platformMessages, request.locale)(`error.${error.code}` as PlatformMessageKey, { minutes: 1 }));
  return imagePage({
    locale: request.locale,
    csrf: request.csrfToken(),
    target: await getImageTarget(request.ctx, actorRef(slugOf(request))),
    errors: error.fields,
    message,
    values: { alt: values.alt ?? '', credit: values.credit ?? '' },
  });
}

const imageSchema = Type.Object(
  {
    url: Type.String({ description: 'Path of the image file, e.g. /dateien/42' }),
    alt: Type.String(),
    credit: Type.String(),
    width: Type.Union([Type.Integer(), Type.Null()]),
    height: Type.Union([Type.Integer(), Type.Null()]),
  },
);
const imageParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 }) });
const imageBody = Type.Object({
  image: Type.Optional(Type.String({ contentMediaType: 'application/octet-stream', description: 'JPEG, PNG or WebP, at most 5 MB, 10,000 px a side and 40 megapixels. Without it, only alt text and credit change.' })),
  // Lengths are checked by the use case, so that the messages come translated.
  alt: Type.Optional(Type.String({ description: `Alt text (required, at most ${IMAGE_ALT_MAX} characters)` })),
  credit: Type.Optional(Type.String({ description: `Image credit, e.g. “Quelle: DV / Plan Zwei” (required, at most ${IMAGE_CREDIT_MAX} characters)` })),
});

async function uploadRoutes(scope: FastifyInstance) {
  await acceptUploads(scope, { fileField: 'image', maxFileBytes: IMAGE_LIMITS.maxBytes });

  page(scope, {
    path: '/akteure/:slug/bild',
    access: 'member',
    handler: async (request, reply) => {
      const target = await getImageTarget(request.ctx, actorRef(slugOf(request)));
      const notice = notices[String((request.query as Record<string, unknown>).hinweis)] ?? null;
      const view = imagePage({ locale: request.locale, csrf: request.csrfToken(), target, notice });
      return reply.page(view.title, view.body);
    },
  });

  page(scope, {
    method: 'POST',
    path: '/akteure/:slug/bild',
    access: 'member',
    form: refusedForm,
    handler: async (request, reply) => {
      const target = await getImageTarget(request.ctx, actorRef(slugOf(request)));
      const values = formValues(request);
      await setActorImage(request.ctx, { id: target.id }, { upload: request.upload, alt: values.alt, credit: values.credit });
      return reply.redirect(localePath(request.locale, `/akteure/${encodeURIComponent(target.slug)}/bild?hinweis=gespeichert`), 303);
    },
  });

  page(scope, {
    method: 'POST',
    path: '/akteure/:slug/bild/entfernen',
    access: 'member',
    handler: async (request, reply) => {
      const target = await getImageTarget(request.ctx, actorRef(slugOf(request)));
      await removeActorImage(request.ctx, { id: target.id });
      return reply.redirect(localePath(request.locale, `/akteure/${encodeURIComponent(target.slug)}/bild?hinweis=entfernt`), 303);
    },
  });

  const schema = (summary: string, extra: object) => ({ tags: ['actors'], summary, security: [{ accessToken: [] }], params: imageParams, ...extra });
  type Id = { Params: Static<typeof imageParams> };

  scope.put<Id & { Body: Static<typeof imageBody> }>(
    '/api/v1/actors/:id/image',
    {
      config: { access: 'member' },
      schema: schema('Set an actor’s logo or photo (organisation admins and coordinators)', {
        consumes: ['multipart/form-data'],
        body: imageBody,
        response: { 200: imageSchema, ...problemResponses, 413: problemSchema },
      }),
    },
    async (request) => {
      const { image } = await setActorImage(request.ctx, { id: request.params.id }, { upload: request.upload, alt: request.body?.alt, credit: request.body?.credit });
      return image;
    },
  );

  scope.delete<Id>(
    '/api/v1/actors/:id/image',
    { config: { access: 'member' }, schema: schema('Remove an actor’s logo or photo', { response: { 204: Type.Null(), ...problemResponses } }) },
    async (request, reply) => {
      await removeActorImage(request.ctx, { id: request.params.id });
      return reply.code(204).send();
    },
  );
}
