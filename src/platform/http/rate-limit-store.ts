import { sql } from 'kysely';
import type { Db } from '../db/index.js';

interface RateLimitsTable {
  key: string;
  count: number;
  window_start: Date;
}

declare module '../db/types.js' {
  interface Database {
    rate_limits: RateLimitsTable;
  }
}

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;
interface LimiterOptions {
  nameSpace?: string;
  routeInfo?: { method?: string | string[]; url?: string };
}

/**
 * A store for @fastify/rate-limit that keeps its fixed-window counters in PostgreSQL, so the
 * limits hold across restarts and across app instances. One upsert per limited request.
 */
const CLEANUP_EVERY_MS = 10 * 60 * 1000;

export function postgresRateLimitStore(db: Db) {
  let sequence = 0;
  let lastCleanup = 0; // counters older than a day are deleted at most every 10 minutes
  return class PostgresRateLimitStore {
    constructor(
      _options: object,
      private readonly namespace = 'global',
    ) {}

    incr(key: string, callback: Callback, timeWindow: number) {
      const id = `${this.namespace}:${key}`.slice(0, 500);
      sql<{ count: number; ttl: number }>`
        insert into rate_limits (key, count, window_start) values (${id}, 1, now())
        on conflict (key) do update set
          count = case when rate_limits.window_start + ${timeWindow}::double precision * interval '1 millisecond' <= now()
                  then 1 else rate_limits.count + 1 end,
          window_start = case when rate_limits.window_start + ${timeWindow}::double precision * interval '1 millisecond' <= now()
                  then now() else rate_limits.window_start end
        returning count, (extract(epoch from (window_start - now())) * 1000 + ${timeWindow}::double precision)::float8 as ttl`
        .execute(db)
        .then((result) => {
          const row = result.rows[0]!;
          callback(null, { current: row.count, ttl: Math.max(0, Math.round(row.ttl)) });
          const now = Date.now();
          if (now - lastCleanup > CLEANUP_EVERY_MS) {
            lastCleanup = now;
            void sql`delete from rate_limits where window_start < now() - interval '1 day'`.execute(db).catch(() => undefined);
          }
        })
        .catch((error: Error) => callback(error));
    }

    read(key: string, callback: Callback, timeWindow: number) {
      const id = `${this.namespace}:${key}`.slice(0, 500);
      sql<{ count: number; ttl: number }>`
        select count, (extract(epoch from (window_start - now())) * 1000 + ${timeWindow}::double precision)::float8 as ttl
        from rate_limits where key = ${id}`
        .execute(db)
        .then((result) => {
          const row = result.rows[0];
          callback(null, row && row.ttl > 0 ? { current: row.count, ttl: Math.round(row.ttl) } : { current: 0, ttl: 0 });
        })
        .catch((error: Error) => callback(error));
    }

    /** Each limiter gets its own namespace: its route, its nameSpace option, or its creation order. */
    child(routeOptions: object) {
      const options = routeOptions as LimiterOptions;
      const route = options.routeInfo?.url ? `${[options.routeInfo.method].flat().join(',')} ${options.routeInfo.url}` : null;
      return new PostgresRateLimitStore(options, options.nameSpace ?? route ?? `limiter-${++sequence}`);
    }
  };
}
