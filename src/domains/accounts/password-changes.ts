import type { Context } from '../../platform/context.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import { revokeAllAccessTokens, revokeAllSessions } from '../../platform/auth/sessions.js';
import { Validator } from '../../platform/validation.js';
import { sendAccountMail } from './mails.js';
import { consumeToken, inspectToken, issueAccountToken } from './one-time-tokens.js';
import { newPassword, presentPassword } from './password-policy.js';
import { deleteUnusedTokens, markEmailVerified, selectUserByEmail, selectUserById, updateUser } from './queries.js';
import type { CheckMail, LinkResult } from './registration.js';
import { confirmPassword, currentAccount } from './support.js';
import { inTransaction } from '../../platform/context.js';

/** Mails a reset link (1 hour, single use) when the account exists; the answer is the same either way. */
export async function requestPasswordReset(ctx: Context, input: { email?: unknown }): Promise<CheckMail> {
  const v = new Validator(ctx.locale);
  const email = v.email('email', input.email);
  v.check();
  const user = await selectUserByEmail(ctx.db, email);
  if (user) {
    await inTransaction(ctx, async (tx) => {
      const token = await issueAccountToken(tx, user.id, 'reset_password');
      await sendAccountMail(tx, user, 'reset', { token });
    });
  }
  return { kind: 'check_mail', email };
}

/** Whether a reset link still works, so the form is only offered for a usable link. */
export async function checkResetLink(ctx: Context, token: unknown): Promise<LinkResult<'valid'>> {
  const check = await inspectToken(ctx, token, 'reset_password');
  return check.ok ? { kind: 'valid' } : { kind: 'invalid', problem: check.problem };
}

/**
 * Sets a new password from a reset link: the link is used up, every session ends, and the
 * address counts as verified (opening the mail proved it).
 */
export async function resetPassword(ctx: Context, input: { token?: unknown; password?: unknown }): Promise<LinkResult<'reset'>> {
  const link = await inspectToken(ctx, input.token, 'reset_password');
  if (!link.ok) return { kind: 'invalid', problem: link.problem };
  const user = await selectUserById(ctx.db, link.userId);
  const v = new Validator(ctx.locale);
  const password = await newPassword(v, 'password', input.password, user ? [user.name, user.email] : []);
  v.check();
  const passwordHash = await hashPassword(password);
  return inTransaction(ctx, async (tx) => {
    const check = await consumeToken(tx, input.token, 'reset_password');
    if (!check.ok) return { kind: 'invalid', problem: check.problem };
    const now = tx.clock.now();
    await updateUser(tx.db, check.userId, { password_hash: passwordHash }, now);
    await markEmailVerified(tx.db, check.userId, now);
    await deleteUnusedTokens(tx.db, check.userId, 'reset_password');
    await revokeAllSessions(tx.db, check.userId);
    await revokeAllAccessTokens(tx.db, check.userId, now); // a reset takes an account back: nothing of the old access survives
    return { kind: 'reset' };
  });
}

/** Changes the password after checking the current one; every other session ends. */
export async function changePassword(ctx: Context, input: { currentPassword?: unknown; newPassword?: unknown }): Promise<{ kind: 'changed' }> {
  const account = await currentAccount(ctx);
  const v = new Validator(ctx.locale);
  const current = presentPassword(v, 'currentPassword', input.currentPassword) ?? '';
  const next = await newPassword(v, 'newPassword', input.newPassword, [account.name, account.email]);
  v.check();
  await confirmPassword(ctx, account, 'currentPassword', current);
  const passwordHash = await hashPassword(next);
  await inTransaction(ctx, async (tx) => {
    await updateUser(tx.db, account.id, { password_hash: passwordHash }, tx.clock.now());
    await deleteUnusedTokens(tx.db, account.id, 'reset_password');
    await revokeAllSessions(tx.db, account.id, ctx.user?.sessionId);
  });
  return { kind: 'changed' };
}
