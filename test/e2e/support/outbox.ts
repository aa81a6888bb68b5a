import type { Browser, BrowserContext, Page } from 'playwright-core';
import pg from 'pg';
import { newTestContext } from './browser.js';
import type { RunningServer } from './server.js';

export interface OutboxMail {
  recipient: string;
  subject: string;
  text: string;
}

/**
 * Reads mails that the server stored in `mail_outbox` (no SMTP_URL). On PostgreSQL through a
 * direct connection; on PGlite the server holds the data directory exclusively, so through the
 * admin's outbox pages (/admin/postausgang and /admin/postausgang/:id) in a browser context of its own.
 */
export interface Outbox {
  /** Waits (the mail job runs in the background) for the newest mail to `recipient` whose text matches. */
  waitForMail(recipient: string, match?: RegExp, timeoutMs?: number): Promise<OutboxMail>;
  close(): Promise<void>;
}

export function openOutbox(server: RunningServer, browser: Browser): Outbox {
  return server.databaseUrl ? new DatabaseOutbox(server.databaseUrl) : new AdminPageOutbox(server, browser);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

class DatabaseOutbox implements Outbox {
  private readonly pool: pg.Pool;
  constructor(url: string) {
    this.pool = new pg.Pool({ connectionString: url, max: 1 });
  }
  async waitForMail(recipient: string, match = /./, timeoutMs = 20_000): Promise<OutboxMail> {
    const deadline = Date.now() + timeoutMs;
    while (true) {
      const { rows } = await this.pool.query<{ recipient: string; subject: string; text_body: string }>(
        'select recipient, subject, text_body from mail_outbox where lower(recipient) = lower($1) order by id desc',
        [recipient],
      );
      const mail = rows.find((row) => match.test(row.text_body));
      if (mail) return { recipient: mail.recipient, subject: mail.subject, text: mail.text_body };
      if (Date.now() > deadline) throw new Error(`no mail to ${recipient} matching ${match} in mail_outbox after ${timeoutMs} ms (found ${rows.length} other(s))`);
      await sleep(250);
    }
  }
  async close() {
    await this.pool.end();
  }
}

class AdminPageOutbox implements Outbox {
  private session: { context: BrowserContext; page: Page } | null = null;
  constructor(
    private readonly server: RunningServer,
    private readonly browser: Browser,
  ) {}

  private async adminPage(): Promise<Page> {
    if (this.session) return this.session.page;
    const admin = this.server.admin;
    if (!admin) throw new Error('reading the outbox on PGlite needs an admin: startServer({ admin })');
    const { context, page } = await newTestContext(this.browser, this.server.origin);
    await page.goto(this.server.url('/anmelden'));
    await page.getByLabel('E-Mail-Adresse').fill(admin.email);
    await page.getByLabel('Passwort', { exact: true }).fill(admin.password);
    await page.locator('main').getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForLoadState('load');
    if (new URL(page.url()).pathname === '/anmelden') throw new Error(`admin login failed: ${await page.locator('main').innerText()}`);
    this.session = { context, page };
    return page;
  }

  async waitForMail(recipient: string, match = /./, timeoutMs = 20_000): Promise<OutboxMail> {
    const page = await this.adminPage();
    const deadline = Date.now() + timeoutMs;
    const seen = new Set<string>();
    while (true) {
      await page.goto(this.server.url(`/admin/postausgang?recipient=${encodeURIComponent(recipient)}`));
      // Each mail is a table row linking to /admin/postausgang/:id; newest first.
      const rows = page.locator('main tr').filter({ hasText: recipient }).filter({ has: page.locator('a[href*="/admin/postausgang/"]') });
      const hrefs: string[] = [];
      for (const row of await rows.all()) {
        const href = await row.locator('a[href*="/admin/postausgang/"]').first().getAttribute('href');
        if (href) hrefs.push(href);
      }
      for (const href of hrefs) {
        if (seen.has(href)) continue;
        await page.goto(this.server.url(href));
        const subject = (await page.locator('h1').innerText()).trim();
        // The plain-text version is shown as preformatted text; the HTML version only as escaped source.
        const body = page.locator('main pre.qn-mail-body');
        const text = (await body.count()) > 0 ? await body.innerText() : await page.locator('main').innerText();
        if (match.test(text)) return { recipient, subject, text };
        seen.add(href);
      }
      if (Date.now() > deadline) throw new Error(`no mail to ${recipient} matching ${match} at /admin/postausgang after ${timeoutMs} ms (${hrefs.length} other(s))`);
      await sleep(400);
    }
  }

  async close() {
    await this.session?.context.close();
    this.session = null;
  }
}

/** The first link to `pathname` (with its query) in a mail's text, made absolute on the server's origin. */
export function linkIn(mail: OutboxMail, pathname: string, server: RunningServer): string {
  const escaped = pathname.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const found = new RegExp(`https?://[^\\s"'<>]*${escaped}[^\\s"'<>]*`).exec(mail.text);
  if (!found) throw new Error(`no link to ${pathname} in the mail "${mail.subject}":\n${mail.text}`);
  const url = new URL(found[0]);
  if (url.origin !== server.origin) throw new Error(`the mail links to ${url.origin}, expected ${server.origin} (PUBLIC_URL)`);
  return url.toString();
}
