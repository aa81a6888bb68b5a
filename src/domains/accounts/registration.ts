import type { Context } from '../../platform/context.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import { isLocale } from '../../platform/i18n/index.js';
import { Validator } from '../../platform/validation.js';
import { sendAccountMail } from './mails.js';
import { consumeToken, issueAccountToken, type LinkProblem } from './one-time-tokens.js';
import { newPassword } from './password-policy.js';
import { insertUser, markEmailVerified, selectUserByEmail } from './queries.js';
import { inTransaction } from '../../platform/context.js';

export const NAME_MAX = 100;

/** The same answer whether or not the address was new: nobody learns who has an account. */
export type CheckMail = { kind: 'check_mail'; email: string };
export type LinkResult<K extends string> = { kind: K } | { kind: 'invalid'; problem: LinkProblem };

/**
 * Creates an unverified account and mails a confirmation link (in the page's language). When the
 * address is taken, its owner gets a notice instead; the caller sees no difference.
 */
export async function registerAccount(ctx: Context, input: { name?: unknown; email?: unknown; password?: unknown; locale?: unknown }): Promise<CheckMail> {
  const v = new Validator(ctx.locale);
  const name = v.text('name', input.name, { required: true, max: NAME_MAX });
  const email = v.email('email', input.email);
  if (input.locale !== undefined) v.choice('locale', input.locale, ['de', 'en'] as const);
  const password = await newPassword(v, 'password', input.password, [name, email]);
  v.check();
  const locale = isLocale(input.locale) ? input.locale : ctx.locale;
  // Hashing on both paths keeps a taken address from answering faster.
  const passwordHash = await hashPassword(password);
  await inTransaction(ctx, async (tx) => {
    const id = await insertUser(tx.db, { email, name, password_hash: passwordHash, locale });
    if (id === null) {
      const owner = await selectUserByEmail(tx.db, email);
      if (owner) await sendAccountMail(tx, owner, 'duplicate');
      return;
    }
    const token = await issueAccountToken(tx, id, 'verify_email');
    await sendAccountMail(tx, { email, name, locale }, 'verify', { token });
  });
  return { kind: 'check_mail', email };
}

/** Opens a confirmation link: the account becomes a verified member. */
export async function verifyEmail(ctx: Context, token: unknown): Promise<LinkResult<'verified'>> {
  return inTransaction(ctx, async (tx) => {
    const check = await consumeToken(tx, token, 'verify_email');
    if (!check.ok) return { kind: 'invalid', problem: check.problem };
    await markEmailVerified(tx.db, check.userId, tx.clock.now());
    return { kind: 'verified' };
  });
}

/** Sends a fresh confirmation link to an unverified account; answers the same for any address. */
export async function resendVerification(ctx: Context, input: { email?: unknown }): Promise<CheckMail> {
  const v = new Validator(ctx.locale);
  const email = v.email('email', input.email);
  v.check();
  const user = await selectUserByEmail(ctx.db, email);
  if (user && !user.email_verified_at) {
    await inTransaction(ctx, async (tx) => {
      const token = await issueAccountToken(tx, user.id, 'verify_email');
      await sendAccountMail(tx, user, 'verify', { token });
    });
  }
  return { kind: 'check_mail', email };
}
