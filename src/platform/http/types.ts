import type { VNode } from 'preact';
import type { FastifyRequest } from 'fastify';
import type { Clock, Context, CurrentUser } from '../context.js';
import type { Locale } from '../i18n/index.js';
import type { AppError } from '../errors/index.js';
import type { Config } from '../config.js';
import type { DatabaseHandle } from '../db/index.js';
import type { JobRunner } from '../jobs/runner.js';
import type { PageOptions } from './render.js';

/** JSON API routes (problem+json errors, language from Accept-Language); /api/docs is an HTML page. */
export function isApiUrl(url: string): boolean {
  return url.startsWith('/api/v1/') || url === '/api/v1' || url.startsWith('/api/docs/openapi.json');
}

/** Who may call a route. Every route must declare it; the app refuses to start otherwise. */
export type Access = 'public' | 'member' | 'coordinator' | 'admin';

/** A form route re-renders its form with the user's input when a use case rejects it (may load data first). */
export type FormView = (request: FastifyRequest, error: AppError) => { title: string; body: VNode } | Promise<{ title: string; body: VNode }>;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    form?: FormView;
  }
  interface FastifyRequest {
    locale: Locale;
    user: CurrentUser | null;
    ctx: Context;
    csrfSecret: string;
    isApi: boolean;
    /** Locale-free path and query of an HTML page, for the language switch. */
    pagePath: string;
    /** Counts beside navigation links (signed-in GET pages only). */
    navCounts: Record<string, number> | null;
    csrfToken(): string;
  }
  interface FastifyReply {
    /** Renders a full page (or only the main content for an htmx request). */
    page(title: string, body: VNode, options?: PageOptions): FastifyReply;
    /** Renders an HTML fragment. */
    fragment(body: VNode): FastifyReply;
  }
  interface FastifyInstance {
    config: Config;
    database: DatabaseHandle;
    jobs: JobRunner;
    /** The app's clock: real time, or a test's clock (requests, jobs and use cases share it). */
    clock: Clock;
  }
}
