import { sql, type Generated } from 'kysely';
import type { DbOrTx } from '../../platform/db/index.js';
import type { Role } from '../../platform/context.js';
import type { Locale } from '../../platform/i18n/index.js';
import { hashToken } from '../../platform/auth/tokens.js';
import '../../platform/auth/users-table.js';

export type TokenPurpose = 'verify_email' | 'reset_password' | 'change_email';

export interface AccountTokensTable {
  id: Generated<number>;
  token_hash: Buffer;
  user_id: number;
  purpose: TokenPurpose;
  new_email: string | null;
  expires_at: Date;
  used_at: Date | null;
  created_at: Generated<Date>;
}

declare module '../../platform/db/types.js' {
  interface Database {
    account_tokens: AccountTokensTable;
  }
}

export interface UserRow {
  id: number;
  email: string;
  name: string;
  password_hash: string;
  role: Role;
  locale: Locale;
  email_verified_at: Date | null;
  created_at: Date;
}

const userColumns = ['id', 'email', 'name', 'password_hash', 'role', 'locale', 'email_verified_at', 'created_at'] as const;

export async function selectUserByEmail(db: DbOrTx, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').select(userColumns).where(sql<string>`lower(email)`, '=', email.toLowerCase()).executeTakeFirst();
}

export async function selectUserById(db: DbOrTx, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('users').select(userColumns).where('id', '=', id).executeTakeFirst();
}

/** Inserts a user unless the address is taken (race-safe through the unique index); null when taken. */
export async function insertUser(
  db: DbOrTx,
  row: { email: string; name: string; password_hash: string; locale: Locale; role?: Role; email_verified_at?: Date | null },
): Promise<number | null> {
  const inserted = await db
    .insertInto('users')
    .values(row)
    .onConflict((oc) => oc.expression(sql`lower(email)`).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted?.id ?? null;
}

export async function updateUser(
  db: DbOrTx,
  id: number,
  changes: Partial<{ name: string; locale: Locale; email: string; password_hash: string; role: Role; email_verified_at: Date }>,
  now: Date,
) {
  await db.updateTable('users').set({ ...changes, updated_at: now }).where('id', '=', id).execute();
}

/** Marks the address verified (the first time only). */
export async function markEmailVerified(db: DbOrTx, id: number, now: Date) {
  await db.updateTable('users').set({ email_verified_at: now, updated_at: now }).where('id', '=', id).where('email_verified_at', 'is', null).execute();
}

export async function deleteUser(db: DbOrTx, id: number) {
  await db.deleteFrom('users').where('id', '=', id).execute();
}

// One-time tokens (verification, password reset, email change): only the hash is stored.

export async function insertAccountToken(db: DbOrTx, row: { hash: Buffer; userId: number; purpose: TokenPurpose; newEmail?: string; expiresAt: Date; now: Date }) {
  await db
    .insertInto('account_tokens')
    .values({ token_hash: row.hash, user_id: row.userId, purpose: row.purpose, new_email: row.newEmail ?? null, expires_at: row.expiresAt, created_at: row.now })
    .execute();
}

/** Removes a user's unused tokens of one purpose, so only the newest link works. */
export async function deleteUnusedTokens(db: DbOrTx, userId: number, purpose: TokenPurpose) {
  await db.deleteFrom('account_tokens').where('user_id', '=', userId).where('purpose', '=', purpose).where('used_at', 'is', null).execute();
}

/** Marks a valid token used in one statement, so two concurrent clicks cannot both succeed. */
export async function consumeAccountToken(db: DbOrTx, token: string, purpose: TokenPurpose, now: Date) {
  return db
    .updateTable('account_tokens')
    .set({ used_at: now })
    .where('token_hash', '=', hashToken(token))
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning(['user_id', 'new_email'])
    .executeTakeFirst();
}

export async function selectAccountToken(db: DbOrTx, token: string, purpose: TokenPurpose) {
  return db
    .selectFrom('account_tokens')
    .select(['user_id', 'new_email', 'expires_at', 'used_at'])
    .where('token_hash', '=', hashToken(token))
    .where('purpose', '=', purpose)
    .executeTakeFirst();
}

// Sessions and access tokens: the platform reads them on every request; their changes live here.

export async function deleteSessionByToken(db: DbOrTx, token: string) {
  await db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
}

export async function selectSessions(db: DbOrTx, userId: number, now: Date) {
  return db
    .selectFrom('sessions')
    .select(['id', 'created_at', 'last_seen_at', 'expires_at', 'user_agent'])
    .where('user_id', '=', userId)
    .where('expires_at', '>', now)
    .orderBy('last_seen_at', 'desc')
    .execute();
}

export async function selectAccessTokens(db: DbOrTx, userId: number, options: { includeRevoked: boolean }) {
  let query = db.selectFrom('access_tokens').select(['id', 'name', 'created_at', 'last_used_at', 'revoked_at']).where('user_id', '=', userId);
  if (!options.includeRevoked) query = query.where('revoked_at', 'is', null);
  return query.orderBy('id', 'desc').execute();
}

export async function countActiveAccessTokens(db: DbOrTx, userId: number): Promise<number> {
  const row = await db
    .selectFrom('access_tokens')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function insertAccessToken(db: DbOrTx, row: { userId: number; name: string; hash: Buffer; now: Date }) {
  return db
    .insertInto('access_tokens')
    .values({ user_id: row.userId, name: row.name, token_hash: row.hash, created_at: row.now })
    .returning(['id', 'name', 'created_at', 'last_used_at', 'revoked_at'])
    .executeTakeFirstOrThrow();
}

/** Revokes one of the user's own tokens; false when there is no such live token of theirs. */
export async function revokeAccessToken(db: DbOrTx, userId: number, tokenId: number, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('access_tokens')
    .set({ revoked_at: now })
    .where('id', '=', tokenId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
