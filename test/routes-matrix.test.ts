import Fastify, { type FastifyInstance, type LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domains } from '../src/app.js';
import { AppError } from '../src/platform/errors/index.js';
import { requestContext, type RouteRecord } from '../src/platform/http/request-context.js';
import { translator } from '../src/platform/i18n/index.js';
import { platformMessages } from '../src/platform/i18n/platform-messages.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import {
  ActorPool,
  allows,
  atLeast,
  captureErrors,
  concreteUrl,
  injectAs,
  isApiUrl,
  isEnglishUrl,
  patternMatches,
  roleNames,
  summarize,
  type Actor,
  type RoleName,
} from './support/routes.js';

/**
 * Every route × every role: the guard must answer what the route declares, and a caller it lets
 * in must never see a 5xx. Cases come from app.routeRecords, so a new route is covered the moment
 * it is registered. Path parameters get placeholders (999999 for ids); MATRIX_PRINT=1 prints the
 * whole table, not only the failures.
 */

/** Pages (each also under /en) and other routes that exist today: the walk must never see fewer. */
const knownPages = [
  'GET /', 'GET /impressum', 'GET /datenschutz', 'GET /barrierefreiheit', 'POST /barrierefreiheit', 'GET /leichte-sprache',
  'GET /registrieren', 'POST /registrieren', 'GET /anmelden', 'POST /anmelden', 'POST /abmelden',
  'GET /passwort-vergessen', 'POST /passwort-vergessen', 'GET /passwort-zuruecksetzen', 'POST /passwort-zuruecksetzen',
  'GET /konto', 'POST /konto/passwort', 'POST /konto/email', 'POST /konto/loeschen', 'POST /konto/abmelden-ueberall',
  'GET /konto/meine-daten.json', 'GET /konto/zugangsschluessel', 'POST /konto/zugangsschluessel',
  'GET /admin', 'GET /admin/benutzer', 'POST /admin/benutzer/:id/rolle', 'GET /admin/postausgang', 'GET /admin/protokoll',
];
const knownOthers = [
  'GET /en', 'GET /healthz', 'GET /readyz', 'GET /api/docs', 'GET /api/docs/openapi.json', 'GET /assets/:file', 'GET /assets/fira-sans/:file',
  'GET /api/v1/health', 'GET /api/v1/initiative', 'GET /api/v1/me', 'DELETE /api/v1/me', 'GET /api/v1/me/tokens', 'POST /api/v1/me/tokens',
  'GET /api/v1/admin/users',
];
const knownRoutes = [...knownPages, ...knownPages.map((r) => r.replace(' /', ' /en/')), ...knownOthers];

/** Areas whose routes must never be declared more open than this. */
const minimumAccess: [RegExp, RouteRecord['access']][] = [
  [/^(\/en)?\/admin(\/|$)/, 'admin'],
  [/^\/api\/v1\/admin(\/|$)/, 'admin'],
  [/^\/api\/v1\/me(\/|$)/, 'member'],
];

type Expectation = 'allowed' | 'login' | 'unauthorized' | 'forbidden';
type Via = 'session' | 'token';

/** The guard's answer to a role, by what the route declares (see request-context.ts, checkAccess). */
function expectation(record: RouteRecord, role: RoleName): Expectation {
  if (allows(record.access, role)) return 'allowed';
  if (role !== 'anonymous') return 'forbidden';
  return isApiUrl(record.url) || record.method !== 'GET' ? 'unauthorized' : 'login';
}

const loginRedirect = /^(\/en)?\/anmelden\?next=/;
const problemJson = 'application/problem+json';

function contentType(response: LightMyRequestResponse): string {
  return String(response.headers['content-type'] ?? '').split(';')[0] ?? '';
}

function problemCode(response: LightMyRequestResponse): string | undefined {
  try {
    return (response.json() as { code?: string }).code;
  } catch {
    return undefined;
  }
}

