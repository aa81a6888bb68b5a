import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Layout } from '../layout/layout.js';
import { h } from 'preact';

export function renderPage(request: FastifyRequest, title: string, body: VNode, description?: string): string {
  const page = h(Layout, {
    locale: request.locale,
    title,
    path: request.pagePath,
    user: request.user ?? null,
    navCounts: request.navCounts ?? {},
    // Only the signed-in layout has a form (log out). Requests rejected by the router come undecorated.
    csrf: request.user && typeof request.csrfToken === 'function' ? request.csrfToken() : '',
    description,
    children: body,
  });
  return '<!doctype html>' + renderToString(page);
}

// Rendered pages that are the same for every anonymous visitor, per app instance, language and path.
const anonymousPages = new WeakMap<object, Map<string, { html: string; expires: number }>>();

export interface PageOptions {
  description?: string;
  /**
   * Serve anonymous visitors the same rendering for this many seconds (micro-cache for the busiest
   * public pages). Only for pages whose anonymous HTML depends on nothing but language and path.
   */
  anonymousCacheSeconds?: number;
}

export function sendPage(reply: FastifyReply, title: string, body: VNode, options: PageOptions = {}) {
  const request = reply.request;
  // htmx wants the whole page for a boosted link and when its history cache misses (back button).
  const wholePage = request.headers['hx-boosted'] === 'true' || request.headers['hx-history-restore-request'] === 'true';
  if (request.headers['hx-request'] === 'true' && !wholePage) {
    return sendFragment(reply, body);
  }
  void reply.type('text/html; charset=utf-8');
  if (!options.anonymousCacheSeconds || request.user || request.method !== 'GET') {
    return reply.send(renderPage(request, title, body, options.description));
  }
  let pages = anonymousPages.get(request.server);
  if (!pages) anonymousPages.set(request.server, (pages = new Map()));
  const key = `${request.locale} ${request.url}`;
  const now = Date.now();
  let entry = pages.get(key);
  if (!entry || entry.expires <= now) {
    if (pages.size > 200) pages.clear(); // query strings must not grow it without bound
    entry = { html: renderPage(request, title, body, options.description), expires: now + options.anonymousCacheSeconds * 1000 };
    pages.set(key, entry);
  }
  return reply.send(entry.html);
}

export function sendFragment(reply: FastifyReply, body: VNode) {
  return reply.type('text/html; charset=utf-8').send(renderToString(body));
}
