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
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { databaseUrl, runDir, testServer } from './template.js';

/**
 * Prepares one migrated and seeded database that every test file clones: a PGlite data directory
 * (copied per file), or (with TEST_DATABASE_URL) a new template database on that server, used as
 * CREATE DATABASE … TEMPLATE and dropped at the end. Several runs can share a server.
 */
export default async function setup(project: TestProject) {
  const log = pino({ level: 'silent' }) as unknown as FastifyBaseLogger;
  const server = testServer();
  const dir = runDir(`${process.pid}-${Date.now()}`);
  const templateDir = path.join(dir, 'template');
  project.provide('testRunDir', dir);
  const templateDb = server ? `${server.base}_tpl${randomBytes(5).toString('hex')}` : '';
  project.provide('testTemplateDb', templateDb);
  const maintenance = (sql: string) => onMaintenance(server!.maintenance, sql);
  if (server) await maintenance(`create database "${templateDb}"`);
  const config = loadConfig({ NODE_ENV: 'test' }, { databaseUrl: server ? databaseUrl(server.url, templateDb) : null, dataDir: templateDir });
  const handle = await openDatabase(config, { poolSize: 1 });
  try {
    await migrate(handle.db);
    await seedAll(createContext({ db: handle.db, config, log }), domains);
  } finally {
    await handle.close();
  }
  return async () => {
    await fs.rm(dir, { recursive: true, force: true });
    if (server) await maintenance(`drop database if exists "${templateDb}" with (force)`);
  };
}

async function onMaintenance(url: URL, sql: string) {
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}
