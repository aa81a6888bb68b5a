import { createHash, randomBytes } from 'node:crypto';

/** A random secret for a URL or cookie, and the hash we store instead of it. */
export function newToken(prefix = ''): { token: string; hash: Buffer } {
  const token = prefix + randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}
