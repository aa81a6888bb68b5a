import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors/index.js';

/**
 * A per-person limit (signed-in: per account, else per address) shared by a page and its API twin;
 * refused with 429 and a message of the domain's own (`detail(request, minutes)`).
 */
export function requestLimit(app: FastifyInstance, options: { max: number; timeWindow: string; nameSpace: string }, detail: (request: FastifyRequest, minutes: number) => string) {
  const limiter = app.createRateLimit({ ...options, keyGenerator: (request: FastifyRequest) => (request.user ? `user:${request.user.id}` : request.ip) });
  return async (request: FastifyRequest) => {
    const result = await limiter(request);
    if (!result.isAllowed && result.isExceeded) {
      const minutes = Math.max(1, Math.ceil(result.ttlInSeconds / 60));
      throw new AppError('auth.rate_limited', { retryAfterSeconds: result.ttlInSeconds, detail: detail(request, minutes) });
    }
  };
}
