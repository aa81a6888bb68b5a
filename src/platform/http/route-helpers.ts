import type { FastifyReply, FastifyRequest } from 'fastify';
import { notFound, type AppError } from '../errors/index.js';
import { localePath, translator } from '../i18n/index.js';
import { platformMessages, type PlatformMessageKey } from '../i18n/platform-messages.js';

/** What HTML routes of every domain share: reading path, query and form; redirecting with a notice. */

/** A form's values as typed: single fields as strings, repeated ones (checkboxes) as lists. */
export type FormBody = Record<string, string | string[]>;

/** The form as sent: strings, and lists for repeated fields (checkboxes); the CSRF token left out. */
export function formBody(request: FastifyRequest): FormBody {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const values: FormBody = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === '_csrf' || key === '__proto__') continue;
    if (typeof value === 'string') values[key] = value;
    else if (Array.isArray(value)) values[key] = value.filter((item): item is string => typeof item === 'string');
  }
  return values;
}

/** Single-valued fields only (repeated ones keep their first value). */
export function formStrings(request: FastifyRequest): Record<string, string> {
  return Object.fromEntries(Object.entries(formBody(request)).map(([key, value]) => [key, Array.isArray(value) ? (value[0] ?? '') : value]));
}

export const slugParam = (request: FastifyRequest): string => (request.params as { slug: string }).slug;

/** A numeric path parameter; anything else is "not found". */
export function idParam(request: FastifyRequest, name: string): number {
  const raw = (request.params as Record<string, unknown>)[name];
  if (typeof raw !== 'string' || !/^[1-9]\d{0,14}$/.test(raw)) throw notFound();
  return Number(raw);
}

export const queryText = (request: FastifyRequest, name: string): string | undefined => {
  const value = (request.query as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : undefined;
};

/** After a successful post: 303 to a page of this language, with a notice. */
export function redirectTo(request: FastifyRequest, reply: FastifyReply, path: string, notice?: string) {
  return reply.redirect(`${localePath(request.locale, path)}${notice ? `?hinweis=${encodeURIComponent(notice)}` : ''}`, 303);
}

/** The overall message of a rejection without field errors (CSRF, size, conflict). */
export function errorMessage(error: AppError, locale: FastifyRequest['locale']): string | undefined {
  if (error.fields) return undefined;
  return error.detail ?? translator(platformMessages, locale)(`error.${error.code}` as PlatformMessageKey, { minutes: 1 });
}

