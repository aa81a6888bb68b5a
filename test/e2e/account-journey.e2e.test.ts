import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { de, logIn, newPassword, newPerson, pathOf, register, verificationLink, verify } from './support/accounts.js';
import { launchBrowser, newTestContext } from './support/browser.js';
import { expectFocusVisible } from './support/audit.js';
import { Keyboard } from './support/keyboard.js';
import { openOutbox, type Outbox } from './support/outbox.js';
import { startServer, uniqueEmail, type RunningServer } from './support/server.js';

/**
 * register → verification mail (outbox) → open the link → log in → change password → log out →
 * log in with the new password (and not with the old one). Once with the mouse, once by keyboard only.
 */
let server: RunningServer;
let browser: Browser;
let outbox: Outbox;

beforeAll(async () => {
  server = await startServer({ name: 'journey', admin: { email: uniqueEmail('admin'), password: 'Admin-Passwort-für-Tests-2025!', name: 'Ada Admin' } });
  browser = await launchBrowser();
  outbox = openOutbox(server, browser);
});

afterAll(async () => {
  await outbox?.close();
  await browser?.close();
  await server?.stop();
});

describe('account journey', () => {
  it('with the mouse', async () => {
    const { context, page, requests } = await newTestContext(browser, server.origin);
    try {
      const person = newPerson('maus');
      await register(page, server, person);
      await expect(page.locator('main').innerText()).resolves.toContain(person.email);

      const link = await verificationLink(outbox, server, person.email);
      await verify(page, link);

      await page.locator('main').getByRole('link', { name: 'Zur Anmeldung' }).click();
      expect(pathOf(page)).toBe('/anmelden');
      const main = page.locator('main');
      await main.getByLabel(de.email, { exact: true }).fill(person.email);
      await main.getByLabel(de.password, { exact: true }).fill(person.password);
      await main.getByRole('button', { name: de.login }).click();
      await page.waitForURL((url) => url.pathname === '/konto');
      await page.getByRole('heading', { level: 1, name: de.account }).waitFor();

      await main.getByRole('link', { name: de.changePassword }).click();
      expect(pathOf(page)).toBe('/konto/passwort');
      const password = newPassword();
      await main.getByLabel(de.currentPassword, { exact: true }).fill(person.password);
      await main.getByLabel(de.newPassword, { exact: true }).fill(password);
      await main.getByRole('button', { name: de.changePassword }).click();
      await page.waitForURL((url) => url.pathname === '/konto');
      await expect(main.innerText()).resolves.toContain(de.passwordChanged);

      await page.locator('header').getByRole('button', { name: de.logout }).click();
      await page.waitForURL((url) => url.pathname === '/');
      await expect(page.locator('header').getByRole('button', { name: de.logout }).count()).resolves.toBe(0);

      // The old password no longer works; the new one does.
      await page.goto(server.url('/anmelden'));
      await main.getByLabel(de.email, { exact: true }).fill(person.email);
      await main.getByLabel(de.password, { exact: true }).fill(person.password);
      await main.getByRole('button', { name: de.login }).click();
      await page.getByRole('alert').first().waitFor();
      expect(pathOf(page)).toBe('/anmelden');

      await logIn(page, server, person.email, password);
      await page.getByRole('heading', { level: 1, name: de.account }).waitFor();
      await expect(main.innerText()).resolves.toContain(person.email);
      expect(requests.foreign()).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('by keyboard only, with visible focus on every stop', async () => {
    const { context, page, requests } = await newTestContext(browser, server.origin);
    const keys = new Keyboard(page);
    const main = page.locator('main');
    const header = page.locator('header');
    try {
      const person = newPerson('tastatur');
      await page.goto(server.url('/'));

      // Start page → "Registrieren" in the main navigation.
      await keys.tabTo(header.getByRole('link', { name: 'Registrieren' }));
      await keys.pressAndWait('Enter');
      expect(pathOf(page)).toBe('/registrieren');

      await keys.tabTo(main.getByLabel(de.name, { exact: true }));
      await keys.type(person.name);
      await keys.tabTo(main.getByLabel(de.email, { exact: true }));
      await keys.type(person.email);

      // Forgot the password: the form comes back, focus on the error summary, whose link leads to the field.
      await keys.tabTo(main.getByRole('button', { name: de.register }));
      await keys.pressAndWait('Enter');
      expect(pathOf(page)).toBe('/registrieren');
      const summary = main.getByRole('alert');
      await expect(summary.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
      await expectFocusVisible(page, 'error summary');
      await expect(main.getByLabel(de.email, { exact: true }).inputValue()).resolves.toBe(person.email);
      await keys.tabTo(summary.getByRole('link', { name: /Passwort/ }));
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'password');
      await expectFocusVisible(page, 'password field reached from the error summary');
      await keys.type(person.password);
      // Back up one field and forward again: Shift+Tab works in the form.
      await keys.tabTo(main.getByLabel(de.email, { exact: true }), { backwards: true });
      await keys.tabTo(main.getByRole('button', { name: de.register }));
      await keys.pressAndWait('Space');
      await page.getByRole('heading', { level: 1, name: de.checkMail }).waitFor();

      // The link from the mail is opened like a click in a mail program: by address.
      await verify(page, await verificationLink(outbox, server, person.email));

      await keys.tabTo(main.getByRole('link', { name: 'Zur Anmeldung' }));
      await keys.pressAndWait('Enter');
      expect(pathOf(page)).toBe('/anmelden');
      await keys.tabTo(main.getByLabel(de.email, { exact: true }));
      await keys.type(person.email);
      await keys.tabTo(main.getByLabel(de.password, { exact: true }));
      await keys.type(person.password);
      await keys.pressAndWait('Enter'); // submits the form from the field
      expect(pathOf(page)).toBe('/konto');

      await keys.tabTo(main.getByRole('link', { name: de.changePassword }));
      await keys.pressAndWait('Enter');
      expect(pathOf(page)).toBe('/konto/passwort');
      const password = newPassword();
      await keys.tabTo(main.getByLabel(de.currentPassword, { exact: true }));
      await keys.type(person.password);
      await keys.tabTo(main.getByLabel(de.newPassword, { exact: true }));
      await keys.type(password);
      await keys.tabTo(main.getByRole('button', { name: de.changePassword }));
      await keys.pressAndWait('Enter');
      expect(pathOf(page)).toBe('/konto');
      await expect(main.innerText()).resolves.toContain(de.passwordChanged);

      // Log out: backwards from the end of the page to the header's button.
      await keys.tabTo(header.getByRole('button', { name: de.logout }), { backwards: true });
      await keys.pressAndWait('Enter');
      expect(pathOf(page)).toBe('/');
      await expect(header.getByRole('button', { name: de.logout }).count()).resolves.toBe(0);

      await keys.tabTo(header.getByRole('link', { name: de.login }));
      await keys.pressAndWait('Enter');
      expect(pathOf(page)).toBe('/anmelden');
      await keys.tabTo(main.getByLabel(de.email, { exact: true }));
      await keys.type(person.email);
      await keys.tabTo(main.getByLabel(de.password, { exact: true }));
      await keys.type(password);
      await keys.tabTo(main.getByRole('button', { name: de.login }));
      await keys.pressAndWait('Enter');
      expect(pathOf(page)).toBe('/konto');
      await page.getByRole('heading', { level: 1, name: de.account }).waitFor();

      expect(keys.stops.length).toBeGreaterThan(10);
      expect(requests.foreign()).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
