import Tokens from '@fastify/csrf';
import { sql } from 'kysely';
import type { CurrentUser } from '../context.js';
import type { DbOrTx } from '../db/index.js';
import { hashToken, newToken } from './tokens.js';
import './users-table.js';

export const SESSION_COOKIE = 'qn_session';
export const SESSION_DAYS = 30;
const TOUCH_AFTER_MS = 60 * 60 * 1000;
const csrfTokens = Tokens();

export interface SessionInfo {
  user: CurrentUser;
  csrfSecret: string;
}

/** Starts a server-side session; the returned token goes into the one cookie, only its hash is stored. */
export async function createSession(db: DbOrTx, userId: number, userAgent: string | undefined, now: Date) {
  const { token, hash } = newToken();
  const expires = new Date(now.getTime() + SESSION_DAYS * 24 * 3600 * 1000);
  await db
    .insertInto('sessions')
    .values({ token_hash: hash, user_id: userId, csrf_secret: csrfTokens.secretSync(), user_agent: userAgent?.slice(0, 300) ?? null, expires_at: expires, created_at: now, last_seen_at: now })
    .execute();
  return { token, expires };
}

/** The verified user behind a session cookie, or null; extends the session while it is used. */
export async function findSession(db: DbOrTx, token: string, now: Date): Promise<SessionInfo | null> {
  if (token.length > 100) return null;
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.id as session_id', 'sessions.csrf_secret', 'sessions.last_seen_at', 'users.id', 'users.email', 'users.name', 'users.role', 'users.locale'])
    .where('sessions.token_hash', '=', hashToken(token))
    .where('sessions.expires_at', '>', now)
    .where('users.email_verified_at', 'is not', null)
    .executeTakeFirst();
  if (!row) return null;
  if (now.getTime() - row.last_seen_at.getTime() > TOUCH_AFTER_MS) {
    const expires = new Date(now.getTime() + SESSION_DAYS * 24 * 3600 * 1000);
    await db.updateTable('sessions').set({ last_seen_at: now, expires_at: expires }).where('id', '=', row.session_id).execute();
  }
  return {
    user: { id: row.id, email: row.email, name: row.name, role: row.role, locale: row.locale, sessionId: row.session_id },
    csrfSecret: row.csrf_secret,
  };
}

export async function revokeSession(db: DbOrTx, sessionId: number) {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Ends every session of a user, optionally keeping one (the one in use). */
export async function revokeAllSessions(db: DbOrTx, userId: number, keepSessionId?: number | null) {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepSessionId) query = query.where('id', '!=', keepSessionId);
  await query.execute();
}

export async function deleteExpiredSessions(db: DbOrTx, now: Date) {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}

/** Revokes every personal access token of a user (after a password reset). */
export async function revokeAllAccessTokens(db: DbOrTx, userId: number, now: Date) {
  await db.updateTable('access_tokens').set({ revoked_at: now }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
}

export const ACCESS_TOKEN_PREFIX = 'qn_pat_';

/** The user behind a personal access token (Authorization: Bearer …), or null. */
export async function findAccessTokenUser(db: DbOrTx, token: string, now: Date): Promise<CurrentUser | null> {
  if (!token.startsWith(ACCESS_TOKEN_PREFIX) || token.length > 100) return null;
  const row = await db
    .selectFrom('access_tokens')
    .innerJoin('users', 'users.id', 'access_tokens.user_id')
    .select(['access_tokens.id as token_id', 'access_tokens.last_used_at', 'users.id', 'users.email', 'users.name', 'users.role', 'users.locale'])
    .where('access_tokens.token_hash', '=', hashToken(token))
    .where('access_tokens.revoked_at', 'is', null)
    .where('users.email_verified_at', 'is not', null)
    .executeTakeFirst();
  if (!row) return null;
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > TOUCH_AFTER_MS) {
    await db.updateTable('access_tokens').set({ last_used_at: now }).where('id', '=', row.token_id).execute();
  }
  return { id: row.id, email: row.email, name: row.name, role: row.role, locale: row.locale, sessionId: null };
}

export async function countSessions(db: DbOrTx, userId: number): Promise<number> {
  const row = await db.selectFrom('sessions').select(sql<number>`count(*)::int`.as('n')).where('user_id', '=', userId).executeTakeFirstOrThrow();
  return row.n;
}
