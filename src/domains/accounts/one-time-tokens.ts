import type { Context } from '../../platform/context.js';
import { newToken } from '../../platform/auth/tokens.js';
import { consumeAccountToken, deleteUnusedTokens, insertAccountToken, selectAccountToken, type TokenPurpose } from './queries.js';

const HOUR = 3600 * 1000;
/** How long each kind of mailed link works. */
export const tokenLifetime: Record<TokenPurpose, number> = { verify_email: 48 * HOUR, reset_password: 1 * HOUR, change_email: 48 * HOUR };

/** Why a mailed link cannot be used. */
export type LinkProblem = 'missing' | 'unknown' | 'expired' | 'used';

export type TokenCheck = { ok: true; userId: number; newEmail: string | null } | { ok: false; problem: LinkProblem };

/** Creates a single-use link secret; earlier unused links of the same purpose stop working. */
export async function issueAccountToken(ctx: Context, userId: number, purpose: TokenPurpose, newEmail?: string): Promise<string> {
  const { token, hash } = newToken();
  const now = ctx.clock.now();
  await deleteUnusedTokens(ctx.db, userId, purpose);
  await insertAccountToken(ctx.db, { hash, userId, purpose, newEmail, expiresAt: new Date(now.getTime() + tokenLifetime[purpose]), now });
  return token;
}

const plausible = (token: unknown): token is string => typeof token === 'string' && token.length > 0 && token.length <= 100;

/** Uses a link secret up: succeeds once, and only before it expires. */
export async function consumeToken(ctx: Context, token: unknown, purpose: TokenPurpose): Promise<TokenCheck> {
  if (!plausible(token)) return { ok: false, problem: token ? 'unknown' : 'missing' };
  const row = await consumeAccountToken(ctx.db, token, purpose, ctx.clock.now());
  if (row) return { ok: true, userId: row.user_id, newEmail: row.new_email };
  const check = await inspectToken(ctx, token, purpose);
  return check.ok ? { ok: false, problem: 'used' } : check; // taken by a concurrent click
}

/** Tells whether a link secret would still work, without using it up. */
export async function inspectToken(ctx: Context, token: unknown, purpose: TokenPurpose): Promise<TokenCheck> {
  if (!plausible(token)) return { ok: false, problem: token ? 'unknown' : 'missing' };
  const row = await selectAccountToken(ctx.db, token, purpose);
  if (!row) return { ok: false, problem: 'unknown' };
  if (row.used_at) return { ok: false, problem: 'used' };
  if (row.expires_at <= ctx.clock.now()) return { ok: false, problem: 'expired' };
  return { ok: true, userId: row.user_id, newEmail: row.new_email };
}
