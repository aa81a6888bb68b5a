import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { de, logIn, pathOf, registerVerifiedMember, type Person } from './support/accounts.js';
import { auditPage } from './support/audit.js';
import { journeySteps } from './support/journey.js';
import { launchBrowser, newTestContext, type TestContext } from './support/browser.js';
import { Keyboard } from './support/keyboard.js';
import { linkIn, openOutbox, type Outbox } from './support/outbox.js';
import { startServer, uniqueEmail, type RunningServer } from './support/server.js';

/**
 * Issue 5's journey (partnering): a cultural association is suggested a housing company that offers
 * the interim use it needs (and needs its cultural work), asks for an introduction by keyboard,
 * the company's admin answers from the mail's link, both see each other's contact details and the
 * tie on both profiles, and the partner is no longer suggested. A coordinator brokers two other
 * actors; once both accept, the tie shows as brokered. Every page on the way passes the audit
 * (axe, one h1, skip link, language switch, own origin only), in German and in English.
 */
const adminCredentials = { email: uniqueEmail('koordination'), password: 'Admin-Passwort-für-Tests-2025!', name: 'Kim Koordination' };
const stamp = Date.now().toString(36);

interface Organisation {
  name: string;
  sector: string;
  postcode: string;
  summary: string;
  offers: string[];
  needs: string[];
  contact: { name: string; email: string; phone: string };
}

const culture: Organisation = {
  name: `Kulturverein Lindenau ${stamp}`,
  sector: 'creative_culture',
  postcode: '04109',
  summary: 'Wir machen Kultur in leeren Läden und auf Brachen im Leipziger Westen.',
  offers: ['Kulturarbeit'],
  needs: ['Zwischennutzung'],
  contact: { name: 'Paula Probst', email: uniqueEmail('kontakt-kultur'), phone: '0341 1234567' },
};
const housing: Organisation = {
  name: `Wohnungsbau Gohlis ${stamp}`,
  sector: 'housing_industry',
  postcode: '04103',
  summary: 'Genossenschaftlicher Wohnungsbau mit Erdgeschossflächen für das Quartier.',
  offers: ['Zwischennutzung'],
  needs: ['Kulturarbeit'],
  contact: { name: 'Holger Hausmann', email: uniqueEmail('kontakt-wohnen'), phone: '0341 7654321' },
};
const neighbours: Organisation = {
  name: `Nachbarschaftshilfe Pieschen ${stamp}`,
  sector: 'welfare',
  postcode: '01067',
  summary: 'Beratung und Begegnung für alle Generationen in Dresden-Pieschen.',
  offers: ['Nachbarschaftsarbeit'],
  needs: ['Kulturarbeit'],
  contact: { name: 'Nora Nachbar', email: uniqueEmail('kontakt-nachbarn'), phone: '0351 111222' },
};
const town: Organisation = {
  name: `Stadtplanungsamt Elbtal ${stamp}`,
  sector: 'municipality',
  postcode: '01069',
  summary: 'Das Amt plant mit den Menschen im Quartier.',
  offers: ['Fördermittelberatung'],
  needs: ['Nachbarschaftsarbeit'],
  contact: { name: 'Sven Stadt', email: uniqueEmail('kontakt-stadt'), phone: '0351 333444' },
};

let server: RunningServer;
let browser: Browser;
let outbox: Outbox;
let coordinator: TestContext;

interface Member extends TestContext {
  person: Person;
  org: Organisation;
  /** /akteure/<slug> of the member's organisation. */
  profile: string;
  slug: string;
}
const members: Partial<Record<'a' | 'b' | 'c' | 'd', Member>> = {};
const member = (key: 'a' | 'b' | 'c' | 'd'): Member => {
  const found = members[key];
  if (!found) throw new Error(`member ${key} was not set up (an earlier step failed)`);
  return found;
};

beforeAll(async () => {
  server = await startServer({ name: 'partnering', admin: adminCredentials });
  browser = await launchBrowser();
  outbox = openOutbox(server, browser);
  coordinator = await newTestContext(browser, server.origin);
  await logIn(coordinator.page, server, adminCredentials.email, adminCredentials.password);
});

afterAll(async () => {
  await outbox?.close();
  await browser?.close();
  await server?.stop();
});

