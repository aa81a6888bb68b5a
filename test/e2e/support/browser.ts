import fs from 'node:fs';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

/** Debian's Chromium (apt-get install -y chromium); CHROMIUM_PATH overrides. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless Chromium that does not phone home (no background networking, updates, sync). */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(chromiumPath)) throw new Error(`${chromiumPath} is missing: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/**
 * Every URL the pages of a context requested. `foreign()` lists those that did not go to the
 * server's own origin (data: URLs never leave the browser and are allowed).
 */
export class RequestLog {
  readonly urls: string[] = [];
  /** Sub-resources (not the page itself) that failed or answered >= 400. */
  readonly failed: string[] = [];
  constructor(readonly origin: string) {}
  attach(context: BrowserContext) {
    context.on('request', (request) => this.urls.push(request.url()));
    context.on('requestfailed', (request) => {
      const error = request.failure()?.errorText ?? 'failed';
      // The browser cancels the favicon and web fonts it is still loading when the test navigates on
      // (e.g. a form posted before the fonts arrived): not a page fault. Any other failure is one.
      const cancellable = (request.resourceType() === 'other' && /favicon/.test(request.url())) || request.resourceType() === 'font';
      if (cancellable && error === 'net::ERR_ABORTED') return;
      if (!request.isNavigationRequest()) this.failed.push(`${request.url()}: ${error}`);
    });
    context.on('response', (response) => {
      if (response.status() >= 400 && !response.request().isNavigationRequest()) this.failed.push(`${response.url()}: HTTP ${response.status()}`);
    });
    return this;
  }
  clear() {
    this.urls.length = 0;
    this.failed.length = 0;
  }
  foreign(): string[] {
    return this.urls.filter((url) => !url.startsWith('data:') && new URL(url).origin !== this.origin);
  }
}

export interface TestContext {
  context: BrowserContext;
  page: Page;
  requests: RequestLog;
}

/** A fresh context (own cookies) with one page, German locale, recording every request. */
export async function newTestContext(browser: Browser, origin: string, options: BrowserContextOptions = {}): Promise<TestContext> {
  const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1280, height: 900 }, ...options });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
  const requests = new RequestLog(origin).attach(context);
  const page = await context.newPage();
  return { context, page, requests };
}
