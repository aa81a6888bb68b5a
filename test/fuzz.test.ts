import fc from 'fast-check';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../src/platform/auth/sessions.js';
import type { RouteRecord } from '../src/platform/http/request-context.js';
import { splitLocale } from '../src/platform/i18n/index.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { createUser } from './support/factories.js';
import { ActorPool, anonymousCsrfToken, captureErrors, createActor, fillParams, isApiUrl, isEnglishUrl, paramNames, patternMatches, placeholder, summarize, type Actor } from './support/routes.js';
import {
  apiBody,
  csrfMode,
  extras,
  formBody,
  key,
  markup,
  param,
  poisonedBodies,
  quiet,
  shortText,
  unescaped,
  withOwn,
  type ApiBody,
  type CsrfMode,
  type Extra,
  type FormBody,
  type Param,
} from './support/fuzz-inputs.js';

/**
 * Random bodies to every form (HTML routes other than GET) and every API route, random path
 * parameters and query strings to every page, all taken from app.routeRecords: whatever comes in,
 * the answer is never a 5xx, API errors are problem+json 4xx, HTML errors are HTML, and no injected
 * markup comes back unescaped.
 * FUZZ_SEED and FUZZ_RUNS (per route) change the run, FUZZ_STATS=1 prints what came back.
 */
const seed = Number(process.env.FUZZ_SEED ?? 20_260_603);
const numRuns = Number(process.env.FUZZ_RUNS ?? 20);
const pageRuns = Math.max(5, Math.round(numRuns / 3));
console.info(`fuzz: seed ${seed}, ${numRuns} runs per form and API route, ${pageRuns} per page (FUZZ_SEED=… FUZZ_RUNS=… to change)`);

const errors = captureErrors();
const t: TestApp = await createTestApp(errors.options);
afterAll(async () => t.close());

const forms = t.app.routeRecords.filter((r) => !isApiUrl(r.url) && r.method !== 'GET');
const apis = t.app.routeRecords.filter((r) => isApiUrl(r.url));
/** Pages get fewer runs: they take no body, only path parameters and a query string. */
const pages = t.app.routeRecords.filter((r) => !isApiUrl(r.url) && r.method === 'GET' && !r.url.startsWith('/assets/'));

// ---------------------------------------------------------------------------------------------
// Field names: what the app's own pages and its OpenAPI document say each route takes.

/** Query parameter names that the pages' own links use (e.g. ?seite=2). */
const queryKeys = new Set(['seite', 'page', 'q', 'token', 'hinweis', 'next', 'limit', 'offset', 'cursor', 'sort']);

/**
 * Field names per form action, read from every German page as anonymous, member and admin (the
 * English twins carry the same forms). Pages with parameters are loaded with the crawling users'
 * ids, so that e.g. an admin's page about a user shows its forms; the users hold an access token,
 * so that the token list shows its revoke forms.
 */
async function formFieldsByAction(): Promise<Map<string, Set<string>>> {
  const byAction = new Map<string, Set<string>>();
  const crawlers = [await createActor(t, 'anonymous', { csrf: false }), await createActor(t, 'member', { csrf: false, token: true }), await createActor(t, 'admin', { csrf: false, token: true })];
  const ids = crawlers.flatMap((c) => (c.user ? [String(c.user.id)] : []));
  const urls = t.app.routeRecords
    .filter((r) => r.method === 'GET' && !isApiUrl(r.url) && !isEnglishUrl(r.url) && !r.url.startsWith('/assets/'))
    .flatMap((r) => (paramNames(r.url).length === 0 ? [r.url] : ids.map((id) => fillParams(r.url, () => id))));
  for (const crawler of crawlers) {
    for (const url of urls) {
      const response = await t.app.inject({ method: 'GET', url, cookies: crawler.cookies });
      if (!String(response.headers['content-type']).startsWith('text/html')) continue;
      for (const link of response.body.matchAll(/href="[^"?]*\?([^"#]*)"/g)) for (const name of new URLSearchParams((link[1] ?? '').replace(/&amp;/g, '&')).keys()) queryKeys.add(name);
      for (const form of response.body.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
        const action = /\saction="([^"]*)"/.exec(form[1] ?? '')?.[1]?.replace(/&amp;/g, '&').split(/[?#]/)[0] || url;
        const names = byAction.get(action) ?? new Set<string>();
        for (const field of (form[2] ?? '').matchAll(/\sname="([^"]+)"/g)) if (field[1] !== '_csrf') names.add(field[1] ?? '');
        byAction.set(action, names);
      }
    }
  }
  return byAction;
}

const fieldsByAction = await formFieldsByAction();
const common = extras(queryKeys);

