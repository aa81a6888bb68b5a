import type { Context, Role } from '../../platform/context.js';
import { listAudit, recordAudit } from '../../platform/audit.js';
import { locales, type Locale } from '../../platform/i18n/index.js';
import { Validator } from '../../platform/validation.js';
import { AppError } from '../../platform/errors/index.js';
import { findAdmins } from '../../platform/auth/users.js';
import { texts } from './views/shared.js';
import { presentPassword } from './password-policy.js';
import { deleteUser, selectAccessTokens, selectSessions, updateUser, type UserRow } from './queries.js';
import { NAME_MAX } from './registration.js';
import { confirmPassword, currentAccount } from './support.js';
import { inTransaction } from '../../platform/context.js';

export interface Account {
  id: number;
  name: string;
  email: string;
  role: Role;
  locale: Locale;
  createdAt: Date;
  activeSessions: number;
}

const toAccount = (row: UserRow, activeSessions: number): Account => ({
  id: row.id,
  name: row.name,
  email: row.email,
  role: row.role,
  locale: row.locale,
  createdAt: row.created_at,
  activeSessions,
});

/** The signed-in person's account with the number of devices they are logged in on. */
export async function getAccount(ctx: Context): Promise<Account> {
  const row = await currentAccount(ctx);
  const sessions = await selectSessions(ctx.db, row.id, ctx.clock.now());
  return toAccount(row, sessions.length);
}

/** Changes name and/or mail language; a field left out stays as it is. */
export async function updateProfile(ctx: Context, input: { name?: unknown; locale?: unknown }): Promise<Account> {
  const row = await currentAccount(ctx);
  const v = new Validator(ctx.locale);
  const name = input.name === undefined ? row.name : v.text('name', input.name, { required: true, max: NAME_MAX });
  const locale = input.locale === undefined ? row.locale : v.choice('locale', input.locale, locales);
  v.check();
  await updateUser(ctx.db, row.id, { name, locale: locale ?? row.locale }, ctx.clock.now());
  return getAccount(ctx);
}

/** Deletes the account after the password is confirmed; sessions and tokens go with it. */
export async function deleteAccount(ctx: Context, input: { password?: unknown }): Promise<{ kind: 'deleted' }> {
  const row = await currentAccount(ctx);
  const v = new Validator(ctx.locale);
  const password = presentPassword(v, 'password', input.password) ?? '';
  v.check();
  await confirmPassword(ctx, row, 'password', password);
  await inTransaction(ctx, async (tx) => {
    // Someone must remain to administer the platform and receive accessibility feedback.
    if (row.role === 'admin' && (await findAdmins(tx.db)).every((admin) => admin.id === row.id)) {
      throw new AppError('conflict', { detail: texts(ctx.locale)('delete.lastAdmin') });
    }
    await deleteUser(tx.db, row.id);
    await recordAudit(tx, { action: 'user.deleted', subjectUserId: row.id, subjectLabel: `${row.name} <${row.email}>`, details: { by: 'self' } });
  });
  return { kind: 'deleted' };
}

export interface MyData {
  exportedAt: Date;
  profile: { name: string; email: string; role: Role; locale: Locale; emailVerifiedAt: Date | null; createdAt: Date };
  sessions: { createdAt: Date; lastSeenAt: Date; expiresAt: Date; userAgent: string | null }[];
  accessTokens: { name: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null }[];
  auditLog: { action: string; actor: string; details: Record<string, unknown>; createdAt: Date }[];
}

/** Everything stored about the signed-in person (never ids of sessions or any hashes). */
export async function exportMyData(ctx: Context): Promise<MyData> {
  const row = await currentAccount(ctx);
  const [sessions, tokens, audit] = await Promise.all([
    selectSessions(ctx.db, row.id, ctx.clock.now()),
    selectAccessTokens(ctx.db, row.id, { includeRevoked: true }),
    listAudit(ctx.db, { subjectUserId: row.id, limit: 1000, offset: 0 }),
  ]);
  return {
    exportedAt: ctx.clock.now(),
    profile: { name: row.name, email: row.email, role: row.role, locale: row.locale, emailVerifiedAt: row.email_verified_at, createdAt: row.created_at },
    sessions: sessions.map((s) => ({ createdAt: s.created_at, lastSeenAt: s.last_seen_at, expiresAt: s.expires_at, userAgent: s.user_agent })),
    accessTokens: tokens.map((t) => ({ name: t.name, createdAt: t.created_at, lastUsedAt: t.last_used_at, revokedAt: t.revoked_at })),
    auditLog: audit.items.map((a) => ({ action: a.action, actor: a.actorLabel, details: a.details, createdAt: a.createdAt })),
  };
}
