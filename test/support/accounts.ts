import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { SESSION_COOKIE } from '../../src/platform/auth/sessions.js';
import { csrfFrom, sessionFrom, type TestApp } from './test-app.js';

/** Helpers for tests of the accounts flows: forms from a given address, mails from the outbox. */

export interface SentMail {
  subject: string;
  text: string;
  html: string;
  locale: string;
}

/** Delivers queued mail, then returns what the outbox holds for a recipient (oldest first). */
export async function mailsTo(t: TestApp, recipient: string): Promise<SentMail[]> {
  await t.runJobs();
  const rows = await t.db
    .selectFrom('mail_outbox')
    .select(['subject', 'text_body', 'html_body', 'locale'])
    .where('recipient', '=', recipient.toLowerCase())
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ subject: r.subject, text: r.text_body, html: r.html_body, locale: r.locale }));
}

/** The local part (path and query) of the first link in a mail that leads to `path`. */
export function linkIn(mail: SentMail | undefined, path: string): string {
  if (!mail) throw new Error('no mail');
  const match = new RegExp(`https?://[^\\s/]+(${path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(?:\\?[^\\s]*)?)`).exec(mail.text);
  if (!match?.[1]) throw new Error(`no link to ${path} in mail "${mail.subject}":\n${mail.text}`);
  return match[1];
}

export const uniqueEmail = (label = 'person') => `${label}-${randomBytes(4).toString('hex')}@example.org`;

let address = 1;
/** A fresh client address, so rate limits of one test do not spill into the next. */
export const freshIp = () => `10.1.${Math.floor(address / 250) % 250}.${(address++ % 250) + 1}`;

/**
 * Submits an HTML form like a browser: loads the page for its CSRF token, then posts the fields,
 * with the session cookie when given, from the given client address (default: a fresh one).
 */
export async function postForm(
  app: FastifyInstance,
  options: { page: string; action?: string; fields: Record<string, string>; session?: string | null; ip?: string; headers?: Record<string, string> },
): Promise<LightMyRequestResponse> {
  const cookies = options.session ? { [SESSION_COOKIE]: options.session } : undefined;
  const remoteAddress = options.ip ?? freshIp();
  const page = await app.inject({ method: 'GET', url: options.page, cookies, remoteAddress });
  if (page.statusCode !== 200) throw new Error(`GET ${options.page} answered ${page.statusCode}: ${page.body.slice(0, 300)}`);
  return app.inject({
    method: 'POST',
    url: options.action ?? options.page,
    cookies,
    remoteAddress,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...options.headers },
    payload: new URLSearchParams({ _csrf: csrfFrom(page.body), ...options.fields }).toString(),
  });
}

/** Logs in through the form and returns the new session token (throws when it fails). */
export async function logInAs(app: FastifyInstance, email: string, password: string, options: { session?: string | null; ip?: string } = {}): Promise<string> {
  const response = await postForm(app, { page: '/anmelden', fields: { email, password }, ...options });
  const session = sessionFrom(response);
  if (response.statusCode !== 303 || !session) throw new Error(`login failed: ${response.statusCode}`);
  return session;
}

/** Registers through the form and opens the confirmation link; returns the person's data. */
export async function registerVerified(t: TestApp, options: { name?: string; email?: string; password?: string; locale?: 'de' | 'en' } = {}) {
  const person = { name: options.name ?? 'Rosa Quartier', email: options.email ?? uniqueEmail(), password: options.password ?? 'Backstein Wolke Fahrradklingel 7' };
  const prefix = options.locale === 'en' ? '/en' : '';
  const ip = freshIp();
  const response = await postForm(t.app, { page: `${prefix}/registrieren`, fields: person, ip });
  if (response.statusCode !== 200) throw new Error(`registration failed: ${response.statusCode}`);
  const [mail] = await mailsTo(t, person.email);
  const verified = await t.app.inject({ url: linkIn(mail, `${prefix}/konto/bestaetigen`), remoteAddress: ip });
  if (verified.statusCode !== 200) throw new Error(`verification failed: ${verified.statusCode}`);
  return person;
}
