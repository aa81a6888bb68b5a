import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type FieldErrors } from '../errors/index.js';
import { localeFromAcceptLanguage, localePath, splitLocale, translator, type Locale } from '../i18n/index.js';
import { platformMessages, type PlatformMessageKey } from '../i18n/platform-messages.js';
import { sendPage } from './render.js';
import { isApiUrl } from './types.js';

/** Turns anything thrown into an AppError; unknown errors become a 500 without internals. */
function toAppError(error: FastifyError | Error): AppError {
  if (error instanceof AppError) return error;
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    const fields: FieldErrors = {};
    for (const issue of fastifyError.validation) {
      const field = (issue.instancePath || '').replace(/^\//, '').replace(/\//g, '.') || String((issue.params as { missingProperty?: string })?.missingProperty ?? 'body');
      fields[field] ??= issue.message ?? 'invalid';
    }
    return new AppError('request.invalid', { fields, cause: error });
  }
  const status = fastifyError.statusCode ?? 500;
  if (status === 413) return new AppError('request.too_large', { cause: error });
  if (status === 404) return new AppError('not_found', { cause: error });
  if (status >= 400 && status < 500) return new AppError('request.invalid', { cause: error });
  if (status === 503) return new AppError('server.overloaded', { retryAfterSeconds: 10, cause: error });
  return new AppError('server.error', { cause: error });
}

export function problemBody(request: FastifyRequest, error: AppError, locale: Locale) {
  const t = translator(platformMessages, locale);
  const minutes = Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60));
  return {
    type: `urn:quartiersnetz:problem:${error.code}`,
    title: t(`error.title.${error.status}` as PlatformMessageKey),
    status: error.status,
    detail: error.status === 500 ? t('error.server.error') : (error.detail ?? t(`error.${error.code}` as PlatformMessageKey, { minutes })),
    instance: request.url.split('?')[0],
    code: error.code,
    requestId: request.id,
    ...(error.fields ? { errors: Object.entries(error.fields).map(([field, message]) => ({ field, message })) } : {}),
  };
}

function ErrorPage(props: { locale: Locale; status: number; message: string; requestId: string }) {
  const t = translator(platformMessages, props.locale);
  return (
    <>
      <h1 class="kern-heading-large">{t(`error.title.${props.status}` as PlatformMessageKey)}</h1>
      <p class="kern-body">{props.message}</p>
      {props.status >= 500 && <p class="kern-body kern-body--small">{t('error.reference', { id: props.requestId })}</p>}
      <p>
        <a class="kern-link" href={localePath(props.locale, '/')}>
          {t('error.backHome')}
        </a>
      </p>
    </>
  );
}

/** Errors after which a form is shown again with what was typed. */
const formErrors = new Set<string>(['request.invalid', 'request.csrf', 'request.too_large', 'auth.rate_limited', 'conflict']);

export function sendError(request: FastifyRequest, reply: FastifyReply, error: AppError) {
  if (error.retryAfterSeconds) void reply.header('retry-after', String(error.retryAfterSeconds));
  reply.code(error.status);
  // Errors can arise before the request context is built (e.g. overload): derive what we need here.
  const isApi = isApiUrl(request.url);
  const locale = isApi ? (request.locale ?? localeFromAcceptLanguage(request.headers['accept-language'])) : splitLocale(request.url).locale;
  if (isApi || request.url === '/healthz' || request.url === '/readyz') {
    return reply.type('application/problem+json; charset=utf-8').send(problemBody(request, error, locale));
  }
  request.locale = locale;
  request.pagePath = splitLocale(request.url).path;
  const form = request.routeOptions?.config?.form;
  if (form && formErrors.has(error.code)) {
    const view = form(request, error);
    return sendPage(reply, view.title, view.body);
  }
  const t = translator(platformMessages, locale);
  const minutes = Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60));
  const message = error.status >= 500 ? t(`error.${error.code}` as PlatformMessageKey) : (error.detail ?? t(`error.${error.code}` as PlatformMessageKey, { minutes }));
  return sendPage(reply, t(`error.title.${error.status}` as PlatformMessageKey), <ErrorPage locale={locale} status={error.status} message={message} requestId={request.id} />);
}

export function installErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500 && appError.code !== 'server.overloaded') request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: appError.code, status: appError.status }, 'request rejected');
    return sendError(request, reply, appError);
  });
  app.setNotFoundHandler((request, reply) => sendError(request, reply, new AppError('not_found')));
}
