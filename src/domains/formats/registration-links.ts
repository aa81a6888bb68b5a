import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Context } from '../../platform/context.js';
import { ensureSecret } from '../../platform/settings.js';

/**
 * The link in every registration mail (see, confirm, cancel) carries an HMAC of the registration's id
 * under a secret kept in the database: any later mail can repeat the same link, and nothing that
 * could be replayed is stored beside the registration.
 */

const SECRET_KEY = 'formats.registration_links';

function sign(secret: string, id: number): string {
  return createHmac('sha256', secret).update(`registration:${id}`).digest('base64url');
}

/** Makes "/formate/anmeldung/17/abc…": the path (without language prefix) of a registration's own page. */
export async function registrationPaths(ctx: Context): Promise<(id: number) => string> {
  const secret = await ensureSecret(ctx.db, SECRET_KEY);
  return (id) => `/formate/anmeldung/${id}/${sign(secret, id)}`;
}

/** Whether the link's signature belongs to the registration. */
export async function verifyRegistrationLink(ctx: Context, id: number, signature: string): Promise<boolean> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(signature)) return false;
  const expected = Buffer.from(sign(await ensureSecret(ctx.db, SECRET_KEY), id));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
