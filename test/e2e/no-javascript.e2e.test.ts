import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { de, logIn, newPerson, pathOf, register, verificationLink, verify } from './support/accounts.js';
import { launchBrowser, newTestContext } from './support/browser.js';
import { openOutbox, type Outbox } from './support/outbox.js';
import { startServer, uniqueEmail, type RunningServer } from './support/server.js';

/** Every page works without JavaScript: plain forms and links, server-rendered errors. */
let server: RunningServer;
let browser: Browser;
let outbox: Outbox;

beforeAll(async () => {
  server = await startServer({ name: 'nojs', admin: { email: uniqueEmail('admin'), password: 'Admin-Passwort-für-Tests-2025!', name: 'Ada Admin' } });
  browser = await launchBrowser();
  outbox = openOutbox(server, browser);
});

afterAll(async () => {
  await outbox?.close();
  await browser?.close();
  await server?.stop();
});

describe('without JavaScript', () => {
  it('registers, shows form errors, confirms, logs in and out', async () => {
    const { context, page, requests } = await newTestContext(browser, server.origin, { javaScriptEnabled: false });
    try {
      const main = page.locator('main');

      // An empty form comes back with its errors, summarised and tied to the fields.
      await page.goto(server.url('/registrieren'));
      await main.getByRole('button', { name: de.register }).click();
      await page.waitForLoadState('load');
      expect(pathOf(page)).toBe('/registrieren');
      await main.getByRole('alert').first().waitFor();
      const emailField = main.getByLabel(de.email, { exact: true });
      await expect(emailField.getAttribute('aria-invalid')).resolves.toBe('true');
      // app.js (which would move focus to the summary) did not run.
      await expect(page.evaluate(() => document.activeElement?.id ?? '')).resolves.not.toBe('fehler');

      const person = newPerson('ohnejs');
      await register(page, server, person);
      await verify(page, await verificationLink(outbox, server, person.email));
      await logIn(page, server, person.email, person.password);
      await page.getByRole('heading', { level: 1, name: de.account }).waitFor();
      await expect(main.innerText()).resolves.toContain(person.email);

      await page.locator('header').getByRole('button', { name: de.logout }).click();
      await page.waitForURL((url) => url.pathname === '/');
      await expect(page.locator('header').getByRole('button', { name: de.logout }).count()).resolves.toBe(0);

      // Only our own origin, and none of it failed.
      expect(requests.foreign()).toEqual([]);
      expect(requests.failed).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('reads the public pages in both languages', async () => {
    const { context, page } = await newTestContext(browser, server.origin, { javaScriptEnabled: false });
    try {
      for (const path of ['/', '/en/', '/impressum', '/en/impressum', '/api/docs']) {
        const response = await page.goto(server.url(path));
        expect(response?.status(), path).toBe(200);
        await expect(page.locator('h1').count()).resolves.toBe(1);
      }
    } finally {
      await context.close();
    }
  });
});
