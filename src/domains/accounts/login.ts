import type { Context } from '../../platform/context.js';
import { verifyAgainstDummy, verifyPassword } from '../../platform/auth/passwords.js';
import { createSession, revokeAllSessions, revokeSession } from '../../platform/auth/sessions.js';
import { Validator } from '../../platform/validation.js';
import { presentPassword } from './password-policy.js';
import { deleteSessionByToken, selectUserByEmail } from './queries.js';
import { currentAccount } from './support.js';

export type LoginResult = { kind: 'logged_in'; token: string; expires: Date } | { kind: 'invalid' } | { kind: 'unverified' };

/**
 * Checks email and password and starts a new session. An unknown address and a wrong password
 * look the same (and take about as long); the session the browser came with is ended (rotation).
 */
export async function logIn(ctx: Context, input: { email?: unknown; password?: unknown }, client: { userAgent?: string; previousToken?: string }): Promise<LoginResult> {
  const v = new Validator(ctx.locale);
  const email = v.email('email', input.email);
  const password = presentPassword(v, 'password', input.password) ?? '';
  v.check();
  const user = await selectUserByEmail(ctx.db, email);
  const valid = user ? await verifyPassword(user.password_hash, password) : await verifyAgainstDummy(password);
  if (!user || !valid) return { kind: 'invalid' };
  if (!user.email_verified_at) return { kind: 'unverified' };
  if (client.previousToken) await deleteSessionByToken(ctx.db, client.previousToken);
  const session = await createSession(ctx.db, user.id, client.userAgent, ctx.clock.now());
  return { kind: 'logged_in', ...session };
}

/** Ends the session in use (nothing to do for an access token or an anonymous caller). */
export async function logOut(ctx: Context) {
  if (ctx.user?.sessionId) await revokeSession(ctx.db, ctx.user.sessionId);
}

/** Ends every session of the signed-in person, the current one included. */
export async function logOutEverywhere(ctx: Context) {
  const account = await currentAccount(ctx);
  await revokeAllSessions(ctx.db, account.id);
}
