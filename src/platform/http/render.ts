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
    // Only the signed-in layout has a form (log out). Requests rejected by the router come undecorated.
    csrf: request.user && typeof request.csrfToken === 'function' ? request.csrfToken() : '',
    description,
    children: body,
  });
  return '<!doctype html>' + renderToString(page);
}

export function sendPage(reply: FastifyReply, title: string, body: VNode, description?: string) {
  const request = reply.request;
  if (request.headers['hx-request'] === 'true' && request.headers['hx-boosted'] !== 'true') {
    return sendFragment(reply, body);
  }
  return reply.type('text/html; charset=utf-8').send(renderPage(request, title, body, description));
}

export function sendFragment(reply: FastifyReply, body: VNode) {
  return reply.type('text/html; charset=utf-8').send(renderToString(body));
}
