import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { de, logIn, newPerson, register, verificationLink, verify } from './support/accounts.js';
import { auditPage } from './support/audit.js';
import { launchBrowser, newTestContext, type TestContext } from './support/browser.js';
import { openOutbox, type Outbox } from './support/outbox.js';
import { startServer, uniqueEmail, type RunningServer } from './support/server.js';

/**
 * Every page of the foundation, in German and English, anonymous, as a member and as an admin:
 * zero axe violations (WCAG 2.0/2.1 A and AA), <html lang>, exactly one h1, a working skip link,
 * a language switch to an existing page, and no request to any other origin (see auditPage).
 */
const locales = ['de', 'en'] as const;
type Lang = (typeof locales)[number];
const at = (lang: Lang, path: string) => (lang === 'de' ? path : path === '/' ? '/en/' : `/en${path}`);

const publicPages = [
  '/', '/impressum', '/datenschutz', '/barrierefreiheit', '/leichte-sprache', '/anmelden', '/registrieren', '/passwort-vergessen', '/konto/bestaetigen/neu',
  '/akteure', '/akteure?q=Kultur&sector=creative_culture', '/akteure/karte', '/akteure/karte/liste', '/akteure/export', '/akteure/projektraum-coi',
  '/formate', '/formate?zeitraum=vergangen', '/formate/kalender?monat=2023-03', '/formate/erfahrungsaustausch-bernburg-2023',
];
const memberPages = [
  '/konto', '/konto/profil', '/konto/passwort', '/konto/email', '/konto/loeschen', '/konto/zugangsschluessel', '/konto/organisationen', '/akteure/neu', '/akteure/projektraum-coi/mitglied-werden',
  '/vernetzung', '/formate/meine',
];
const adminPages = [
  '/admin', '/admin/benutzer', '/admin/postausgang', '/admin/protokoll', '/admin/rueckmeldungen', '/konto',
  '/akteure/pruefung', '/akteure/vokabular', '/akteure/import', '/akteure/projektraum-coi/bearbeiten', '/akteure/projektraum-coi/mitglieder', '/akteure/projektraum-coi/bild', '/akteure/projektraum-coi/zusammenfuehren',
  '/akteure/projektraum-coi/loeschen', '/vernetzung', '/vernetzung/vermitteln', '/vernetzung/gewichte', '/akteure/projektraum-coi/verbindungen',
  '/formate/neu',
];

const adminCredentials = { email: uniqueEmail('admin'), password: 'Admin-Passwort-für-Tests-2025!', name: 'Ada Admin' };

let server: RunningServer;
let browser: Browser;
let outbox: Outbox;
let anonymous: TestContext;
let member: TestContext | null = null;
let admin: TestContext | null = null;

beforeAll(async () => {
  server = await startServer({ name: 'a11y', admin: adminCredentials });
  browser = await launchBrowser();
  outbox = openOutbox(server, browser);
  anonymous = await newTestContext(browser, server.origin);
});

afterAll(async () => {
  await outbox?.close();
  await browser?.close();
  await server?.stop();
});

/** A verified, logged-in member (registered through the pages, confirmed from the outbox). */
async function memberContext(): Promise<TestContext> {
  if (member) return member;
  const context = await newTestContext(browser, server.origin);
  const person = newPerson('a11y');
  await register(context.page, server, person);
  await verify(context.page, await verificationLink(outbox, server, person.email));
  await logIn(context.page, server, person.email, person.password);
  member = context;
  return context;
}

async function adminContext(): Promise<TestContext> {
  if (admin) return admin;
  const context = await newTestContext(browser, server.origin);
  await logIn(context.page, server, adminCredentials.email, adminCredentials.password);
  admin = context;
  return context;
}

