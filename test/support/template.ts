import path from 'node:path';
import { projectRoot } from '../../src/platform/paths.js';

/**
 * Each test run gets its own directory (several runs may overlap on one machine): the migrated and
 * seeded PGlite template lives in `template/`, the test files' copies next to it.
 */
export function runDir(id: string) {
  return path.join(projectRoot, '.tmp', 'test-runs', id);
}

declare module 'vitest' {
  export interface ProvidedContext {
    testRunDir: string;
    /** The run's template database on the PostgreSQL server ('' on PGlite). */
    testTemplateDb: string;
  }
}

/**
 * The PostgreSQL server to test on, when TEST_DATABASE_URL is set. Its database is never changed:
 * each run migrates and seeds a template of its own named `<database>_tpl…` (so `.ci/run`'s
 * clean-up of `<database>_t…` finds it), and each test file clones that.
 */
export function testServer(): { url: URL; base: string; maintenance: URL } | null {
  const raw = process.env.TEST_DATABASE_URL;
  if (!raw) return null;
  const url = new URL(raw);
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  return { url, base: url.pathname.slice(1) || 'postgres', maintenance };
}

/** The URL of another database on the same server. */
export function databaseUrl(server: URL, name: string): string {
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}
