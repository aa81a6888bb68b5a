import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors/index.js';

export type Limit = (request: FastifyRequest) => Promise<void>;

const MINUTE = 60_000;

/** A form or JSON body field as a string (a repeated form field counts with its first value). */
function bodyField(request: FastifyRequest, name: string): string | null {
  const raw = (request.body as Record<string, unknown> | undefined)?.[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (typeof value !== 'string') return null;
  const key = value.replace(/[\u0000-\u001F\u007F]/g, '').trim().toLowerCase().slice(0, 254);
  return key === '' ? null : key;
}

const byIp = (request: FastifyRequest) => request.ip;
const byEmail = (request: FastifyRequest) => bodyField(request, 'email');
const byUser = (request: FastifyRequest) => (request.user ? String(request.user.id) : null);

/**
 * The rate limits of the accounts domain. Each check counts under its own name; several checks on
 * one route all count (the plugin's own route hook would stop after the first). HTML and API
 * routes, and both languages, share the same counters.
 */
export function accountLimits(app: FastifyInstance) {
  const limit = (name: string, max: number, timeWindow: number, key: (request: FastifyRequest) => string | null): Limit => {
    // nameSpace names the counters in the shared store (platform/http/rate-limit-store.ts).
    const options = { nameSpace: `accounts.${name}`, max, timeWindow, keyGenerator: (request: FastifyRequest) => key(request) ?? '' };
    const check = app.createRateLimit(options);
    return async (request) => {
      if (key(request) === null) return;
      const result = await check(request);
      if (!result.isAllowed && result.isExceeded) throw new AppError('auth.rate_limited', { retryAfterSeconds: result.ttlInSeconds });
    };
  };
  return {
    /** Guessing passwords: per address of the caller and per account tried. */
    login: [limit('login.ip', 30, 15 * MINUTE, byIp), limit('login.account', 10, 15 * MINUTE, byEmail)],
    /** New accounts, and notices to an existing owner. */
    register: [limit('register.ip', 10, 60 * MINUTE, byIp), limit('register.account', 3, 60 * MINUTE, byEmail)],
    /** Mailed links on request (password reset, new confirmation link): no mail bombing. */
    mailLink: [limit('mail-link.ip', 10, 60 * MINUTE, byIp), limit('mail-link.account', 5, 60 * MINUTE, byEmail)],
    /** Changes confirmed with the current password, per signed-in person. */
    passwordConfirmed: [limit('password-confirmed.user', 10, 15 * MINUTE, byUser)],
  };
}

export type AccountLimits = ReturnType<typeof accountLimits>;
