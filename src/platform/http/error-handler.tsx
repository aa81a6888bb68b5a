import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type FieldErrors } from '../errors/index.js';
import { localeFromAcceptLanguage, localePath, splitLocale, translator, type Locale } from '../i18n/index.js';
import { platformMessages, type PlatformMessageKey } from '../i18n/platform-messages.js';
import { sendPage } from './render.js';
import { isApiUrl } from './types.js';

/** The language of an error answer: the API's Accept-Language, or the page's path. */
function errorLocale(request: FastifyRequest): Locale {
  return isApiUrl(request.url) ? (request.locale ?? localeFromAcceptLanguage(request.headers['accept-language'])) : splitLocale(request.url).locale;
}

interface SchemaIssue {
  keyword: string;
  instancePath?: string;
  params?: Record<string, unknown>;
}

/** One schema validation issue as a field name and a message in the caller's language. */
function schemaIssue(issue: SchemaIssue, t: ReturnType<typeof translator<PlatformMessageKey>>): [string, string] {
  const params = issue.params ?? {};
  const path = (issue.instancePath || '').replace(/^\//, '').replace(/\//g, '.');
  const child = (name: unknown) => (path ? `${path}.${String(name)}` : String(name));
  switch (issue.keyword) {
    case 'required':
      return [child(params.missingProperty), t('validation.required')];
    case 'additionalProperties':
      return [child(params.additionalProperty), t('validation.unknownField')];
    case 'maxLength':
    case 'maxItems':
      return [path || 'body', t('validation.tooLong', { max: Number(params.limit) })];
    case 'minLength':
    case 'minItems':
      return [path || 'body', Number(params.limit) === 1 ? t('validation.required') : t('validation.tooShort', { min: Number(params.limit) })];
    case 'enum':
    case 'const':
    case 'anyOf':
      return [path || 'body', t('validation.choice')];
    case 'format':
      return [path || 'body', params.format === 'email' ? t('validation.email') : t('validation.type')];
    default:
      return [path || 'body', t('validation.type')];
  }
}

/** Turns anything thrown into an AppError; unknown errors become a 500 without internals. */
function toAppError(error: FastifyError | Error, locale: Locale): AppError {
  if (error instanceof AppError) return error;
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    const t = translator(platformMessages, locale);
    const fields: FieldErrors = {};
    for (const issue of fastifyError.validation) {
      const [field, message] = schemaIssue(issue as SchemaIssue, t);
      fields[field] ??= message;
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

export function sendError(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply | Promise<FastifyReply> {
  if (error.retryAfterSeconds) void reply.header('retry-after', String(error.retryAfterSeconds));
  reply.code(error.status);
  // Errors can arise before the request context is built (e.g. overload): derive what we need here.
  const isApi = isApiUrl(request.url);
  const locale = errorLocale(request);
  if (isApi || request.url === '/healthz' || request.url === '/readyz') {
    return reply.type('application/problem+json; charset=utf-8').send(problemBody(request, error, locale));
  }
  request.locale = locale;
  request.pagePath = splitLocale(request.url).path;
  const form = request.routeOptions?.config?.form;
  if (form && formErrors.has(error.code)) {
    // A form that loads data to re-render may itself fail (e.g. the record is not visible): answer that instead.
    const failed = (failure: unknown) => {
      if (failure instanceof AppError && !formErrors.has(failure.code)) return sendError(request, reply, failure);
      request.log.error({ err: failure }, 'form view failed');
      return sendError(request, reply, new AppError('server.error', { cause: failure }));
    };
    try {
      const view = form(request, error);
      if (view instanceof Promise) return view.then((loaded) => sendPage(reply, loaded.title, loaded.body), failed);
      return sendPage(reply, view.title, view.body);
    } catch (failure) {
      return failed(failure);
    }
  }
  const t = translator(platformMessages, locale);
  const minutes = Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60));
  const message = error.status >= 500 ? t(`error.${error.code}` as PlatformMessageKey) : (error.detail ?? t(`error.${error.code}` as PlatformMessageKey, { minutes }));
  return sendPage(reply, t(`error.title.${error.status}` as PlatformMessageKey), <ErrorPage locale={locale} status={error.status} message={message} requestId={request.id} />);
}

export function installErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error, errorLocale(request));
    if (appError.status >= 500 && appError.code !== 'server.overloaded') request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: appError.code, status: appError.status }, 'request rejected');
    return sendError(request, reply, appError);
  });
  app.setNotFoundHandler((request, reply) => sendError(request, reply, new AppError('not_found')));
}
