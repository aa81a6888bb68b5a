import type { FastifyServerOptions } from 'fastify';
import type { Config } from './config.js';

const secretParams = /([?&](?:token|code|next)=)[^&]*/gi;

/** Structured JSON logs with a request id; never cookies, tokens, passwords or session ids. */
export function loggerOptions(config: Config): Exclude<FastifyServerOptions['logger'], boolean | undefined> {
  return {
    level: config.logLevel,
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]', '*.password', '*.token'],
      censor: '[redacted]',
    },
    serializers: {
      req(request: { method: string; url: string; hostname?: string; ip?: string; headers?: Record<string, unknown> }) {
        return {
          method: request.method,
          url: request.url.replace(secretParams, '$1[redacted]'),
          host: request.hostname,
          remoteAddress: request.ip,
          userAgent: request.headers?.['user-agent'],
        };
      },
    },
  };
}