/** What is wrong with a response, or null when it is what the expectation demands. */
function verdict(record: RouteRecord, url: string, expected: Expectation, response: LightMyRequestResponse): string | null {
  const status = response.statusCode;
  const api = isApiUrl(record.url);
  const locale = isEnglishUrl(url) ? 'en' : 'de';
  switch (expected) {
    case 'login': {
      const location = `${locale === 'en' ? '/en' : ''}/anmelden?next=${encodeURIComponent(url)}`;
      if (status !== 302 || response.headers.location !== location) return `302 → ${location}`;
      return null;
    }
    case 'unauthorized':
      if (status !== 401) return '401';
      if (api && (contentType(response) !== problemJson || problemCode(response) !== 'auth.required')) return `401 ${problemJson} code=auth.required`;
      if (!api && contentType(response) !== 'text/html') return '401 text/html';
      return null;
    case 'forbidden':
      if (status !== 403) return '403';
      if (api && (contentType(response) !== problemJson || problemCode(response) !== 'auth.forbidden')) return `403 ${problemJson} code=auth.forbidden`;
      if (!api && !response.body.includes(translator(platformMessages, locale)('error.auth.forbidden'))) return '403 page saying "no permission"';
      return null;
    case 'allowed':
      if (status >= 500) return 'no 5xx';
      if (status === 401 || status === 403) return 'not 401/403 (role is allowed)';
      if (status === 302 && loginRedirect.test(String(response.headers.location ?? ''))) return 'no redirect to login (role is allowed)';
      if (record.method === 'GET' && url === record.url && status === 404) return 'not 404 (route has no parameters)';
      if (api && status >= 400 && contentType(response) !== problemJson) return `${status} as ${problemJson}`;
      if (!api && status >= 400 && contentType(response) !== 'text/html') return `${status} as text/html`;
      return null;
  }
}

/** > 0 when the router takes pattern a before b for a path both match: the first differing segment decides, static before parameter before wildcard. */
function routerPrefers(a: string, b: string): number {
  const rank = (segment: string | undefined) => (segment === undefined ? 3 : segment === '*' ? 0 : segment.startsWith(':') ? 1 : 2);
  const [left, right] = [a.split('/'), b.split('/')];
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = rank(left[i]) - rank(right[i]);
    if (difference !== 0) return difference;
  }
  return 0;
}

interface Row {
  route: string;
  role: string;
  expected: string;
  got: string;
}

/** Sends one request as the actor: GET as is; other methods with an empty body and a valid CSRF token. */
function send(t: TestApp, record: RouteRecord, url: string, actor: Actor, via: Via) {
  const viaToken = via === 'token';
  if (record.method === 'GET') return injectAs(t.app, actor, { method: 'GET', url, viaToken });
  const method = record.method as 'POST';
  if (isApiUrl(record.url)) {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (!viaToken && actor.csrf) headers['x-csrf-token'] = actor.csrf;
    return injectAs(t.app, actor, { method, url, headers, payload: '{}', viaToken });
  }
  const payload = new URLSearchParams({ _csrf: actor.csrf }).toString();
  return injectAs(t.app, actor, { method, url, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload, viaToken });
}

/**
 * Walks the records × roles (API routes also with personal access tokens). A user that a check
 * logged out, deleted or demoted is replaced before the next check (ActorPool), so /abmelden,
 * /konto/loeschen or DELETE /api/v1/me spoil nothing else.
 */