function formFields(record: RouteRecord): string[] {
  const names = new Set<string>();
  const germanUrl = splitLocale(record.url).path;
  for (const [action, fields] of fieldsByAction) if (patternMatches(germanUrl, splitLocale(action).path)) for (const name of fields) names.add(name);
  return [...names];
}

interface OpenApiOperation {
  parameters?: { name: string; in?: string }[];
  requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
}

/** Body and query names of an API route, from the generated OpenAPI document. */
function apiFields(record: RouteRecord): string[] {
  return [...new Set([...apiBodyFields(record), ...apiQueryFields(record)])];
}

function apiOperation(record: RouteRecord): OpenApiOperation | undefined {
  const document = t.app.swagger() as { paths?: Record<string, Record<string, OpenApiOperation>> };
  const path = Object.keys(document.paths ?? {}).find((p) => p.replace(/\{(\w+)\}/g, ':$1') === record.url);
  return path ? document.paths?.[path]?.[record.method.toLowerCase()] : undefined;
}

function apiBodyFields(record: RouteRecord): string[] {
  return Object.values(apiOperation(record)?.requestBody?.content ?? {}).flatMap((content) => Object.keys(content.schema?.properties ?? {}));
}

function apiQueryFields(record: RouteRecord): string[] {
  return (apiOperation(record)?.parameters ?? []).filter((p) => p.in !== 'path').map((p) => p.name);
}

const params = (record: RouteRecord) => fc.tuple(...paramNames(record.url).map(() => param));

let bystander: number | null = null;
/** Another user's id, for routes that act on someone (the user is recreated when a run deleted it). */
async function bystanderId(): Promise<number> {
  if (bystander !== null && (await t.db.selectFrom('users').select('id').where('id', '=', bystander).executeTakeFirst())) return bystander;
  bystander = (await createUser(t, { role: 'member' })).id;
  return bystander;
}

async function urlFor(record: RouteRecord, values: Param[], actor: Actor, query: Record<string, string> | null): Promise<string> {
  const other = values.some((v) => v.kind === 'other') ? await bystanderId() : 0;
  const filled = fillParams(record.url, (name, index) => {
    const value = values[index] ?? { kind: 'placeholder' };
    if (value.kind === 'value') return value.value;
    if (value.kind === 'own') return String(actor.user?.id ?? 1);
    if (value.kind === 'other') return String(other);
    return placeholder(name);
  });
  const search = query ? new URLSearchParams(Object.entries(query).map(([k, v]) => [k, withOwn(actor).replace(v)])).toString() : '';
  return search ? `${filled}?${search}` : filled;
}

// ---------------------------------------------------------------------------------------------
// Actors that outlive their routes: replaced once a run logged them out, deleted or demoted them.

const pool = new ActorPool(t);
const actorFor = (kind: 'anonymous' | 'member' | 'admin', token = false) => pool.get(kind, { token });

// ---------------------------------------------------------------------------------------------
// What every answer must satisfy.

function contentType(response: LightMyRequestResponse): string {
  return String(response.headers['content-type'] ?? '').split(';')[0] ?? '';
}

function problemStatus(response: LightMyRequestResponse): unknown {
  try {
    return (response.json() as { status?: unknown }).status;
  } catch {
    return 'invalid JSON';
  }
}

function check(record: RouteRecord, request: InjectOptions, response: LightMyRequestResponse) {
  const status = response.statusCode;
  const type = contentType(response);
  const problems: string[] = [];
  if (status >= 500) problems.push('5xx');
  if (isApiUrl(record.url) && status >= 400) {
    if (type !== 'application/problem+json') problems.push('API error not application/problem+json');
    else if (problemStatus(response) !== status) problems.push('problem "status" differs from the HTTP status');
  }
  if (!isApiUrl(record.url) && status >= 400 && type !== 'text/html') problems.push('HTML error not text/html');
  if (type === 'text/html') {
    const found = unescaped.filter((raw) => response.body.includes(raw));
    if (found.length > 0) problems.push(`unescaped markup in HTML: ${found.join(', ')}`);
  }
  if (problems.length === 0) return;
  const payload = typeof request.payload === 'string' ? request.payload : '';
  const stack = errors.errorFor(response);
  throw new Error(
    [
      `${problems.join('; ')}: ${record.method} ${String(request.url)} → ${summarize(response)}`,
      `headers: ${JSON.stringify(request.headers)}`,
      `payload (${payload.length} chars): ${payload.slice(0, 500)}`,
      `response: ${response.body.slice(0, 300)}`,
      stack ? `server error:\n${stack}` : '',
    ].join('\n'),
  );
}

