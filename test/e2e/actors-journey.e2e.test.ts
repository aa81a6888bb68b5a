import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn, registerVerifiedMember } from './support/accounts.js';
import { auditPage } from './support/audit.js';
import { launchBrowser, newTestContext, type TestContext } from './support/browser.js';
import { openOutbox, type Outbox } from './support/outbox.js';
import { startServer, uniqueEmail, type RunningServer } from './support/server.js';

/**
 * Issue 4's journey: a newcomer registers and creates an organisation profile; a coordinator
 * approves it; the newcomer finds it by a stemmed word in the directory, on the map and in the
 * map's list alternative. A hidden profile appears nowhere for the public: not in search, map,
 * list, API, GeoJSON, export or at its own address. Every page on the way passes the audit.
 */
const adminCredentials = { email: uniqueEmail('koordination'), password: 'Admin-Passwort-für-Tests-2025!', name: 'Kim Koordination' };
const stamp = Date.now().toString(36);
const visibleName = `Ladenwerkstatt ${stamp}`;
const hiddenName = `Stille Kammer ${stamp}`;

let server: RunningServer;
let browser: Browser;
let outbox: Outbox;
let newcomer: TestContext;
let coordinator: TestContext;

beforeAll(async () => {
  server = await startServer({ name: 'actors', admin: adminCredentials });
  browser = await launchBrowser();
  outbox = openOutbox(server, browser);
  newcomer = await newTestContext(browser, server.origin);
  coordinator = await newTestContext(browser, server.origin);
});

afterAll(async () => {
  await outbox?.close();
  await browser?.close();
  await server?.stop();
});

/** Fills and sends the profile form at /akteure/neu; returns the new profile's path. */
async function createProfile(page: Page, fields: { name: string; summary: string; visibility: 'Öffentlich' | 'Verborgen' }): Promise<string> {
  // A suggestion fetch of the previous form, cancelled by its submission, is not this page's fault.
  newcomer.requests.clear();
  await page.goto(server.url('/akteure/neu'));
  await auditPage(page, page.url(), { lang: 'de', requests: newcomer.requests, alreadyLoaded: true });
  const main = page.locator('main');
  await main.getByLabel('Organisation', { exact: true }).check();
  await main.getByLabel('Name', { exact: true }).fill(fields.name);
  await main.getByLabel('Akteursgruppe', { exact: true }).selectOption('creative_culture');
  await main.getByLabel('Innenstädte', { exact: true }).check();
  await main.getByLabel('Ort', { exact: true }).fill('Mannheim');
  await main.getByLabel('Kurzbeschreibung', { exact: true }).fill(fields.summary);
  await main.getByLabel(fields.visibility, { exact: true }).check();
  await Promise.all([page.waitForEvent('load'), main.getByRole('button', { name: 'Profil anlegen' }).click()]);
  // "Mannheim" may need a choice between places of that name: take the first one offered.
  const choice = main.getByRole('group', { name: /Meinten Sie|Ort/ }).getByRole('radio');
  if (!/\/akteure\/[a-z0-9-]+$/.test(new URL(page.url()).pathname) && (await choice.count()) > 0) {
    await choice.first().check();
    await Promise.all([page.waitForEvent('load'), main.getByRole('button', { name: 'Profil anlegen' }).click()]);
  }
  await page.getByRole('heading', { level: 1, name: fields.name }).waitFor();
  await expect(main.innerText()).resolves.toContain('wartet auf die Freigabe');
  return new URL(page.url()).pathname;
}

async function approve(page: Page, name: string) {
  await page.goto(server.url('/akteure/pruefung'));
  await auditPage(page, page.url(), { lang: 'de', requests: coordinator.requests, alreadyLoaded: true });
  const item = page.locator('main li').filter({ has: page.getByRole('heading', { name }) });
  await Promise.all([page.waitForEvent('load'), item.getByRole('button', { name: 'Freigeben' }).click()]);
}

