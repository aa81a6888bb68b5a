import type { Context } from '../../platform/context.js';
import { ACCESS_TOKEN_PREFIX } from '../../platform/auth/sessions.js';
import { newToken } from '../../platform/auth/tokens.js';
import { notFound } from '../../platform/errors/index.js';
import { translator } from '../../platform/i18n/index.js';
import { Validator } from '../../platform/validation.js';
import { messages } from './messages.js';
import { countActiveAccessTokens, insertAccessToken, revokeAccessToken as revokeOwnToken, selectAccessTokens } from './queries.js';
import { currentAccount } from './support.js';

export const MAX_ACCESS_TOKENS = 25;

export interface AccessToken {
  id: number;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

const toAccessToken = (row: { id: number; name: string; created_at: Date; last_used_at: Date | null }): AccessToken => ({
  id: row.id,
  name: row.name,
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
});

/** The signed-in person's live personal access tokens (names and dates, never the secret). */
export async function listAccessTokens(ctx: Context): Promise<AccessToken[]> {
  const account = await currentAccount(ctx);
  return (await selectAccessTokens(ctx.db, account.id, { includeRevoked: false })).map(toAccessToken);
}

/** Creates a personal access token; the secret is returned this once and only its hash is kept. */
export async function createAccessToken(ctx: Context, input: { name?: unknown }): Promise<{ token: string; accessToken: AccessToken }> {
  const account = await currentAccount(ctx);
  const v = new Validator(ctx.locale);
  const name = v.text('name', input.name, { required: true, max: 100 });
  if (!v.failed && (await countActiveAccessTokens(ctx.db, account.id)) >= MAX_ACCESS_TOKENS) {
    v.add('name', translator(messages, ctx.locale)('tokens.tooMany', { max: MAX_ACCESS_TOKENS }));
  }
  v.check();
  const { token, hash } = newToken(ACCESS_TOKEN_PREFIX);
  const row = await insertAccessToken(ctx.db, { userId: account.id, name, hash, now: ctx.clock.now() });
  return { token, accessToken: toAccessToken(row) };
}

/** Revokes one of the person's own tokens; anyone else's (or an unknown id) is simply not found. */
export async function revokeAccessToken(ctx: Context, id: unknown): Promise<{ kind: 'revoked' }> {
  const account = await currentAccount(ctx);
  const tokenId = typeof id === 'number' ? id : /^\d{1,15}$/.test(String(id)) ? Number(id) : NaN;
  if (!Number.isSafeInteger(tokenId) || !(await revokeOwnToken(ctx.db, account.id, tokenId, ctx.clock.now()))) throw notFound();
  return { kind: 'revoked' };
}
