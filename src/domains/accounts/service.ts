import { randomBytes } from 'node:crypto';
import type { Context } from '../../platform/context.js';
import { recordAudit } from '../../platform/audit.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import { Validator } from '../../platform/validation.js';
import { newPassword } from './password-policy.js';
import { insertUser, selectUserByEmail, updateUser } from './queries.js';
import { NAME_MAX } from './registration.js';
import { inTransaction } from '../../platform/context.js';

// The accounts domain's use cases, for its routes, the CLI and other domains.
export { registerAccount, verifyEmail, resendVerification, type CheckMail, type LinkResult } from './registration.js';
export { logIn, logOut, logOutEverywhere, type LoginResult } from './login.js';
export { requestPasswordReset, checkResetLink, resetPassword, changePassword } from './password-changes.js';
export { requestEmailChange, confirmEmailChange, type EmailChangeResult } from './email-change.js';
export { getAccount, updateProfile, deleteAccount, exportMyData, type Account, type MyData } from './profile.js';
export { listAccessTokens, createAccessToken, revokeAccessToken, type AccessToken } from './access-tokens.js';
export type { LinkProblem } from './one-time-tokens.js';

/**
 * Creates a verified admin (with a generated one-time password when none is given), or makes an
 * existing account admin. Used by `cli create-admin`.
 */
export async function createAdmin(ctx: Context, input: { email: string; name: string; password?: string }) {
  const v = new Validator(ctx.locale);
  const email = v.email('email', input.email);
  const name = v.text('name', input.name, { required: true, max: NAME_MAX });
  v.check();
  const existing = await selectUserByEmail(ctx.db, email);
  if (existing) {
    await inTransaction(ctx, async (tx) => {
      const now = tx.clock.now();
      if (existing.role !== 'admin') {
        await updateUser(tx.db, existing.id, { role: 'admin' }, now);
        await recordAudit(tx, { action: 'user.role_changed', subjectUserId: existing.id, subjectLabel: `${existing.name} <${existing.email}>`, details: { from: existing.role, to: 'admin', via: 'cli' } });
      }
      if (!existing.email_verified_at) await updateUser(tx.db, existing.id, { email_verified_at: now }, now);
    });
    return { created: false, email: existing.email, generatedPassword: undefined };
  }
  const generatedPassword = input.password === undefined ? randomBytes(18).toString('base64url') : undefined;
  const password = await newPassword(v, 'password', input.password ?? generatedPassword, [name, email]);
  v.check();
  const passwordHash = await hashPassword(password);
  await inTransaction(ctx, async (tx) => {
    const id = await insertUser(tx.db, { email, name, password_hash: passwordHash, locale: ctx.locale, role: 'admin', email_verified_at: tx.clock.now() });
    if (id === null) throw new Error('email taken while creating the admin');
    await recordAudit(tx, { action: 'user.created_admin', subjectUserId: id, subjectLabel: `${name} <${email}>`, details: { via: 'cli' } });
  });
  return { created: true, email, generatedPassword };
}
