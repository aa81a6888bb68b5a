import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Role } from '../../src/platform/context.js';
import { ACCESS_TOKEN_PREFIX, SESSION_COOKIE } from '../../src/platform/auth/sessions.js';
import { createCsrfToken } from '../../src/platform/auth/csrf.js';
import { hashToken, newToken } from '../../src/platform/auth/tokens.js';
import type { RouteRecord } from '../../src/platform/http/request-context.js';
import { isApiUrl } from '../../src/platform/http/types.js';
import { createUser, type TestUser } from './factories.js';
import type { TestApp } from './test-app.js';

/** Helpers for tests that walk `app.routeRecords`: placeholder URLs, actors per role, response summaries. */

export type RoleName = 'anonymous' | Role;
export const roleNames: readonly RoleName[] = ['anonymous', 'member', 'coordinator', 'admin'];

const rank: Record<RoleName, number> = { anonymous: 0, member: 1, coordinator: 2, admin: 3 };
const accessRank: Record<RouteRecord['access'], number> = { public: 0, member: 1, coordinator: 2, admin: 3 };

export function allows(access: RouteRecord['access'], role: RoleName): boolean {
  return rank[role] >= accessRank[access];
}

/** Whether a declared access is at least as strict as a minimum. */
export function atLeast(access: RouteRecord['access'], minimum: RouteRecord['access']): boolean {
  return accessRank[access] >= accessRank[minimum];
}

/** The platform's own test: JSON API routes answer problem+json (the /api/docs page is HTML). */
export { isApiUrl };

export function isEnglishUrl(url: string): boolean {
  return url === '/en' || url.startsWith('/en/');
}

/** A value for a path parameter that names nothing in the database. */
export function placeholder(name: string): string {
  if (/id$/i.test(name)) return '999999';
  if (/token/i.test(name)) return 'qn-invalid-token';
  if (/file/i.test(name)) return 'no-such-file.css';
  if (/locale|lang/i.test(name)) return 'xx';
  return 'no-such-thing';
}

/** A concrete URL for a route pattern: every `:param` (and `*`) replaced by a placeholder. */
export function concreteUrl(pattern: string): string {
  return fillParams(pattern, placeholder);
}

/** The names of a route pattern's parameters (`*` included), in order. */
export function paramNames(pattern: string): string[] {
  return [...pattern.matchAll(/:(\w+)(\([^)]*\))?|\*/g)].map((m) => m[1] ?? '*');
}

/** Fills a route pattern's parameters with values (URL-encoded here). */
export function fillParams(pattern: string, value: (name: string, index: number) => string): string {
  let index = 0;
  return pattern.replace(/:(\w+)(\([^)]*\))?|\*/g, (_whole, name: string | undefined) => encodePathSegment(value(name ?? '*', index++)));
}

/** encodeURIComponent, except that a lone surrogate goes out as the invalid UTF-8 a sloppy client would send. */
function encodePathSegment(text: string): string {
  return text.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]|[\s\S]/g, (char) => (/^[\uD800-\uDFFF]$/.test(char) ? '%ED%A0%80' : encodeURIComponent(char)));
}

/** Whether a concrete path would be matched by a route pattern (static text, `:param`, `*`). */
export function patternMatches(pattern: string, path: string): boolean {
  let source = '';
  const token = /:(\w+)(\(([^)]*)\))?|\*/g;
  let last = 0;
  for (let m = token.exec(pattern); m; m = token.exec(pattern)) {
    source += escapeRegExp(pattern.slice(last, m.index));
    source += m[0] === '*' ? '.*' : m[3] ? `(?:${m[3].replace(/^\^|\$$/g, '')})` : '[^/]+';
    last = m.index + m[0].length;
  }
  source += escapeRegExp(pattern.slice(last));
  return new RegExp(`^${source}$`).test(path.split('?')[0] ?? path);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Someone making requests: anonymous, or a fresh user of a role with a session (and optionally a personal access token). */
export interface Actor {
  role: RoleName;
  user: TestUser | null;
  cookies: Record<string, string>;
  /** A CSRF token valid for this actor (session-bound when logged in). */
  csrf: string;
  /** `Authorization: Bearer …` value, when created with `token: true`. */
  bearer: string | null;
}

const anonymousCsrf = new WeakMap<FastifyInstance, string>();

/**
 * The anonymous CSRF token as a browser gets it: from the first public page that carries a form
 * (the start page first). Only when no public page has a form yet is one minted like the layout does.
 */
export async function anonymousCsrfToken(app: FastifyInstance): Promise<string> {
  const cached = anonymousCsrf.get(app);
  if (cached) return cached;
  const pages = app.routeRecords
    .filter((r) => r.method === 'GET' && r.access === 'public' && !isApiUrl(r.url) && !r.url.includes(':') && !r.url.includes('*'))
    .map((r) => r.url)
    .sort((a, b) => (a === '/' ? -1 : b === '/' ? 1 : a.localeCompare(b)));
  let token: string | null = null;
  for (const url of pages) {
    const response = await app.inject({ method: 'GET', url });
    token = csrfIn(response.body);
    if (token) break;
  }
  token ??= createCsrfToken(app.appSecret, true);
  anonymousCsrf.set(app, token);
  return token;
}

export function csrfIn(html: string): string | null {
  return /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? null;
}