/** FUZZ_STATS=1 prints, per route, how often each status came back and the slowest answer. */
const stats = new Map<string, { statuses: Map<number, number>; slowest: number }>();
async function send(record: RouteRecord, request: InjectOptions) {
  const started = performance.now();
  const response = await t.app.inject(request);
  const name = `${record.method} ${record.url}`;
  const entry = stats.get(name) ?? { statuses: new Map(), slowest: 0 };
  entry.statuses.set(response.statusCode, (entry.statuses.get(response.statusCode) ?? 0) + 1);
  entry.slowest = Math.max(entry.slowest, performance.now() - started);
  stats.set(name, entry);
  check(record, request, response);
}
afterAll(() => {
  if (!process.env.FUZZ_STATS) return;
  for (const [name, entry] of stats) {
    const statuses = [...entry.statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`).join(' ');
    console.info(`${name.padEnd(52)} ${statuses.padEnd(40)} slowest ${Math.round(entry.slowest)} ms`);
  }
});

/** Seeded per route (from FUZZ_SEED and the route), so routes see different inputs; a hang counts as a failure. */
function parameters(record: RouteRecord) {
  let routeSeed = seed;
  for (const char of `${record.method} ${record.url}`) routeSeed = (Math.imul(routeSeed, 31) + char.charCodeAt(0)) | 0;
  return { seed: routeSeed, numRuns, interruptAfterTimeLimit: 40_000, markInterruptAsFailure: true };
}

describe('fuzzing', () => {
  it('finds forms and API routes to fuzz in app.routeRecords', () => {
    expect(apis.length).toBeGreaterThanOrEqual(4);
    expect(forms.length).toBeGreaterThanOrEqual(1);
    expect(pages.length).toBeGreaterThanOrEqual(3);
  });
});

describe.each(forms.map((r) => [`${r.method} ${r.url}`, r] as const))('form %s', (_name, record) => {
  const fields = formFields(record);
  it('answers random bodies with at most a 4xx, as HTML, with markup escaped', async () => {
    const actorKind = fc.constantFrom('anonymous', 'member', 'admin');
    const property = fc.asyncProperty(actorKind, csrfMode, formBody(fields), params(record), common, async (kind, csrf, body, values, extra) => {
      const actor = await actorFor(kind);
      const { replace } = withOwn(actor);
      const headers: Record<string, string> = {};
      let payload: string;
      if (body.kind === 'raw') {
        if (body.type) headers['content-type'] = body.type;
        payload = body.payload;
      } else {
        const form = new URLSearchParams();
        if (csrf === 'valid' || csrf === 'twice') form.append('_csrf', actor.csrf);
        if (csrf === 'twice') form.append('_csrf', actor.csrf);
        if (csrf === 'garbage') form.append('_csrf', 'x'.repeat(10));
        if (csrf === 'anonymous') form.append('_csrf', await anonymousCsrfToken(t.app));
        for (const [name, value] of body.pairs) form.append(name, replace(value));
        if (body.repeated) for (const value of body.repeated[1]) form.append(body.repeated[0], replace(value));
        headers['content-type'] = 'application/x-www-form-urlencoded';
        payload = form.toString();
      }
      if (csrf === 'header') headers['x-csrf-token'] = actor.csrf;
      if (extra.htmx) headers['hx-request'] = 'true';
      if (extra.foreignOrigin) headers.origin = 'https://evil.example';
      const url = await urlFor(record, values, actor, extra.query);
      const cookies = actor.user || extra.staleCookie === null ? actor.cookies : { [SESSION_COOKIE]: extra.staleCookie };
      await send(record, { method: record.method as 'POST', url, headers, payload, cookies, remoteAddress: extra.ip });
    });
    const placeholders = paramNames(record.url).map((): Param => ({ kind: 'placeholder' }));
    const examples: ['admin', CsrfMode, FormBody, Param[], Extra][] = poisonedBodies(fields).map((body, i) => [
      'admin',
      'valid',
      { kind: 'pairs', pairs: Object.entries(body), repeated: null },
      placeholders,
      { ...quiet, ip: `10.99.0.${i + 1}` },
    ]);
    await fc.assert(property, { ...parameters(record), examples });
  }, 60_000);
});

describe.each(apis.map((r) => [`${r.method} ${r.url}`, r] as const))('API %s', (_name, record) => {
  const fields = apiFields(record);
  const auth = fc.constantFrom('anonymous', 'session', 'session', 'token', 'token', 'bad-token');
  const role = fc.constantFrom('member', 'admin');
  const query = fc.option(fc.dictionary(fc.oneof(key(fields), fc.constantFrom(...queryKeys)), fc.oneof(shortText, fc.integer().map(String)), { maxKeys: 4 }), { freq: 2 });
  it('answers random input with at most a 4xx, errors as problem+json', async () => {
    const property = fc.asyncProperty(auth, role, fc.boolean(), apiBody(fields), params(record), query, common, async (how, as, withCsrf, body, values, search, extra) => {
      const actor = await actorFor(how === 'session' || how === 'token' ? as : 'anonymous', how === 'token');
      const headers: Record<string, string> = { 'accept-language': extra.language };
      if (how === 'token') headers.authorization = actor.bearer ?? '';
      if (how === 'bad-token') headers.authorization = `Bearer qn_pat_${'A'.repeat(43)}`;
      if (how === 'session' && withCsrf) headers['x-csrf-token'] = actor.csrf;
      if (extra.foreignOrigin) headers.origin = 'https://evil.example';
      const url = await urlFor(record, values, actor, record.method === 'GET' ? search : extra.query);
      const cookies = how === 'session' ? actor.cookies : how === 'anonymous' && extra.staleCookie !== null ? { [SESSION_COOKIE]: extra.staleCookie } : {};
      const request: InjectOptions = { method: record.method as 'POST', url, headers, cookies, remoteAddress: extra.ip };
      if (record.method !== 'GET' && body.kind === 'json') {
        headers['content-type'] = 'application/json';
        request.payload = JSON.stringify(withOwn(actor).deep(body.value)) ?? 'null';
      }
      if (record.method !== 'GET' && body.kind === 'raw') {
        headers['content-type'] = body.type;
        request.payload = body.payload;
      }
      await send(record, request);
    });
    const placeholders = paramNames(record.url).map((): Param => ({ kind: 'placeholder' }));
    const examples: ['token', 'admin', boolean, ApiBody, Param[], null, Extra][] = poisonedBodies(apiBodyFields(record)).map((body, i) => [
      'token',
      'admin',
      false,
      { kind: 'json', value: body },
      placeholders,
      null,
      { ...quiet, ip: `10.98.0.${i + 1}` },
    ]);
    await fc.assert(property, { ...parameters(record), examples });
  }, 60_000);
});

describe.each(pages.map((r) => [`${r.method} ${r.url}`, r] as const))('page %s', (_name, record) => {
  const query = fc.dictionary(fc.oneof(fc.constantFrom(...queryKeys), fc.string({ maxLength: 10 })), fc.oneof(shortText, fc.integer().map(String)), { minKeys: 1, maxKeys: 4 });
  it('answers random path parameters and query strings with at most a 4xx, markup escaped', async () => {
    const actorKind = fc.constantFrom('anonymous', 'member', 'admin');
    const property = fc.asyncProperty(actorKind, params(record), query, fc.boolean(), async (kind, values, search, htmx) => {
      const actor = await actorFor(kind);
      const url = await urlFor(record, values, actor, search);
      await send(record, { method: 'GET', url, cookies: actor.cookies, headers: htmx ? { 'hx-request': 'true' } : {} });
    });
    // Markup in every query parameter the pages link with, for a visitor and an admin.
    const reflected = Object.fromEntries([...queryKeys].map((name) => [name, markup[1] ?? '']));
    const own = paramNames(record.url).map((): Param => ({ kind: 'own' }));
    const examples: ['anonymous' | 'member' | 'admin', Param[], Record<string, string>, boolean][] = [
      ['anonymous', own, reflected, false],
      ['admin', own, reflected, false],
    ];
    await fc.assert(property, { ...parameters(record), numRuns: pageRuns, examples });
  }, 60_000);
});

describe('URLs that are not valid UTF-8', () => {
  it('are answered like any other bad input: problem+json under the API, an HTML page elsewhere', async () => {
    // A lone surrogate goes out as %ED%A0%80; on every route with parameters, and on no route at all.
    const records = t.app.routeRecords.filter((r) => paramNames(r.url).length > 0);
    const cases: [RouteRecord, string][] = [
      ...records.map((r): [RouteRecord, string] => [r, fillParams(r.url, () => 'x\uD800')]),
      [{ method: 'GET', url: '/:unknown', access: 'public' }, '/x%ED%A0%80'],
      [{ method: 'GET', url: '/api/v1/:unknown', access: 'public' }, '/api/v1/x%ED%A0%80'],
    ];
    const failures: string[] = [];
    for (const [record, url] of cases) {
      const actor = await actorFor('admin', isApiUrl(record.url));
      const request: InjectOptions = isApiUrl(record.url)
        ? { method: record.method as 'GET', url, headers: { authorization: actor.bearer ?? '' } }
        : { method: record.method as 'GET', url, cookies: actor.cookies, ...(record.method === 'GET' ? {} : { headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${actor.csrf}` }) };
      await send(record, request).catch((error: Error) => failures.push(error.message.split('\n').slice(0, 4).join('\n  ')));
    }
    expect(failures, `\n${failures.join('\n')}`).toEqual([]);
  });
});