describe('the audit itself', () => {
  it('catches axe violations, a second h1, a wrong lang and a request to another host', async () => {
    // bypassCSP: the platform's CSP would block the foreign image before it is requested.
    const probe = await newTestContext(browser, server.origin, { bypassCSP: true });
    try {
      await probe.page.goto(server.url('/'));
      probe.requests.clear();
      await probe.page.evaluate(() => {
        document.documentElement.lang = 'fr';
        const main = document.getElementById('inhalt')!;
        main.insertAdjacentHTML('beforeend', '<h1>Zweite Überschrift</h1><img src="http://192.0.2.1/pixel.png"><a href="/en/" aria-label="Diese Seite auf Englisch">English</a>');
      });
      await probe.page.waitForTimeout(300);
      const error = await auditPage(probe.page, probe.page.url(), { lang: 'de', requests: probe.requests, alreadyLoaded: true }).then(
        () => null,
        (e: Error) => e.message,
      );
      expect(error).toContain('image-alt');
      expect(error).toContain('label-content-name-mismatch');
      expect(error).toContain('2 h1 elements');
      expect(error).toContain('<html lang="fr">');
      expect(error).toContain('http://192.0.2.1/pixel.png');
    } finally {
      await probe.context.close();
    }
  });
});

describe('public pages', () => {
  for (const lang of locales) {
    for (const path of publicPages) {
      it(at(lang, path), async () => {
        await auditPage(anonymous.page, server.url(at(lang, path)), { lang, requests: anonymous.requests });
      });
    }
    it(`${at(lang, '/gibt-es-nicht')} (404)`, async () => {
      await auditPage(anonymous.page, server.url(at(lang, '/gibt-es-nicht')), { lang, requests: anonymous.requests, status: 404 });
    });
  }
  it('/api/docs', async () => {
    await auditPage(anonymous.page, server.url('/api/docs'), { lang: 'de', requests: anonymous.requests });
  });
});

describe('forms with errors and outcome pages', () => {
  for (const lang of locales) {
    it(`${at(lang, '/registrieren')} submitted empty`, async () => {
      const { page, requests } = anonymous;
      await page.goto(server.url(at(lang, '/registrieren')));
      requests.clear();
      const submit = lang === 'de' ? de.register : 'Create account';
      await Promise.all([page.waitForEvent('load'), page.locator('main').getByRole('button', { name: submit }).click()]);
      await page.getByRole('alert').first().waitFor();
      await auditPage(page, page.url(), { lang, requests, alreadyLoaded: true });
    });
    it(`${at(lang, '/anmelden')} with a wrong password`, async () => {
      const { page, requests } = anonymous;
      await page.goto(server.url(at(lang, '/anmelden')));
      requests.clear();
      const main = page.locator('main');
      await main.getByLabel(lang === 'de' ? de.email : 'Email address', { exact: true }).fill(uniqueEmail('niemand'));
      await main.getByLabel(lang === 'de' ? de.password : 'Password', { exact: true }).fill('falsch-falsch-falsch');
      await Promise.all([page.waitForEvent('load'), main.getByRole('button', { name: lang === 'de' ? de.login : 'Log in' }).click()]);
      await page.getByRole('alert').first().waitFor();
      await auditPage(page, page.url(), { lang, requests, alreadyLoaded: true });
    });
  }
  it('/konto/bestaetigen with an unknown token (400)', async () => {
    await auditPage(anonymous.page, server.url('/konto/bestaetigen?token=unbekannt'), { lang: 'de', requests: anonymous.requests, status: 400 });
  });
});

describe('member pages', () => {
  for (const lang of locales) {
    for (const path of memberPages) {
      it(at(lang, path), async () => {
        const { page, requests } = await memberContext();
        await auditPage(page, server.url(at(lang, path)), { lang, requests });
      });
    }
  }
});

describe('admin pages', () => {
  for (const lang of locales) {
    for (const path of adminPages) {
      it(at(lang, path), async () => {
        const { page, requests } = await adminContext();
        await auditPage(page, server.url(at(lang, path)), { lang, requests });
      });
    }
    it(`${at(lang, '/admin/postausgang/:id')} (a mail)`, async () => {
      const { page, requests } = await adminContext();
      await memberContext(); // makes sure there is a mail
      await page.goto(server.url(at(lang, '/admin/postausgang')));
      const href = await page.locator('main a[href*="/admin/postausgang/"]').first().getAttribute('href');
      if (!href) throw new Error('no mail linked from the outbox list');
      await auditPage(page, server.url(href), { lang, requests });
    });
  }
});
