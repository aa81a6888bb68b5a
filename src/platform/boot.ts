import type { FastifyBaseLogger } from 'fastify';
import pino from 'pino';
import type { Config } from './config.js';
import { createContext, withDb, type Context } from './context.js';
import { openDatabase, type DatabaseHandle, type OpenOptions } from './db/index.js';
import { migrate } from './db/migrate.js';
import type { DomainModule } from './domain.js';
import { getSetting, setSetting } from './settings.js';

export function cliLogger(config: Config): FastifyBaseLogger {
  return pino({ level: config.logLevel }) as unknown as FastifyBaseLogger;
}

/** Opens the database and brings its schema up to date. */
export async function openMigrated(config: Config, log: FastifyBaseLogger, options?: OpenOptions): Promise<DatabaseHandle> {
  const handle = await openDatabase(config, options);
  try {
    const { applied } = await migrate(handle.db);
    if (applied.length > 0) log.info({ applied }, 'migrations applied');
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}

/** Runs every domain's (idempotent) seed step in one transaction. */
export async function seedAll(ctx: Context, domains: DomainModule[]) {
  await ctx.db.transaction().execute(async (trx) => {
    const tx = withDb(ctx, trx);
    for (const domain of domains) await domain.seed?.(tx);
    await setSetting(trx, 'seeded_at', ctx.clock.now().toISOString());
  });
}

/** Seeds on the very first start only; later starts keep whatever the data has become. */
export async function seedOnFirstStart(config: Config, handle: DatabaseHandle, log: FastifyBaseLogger, domains: DomainModule[]) {
  if (await getSetting(handle.db, 'seeded_at')) return false;
  await seedAll(createContext({ db: handle.db, config, log }), domains);
  log.info('seed data loaded (first start)');
  return true;
}
