import fs from 'node:fs/promises';
import path from 'node:path';
import pino from 'pino';
import type { FastifyBaseLogger } from 'fastify';
import { domains } from '../../src/app.js';
import { seedAll } from '../../src/platform/boot.js';
import { loadConfig } from '../../src/platform/config.js';
import { createContext } from '../../src/platform/context.js';
import { openDatabase } from '../../src/platform/db/index.js';
import { migrate } from '../../src/platform/db/migrate.js';
import type { TestProject } from 'vitest/node';
import { runDir, serverTemplate } from './template.js';

/**
 * Prepares one migrated and seeded database that every test file clones: a PGlite data directory
 * (copied per file), or (with TEST_DATABASE_URL) the server database itself, used as
 * CREATE DATABASE … TEMPLATE.
 */
export default async function setup(project: TestProject) {
  const log = pino({ level: 'silent' }) as unknown as FastifyBaseLogger;
  const server = serverTemplate();
  const dir = runDir(`${process.pid}-${Date.now()}`);
  const templateDir = path.join(dir, 'template');
  project.provide('testRunDir', dir);
  const config = loadConfig({ NODE_ENV: 'test' }, { databaseUrl: server ? server.url.toString() : null, dataDir: templateDir });
  const handle = await openDatabase(config, { poolSize: 1 });
  try {
    await migrate(handle.db);
    await seedAll(createContext({ db: handle.db, config, log }), domains);
  } finally {
    await handle.close();
  }
  return async () => {
    await fs.rm(dir, { recursive: true, force: true });
  };
}
