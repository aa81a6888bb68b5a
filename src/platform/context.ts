import { AppError } from './errors/index.js';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.js';
import type { Db, DbOrTx } from './db/index.js';
import type { Locale } from './i18n/index.js';

export type Role = 'member' | 'coordinator' | 'admin';

export interface CurrentUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  locale: Locale;
  /** Set when the request came with a session cookie (not a personal access token). */
  sessionId: number | null;
}

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** What every use case receives first: db handle, who acts, in which language, with which clock. */
export interface Context {
  db: DbOrTx;
  user: CurrentUser | null;
  locale: Locale;
  log: FastifyBaseLogger;
  clock: Clock;
  config: Config;
}

export function createContext(base: Omit<Context, 'user' | 'locale' | 'clock'> & Partial<Pick<Context, 'user' | 'locale' | 'clock'>>): Context {
  // An explicit `clock: undefined` (e.g. an optional test clock not given) still gets the system clock.
  return { ...base, user: base.user ?? null, locale: base.locale ?? 'de', clock: base.clock ?? systemClock };
}

/** The same context inside a transaction. */
export function withDb(ctx: Context, db: DbOrTx): Context {
  return { ...ctx, db };
}

const rank: Record<Role, number> = { member: 1, coordinator: 2, admin: 3 };
export function hasRole(user: CurrentUser | null, role: Role): boolean {
  return user !== null && rank[user.role] >= rank[role];
}

/** The signed-in user, or "sign in first" (401). */
export function requireUser(ctx: Context): CurrentUser {
  if (!ctx.user) throw new AppError('auth.required');
  return ctx.user;
}

/** The signed-in user with at least this role, else 401 / 403. */
export function requireRole(ctx: Context, role: Role): CurrentUser {
  const user = requireUser(ctx);
  if (!hasRole(user, role)) throw new AppError('auth.forbidden');
  return user;
}

/** Runs work in one transaction (or in the caller's, when there already is one). */
export async function inTransaction<T>(ctx: Context, work: (ctx: Context) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) return work(ctx);
  return (ctx.db as Db).transaction().execute((trx) => work(withDb(ctx, trx)));
}