const { goto, audit, clickAndLoad } = journeySteps(() => server);

const main = (page: Page) => page.locator('main');

/** Creates the organisation's profile through /akteure/neu; returns its path (pending review). */
async function createProfile(tc: TestContext, org: Organisation): Promise<string> {
  const { page } = tc;
  await goto(tc, '/akteure/neu');
  const form = main(page);
  await form.getByLabel('Organisation', { exact: true }).check();
  await form.getByLabel('Name', { exact: true }).fill(org.name);
  await form.getByLabel('Akteursgruppe', { exact: true }).selectOption(org.sector);
  await form.getByLabel('Wohnquartiere', { exact: true }).check();
  await form.getByLabel('Innenstädte', { exact: true }).check();
  await form.getByLabel('Ort', { exact: true }).fill(org.postcode);
  await form.getByLabel('Kurzbeschreibung', { exact: true }).fill(org.summary);
  const offers = form.getByRole('group', { name: /^Was wir anbieten/ });
  for (const label of org.offers) await offers.getByLabel(label, { exact: true }).check();
  const needs = form.getByRole('group', { name: /^Was wir suchen/ });
  for (const label of org.needs) await needs.getByLabel(label, { exact: true }).check();
  await form.getByLabel('Name der Ansprechperson', { exact: true }).fill(org.contact.name);
  await form.getByLabel('E-Mail-Adresse der Ansprechperson', { exact: true }).fill(org.contact.email);
  await form.getByLabel('Telefon der Ansprechperson', { exact: true }).fill(org.contact.phone);
  await form.getByLabel('Öffentlich', { exact: true }).check();
  await clickAndLoad(tc, form.getByRole('button', { name: 'Profil anlegen' }));
  // A postcode may need a choice between places: take the first one offered.
  const choice = form.getByRole('group', { name: /Meinten Sie/ }).getByRole('radio');
  if (!/^\/akteure\/[a-z0-9-]+$/.test(pathOf(page)) && (await choice.count()) > 0) {
    await choice.first().check();
    await clickAndLoad(tc, form.getByRole('button', { name: 'Profil anlegen' }));
  }
  await page.getByRole('heading', { level: 1, name: org.name }).waitFor();
  await expect(form.innerText()).resolves.toContain('wartet auf die Freigabe');
  return pathOf(page);
}

/** A member registered through the pages, with their organisation's profile created and approved. */
async function setUpMember(key: 'a' | 'b' | 'c' | 'd', org: Organisation) {
  const tc = await newTestContext(browser, server.origin);
  const person = await registerVerifiedMember(tc.page, server, outbox, `vernetzung-${key}`);
  const profile = await createProfile(tc, org);
  await goto(coordinator, '/akteure/pruefung');
  const item = main(coordinator.page).locator('li').filter({ has: coordinator.page.getByRole('heading', { name: org.name }) });
  await clickAndLoad(coordinator, item.getByRole('button', { name: 'Freigeben' }));
  members[key] = { ...tc, person, org, profile, slug: profile.replace('/akteure/', '') };
}

/** The suggestion cards of the dashboard or a connections page (not the introductions listed there). */
const suggestionCards = (page: Page) => main(page).locator('section[aria-labelledby^="vorschlaege-"] li.qn-card');
const cardOf = (page: Page, name: string) => suggestionCards(page).filter({ has: page.getByRole('heading', { name }) });

/** The "Netzwerk" section of a profile page. */
const networkSection = (page: Page) => main(page).getByRole('region', { name: 'Netzwerk', exact: true });

/** The link to /vernetzung/anbahnungen/:id in the newest mail to `recipient` whose text matches. */
async function introductionLink(recipient: string, match: RegExp): Promise<string> {
  const mail = await outbox.waitForMail(recipient, match);
  return linkIn(mail, '/vernetzung/anbahnungen/', server);
}

/** The side of an introduction page (its card, headed by the actor's name). */
const sideOf = (page: Page, name: string) => main(page).getByRole('region', { name, exact: true });

