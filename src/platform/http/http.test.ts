import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { createUser } from '../../../test/support/factories.js';
import { SESSION_COOKIE } from '../auth/sessions.js';

let t: TestApp;
const logLines: string[] = [];
beforeAll(async () => {
  t = await createTestApp({
    config: { logLevel: 'info' },
    logStream: { write: (line) => void logLines.push(line) },
    beforeReady: (app) => {
      const boom = async () => {
        throw new Error('internal detail: connection string postgres://secret');
      };
      app.get('/kaputt', { config: { access: 'public' } }, boom);
      app.get('/en/kaputt', { config: { access: 'public' } }, boom);
      app.get('/api/v1/kaputt', { config: { access: 'public' } }, boom);
    },
  });
});
afterAll(async () => t?.close());

describe('security headers', () => {
  it('sends a strict CSP and the other protective headers', async () => {
    const response = await t.app.inject({ url: '/' });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('errors', () => {
  it('renders a translated 404 page in both languages', async () => {
    const de = await t.app.inject({ url: '/gibt-es-nicht' });
    expect(de.statusCode).toBe(404);
    expect(de.headers['content-type']).toMatch(/text\/html/);
    expect(de.body).toContain('Seite nicht gefunden');
    const en = await t.app.inject({ url: '/en/does-not-exist' });
    expect(en.statusCode).toBe(404);
    expect(en.body).toContain('<html lang="en"');
    expect(en.body).toContain('Page not found');
  });

  it('renders a 500 page without internals, and logs the error', async () => {
    const de = await t.app.inject({ url: '/kaputt' });
    expect(de.statusCode).toBe(500);
    expect(de.body).toContain('Interner Fehler');
    expect(de.body).toContain(String(de.headers['x-request-id']));
    expect(de.body).not.toContain('internal detail');
    const en = await t.app.inject({ url: '/en/kaputt' });
    expect(en.body).toContain('Sorry, something went wrong');
    const api = await t.app.inject({ url: '/api/v1/kaputt' });
    expect(api.statusCode).toBe(500);
    expect(api.json()).toMatchObject({ status: 500, code: 'server.error' });
    expect(api.body).not.toContain('internal detail');
    expect(logLines.join('\n')).toContain('internal detail');
  });

  it('answers a malformed URL with a 400 in our own format', async () => {
    const html = await t.app.inject({ url: '/en/konto/zugangsschluessel/x%ED%A0%80/widerrufen' });
    expect(html.statusCode).toBe(400);
    expect(html.body).toContain('<html lang="en"');
    const api = await t.app.inject({ url: '/api/v1/admin/users/%E0%A4%A' });
    expect(api.statusCode).toBe(400);
    expect(api.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('never turns a protocol-relative path into a link to another site', async () => {
    const response = await t.app.inject({ url: '/en//evil.example/x' });
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain('href="//evil.example');
    expect(response.body).toContain('href="/evil.example/x"');
  });

  it('refuses cross-site posts to the anonymous API', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/accessibility-feedback',
      headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'message=spam',
    });
    expect(response.statusCode).toBe(403);
  });

  it('answers unknown API routes with problem+json', async () => {
    const response = await t.app.inject({ url: '/api/v1/nothing-here', headers: { 'accept-language': 'en' } });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.json()).toMatchObject({ status: 404, code: 'not_found', title: 'Page not found', instance: '/api/v1/nothing-here' });
  });

  it('rejects a bad bearer token with 401 problem+json', async () => {
    const response = await t.app.inject({ url: '/api/v1/initiative', headers: { authorization: 'Bearer qn_pat_wrong' } });
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('auth.required');
  });

  it('turns a form post without CSRF token into 403', async () => {
    const user = await createUser(t);
    const response = await t.app.inject({ method: 'POST', url: '/abmelden', cookies: { [SESSION_COOKIE]: user.session! }, payload: {} });
    expect(response.statusCode).toBe(403);
  });

  it('rejects a cross-site form post even with a token', async () => {
    const page = await t.app.inject({ url: '/' });
    expect(page.statusCode).toBe(200);
    const response = await t.app.inject({
      method: 'POST',
      url: '/abmelden',
      headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      payload: '_csrf=whatever',
    });
    expect(response.statusCode).toBe(403);
  });
});

describe('health', () => {
  it('reports liveness and readiness', async () => {
    expect((await t.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject({ url: '/readyz' })).json()).toEqual({ status: 'ok', database: t.kind });
    expect((await t.app.inject({ url: '/api/v1/health' })).json()).toEqual({ status: 'ok', database: t.kind });
  });
});

describe('API description', () => {
  it('generates OpenAPI 3.1 from the route schemas and renders it as a page', async () => {
    const doc = (await t.app.inject({ url: '/api/docs/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/v1/initiative'].get.responses['200']).toBeDefined();
    expect(Object.keys(doc.paths).every((p: string) => p.startsWith('/api/v1/'))).toBe(true);
    const page = await t.app.inject({ url: '/api/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('/api/v1/initiative');
  });
});

describe('privacy of logs', () => {
  it('never logs cookies, tokens or authorization headers', async () => {
    const user = await createUser(t);
    await t.app.inject({ url: '/?token=secret-reset-token', cookies: { [SESSION_COOKIE]: user.session! } });
    await t.app.inject({ url: '/api/v1/initiative', headers: { authorization: 'Bearer qn_pat_supersecret' } });
    const all = logLines.join('\n');
    expect(all).toContain('"reqId"');
    expect(all).not.toContain(user.session!);
    expect(all).not.toContain('secret-reset-token');
    expect(all).not.toContain('qn_pat_supersecret');
  });
});
