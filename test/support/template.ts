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
  }
}

/** The PostgreSQL server database that test databases are cloned from, when TEST_DATABASE_URL is set. */
export function serverTemplate(): { url: URL; name: string } | null {
  const raw = process.env.TEST_DATABASE_URL;
  if (!raw) return null;
  const url = new URL(raw);
  return { url, name: url.pathname.slice(1) };
}