/** A fresh actor: its own user and session, so that logging out or deleting the account harms no other check. */
export async function createActor(t: TestApp, role: RoleName, options: { token?: boolean; csrf?: boolean } = {}): Promise<Actor> {
  if (role === 'anonymous') {
    return { role, user: null, cookies: {}, csrf: options.csrf === false ? '' : await anonymousCsrfToken(t.app), bearer: null };
  }
  const user = await createUser(t, { role });
  const cookies = { [SESSION_COOKIE]: user.session ?? '' };
  let csrf = '';
  if (options.csrf !== false) {
    for (const url of ['/', '/konto']) {
      const response = await t.app.inject({ method: 'GET', url, cookies });
      csrf = csrfIn(response.body) ?? '';
      if (csrf) break;
    }
    if (!csrf) throw new Error(`no CSRF token on / or /konto for a ${role}`);
  }
  const bearer = options.token ? `Bearer ${await createAccessToken(t, user.id)}` : null;
  return { role, user, cookies, csrf, bearer };
}

/**
 * Actors that outlive the requests made with them: one per role (and token flavour), replaced by a
 * fresh one as soon as a request logged it out, deleted, demoted or revoked its token.
 */
export class ActorPool {
  private readonly actors = new Map<string, Actor>();
  constructor(private readonly t: TestApp) {}

  async get(role: RoleName, options: { token?: boolean } = {}): Promise<Actor> {
    const token = Boolean(options.token) && role !== 'anonymous';
    const name = `${role}${token ? '+token' : ''}`;
    const known = this.actors.get(name);
    if (known && (await this.stillValid(known))) return known;
    const actor = await createActor(this.t, role, { token });
    this.actors.set(name, actor);
    return actor;
  }

  private async stillValid(actor: Actor): Promise<boolean> {
    if (!actor.user) return true;
    const session = await this.t.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select('users.role')
      .where('sessions.token_hash', '=', hashToken(actor.cookies[SESSION_COOKIE] ?? ''))
      .where('users.email_verified_at', 'is not', null)
      .executeTakeFirst();
    if (session?.role !== actor.role) return false;
    if (!actor.bearer) return true;
    const token = await this.t.db.selectFrom('access_tokens').select('id').where('token_hash', '=', hashToken(actor.bearer.slice('Bearer '.length))).where('revoked_at', 'is', null).executeTakeFirst();
    return token !== undefined;
  }
}

/** A personal access token for a user, stored hashed like the account page does. */
export async function createAccessToken(t: TestApp, userId: number, name = 'test'): Promise<string> {
  const { token, hash } = newToken(ACCESS_TOKEN_PREFIX);
  await t.db.insertInto('access_tokens').values({ token_hash: hash, user_id: userId, name }).execute();
  return token;
}

/** Injects as the actor: session cookie, or the bearer token instead when `viaToken`. */
export function injectAs(app: FastifyInstance, actor: Actor, request: InjectOptions & { viaToken?: boolean }) {
  const { viaToken, ...options } = request;
  const headers = { ...(options.headers ?? {}) } as Record<string, string>;
  if (viaToken) {
    if (!actor.bearer) throw new Error('actor has no access token');
    headers.authorization = actor.bearer;
    return app.inject({ ...options, headers });
  }
  return app.inject({ ...options, headers, cookies: { ...actor.cookies, ...((options.cookies as Record<string, string>) ?? {}) } });
}

/** One line about a response, for failure listings. */
export function summarize(response: LightMyRequestResponse): string {
  const type = String(response.headers['content-type'] ?? '-').split(';')[0] ?? '-';
  const parts = [`${response.statusCode}`, type];
  if (response.headers.location) parts.push(`→ ${String(response.headers.location)}`);
  if (type.includes('json')) {
    try {
      const body = response.json() as { code?: string; detail?: string };
      if (body.code) parts.push(`code=${body.code}`);
    } catch {
      parts.push('(invalid JSON)');
    }
  } else if (type === 'text/html') {
    const title = /<title>([^<]*)<\/title>/.exec(response.body)?.[1] ?? /<h1[^>]*>([^<]*)</.exec(response.body)?.[1];
    if (title) parts.push(`"${title.slice(0, 60)}"`);
  }
  return parts.join(' ');
}

/**
 * Collects what the app logs at error level, by request id, so that a test can show the stack
 * trace behind a 5xx. Pass `.options` to createTestApp. These walks answer for the application,
 * not for the machine, so the overload guard is off (its own test is pressure.test.ts): a sample
 * interval without a tick on a busy host reads as an infinite event-loop delay, and a 503.
 */
export function captureErrors() {
  const byRequest = new Map<string, string>();
  return {
    options: {
      config: { logLevel: 'error', maxEventLoopDelayMs: 0 },
      logStream: {
        write(line: string) {
          try {
            const entry = JSON.parse(line) as { level?: number; reqId?: string; msg?: string; err?: { stack?: string; message?: string } };
            if ((entry.level ?? 0) >= 50) {
              const key = entry.reqId ?? '-';
              const text = entry.err?.stack ?? entry.err?.message ?? entry.msg ?? line;
              byRequest.set(key, byRequest.has(key) ? `${byRequest.get(key)}\n${text}` : text);
            }
          } catch {
            byRequest.set('-', line);
          }
        },
      },
    },
    /** The logged error of the request behind a response, if any. */
    errorFor(response: LightMyRequestResponse): string | undefined {
      return byRequest.get(String(response.headers['x-request-id'] ?? ''));
    },
  };
}
