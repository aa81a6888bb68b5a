import Tokens from '@fastify/csrf';

/**
 * CSRF tokens without a second cookie. A signed-in user's tokens are derived from a secret kept
 * in their server-side session row; anonymous forms (login, registration, feedback) get a token
 * signed with the app secret that expires after a few hours, and their posts must also come
 * from our own origin (checked separately).
 */
const sessionTokens = Tokens();
const anonymousTokens = Tokens({ validity: 4 * 3600 * 1000 });

export function createCsrfToken(secret: string, anonymous: boolean): string {
  return anonymous ? anonymousTokens.create(secret) : sessionTokens.create(secret);
}

export function verifyCsrfToken(secret: string, token: unknown, anonymous: boolean): boolean {
  if (typeof token !== 'string' || token.length === 0 || token.length > 200) return false;
  return anonymous ? anonymousTokens.verify(secret, token) : sessionTokens.verify(secret, token);
}

export function newCsrfSecret(): string {
  return sessionTokens.secretSync();
}
