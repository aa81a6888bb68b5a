import type { Context } from '../../platform/context.js';
import { AppError, ValidationError } from '../../platform/errors/index.js';
import { verifyPassword } from '../../platform/auth/passwords.js';
import { translator } from '../../platform/i18n/index.js';
import { messages } from './messages.js';
import { selectUserById, type UserRow } from './queries.js';

/** The signed-in person's own row; every "my account" use case starts here. */
export async function currentAccount(ctx: Context): Promise<UserRow> {
  if (!ctx.user) throw new AppError('auth.required');
  const row = await selectUserById(ctx.db, ctx.user.id);
  if (!row) throw new AppError('auth.required');
  return row;
}

/** Confirms a sensitive change with the account's password, or fails on that field. */
export async function confirmPassword(ctx: Context, account: UserRow, field: string, password: string) {
  if (!(await verifyPassword(account.password_hash, password))) {
    throw new ValidationError({ [field]: translator(messages, ctx.locale)('password.wrong') });
  }
}
