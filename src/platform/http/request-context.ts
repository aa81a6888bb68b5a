import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { createContext, hasRole } from '../context.js';
import { AppError } from '../errors/index.js';
import { localeFromAcceptLanguage, localePath, splitLocale } from '../i18n/index.js';
import { SESSION_COOKIE, findAccessTokenUser, findSession } from '../auth/sessions.js';
import { createCsrfToken, verifyCsrfToken } from '../auth/csrf.js';
import { isApiUrl, type Access } from './types.js';
import { navCounts } from '../layout/nav-counts.js';

export interface RouteRecord {
  method: string;
  url: string;
  access: Access;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with its declared access, for the route × role test. */
    routeRecords: RouteRecord[];
    appSecret: string;
  }
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Per request: locale, current user (session cookie or access token), the context object,
 * the access guard and the CSRF check. Reading anonymous pages touches neither database nor cookies.
 */
export const requestContext = fp(async function requestContext(app: FastifyInstance, options: { appSecret: string }) {
  app.decorate('routeRecords', [] as RouteRecord[]);
  app.decorate('appSecret', options.appSecret);
  app.decorateRequest('locale', 'de');
  app.decorateRequest('user', null);
  app.decorateRequest('ctx', null as never);
  app.decorateRequest('csrfSecret', options.appSecret);
  app.decorateRequest('isApi', false);
  app.decorateRequest('pagePath', '/');
  app.decorateRequest('navCounts', null);
  app.decorateRequest('csrfToken', function (this: FastifyRequest) {
    return createCsrfToken(this.csrfSecret, this.user === null);
  });

  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!access) throw new Error(`route ${methods.join(',')} ${route.url} does not declare config.access`);
    for (const method of methods) if (method !== 'HEAD') app.routeRecords.push({ method, url: route.url, access });
  });

  app.addHook('onRequest', async (request, reply) => {
    const url = request.url;
    request.isApi = isApiUrl(url);
    const split = splitLocale(url);
    const query = url.includes('?') ? url.slice(url.indexOf('?')) : '';
    request.pagePath = split.path + query;
    request.locale = request.isApi ? localeFromAcceptLanguage(request.headers['accept-language']) : split.locale;
    request.csrfSecret = app.appSecret;
    const now = new Date();

    const authorization = request.headers.authorization;
    if (authorization?.startsWith('Bearer ')) {
      request.user = await findAccessTokenUser(app.database.db, authorization.slice(7).trim(), now);
      if (!request.user) throw new AppError('auth.required');
    } else {
      const token = request.cookies[SESSION_COOKIE];
      if (token) {
        const session = await findSession(app.database.db, token, now);
        if (session) {
          request.user = session.user;
          request.csrfSecret = session.csrfSecret;
        } else {
          reply.clearCookie(SESSION_COOKIE, { path: '/' });
        }
      }
    }
    request.ctx = createContext({ db: app.database.db, config: app.config, log: request.log, user: request.user, locale: request.locale, clock: app.clock });
    return checkAccess(request, reply);
  });

  // Pages for signed-in people show counts beside navigation links (nav-counts.ts).
  app.addHook('preHandler', async (request) => {
    if (request.method === 'GET' && !request.isApi && request.user) request.navCounts = await navCounts(request.ctx);
  });

  app.addHook('preHandler', async (request) => {
    if (safeMethods.has(request.method)) return;
    // Browsers send Origin on cross-site posts: refuse them everywhere, the anonymous API included.
    if (!sameOrigin(request.headers.origin, request.headers.host)) throw new AppError('request.csrf');
    if (request.isApi && request.user?.sessionId == null) return; // token or anonymous: no ambient credential to abuse
    const body = request.body as Record<string, unknown> | undefined;
    const token = request.isApi ? request.headers['x-csrf-token'] : (body?._csrf ?? request.headers['x-csrf-token']);
    if (!verifyCsrfToken(request.csrfSecret, token, request.user === null)) throw new AppError('request.csrf');
  });
});

/** A cross-site form post carries a foreign Origin header; no Origin at all is an older browser. */
function sameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

function checkAccess(request: FastifyRequest, reply: FastifyReply): FastifyReply | undefined {
  const access = request.routeOptions.config?.access;
  if (!access || access === 'public') return undefined;
  if (!request.user) {
    if (request.isApi || request.method !== 'GET') throw new AppError('auth.required');
    const next = encodeURIComponent(request.url);
    void reply.redirect(`${localePath(request.locale, '/anmelden')}?next=${next}`, 302);
    return reply;
  }
  if (!hasRole(request.user, access)) throw new AppError('auth.forbidden');
  return undefined;
}