async function walk(t: TestApp, records: RouteRecord[], errors: ReturnType<typeof captureErrors>) {
  const pool = new ActorPool(t);
  const failures: Row[] = [];
  const all: Row[] = [];
  const stacks: string[] = [];
  const exercised = new Set<string>();
  for (const record of records) {
    const url = concreteUrl(record.url);
    const vias: Via[] = isApiUrl(record.url) ? ['session', 'token'] : ['session'];
    for (const role of roleNames) {
      for (const via of vias) {
        if (via === 'token' && role === 'anonymous') continue;
        const actor = await pool.get(role, { token: via === 'token' });
        const expected = expectation(record, role);
        const response = await send(t, record, url, actor, via);
        exercised.add(`${record.method} ${record.url} ${role}`);
        const wrong = verdict(record, url, expected, response);
        const row = { route: `${record.method} ${url}`, role: via === 'token' ? `${role} (token)` : role, expected: wrong ? `${expected}: ${wrong}` : expected, got: summarize(response) };
        all.push(row);
        if (!wrong) continue;
        failures.push(row);
        const logged = errors.errorFor(response);
        if (logged) stacks.push(`${row.route} as ${row.role}:\n${logged}`);
      }
    }
  }
  if (process.env.MATRIX_PRINT) console.info(table(all));
  return { failures, exercised, stacks };
}

function table(rows: Row[]): string {
  const width = (key: keyof Row) => Math.max(key.length, ...rows.map((r) => r[key].length));
  const keys: (keyof Row)[] = ['route', 'role', 'expected', 'got'];
  const line = (r: Row) => keys.map((k) => r[k].padEnd(width(k))).join(' | ');
  return [line({ route: 'route', role: 'role', expected: 'expected', got: 'got' }), ...rows.map(line)].join('\n');
}

let t: TestApp;
const errors = captureErrors();
beforeAll(async () => {
  t = await createTestApp(errors.options);
});
afterAll(async () => t?.close());

