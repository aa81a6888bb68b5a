import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import type { AppError } from '../../platform/errors/index.js';
import { problemResponses } from '../../platform/http/api-schemas.js';
import { formValues, page } from '../../platform/http/routes.js';
import { translator, localePath } from '../../platform/i18n/index.js';
import { platformMessages, type PlatformMessageKey } from '../../platform/i18n/platform-messages.js';
import { messages } from './messages.js';
import { feedbackBodySchema, feedbackCreatedSchema } from './schemas.js';
import { getImpressum, getOperator, submitAccessibilityFeedback } from './service.js';
import { AccessibilityPage, FeedbackThanksPage, type FeedbackFormState } from './views/accessibility-page.js';
import { EasyLanguagePage } from './views/easy-language-page.js';
import { ImpressumPage } from './views/impressum-page.js';
import { PrivacyPage } from './views/privacy-page.js';

/** Feedback posts per IP, shared by the form and the API. */
const FEEDBACK_LIMIT = { max: 10, timeWindow: '15 minutes', nameSpace: 'accessibility-feedback' };

export async function pagesRoutes(app: FastifyInstance) {
  const feedbackLimit = app.rateLimit(FEEDBACK_LIMIT);
  const t = (request: FastifyRequest) => translator(messages, request.locale);

  page(app, {
    path: '/impressum',
    access: 'public',
    handler: async (request, reply) => reply.page(t(request)('impressum.title'), <ImpressumPage impressum={await getImpressum(request.ctx)} locale={request.locale} />),
  });

  page(app, {
    path: '/datenschutz',
    access: 'public',
    handler: async (request, reply) =>
      reply.page(t(request)('privacy.title'), <PrivacyPage locale={request.locale} operator={getOperator(request.ctx)} publicUrl={app.config.publicUrl} />),
  });

  page(app, {
    path: '/leichte-sprache',
    access: 'public',
    handler: async (request, reply) => reply.page(t(request)('easy.title'), <EasyLanguagePage locale={request.locale} />),
  });

  const accessibilityPage = (request: FastifyRequest, form?: FeedbackFormState) => ({
    title: t(request)('accessibility.title'),
    body: <AccessibilityPage locale={request.locale} operator={getOperator(request.ctx)} publicUrl={app.config.publicUrl} csrf={request.csrfToken()} form={form} />,
  });

  page(app, {
    path: '/barrierefreiheit',
    access: 'public',
    handler: async (request, reply) => {
      const view = accessibilityPage(request);
      return reply.page(view.title, view.body);
    },
  });

  page(app, {
    method: 'POST',
    path: '/barrierefreiheit',
    access: 'public',
    preHandler: feedbackLimit,
    form: (request, error) => accessibilityPage(request, { values: formValues(request), errors: error.fields, message: formMessage(request, error) }),
    handler: async (request, reply) => {
      await submitAccessibilityFeedback(request.ctx, formValues(request));
      return reply.redirect(localePath(request.locale, '/barrierefreiheit/danke'), 303);
    },
  });

  page(app, {
    path: '/barrierefreiheit/danke',
    access: 'public',
    handler: async (request, reply) => reply.page(t(request)('thanks.title'), <FeedbackThanksPage locale={request.locale} />),
  });

  app.post<{ Body: Static<typeof feedbackBodySchema> }>(
    '/api/v1/accessibility-feedback',
    {
      config: { access: 'public' },
      preHandler: feedbackLimit,
      schema: {
        tags: ['pages'],
        summary: 'Send feedback on accessibility to the admins',
        body: feedbackBodySchema,
        response: { 201: feedbackCreatedSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const created = await submitAccessibilityFeedback(request.ctx, request.body);
      return reply.code(201).send({ id: created.id, createdAt: created.createdAt.toISOString() });
    },
  );
}

/** A form-wide message when the error is not about single fields (expired form, rate limit). */
function formMessage(request: FastifyRequest, error: AppError): string | undefined {
  if (error.fields) return undefined;
  const minutes = Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60));
  return error.detail ?? translator(platformMessages, request.locale)(`error.${error.code}` as PlatformMessageKey, { minutes });
}
