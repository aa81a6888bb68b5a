import path from 'node:path';
import { projectRoot } from '../../src/platform/paths.js';

/** The migrated and seeded PGlite data directory that every test file copies. */
export const templateDir = path.join(projectRoot, '.tmp', 'test-template');
/** Where test files keep their copies (each removed when the file is done). */
export const testDbDir = path.join(projectRoot, '.tmp', 'test-dbs');

/** The PostgreSQL server database that test databases are cloned from, when TEST_DATABASE_URL is set. */
export function serverTemplate(): { url: URL; name: string } | null {
  const raw = process.env.TEST_DATABASE_URL;
  if (!raw) return null;
  const url = new URL(raw);
  return { url, name: url.pathname.slice(1) };
}