describe('partnering journey', () => {
  let introductionPath = '';

  it('sets up four organisations through the pages: two that fit, two more, all approved and public', async () => {
    await setUpMember('a', culture);
    await setUpMember('b', housing);
    await setUpMember('c', neighbours);
    await setUpMember('d', town);
    // B answers from the mail later, logged out until then.
    const b = member('b');
    await clickAndLoad(b, b.page.locator('header').getByRole('button', { name: de.logout }));
    // Approved and public: an anonymous visitor sees the profiles.
    const visitor = await newTestContext(browser, server.origin);
    try {
      for (const key of ['a', 'b', 'c', 'd'] as const) expect(await goto(visitor, member(key).profile), key).toBe(200);
      // Ties are shown to signed-in members by default: none yet, and none for the public.
      await expect(networkSection(visitor.page).innerText()).resolves.toContain('Noch keine sichtbaren Verbindungen.');
    } finally {
      await visitor.context.close();
    }
  });

  it('A sees B suggested with a reason about the interim use, and asks for an introduction by keyboard only', async () => {
    const a = member('a');
    const { page } = a;
    const keys = new Keyboard(page);
    await goto(a, '/konto');
    // From the header's "Vernetzung" to the dashboard.
    await keys.tabTo(page.locator('header').getByRole('link', { name: 'Vernetzung', exact: true }));
    a.requests.clear();
    await keys.pressAndWait('Enter');
    expect(pathOf(page)).toBe('/vernetzung');
    await page.getByRole('heading', { level: 1, name: 'Vernetzung' }).waitFor();
    await audit(a, { back: true });

    const card = cardOf(page, housing.name);
    await expect(card.count()).resolves.toBe(1);
    const reason = await card.innerText();
    expect(reason).toMatch(/Bietet Zwischennutzung – Sie suchen Zwischennutzung/);
    expect(reason).toMatch(/Sucht Kulturarbeit – Sie bieten Kulturarbeit/);
    // The best fit comes first.
    await expect(suggestionCards(page).first().getByRole('heading').innerText()).resolves.toBe(housing.name);
    // Coordinators' links are not for members.
    await expect(main(page).getByRole('link', { name: 'Kontakt zwischen zwei Akteuren vermitteln' }).count()).resolves.toBe(0);

    // Tab to B's "Kontakt anbahnen" and open it with Enter.
    // The visible text comes first in the accessible name (WCAG 2.5.3), the partner's name after it.
    const request = card.getByRole('link', { name: new RegExp(`^Kontakt anbahnen\\b.*${housing.name}`) });
    await expect(request.count()).resolves.toBe(1);
    await expect(request.getAttribute('href')).resolves.toBe(`/vernetzung/anfrage?von=${encodeURIComponent(a.slug)}&an=${encodeURIComponent(member('b').slug)}`);
    await keys.tabTo(request, { max: 120 });
    a.requests.clear();
    await keys.pressAndWait('Enter');
    expect(pathOf(page)).toBe('/vernetzung/anfrage');
    await page.getByRole('heading', { level: 1, name: `Kontakt anbahnen: ${housing.name}` }).waitFor();
    await audit(a, { back: true });

    const form = main(page);
    const from = form.getByLabel('Für welche Ihrer Organisationen?', { exact: true });
    const message = form.getByLabel('Ihre Nachricht', { exact: true });
    const submit = form.getByRole('button', { name: 'Anfrage senden' });
    await expect(from.inputValue()).resolves.toBe(a.slug);
    // Too short first: the form comes back with the error, focus on the summary.
    await keys.tabTo(message);
    await keys.type('Hallo!');
    await keys.tabTo(submit);
    a.requests.clear();
    await keys.pressAndWait('Enter');
    expect(pathOf(page)).toBe('/vernetzung/anfrage');
    const summary = form.getByRole('alert');
    await summary.waitFor();
    await expect(summary.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await expect(summary.innerText()).resolves.toContain('Ihre Nachricht');
    await expect(message.inputValue()).resolves.toBe('Hallo!');

    // The summary's link leads to the field; the text goes on from there.
    await keys.tabTo(summary.getByRole('link', { name: /Ihre Nachricht/ }));
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'message');
    await page.keyboard.press('Control+End');
    await keys.type(' Wir suchen für unsere Sommerwerkstatt einen leeren Laden in Gohlis und bringen Kulturarbeit für Ihre Mieterinnen und Mieter mit.');
    // The form with its error passes the audit too (whose skip-link check leaves focus at the top of
    // main). Scrolled to the top first: the audit looks at the focused skip link at once, before
    // KERN's smooth scrolling would have brought it back into view.
    await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
    await auditPage(page, page.url(), { lang: 'de', requests: a.requests, alreadyLoaded: true });
    await keys.tabTo(submit);
    a.requests.clear();
    await keys.pressAndWait('Enter');
    expect(pathOf(page)).toMatch(/^\/vernetzung\/anbahnungen\/\d+$/);
    expect(new URL(page.url()).searchParams.get('hinweis')).toBe('angefragt');
    introductionPath = pathOf(page);
    await expect(main(page).innerText()).resolves.toContain('Ihre Anfrage ist verschickt.');
    await expect(main(page).innerText()).resolves.toContain('wartet auf Antwort');
    await expect(main(page).innerText()).resolves.toContain('Die Kontaktdaten werden sichtbar, wenn beide Seiten zugestimmt haben.');
    await expect(main(page).innerText()).resolves.not.toContain(housing.contact.email);
    // A's own side has agreed by asking; A cannot answer for B.
    await expect(main(page).getByRole('button', { name: 'Annehmen' }).count()).resolves.toBe(0);
    await audit(a);
    expect(keys.stops.length).toBeGreaterThan(5);
  });

  it("B's admin gets the mail, follows its link, logs in and accepts with a reply", async () => {
    const b = member('b');
    const { page } = b;
    const link = await introductionLink(b.person.email, /\/vernetzung\/anbahnungen\/\d+/);
    expect(new URL(link).pathname).toBe(introductionPath);
    const mail = await outbox.waitForMail(b.person.email, /Kontaktanbahnung/);
    expect(mail.text).toContain(culture.name);
    expect(mail.text).toContain('Sommerwerkstatt');

    // Logged out: the link leads through the login and back.
    await goto(b, link);
    expect(pathOf(page)).toBe('/anmelden');
    await audit(b, { back: true });
    const login = main(page);
    await login.getByLabel(de.email, { exact: true }).fill(b.person.email);
    await login.getByLabel(de.password, { exact: true }).fill(b.person.password);
    await clickAndLoad(b, login.getByRole('button', { name: de.login }));
    await page.waitForURL((url) => url.pathname === introductionPath);
    await page.getByRole('heading', { level: 1, name: `Kontaktanbahnung: ${culture.name} und ${housing.name}` }).waitFor();
    await expect(main(page).innerText()).resolves.toContain('Sommerwerkstatt');
    await expect(main(page).innerText()).resolves.not.toContain(culture.contact.email);
    // The navigation counts the request beside „Vernetzung“.
    const nav = page.locator('header').getByRole('link', { name: /^Vernetzung/ });
    await expect(nav.innerText()).resolves.toMatch(/^Vernetzung\s+1\b/);
    await expect(nav.evaluate((el) => el.textContent)).resolves.toContain('(1 warten auf Ihre Antwort)');
    await audit(b, { back: true });

    // B's dashboard lists it as waiting for an answer.
    await goto(b, '/vernetzung');
    const waiting = main(page).getByRole('region', { name: /Anfragen, die auf Ihre Antwort warten \(1\)/ });
    await waiting.getByRole('link', { name: `${culture.name} ↔ ${housing.name}` }).waitFor();
    await audit(b, { back: true });
    await clickAndLoad(b, waiting.getByRole('link', { name: `${culture.name} ↔ ${housing.name}` }));
    expect(pathOf(page)).toBe(introductionPath);

    const answer = main(page).getByRole('region', { name: 'Antworten' });
    await answer.getByLabel('Antwort (freiwillig)', { exact: true }).fill('Gern! Wir haben ab Juni einen Laden an der Georg-Schumann-Straße frei.');
    await clickAndLoad(b, answer.getByRole('button', { name: 'Annehmen' }));
    expect(pathOf(page)).toBe(introductionPath);
    expect(new URL(page.url()).searchParams.get('hinweis')).toBe('beantwortet');
    const text = await main(page).innerText();
    expect(text).toContain('Ihre Antwort ist gespeichert.');
    expect(text).toContain('angenommen');
    expect(text).toContain('Georg-Schumann-Straße');
    await expect(main(page).getByRole('button', { name: 'Annehmen' }).count()).resolves.toBe(0);
    await expect(nav.innerText()).resolves.toBe('Vernetzung');
    // B now sees A's contact details, and who asked for A.
    const aSide = await sideOf(page, culture.name).innerText();
    expect(aSide).toContain(culture.contact.name);
    expect(aSide).toContain(culture.contact.email);
    expect(aSide).toContain(culture.contact.phone);
    expect(aSide).toContain(member('a').person.name);
    expect(aSide).toContain(member('a').person.email);
    await audit(b);
  });

  it('A sees B’s contact details, gets the mail, and the tie shows on both profiles; B is no longer suggested', async () => {
    const a = member('a');
    const b = member('b');
    const { page } = a;
    const mail = await outbox.waitForMail(a.person.email, /Beide Seiten haben zugestimmt/);
    expect(mail.text).toContain(housing.contact.email);
    expect(mail.text).toContain(b.person.email);

    await goto(a, introductionPath);
    const bSide = await sideOf(page, housing.name).innerText();
    expect(bSide).toContain(housing.contact.name);
    expect(bSide).toContain(housing.contact.email);
    expect(bSide).toContain(housing.contact.phone);
    expect(bSide).toContain(b.person.name);
    expect(bSide).toContain(b.person.email);
    await expect(main(page).innerText()).resolves.toContain('Georg-Schumann-Straße');
    await audit(a, { back: true });

    // The tie on both profiles' network sections, for A and for B.
    for (const [viewer, profile, partner] of [
      [a, a.profile, housing.name],
      [a, b.profile, culture.name],
      [b, b.profile, culture.name],
      [b, a.profile, housing.name],
    ] as const) {
      await goto(viewer, profile);
      const network = networkSection(viewer.page);
      const item = network.locator('li').filter({ has: viewer.page.getByRole('link', { name: partner }) });
      await expect(item.count(), `${partner} on ${profile}`).resolves.toBe(1);
      await expect(item.innerText()).resolves.toMatch(/– Kontaktanbahnung, selbst initiiert, seit \d/);
      await audit(viewer);
    }
    // Ties are for members by default: the public sees none.
    const visitor = await newTestContext(browser, server.origin);
    try {
      await goto(visitor, b.profile);
      await expect(networkSection(visitor.page).innerText()).resolves.not.toContain(culture.name);
    } finally {
      await visitor.context.close();
    }

    // The dashboard no longer suggests B; the introduction is listed as accepted.
    await goto(a, '/vernetzung');
    await expect(cardOf(page, housing.name).count()).resolves.toBe(0);
    const introductions = main(page).getByRole('region', { name: 'Ihre Kontaktanbahnungen', exact: true });
    await expect(introductions.innerText()).resolves.toMatch(new RegExp(`${culture.name} ↔ ${housing.name} – angenommen, selbst initiiert`));

    // "Nicht relevant" removes another suggestion (C needs A's cultural work).
    const other = cardOf(page, neighbours.name);
    await expect(other.count()).resolves.toBe(1);
    await clickAndLoad(a, other.getByRole('button', { name: new RegExp(`^Nicht relevant\\b.*${neighbours.name}`) }));
    expect(pathOf(page)).toBe('/vernetzung');
    await expect(main(page).innerText()).resolves.toContain('Der Vorschlag wird nicht mehr angezeigt.');
    await expect(cardOf(page, neighbours.name).count()).resolves.toBe(0);
    await audit(a);

    // A's connections page: the tie in the table.
    await goto(a, `${a.profile}/verbindungen`);
    const row = main(page).getByRole('table', { name: 'Verbindungen' }).getByRole('row').filter({ hasText: housing.name });
    await expect(row.innerText()).resolves.toMatch(/Kontaktanbahnung\s+selbst initiiert\s+aktiv/);
    await audit(a);
  });

  it('a coordinator brokers C and D; both accept; the tie shows as brokered', async () => {
    const c = member('c');
    const d = member('d');
    const { page } = coordinator;
    await goto(coordinator, '/vernetzung');
    const coordination = main(page).getByRole('region', { name: 'Koordination', exact: true });
    await coordination.getByRole('link', { name: 'Gewichte der Vorschläge einstellen' }).waitFor();
    await audit(coordinator, { back: true });

    // The weights page is one of the coordination's pages: audited on the way.
    await clickAndLoad(coordinator, coordination.getByRole('link', { name: 'Gewichte der Vorschläge einstellen' }));
    expect(pathOf(page)).toBe('/vernetzung/gewichte');
    await audit(coordinator);

    // Any actor's connections with the score's parts, for coordinators.
    await goto(coordinator, `${c.profile}/verbindungen`);
    await main(page).getByText(/^Passung /).first().waitFor();
    await audit(coordinator);

    await goto(coordinator, '/vernetzung');
    await clickAndLoad(coordinator, main(page).getByRole('link', { name: 'Kontakt zwischen zwei Akteuren vermitteln' }));
    expect(pathOf(page)).toBe('/vernetzung/vermitteln');
    await audit(coordinator, { back: true });
    const form = main(page);
    await form.getByLabel('Erster Akteur (Adresse oder Nummer des Profils)', { exact: true }).fill(c.slug);
    await form.getByLabel('Zweiter Akteur (Adresse oder Nummer des Profils)', { exact: true }).fill(d.slug);
    await form.getByLabel('Ihre Nachricht', { exact: true }).fill('Die Nachbarschaftshilfe sucht Unterstützung, das Amt fördert Nachbarschaftsarbeit: sprechen Sie miteinander!');
    await clickAndLoad(coordinator, form.getByRole('button', { name: 'Vermittlung senden' }));
    expect(pathOf(page)).toMatch(/^\/vernetzung\/anbahnungen\/\d+$/);
    const brokeredPath = pathOf(page);
    await expect(main(page).innerText()).resolves.toContain('Die Vermittlung ist verschickt.');
    await expect(main(page).innerText()).resolves.toContain('vermittelt');
    await audit(coordinator);

    // Both sides are asked by mail; each one's admin accepts from the link.
    for (const [side, own, other] of [
      [c, neighbours.name, town.name],
      [d, town.name, neighbours.name],
    ] as const) {
      const link = await introductionLink(side.person.email, new RegExp(`\\/vernetzung\\/anbahnungen\\/${brokeredPath.split('/').pop()}\\b`));
      const mail = await outbox.waitForMail(side.person.email, /Die Koordination des Quartiersnetzes möchte/);
      expect(mail.text).toContain(own);
      expect(mail.text).toContain(other);
      await goto(side, link);
      expect(pathOf(side.page)).toBe(brokeredPath);
      await expect(main(side.page).innerText()).resolves.not.toContain(side === c ? town.contact.email : neighbours.contact.email);
      await audit(side, { back: true });
      const answer = main(side.page).getByRole('region', { name: 'Antworten' });
      await clickAndLoad(side, answer.getByRole('button', { name: 'Annehmen' }));
      await expect(main(side.page).innerText()).resolves.toContain('Ihre Antwort ist gespeichert.');
      await expect(main(side.page).getByRole('region', { name: 'Antworten' }).count()).resolves.toBe(0);
    }
    // After C alone the introduction still waited; after D it is accepted, contacts on both sides.
    const text = await main(d.page).innerText();
    expect(text).toContain('angenommen');
    expect(text).toContain(neighbours.contact.email);
    await audit(d);
    await goto(c, brokeredPath);
    await expect(sideOf(c.page, town.name).innerText()).resolves.toContain(town.contact.email);

    // On C's profile: a brokered introduction with D.
    await goto(c, c.profile);
    const item = networkSection(c.page).locator('li').filter({ has: c.page.getByRole('link', { name: town.name }) });
    await expect(item.innerText()).resolves.toMatch(/– Kontaktanbahnung, vermittelt, seit \d/);
    await audit(c);
    await goto(c, `${c.profile}/verbindungen`);
    const row = main(c.page).getByRole('table', { name: 'Verbindungen' }).getByRole('row').filter({ hasText: town.name });
    await expect(row.innerText()).resolves.toMatch(/Kontaktanbahnung\s+vermittelt\s+aktiv/);
    await audit(c);
    expect(coordinator.requests.foreign()).toEqual([]);
  });
});
