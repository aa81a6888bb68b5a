import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditPage, isFocused } from './support/audit.js';
import { launchBrowser, newTestContext, type TestContext } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

/**
 * The actor directory in Chromium on a demo network: axe-clean in both languages, results that
 * follow typing and filters (htmx) with the URL, the live region and the keyboard focus kept, the
 * back button, and the same search without JavaScript.
 */
let server: RunningServer;
let browser: Browser;
let visitor: TestContext;

beforeAll(async () => {
  server = await startServer({ name: 'directory', setup: [['demo', '--actors', '300', '--seed', '5']] });
  browser = await launchBrowser();
  visitor = await newTestContext(browser, server.origin);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the directory', () => {
  it('passes the page audit in German and English, with and without search and filters', async () => {
    for (const [lang, path] of [
      ['de', '/akteure'],
      ['de', '/akteure?q=Quartier&sector=welfare&actionField=neighbourhood'],
      ['de', `/akteure?q=${encodeURIComponent('?!')}`],
      ['en', '/en/akteure'],
      ['en', '/en/akteure?q=Jugend&sort=name&page=2'],
    ] as const) {
      await auditPage(visitor.page, server.url(path), { lang, requests: visitor.requests });
    }
  });

  it('updates the results as you type and as you tick filters, keeps the focus and the URL', async () => {
    const { page } = visitor;
    await page.goto(server.url('/akteure'));
    const count = page.locator('#treffer-titel');
    const everything = await count.innerText();
    await page.locator('#feld-q').pressSequentially('Jugend', { delay: 30 });
    await page.waitForURL(/\?q=Jugend$/);
    await expect.poll(() => count.innerText()).not.toBe(everything);
    expect(await page.locator('#verzeichnis-ansage').innerText()).toBe(await count.innerText());
    expect(await isFocused(page.locator('#feld-q'))).toBe(true);

    const welfare = page.locator('#filter-sector-welfare');
    await welfare.focus();
    await page.keyboard.press('Space');
    await page.waitForURL(/\?q=Jugend&sector=welfare$/);
    await expect.poll(() => page.locator('#filter-sector-welfare').isChecked()).toBe(true);
    expect(await isFocused(page.locator('#filter-sector-welfare'))).toBe(true);
    for (const sector of await page.locator('.qn-result__meta').allInnerTexts()) expect(sector).toContain('Wohlfahrtsverband');

    await page.goBack({ waitUntil: 'commit' });
    await expect.poll(() => page.url()).toMatch(/\?q=Jugend$/);
    await expect.poll(() => page.locator('#filter-sector-welfare').isChecked()).toBe(false);
    expect(await page.locator('header').count()).toBe(1);
    visitor.requests.clear(); // a request replaced by a newer one (hx-sync) counts as aborted
    await auditPage(page, page.url(), { lang: 'de', requests: visitor.requests, alreadyLoaded: true });
  });

  it('searches without JavaScript through the GET form', async () => {
    const plain = await newTestContext(browser, server.origin, { javaScriptEnabled: false });
    try {
      await plain.page.goto(server.url('/akteure'));
      await plain.page.locator('#feld-q').fill('Quartir');
      await plain.page.getByRole('button', { name: 'Suchen' }).click();
      await plain.page.waitForURL(/q=Quartir/);
      expect(await plain.page.locator('#treffer-titel').innerText()).toMatch(/Akteur/);
      expect(await plain.page.locator('.qn-result').count()).toBeGreaterThan(0);
    } finally {
      await plain.context.close();
    }
  });
});
