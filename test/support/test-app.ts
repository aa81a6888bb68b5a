import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import pg from 'pg';
import pino from 'pino';
import type { FastifyBaseLogger, FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/platform/config.js';
import { createContext, type Clock, type Context, type CurrentUser } from '../../src/platform/context.js';
import { openDatabase, type Db } from '../../src/platform/db/index.js';
import type { Locale } from '../../src/platform/i18n/index.js';
import { SESSION_COOKIE } from '../../src/platform/auth/sessions.js';
import path from 'node:path';
import { inject } from 'vitest';
import { databaseUrl as urlOf, testServer } from './template.js';

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  config: Config;
  kind: 'pglite' | 'postgres';
  /** A use-case context as this user (or anonymous). */
  ctx(user?: CurrentUser | null, locale?: Locale): Context;
  /** Runs every due background job now (mail delivery etc.). */
  runJobs(): Promise<number>;
  close(): Promise<void>;
}

/** A settable clock for tests of expiry and reminders. */
export class TestClock implements Clock {
  constructor(private current = new Date()) {}
  now() {
    return new Date(this.current);
  }
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** The real time, shifted by what a test advanced it: jobs queued at the database's now() stay due. */
export class ShiftedClock implements Clock {
  private offset = 0;
  now() {
    return new Date(Date.now() + this.offset);
  }
  advance(ms: number) {
    this.offset += ms;
  }
}

/**
 * A fresh app on its own database: a clone of the migrated+seeded template, in memory on
 * PGlite, or a new database on the PostgreSQL server when TEST_DATABASE_URL is set.
 */
/** Overload protection is off by default in tests (parallel test files load the CPU); pressure.test.ts turns it on. */
export async function createTestApp(
  options: { clock?: Clock; config?: Partial<Config>; logStream?: { write(line: string): void }; beforeReady?: (app: FastifyInstance) => void } = {},
): Promise<TestApp> {
  const server = testServer();
  let databaseUrl: string | null = null;
  let dropDatabase = async () => {};
  if (server) {
    const template = inject('testTemplateDb');
    const name = `${template}_t${randomBytes(5).toString('hex')}`;
    // Connect to the maintenance database: the template itself must have no sessions while cloned.
    const { maintenance } = server;
    const admin = new pg.Client({ connectionString: maintenance.toString() });
    await admin.connect();
    await admin.query(`create database "${name}" template "${template}"`).finally(() => admin.end());
    databaseUrl = urlOf(server.url, name);
    dropDatabase = async () => {
      const client = new pg.Client({ connectionString: maintenance.toString() });
      await client.connect();
      await client.query(`drop database if exists "${name}" with (force)`).finally(() => client.end());
    };
  }
  const dir = inject('testRunDir');
  let dataDir = path.join(dir, 'template');
  if (!server) {
    dataDir = path.join(dir, randomBytes(6).toString('hex'));
    await fs.cp(path.join(dir, 'template'), dataDir, { recursive: true });
    dropDatabase = () => fs.rm(dataDir, { recursive: true, force: true });
  }
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' }, { databaseUrl, dataDir, jobs: false, maxEventLoopDelayMs: 0, ...options.config });
  const database = await openDatabase(config, { poolSize: 4 });
  const app = await buildApp({ config, database, runJobs: false, clock: options.clock, logStream: options.logStream });
  options.beforeReady?.(app);
  await app.ready();
  const log = pino({ level: 'silent' }) as unknown as FastifyBaseLogger;
  return {
    app,
    db: database.db,
    config,
    kind: database.kind,
    ctx: (user = null, locale = 'de') => createContext({ db: database.db, config, log, user, locale, clock: options.clock }),
    runJobs: () => app.jobs.runDue(),
    close: async () => {
      await app.close();
      await database.close();
      await dropDatabase();
    },
  };
}

/** The CSRF token of the first form in an HTML page. */
export function csrfFrom(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('no CSRF token in page');
  return match[1];
}

/** The session token from a response's Set-Cookie, if any. */
export function sessionFrom(response: LightMyRequestResponse): string | null {
  const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
  return cookie && cookie.value ? cookie.value : null;
}

/**
 * Submits an HTML form like a browser: loads the page for its CSRF token, then posts the
 * fields url-encoded, with the session cookie when given.
 */
export async function submitForm(
  app: FastifyInstance,
  options: { page: string; action?: string; fields: Record<string, string>; session?: string | null },
): Promise<LightMyRequestResponse> {
  const cookies = options.session ? { [SESSION_COOKIE]: options.session } : undefined;
  const pageResponse = await app.inject({ method: 'GET', url: options.page, cookies });
  const token = csrfFrom(pageResponse.body);
  return app.inject({
    method: 'POST',
    url: options.action ?? options.page,
    cookies,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: token, ...options.fields }).toString(),
  });
}