describe('actors journey', () => {
  let visiblePath = '';
  let hiddenPath = '';

  it('a newcomer registers and creates two organisation profiles, one of them hidden', async () => {
    await registerVerifiedMember(newcomer.page, server, outbox, 'akteur');
    visiblePath = await createProfile(newcomer.page, { name: visibleName, summary: 'Wir beleben leere Läden in den Quartieren der Innenstadt.', visibility: 'Öffentlich' });
    hiddenPath = await createProfile(newcomer.page, { name: hiddenName, summary: 'Ein Raum für Proben in den Quartieren.', visibility: 'Verborgen' });
    expect(visiblePath).not.toBe(hiddenPath);
    // Pending: nobody else sees it yet.
    const anonymous = await newTestContext(browser, server.origin);
    try {
      const response = await anonymous.page.goto(server.url(visiblePath));
      expect(response?.status()).toBe(404);
    } finally {
      await anonymous.context.close();
    }
  });

  it('a coordinator approves both in the review queue', async () => {
    await logIn(coordinator.page, server, adminCredentials.email, adminCredentials.password);
    await approve(coordinator.page, visibleName);
    await approve(coordinator.page, hiddenName);
    await coordinator.page.goto(server.url('/akteure/pruefung'));
    const queue = await coordinator.page.locator('main').innerText();
    expect(queue).not.toContain(visibleName);
    expect(queue).not.toContain(hiddenName);
  });

  it('finds the public profile by a stemmed word, on the map and in the list alternative — and never the hidden one', async () => {
    const visitor = await newTestContext(browser, server.origin);
    const { page, requests } = visitor;
    try {
      // "Quartier" finds "Quartieren" (German stemming); the name narrows it to this run's profiles.
      await page.goto(server.url(`/akteure?q=${encodeURIComponent(`Quartier ${stamp}`)}`));
      await auditPage(page, page.url(), { lang: 'de', requests, alreadyLoaded: true });
      const results = page.locator('main');
      await results.getByRole('link', { name: visibleName }).waitFor();
      await expect(results.innerText()).resolves.not.toContain(hiddenName);
      await Promise.all([page.waitForEvent('load'), results.getByRole('link', { name: visibleName }).click()]);
      expect(new URL(page.url()).pathname).toBe(visiblePath);
      await auditPage(page, page.url(), { lang: 'de', requests, alreadyLoaded: true });

      // The map draws a marker (or a cluster) for it; its data comes from our own GeoJSON.
      await page.goto(server.url('/akteure/karte'));
      await auditPage(page, page.url(), { lang: 'de', requests, alreadyLoaded: true });
      await page.locator('.leaflet-marker-icon, .marker-cluster').first().waitFor();
      const geojson = (await (await page.request.get(server.url('/api/v1/actors.geojson'))).json()) as { features: { properties: { name: string } }[] };
      const onMap = geojson.features.map((f) => f.properties.name);
      expect(onMap).toContain(visibleName);
      expect(onMap).not.toContain(hiddenName);

      await page.goto(server.url('/akteure/karte/liste'));
      await auditPage(page, page.url(), { lang: 'de', requests, alreadyLoaded: true });
      const list = page.locator('main');
      await expect(list.innerText()).resolves.toContain(visibleName);
      await expect(list.innerText()).resolves.not.toContain(hiddenName);

      // The hidden profile: not at its address, not in the API search, not in any export.
      expect((await page.goto(server.url(hiddenPath)))?.status()).toBe(404);
      const api = await (await page.request.get(server.url(`/api/v1/actors?q=${encodeURIComponent(stamp)}`))).json();
      const apiNames = (api.items as { name: string }[]).map((i) => i.name);
      expect(apiNames).toContain(visibleName);
      expect(apiNames).not.toContain(hiddenName);
      for (const format of ['csv', 'json', 'geojson']) {
        const body = await (await page.request.get(server.url(`/api/v1/actors/export?format=${format}`))).text();
        expect(body, format).toContain(visibleName);
        expect(body, format).not.toContain(hiddenName);
      }
      expect(requests.foreign()).toEqual([]);
    } finally {
      await visitor.context.close();
    }
  });

  it('the newcomer still sees the hidden profile among their organisations', async () => {
    await newcomer.page.goto(server.url('/konto/organisationen'));
    const mine = await newcomer.page.locator('main').innerText();
    expect(mine).toContain(visibleName);
    expect(mine).toContain(hiddenName);
    expect((await newcomer.page.goto(server.url(hiddenPath)))?.status()).toBe(200);
  });
});
