import type { Context } from '../../platform/context.js';
import { translator } from '../../platform/i18n/index.js';
import { Validator } from '../../platform/validation.js';
import { sendAccountMail } from './mails.js';
import { messages } from './messages.js';
import { consumeToken, inspectToken, issueAccountToken } from './one-time-tokens.js';
import { presentPassword } from './password-policy.js';
import { selectUserByEmail, selectUserById, updateUser } from './queries.js';
import type { LinkProblem } from './one-time-tokens.js';
import type { CheckMail } from './registration.js';
import { confirmPassword, currentAccount } from './support.js';
import { inTransaction } from '../../platform/context.js';

/**
 * Starts an email change: a link goes to the new address, a notice to the current one. An
 * address that belongs to another account gets no link, but the answer is the same.
 */
export async function requestEmailChange(ctx: Context, input: { newEmail?: unknown; password?: unknown }): Promise<CheckMail> {
  const account = await currentAccount(ctx);
  const v = new Validator(ctx.locale);
  const newEmail = v.email('newEmail', input.newEmail);
  const password = presentPassword(v, 'password', input.password) ?? '';
  if (newEmail && newEmail === account.email.toLowerCase()) v.add('newEmail', translator(messages, ctx.locale)('email.same'));
  v.check();
  await confirmPassword(ctx, account, 'password', password);
  const taken = (await selectUserByEmail(ctx.db, newEmail)) !== undefined;
  await inTransaction(ctx, async (tx) => {
    if (!taken) {
      const token = await issueAccountToken(tx, account.id, 'change_email', newEmail);
      await sendAccountMail(tx, { email: newEmail, name: account.name, locale: account.locale }, 'change', { token, email: newEmail });
    }
    await sendAccountMail(tx, account, 'notice', { email: newEmail });
  });
  return { kind: 'check_mail', email: newEmail };
}

export type EmailChangeResult = { kind: 'changed'; email: string } | { kind: 'taken' } | { kind: 'invalid'; problem: LinkProblem };

/**
 * Opens the link sent to the new address; only now does the address change. The link works only
 * for the account that asked for it (someone else signed in on that browser gets "unknown").
 */
export async function confirmEmailChange(ctx: Context, token: unknown): Promise<EmailChangeResult> {
  const account = await currentAccount(ctx);
  const link = await inspectToken(ctx, token, 'change_email');
  if (!link.ok) return { kind: 'invalid', problem: link.problem };
  if (link.userId !== account.id) return { kind: 'invalid', problem: 'unknown' };
  try {
    return await inTransaction(ctx, async (tx) => {
      const check = await consumeToken(tx, token, 'change_email');
      if (!check.ok) return { kind: 'invalid', problem: check.problem };
      const [user, holder] = await Promise.all([selectUserById(tx.db, check.userId), selectUserByEmail(tx.db, check.newEmail ?? '')]);
      if (!user || !check.newEmail) return { kind: 'invalid', problem: 'unknown' };
      if (holder && holder.id !== user.id) return { kind: 'taken' };
      await updateUser(tx.db, user.id, { email: check.newEmail, email_verified_at: tx.clock.now() }, tx.clock.now());
      return { kind: 'changed', email: check.newEmail };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { kind: 'taken' };
    throw error;
  }
}

const isUniqueViolation = (error: unknown) => (error as { code?: unknown } | null)?.code === '23505';