describe('route × role matrix', () => {
  it('lists every route with its access, at least the routes known today', () => {
    const seen = new Set(t.app.routeRecords.map((r) => `${r.method} ${r.url}`));
    expect(knownRoutes.filter((r) => !seen.has(r))).toEqual([]);
    expect(t.app.routeRecords.length).toBeGreaterThanOrEqual(knownRoutes.length);
    expect(seen.size).toBe(t.app.routeRecords.length);
    for (const record of t.app.routeRecords) expect(['public', 'member', 'coordinator', 'admin']).toContain(record.access);
    // Everything under /api/v1 answers as an API (problem+json, 401 instead of a login redirect).
    expect(t.app.routeRecords.filter((r) => r.url.startsWith('/api/v1') && !isApiUrl(r.url)).map((r) => r.url)).toEqual([]);
  });

  it('declares the admin area and the member API no more openly than they are, and a page and its English twin alike', () => {
    const records = t.app.routeRecords;
    const tooOpen = records
      .filter((r) => minimumAccess.some(([area, minimum]) => area.test(r.url) && !atLeast(r.access, minimum)))
      .map((r) => `${r.method} ${r.url} is ${r.access}`);
    expect(tooOpen).toEqual([]);
    const byKey = new Map(records.map((r) => [`${r.method} ${r.url}`, r.access]));
    const twins = records
      .filter((r) => !isApiUrl(r.url) && !isEnglishUrl(r.url))
      .map((r) => ({ r, twin: byKey.get(`${r.method} ${r.url === '/' ? '/en/' : `/en${r.url}`}`) }))
      .filter(({ r, twin }) => twin !== undefined && twin !== r.access)
      .map(({ r, twin }) => `${r.method} ${r.url} is ${r.access}, its English twin ${twin}`);
    expect(twins).toEqual([]);
  });

  it('reaches each route with its placeholder URL, and no other route', () => {
    const records = t.app.routeRecords;
    const misrouted = records.flatMap((record) => {
      const url = concreteUrl(record.url);
      const matches = records.filter((r) => r.method === record.method && patternMatches(r.url, url));
      // As the router decides: a static segment wins over a parameter ("/akteure/neu" over "/akteure/:slug").
      const best = matches.filter((m) => matches.every((other) => routerPrefers(m.url, other.url) >= 0));
      return best.length === 1 && best[0] === record ? [] : [`${record.method} ${url} matches ${matches.map((m) => m.url).join(', ') || 'nothing'}`];
    });
    expect(misrouted).toEqual([]);
  });

  it('answers every route × role as the route declares, and never with a 5xx', async () => {
    const records = t.app.routeRecords;
    const { failures, exercised, stacks } = await walk(t, records, errors);
    const missing = records.flatMap((r) => roleNames.filter((role) => !exercised.has(`${r.method} ${r.url} ${role}`)).map((role) => `${r.method} ${r.url} ${role}`));
    expect(missing, 'every route × role was requested').toEqual([]);
    expect(exercised.size).toBe(records.length * roleNames.length);
    expect(failures, `\n${failures.length} of the route × role checks failed:\n${table(failures)}\n\n${stacks.join('\n\n')}`).toEqual([]);
  }, 120_000);

  it('catches a route that crashes, guards itself wrongly or is not guarded as declared', async () => {
    const faulty: typeof domains[number] = {
      name: 'faulty',
      routes: async (app: FastifyInstance) => {
        app.addHook('onRoute', (route) => {
          if (route.url === '/faulty/unguarded') route.config = { ...route.config, access: 'public' };
        });
        app.get('/faulty/crash', { config: { access: 'member' } }, async () => {
          throw new Error('boom');
        });
        app.get('/faulty/self-guarded', { config: { access: 'public' } }, async (request) => {
          if (!request.user) throw new AppError('auth.required');
          return { ok: true };
        });
        app.post('/faulty/unguarded', { config: { access: 'admin' } }, async () => ({ ok: true }));
      },
    };
    domains.push(faulty);
    let broken: TestApp;
    const brokenErrors = captureErrors();
    try {
      broken = await createTestApp(brokenErrors.options);
    } finally {
      domains.splice(domains.indexOf(faulty), 1);
    }
    try {
      const records = broken.app.routeRecords.filter((r) => r.url.startsWith('/faulty/'));
      const { failures, stacks } = await walk(broken, records, brokenErrors);
      expect(stacks.join('\n')).toContain('Error: boom');
      const found = failures.map((f) => `${f.route} ${f.role}`).sort();
      expect(found).toEqual(
        [
          'GET /faulty/crash member',
          'GET /faulty/crash coordinator',
          'GET /faulty/crash admin',
          'GET /faulty/self-guarded anonymous',
          'POST /faulty/unguarded anonymous',
          'POST /faulty/unguarded member',
          'POST /faulty/unguarded coordinator',
        ].sort(),
      );
    } finally {
      await broken.close();
    }
  });
});

describe('a route without declared access', () => {
  async function bareApp() {
    const app = Fastify({ logger: false });
    await app.register(requestContext, { appSecret: 'test-secret' });
    return app;
  }

  it('stops the app from starting when a domain registers one', async () => {
    const app = await bareApp();
    const domain = async (scope: FastifyInstance) => {
      scope.get('/declared', { config: { access: 'member' } }, async () => 'ok');
      scope.post('/undeclared', async () => 'ok');
    };
    // buildApp awaits each domain's registration, as here.
    await expect(app.register(domain)).rejects.toThrow('route POST /undeclared does not declare config.access');
    await expect(app.ready()).rejects.toThrow('route POST /undeclared does not declare config.access');
  });

  it('is refused at registration on the root instance, while declared routes are recorded (HEAD aside)', async () => {
    const app = await bareApp();
    app.get('/declared', { config: { access: 'coordinator' } }, async () => 'ok');
    expect(() => app.route({ method: ['GET', 'POST'], url: '/undeclared', config: {}, handler: async () => 'ok' })).toThrow(
      'route GET,POST /undeclared does not declare config.access',
    );
    await app.ready();
    expect(app.routeRecords).toEqual([{ method: 'GET', url: '/declared', access: 'coordinator' }]);
    await app.close();
  });
});
