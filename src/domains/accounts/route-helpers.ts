import type { FastifyReply } from 'fastify';
import type { View } from './views/shared.js';

/** Renders a view in the layout, with a status other than 200 when asked. */
export function show(reply: FastifyReply, view: View, status = 200) {
  return reply.code(status).page(view.title, view.body);
}

/**
 * Only local paths are honoured as a target after login: "/…", not "//…" (another host), no
 * backslash (browsers read it as a slash), only printable ASCII (it goes into a header).
 */
export function safeNext(next: unknown): string | null {
  if (typeof next !== 'string' || next.length > 2000) return null;
  return /^\/(?![/\\])[!-[\]-~]*$/.test(next) ? next : null;
}

/** A link without its token is a navigation mistake (200); a wrong, used or old one is a 400. */
export const linkStatus = (problem: string) => (problem === 'missing' ? 200 : 400);
