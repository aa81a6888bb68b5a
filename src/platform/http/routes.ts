import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import type { Access, FormView } from './types.js';

type Handler = (request: FastifyRequest, reply: FastifyReply) => unknown;

export interface PageRoute {
  method?: 'GET' | 'POST';
  /** German path; the English twin is registered under /en. */
  path: string;
  access: Access;
  form?: FormView;
  handler: Handler;
  bodyLimit?: number;
  /** Runs after the CSRF check, e.g. a rate limiter from app.rateLimit(). */
  preHandler?: RouteShorthandOptions['preHandler'];
}

/** Registers an HTML route under /path (German) and /en/path (English). */
export function page(app: FastifyInstance, route: PageRoute) {
  const options: RouteShorthandOptions = {
    config: { access: route.access, form: route.form },
    schema: { hide: true },
    bodyLimit: route.bodyLimit,
    preHandler: route.preHandler,
  };
  const method = route.method ?? 'GET';
  const english = route.path === '/' ? '/en/' : `/en${route.path}`;
  for (const url of [route.path, english]) {
    app.route({ method, url, ...options, handler: route.handler });
  }
}

/** Form fields as strings; a repeated field keeps its first value. */
export function formValues(request: FastifyRequest): Record<string, string> {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') values[key] = first;
  }
  return values;
}
