import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tinyPng } from '../support/images.js';
import { logIn, newPerson, pathOf, registerVerifiedMember, type Person } from './support/accounts.js';
import { journeySteps } from './support/journey.js';
import { launchBrowser, newTestContext, type TestContext } from './support/browser.js';
import { Keyboard } from './support/keyboard.js';
import { linkIn, openOutbox, type Outbox } from './support/outbox.js';
import { startServer, uniqueEmail, type RunningServer } from './support/server.js';

/**
 * Issue 6's journeys (formats): a coordinator plans a Praxiswerkstatt with two seats and publishes
 * it by keyboard; a member registers by keyboard (as a person), a guest registers and confirms from
 * the mail; the next member lands on the waiting list (place 1) and moves up by mail when the guest
 * cancels. On the day the coordinator checks people in on a phone, makes a table plan and edits it
 * by hand, and documents the format with a photo that the public then sees with its alt text and
 * credit. Every page on the way passes the audit (axe, one h1, skip link, language switch, own
 * origin only), in German and in English.
 */
const adminCredentials = { email: uniqueEmail('koordination'), password: 'Admin-Passwort-für-Tests-2025!', name: 'Kim Koordination' };
const stamp = Date.now().toString(36);
const title = `Praxiswerkstatt Quartiersgarten ${stamp}`;
const guest = { ...newPerson('formate-gast'), organisation: `Gartenfreunde Neckarstadt ${stamp}`, sector: 'welfare' };
const photo = {
  title: `Beetpatenschaften ${stamp}`,
  alt: `Menschen an einem Tisch im Quartiersgarten beschriften Pflanzschilder (${stamp})`,
  credit: `Quartiersnetz / Fotoarchiv ${stamp}`,
};

let server: RunningServer;
let browser: Browser;
let outbox: Outbox;
let coordinator: TestContext;
/** /formate/<slug> of the format planned in the first step. */
let formatPath = '';

interface Member extends TestContext {
  person: Person;
}
const members: Partial<Record<'a' | 'b', Member>> = {};
const member = (key: 'a' | 'b'): Member => {
  const found = members[key];
  if (!found) throw new Error(`member ${key} was not set up (an earlier step failed)`);
  return found;
};
const format = () => {
  if (!formatPath) throw new Error('the format was not planned (an earlier step failed)');
  return formatPath;
};

beforeAll(async () => {
  server = await startServer({ name: 'formats', admin: adminCredentials });
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
const text = (page: Page) => main(page).innerText();

/** Expects the page at `path`; otherwise fails with what the page says (a form's error, say). */
async function expectAt(page: Page, path: string) {
  if (pathOf(page) !== path) throw new Error(`expected ${path}, at ${pathOf(page)}:\n${await text(page)}`);
}

/** Date and time in German wall-clock time as a datetime-local input takes it ("2025-06-12T09:30"). */
function berlinLocal(date: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** The link to a registration's own page (/formate/anmeldung/<id>/<signature>) in the newest mail matching. */
async function registrationLink(recipient: string, match: RegExp): Promise<string> {
  const mail = await outbox.waitForMail(recipient, match);
  return linkIn(mail, '/formate/anmeldung/', server);
}

/** The facts box beside the format (its "Plätze" line). */
const seats = (page: Page) => page.locator('main aside').innerText();

describe('formats journey', () => {
  let guestLink = '';

  it('a coordinator plans a Praxiswerkstatt with two seats and publishes it by keyboard', async () => {
    const { page } = coordinator;
    const keys = new Keyboard(page);
    await goto(coordinator, '/formate');
    await page.getByRole('heading', { level: 1, name: 'Formate und Veranstaltungen' }).waitFor();
    await audit(coordinator, { back: true });

    // From the list to the plan form by keyboard.
    await keys.tabTo(main(page).getByRole('link', { name: 'Neues Format planen' }), { max: 120 });
    coordinator.requests.clear();
    await keys.pressAndWait('Enter');
    await expectAt(page, '/formate/neu');
    await page.getByRole('heading', { level: 1, name: 'Neues Format planen' }).waitFor();
    await audit(coordinator, { back: true });

    const start = new Date(Date.now() + 2 * 3600_000);
    const end = new Date(start.getTime() + 3 * 3600_000);
    const form = main(page);
    await form.getByLabel('Art des Formats', { exact: true }).selectOption('praxiswerkstatt');
    await form.getByLabel('Titel', { exact: true }).fill(title);
    await form.getByLabel('Kurzbeschreibung', { exact: true }).fill('Wir legen gemeinsam Beete an und verabreden Patenschaften für den Sommer.');
    await form.getByLabel('Beschreibung', { exact: true }).fill('Der Quartiersgarten wächst.\n\nAn Tischen lernen sich Wohnungswirtschaft, Verwaltung und Nachbarschaft kennen.');
    await form.getByLabel('Ablauf', { exact: true }).fill('10:00 Begrüßung\n10:15 Rundgang durch den Garten\n11:00 Austausch an Tischen');
    await form.getByRole('group', { name: 'Handlungsfelder' }).getByLabel('Wohnquartiere', { exact: true }).check();
    await form.getByLabel('Beginn', { exact: true }).fill(berlinLocal(start));
    await form.getByLabel('Ende', { exact: true }).fill(berlinLocal(end));
    await form.getByRole('group', { name: 'Durchführung' }).getByLabel('vor Ort', { exact: true }).check();
    await form.getByLabel('Veranstaltungsort', { exact: true }).fill('Gemeinschaftsgarten, Lindenhofplatz 3');
    await form.getByLabel('Ort (Gemeinde)', { exact: true }).fill('Mannheim');
    await form.getByLabel('Gastgebende Organisationen', { exact: true }).fill('projektraum-coi');
    await form.getByLabel('Plätze', { exact: true }).fill('2');
    await clickAndLoad(coordinator, form.getByRole('button', { name: 'Als Entwurf anlegen' }));
    if (!/^\/formate\/[a-z0-9-]+$/.test(pathOf(page)) || pathOf(page) === '/formate/neu') throw new Error(`the plan form came back: ${await text(page)}`);
    formatPath = pathOf(page);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    let content = await text(page);
    expect(content).toContain('Das Format ist als Entwurf angelegt.');
    expect(content).toContain('Entwurf: nur die Koordination');
    expect(content).toContain('Rundgang durch den Garten');
    await expect(seats(page)).resolves.toContain('Gemeinschaftsgarten, Lindenhofplatz 3, Mannheim');
    // A draft is not public.
    const visitor = await newTestContext(browser, server.origin);
    try {
      expect(await goto(visitor, format())).toBe(404);
    } finally {
      await visitor.context.close();
    }
    await audit(coordinator, { back: true });

    // Publish by keyboard.
    const manage = main(page).getByRole('region', { name: 'Format verwalten' });
    await manage.getByRole('link', { name: 'Bearbeiten' }).waitFor();
    await manage.getByRole('button', { name: 'Veröffentlichen' }).waitFor();
    await keys.tabTo(manage.getByRole('button', { name: 'Veröffentlichen' }), { max: 120 });
    coordinator.requests.clear();
    await keys.pressAndWait('Enter');
    await expectAt(page, format());
    content = await text(page);
    expect(content).toContain('Das Format ist veröffentlicht.');
    expect(content).not.toContain('Entwurf: nur die Koordination');
    await expect(seats(page)).resolves.toContain('2 von 2 Plätzen frei');
    for (const name of ['Teilnehmende, Namensschilder, Anwesenheit', 'Tischplan', 'Bearbeiten']) {
      await expect(manage.getByRole('link', { name, exact: true }).count(), name).resolves.toBe(1);
    }
    await audit(coordinator);
    expect(keys.stops.length).toBeGreaterThan(5);

    // Now public: in the list for everyone.
    const anonymous = await newTestContext(browser, server.origin);
    try {
      await goto(anonymous, '/formate');
      await expect(main(anonymous.page).getByRole('link', { name: title }).count()).resolves.toBe(1);
      expect(await goto(anonymous, format())).toBe(200);
    } finally {
      await anonymous.context.close();
    }
  });

  it('a member registers as a person by keyboard, with one click', async () => {
    const tc = await newTestContext(browser, server.origin);
    const person = await registerVerifiedMember(tc.page, server, outbox, 'formate-a');
    members.a = { ...tc, person };
    const { page } = tc;
    const keys = new Keyboard(page);
    await goto(tc, format());
    const section = main(page).getByRole('region', { name: 'Anmelden' });
    // Without an organisation of their own, the member takes part as a person.
    await expect(section.getByLabel('Ich nehme teil für', { exact: true }).inputValue()).resolves.toBe('');
    await audit(tc, { back: true });

    const sector = section.getByLabel(/^Akteursgruppe/);
    await keys.tabTo(sector, { max: 120 });
    await keys.type('Zivil');
    await expect(sector.inputValue()).resolves.toBe('civil_society');
    await keys.tabTo(section.getByRole('button', { name: 'Verbindlich anmelden' }));
    tc.requests.clear();
    await keys.pressAndWait('Enter');
    await expectAt(page, format());
    const content = await text(page);
    expect(content).toContain('Sie sind angemeldet.');
    await main(page).getByRole('heading', { level: 2, name: 'Ihre Anmeldung: angemeldet' }).waitFor();
    await expect(seats(page)).resolves.toContain('1 von 2 Plätzen frei');
    const mail = await outbox.waitForMail(person.email, new RegExp(`Sie sind für „${title}“ angemeldet`));
    expect(mail.subject).toContain(`Anmeldung bestätigt: ${title}`);
    await audit(tc);
  });

  it('a guest registers without an account and confirms from the mail; the format is then full', async () => {
    const tc = await newTestContext(browser, server.origin);
    const { page } = tc;
    try {
      await goto(tc, format());
      const section = main(page).getByRole('region', { name: 'Ohne Konto anmelden' });
      await section.waitFor();
      await audit(tc, { back: true });
      await section.getByLabel('Name', { exact: true }).fill(guest.name);
      await section.getByLabel('E-Mail-Adresse', { exact: true }).fill(guest.email);
      await section.getByLabel('Organisation (optional)', { exact: true }).fill(guest.organisation);
      await section.getByLabel('Akteursgruppe', { exact: true }).selectOption(guest.sector);
      await clickAndLoad(tc, section.getByRole('button', { name: 'Anmeldung absenden' }));
      await expectAt(page, format());
      await expect(text(page)).resolves.toContain('Fast geschafft: Bitte bestätigen Sie die Anmeldung');
      // Unconfirmed: no seat taken yet.
      await expect(seats(page)).resolves.toContain('1 von 2 Plätzen frei');
      await audit(tc);

      guestLink = await registrationLink(guest.email, /Bitte bestätigen Sie die Anmeldung innerhalb von 48 Stunden/);
      await goto(tc, guestLink);
      await page.getByRole('heading', { level: 1, name: `Ihre Anmeldung zu „${title}“` }).waitFor();
      await expect(text(page)).resolves.toContain('Ihre Anmeldung: noch nicht bestätigt');
      await audit(tc, { back: true });
      await clickAndLoad(tc, main(page).getByRole('button', { name: 'Anmeldung bestätigen' }));
      await expectAt(page, new URL(guestLink).pathname);
      const content = await text(page);
      expect(content).toContain('Sie sind angemeldet.');
      expect(content).toContain('Ihre Anmeldung: angemeldet');
      await expect(main(page).getByRole('button', { name: 'Anmeldung bestätigen' }).count()).resolves.toBe(0);
      await audit(tc);
      const mail = await outbox.waitForMail(guest.email, new RegExp(`Sie sind für „${title}“ angemeldet`));
      expect(mail.subject).toContain('Anmeldung bestätigt');

      // Two of two seats taken: the page says so, and the next registration goes on the waiting list.
      await goto(tc, format());
      await expect(seats(page)).resolves.toContain('0 von 2 Plätzen frei');
      await expect(seats(page)).resolves.toContain('ausgebucht – Warteliste');
      await expect(main(page).getByRole('button', { name: 'Auf die Warteliste setzen' }).count()).resolves.toBe(1);
    } finally {
      await tc.context.close();
    }
  });

  it('the next member is waitlisted at place 1 and moves up by mail when the guest cancels', async () => {
    const tc = await newTestContext(browser, server.origin);
    const person = await registerVerifiedMember(tc.page, server, outbox, 'formate-b');
    members.b = { ...tc, person };
    const { page } = tc;
    await goto(tc, format());
    const section = main(page).getByRole('region', { name: 'Anmelden' });
    await section.getByLabel(/^Akteursgruppe/).selectOption('housing_industry');
    await clickAndLoad(tc, section.getByRole('button', { name: 'Auf die Warteliste setzen' }));
    await expectAt(page, format());
    let content = await text(page);
    expect(content).toContain('Das Format ist ausgebucht: Sie stehen auf der Warteliste');
    await main(page).getByRole('heading', { level: 2, name: 'Ihre Anmeldung: auf der Warteliste' }).waitFor();
    expect(content).toContain('Sie stehen an Stelle 1 der Warteliste.');
    await outbox.waitForMail(person.email, /Sie stehen auf der Warteliste/);
    await audit(tc);

    await goto(tc, '/formate/meine');
    const row = main(page).getByRole('row').filter({ has: page.getByRole('link', { name: title }) });
    await expect(row.innerText()).resolves.toContain('auf der Warteliste (1)');
    await audit(tc);

    // The guest cancels from the mail's link; B moves up at once and is told by mail.
    const guestContext = await newTestContext(browser, server.origin);
    try {
      await goto(guestContext, guestLink);
      await clickAndLoad(guestContext, main(guestContext.page).getByRole('button', { name: 'Anmeldung stornieren' }));
      content = await text(guestContext.page);
      expect(content).toContain('Die Anmeldung wurde storniert.');
      expect(content).toContain('Ihre Anmeldung: storniert');
      await audit(guestContext);
    } finally {
      await guestContext.context.close();
    }
    const mail = await outbox.waitForMail(person.email, /Ein Platz ist frei geworden/);
    expect(mail.subject).toContain(`Sie sind nachgerückt: ${title}`);
    expect(mail.text).toContain(title);
    expect(mail.text).toContain('/formate/anmeldung/');

    await goto(tc, format());
    await main(page).getByRole('heading', { level: 2, name: 'Ihre Anmeldung: angemeldet' }).waitFor();
    await expect(text(page)).resolves.not.toMatch(/Sie stehen an Stelle \d+ der Warteliste/);
    await expect(seats(page)).resolves.toContain('0 von 2 Plätzen frei');
    await audit(tc);
    await goto(tc, '/formate/meine');
    await expect(main(page).getByRole('row').filter({ has: page.getByRole('link', { name: title }) }).innerText()).resolves.toMatch(/\bangemeldet\b/);
  });

  it('the coordinator sees the participants and checks people in on a phone', async () => {
    const a = member('a');
    const b = member('b');
    const { page } = coordinator;
    await goto(coordinator, format());
    await clickAndLoad(coordinator, main(page).getByRole('link', { name: 'Teilnehmende, Namensschilder, Anwesenheit' }));
    await expectAt(page, `${format()}/teilnehmende`);
    const registered = main(page).getByRole('table', { name: 'Angemeldet (2)' });
    await expect(registered.innerText()).resolves.toContain(a.person.name);
    await expect(registered.innerText()).resolves.toContain(b.person.name);
    await expect(registered.innerText()).resolves.not.toContain(guest.name);
    await expect(text(page)).resolves.toContain('Warteliste (0)');
    await audit(coordinator);

    const phone = await newTestContext(browser, server.origin, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 });
    try {
      const p = phone.page;
      await logIn(p, server, adminCredentials.email, adminCredentials.password);
      await goto(phone, `${format()}/anwesenheit`);
      await p.getByRole('heading', { level: 1, name: `Anwesenheit: ${title}` }).waitFor();
      await expect(main(p).getByRole('status').innerText()).resolves.toBe('0 von 2 Angemeldeten sind da.');
      await audit(phone, { back: true });
      // Nothing wider than the phone: no sideways scrolling (WCAG 1.4.10).
      await expect(p.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);

      // Each person has a large button that fits on the screen; a tap checks them in.
      for (const person of [a.person, b.person]) {
        const button = main(p).getByRole('button', { name: `Ist da: ${person.name}`, exact: true });
        await button.scrollIntoViewIfNeeded();
        const box = await button.boundingBox();
        if (!box) throw new Error(`no box for the button of ${person.name}`);
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(390);
        expect(box.height).toBeGreaterThanOrEqual(44);
      }
      phone.requests.clear();
      await Promise.all([p.waitForEvent('load'), main(p).getByRole('button', { name: `Ist da: ${a.person.name}`, exact: true }).tap()]);
      await expectAt(p, `${format()}/anwesenheit`);
      expect(new URL(p.url()).hash).toMatch(/^#person-\d+$/);
      await expect(main(p).getByRole('status').innerText()).resolves.toBe('1 von 2 Angemeldeten sind da.');
      await main(p).getByRole('button', { name: `Doch nicht da: ${a.person.name}`, exact: true }).waitFor();

      // Search for the second person (the search keeps the list short on a long evening).
      const search = main(p).getByLabel('Name oder Organisation', { exact: true });
      await search.fill(b.person.name);
      phone.requests.clear();
      await Promise.all([p.waitForEvent('load'), main(p).getByRole('button', { name: 'Suchen', exact: true }).tap()]);
      expect(new URL(p.url()).searchParams.get('suche')).toBe(b.person.name);
      await expect(main(p).getByRole('button', { name: /^(Ist da|Doch nicht da): / }).count()).resolves.toBe(1);
      await audit(phone, { back: true });
      await Promise.all([p.waitForEvent('load'), main(p).getByRole('button', { name: `Ist da: ${b.person.name}`, exact: true }).tap()]);
      expect(new URL(p.url()).searchParams.get('suche')).toBe(b.person.name);
      await expect(main(p).getByRole('status').innerText()).resolves.toBe('2 von 2 Angemeldeten sind da.');
      // Tapped by mistake: undone with the same button.
      await Promise.all([p.waitForEvent('load'), main(p).getByRole('button', { name: `Doch nicht da: ${b.person.name}`, exact: true }).tap()]);
      await expect(main(p).getByRole('status').innerText()).resolves.toBe('1 von 2 Angemeldeten sind da.');
      await main(p).getByRole('button', { name: `Ist da: ${b.person.name}`, exact: true }).waitFor();
    } finally {
      await phone.context.close();
    }

    // The participant list shows who is here.
    await goto(coordinator, `${format()}/teilnehmende`);
    const rowOf = (name: string) => main(page).getByRole('table', { name: 'Angemeldet (2)' }).getByRole('row').filter({ hasText: name });
    await expect(rowOf(a.person.name).innerText()).resolves.toMatch(/\bja\b/);
    await expect(rowOf(b.person.name).innerText()).resolves.not.toMatch(/\bja\b/);
  });

  it('the coordinator generates a table plan, sees it per person and moves someone by hand', async () => {
    const a = member('a');
    const b = member('b');
    const { page } = coordinator;
    await goto(coordinator, format());
    await clickAndLoad(coordinator, main(page).getByRole('region', { name: 'Format verwalten' }).getByRole('link', { name: 'Tischplan', exact: true }));
    await expectAt(page, `${format()}/tischplan`);
    await page.getByRole('heading', { level: 1, name: `Tischplan: ${title}` }).waitFor();
    await expect(text(page)).resolves.toContain('Noch kein Tischplan.');
    await audit(coordinator, { back: true });

    const form = main(page).getByRole('region', { name: 'Tischplan erzeugen' });
    await form.getByLabel('Runden', { exact: true }).fill('2');
    await form.getByLabel('Tische je Runde', { exact: true }).fill('2');
    await clickAndLoad(coordinator, form.getByRole('button', { name: 'Tischplan erzeugen' }));
    await expectAt(page, `${format()}/tischplan`);
    let content = await text(page);
    expect(content).toContain('Der Tischplan ist erzeugt.');
    expect(content).toMatch(/Neue Begegnungen zwischen Akteursgruppen: \d+ Paare/);
    expect(content).toContain('Doppelte Begegnungen: 0');
    const byTable = main(page).getByRole('region', { name: 'Nach Tisch' });
    for (const round of ['Runde 1', 'Runde 2']) await expect(byTable.getByRole('region', { name: round }).getByRole('heading', { level: 4 }).count(), round).resolves.toBe(2);

    // By person: everyone with a table in each round.
    const byPerson = main(page).getByRole('table', { name: 'Nach Person' });
    const tableOf = (person: Person, round: number) => byPerson.getByLabel(`${person.name} in Runde ${round} an Tisch`, { exact: true });
    for (const person of [a.person, b.person]) {
      await expect(byPerson.getByRole('row').filter({ hasText: person.name }).count()).resolves.toBe(1);
      for (const round of [1, 2]) await expect(tableOf(person, round).inputValue()).resolves.toMatch(/^[12]$/);
    }
    // Two people at two tables: they sit apart.
    const aTable = await tableOf(a.person, 1).inputValue();
    expect(await tableOf(b.person, 1).inputValue()).not.toBe(aTable);
    await audit(coordinator, { back: true });

    // Hand edit: A to the other table in round 1; B, who sat there, swaps.
    const other = aTable === '1' ? '2' : '1';
    await tableOf(a.person, 1).selectOption(other);
    await clickAndLoad(coordinator, tableOf(a.person, 1).locator('xpath=ancestor::form').getByRole('button', { name: 'Umsetzen' }));
    await expectAt(page, `${format()}/tischplan`);
    content = await text(page);
    expect(content).toContain('Umgesetzt.');
    await expect(tableOf(a.person, 1).inputValue()).resolves.toBe(other);
    await expect(tableOf(b.person, 1).inputValue()).resolves.toBe(aTable);
    const round1 = main(page).getByRole('region', { name: 'Runde 1' });
    const seatOfA = round1.getByRole('listitem').filter({ hasText: a.person.name }).filter({ hasNot: page.getByRole('heading') });
    await expect(seatOfA.innerText()).resolves.toContain('(von Hand gesetzt)');
    await audit(coordinator, { back: true });

    await clickAndLoad(coordinator, main(page).getByRole('link', { name: 'Druckansicht' }));
    await expectAt(page, `${format()}/tischplan/druck`);
    await expect(main(page).getByRole('table', { name: 'Nach Person' }).getByRole('row').filter({ hasText: a.person.name }).innerText()).resolves.toContain(`Tisch ${other}`);
    await audit(coordinator);
  });

  it('the coordinator documents the format with a photo; the public sees it with alt text and credit', async () => {
    const { page } = coordinator;
    await goto(coordinator, format());
    await clickAndLoad(coordinator, main(page).getByRole('link', { name: 'Dokumentation bearbeiten' }));
    await expectAt(page, `${format()}/dokumentation`);
    await page.getByRole('heading', { level: 1, name: `Dokumentation: ${title}` }).waitFor();
    await audit(coordinator, { back: true });

    const results = main(page).getByRole('region', { name: 'Ergebnisse' });
    await results.getByLabel('Ergebnisse (Markdown)', { exact: true }).fill(`## Was wir mitnehmen\n\n- Jedes Beet bekommt eine Patenschaft (${stamp})\n- Regenwasser vom Dach sammeln`);
    await results.getByLabel('alle', { exact: true }).check();
    await clickAndLoad(coordinator, results.getByRole('button', { name: 'Ergebnisse speichern' }));
    await expect(text(page)).resolves.toContain('Gespeichert.');

    const insights = main(page).getByRole('region', { name: 'Erkenntnisse' });
    await insights.getByLabel('Neue Erkenntnis (ein kurzer Satz)', { exact: true }).fill(`Wer gemeinsam gärtnert, kommt ins Gespräch (${stamp}).`);
    await clickAndLoad(coordinator, insights.getByRole('button', { name: 'Erkenntnis hinzufügen' }));
    await expect(text(page)).resolves.toContain('Gespeichert.');

    const upload = main(page).getByRole('region', { name: 'Foto, Graphic Recording oder Datei hochladen' });
    await upload.getByLabel('Art', { exact: true }).selectOption('photo');
    await upload.getByLabel('Datei', { exact: true }).setInputFiles({ name: 'garten.png', mimeType: 'image/png', buffer: tinyPng });
    await upload.getByLabel('Titel oder Bildunterschrift', { exact: true }).fill(photo.title);
    await upload.getByLabel('Alternativtext', { exact: true }).fill(photo.alt);
    await upload.getByLabel('Quelle / Urheber', { exact: true }).fill(photo.credit);
    await upload.getByLabel('alle', { exact: true }).check();
    await clickAndLoad(coordinator, upload.getByRole('button', { name: 'Hochladen' }));
    await expectAt(page, `${format()}/dokumentation`);
    await expect(text(page)).resolves.toContain('Gespeichert.');
    await main(page).getByRole('region', { name: 'Foto, Graphic Recording oder Datei hochladen' }).getByRole('link', { name: photo.title }).waitFor();
    await audit(coordinator);

    // The public, in a fresh context: the documentation on the format's page.
    const visitor = await newTestContext(browser, server.origin);
    try {
      const p = visitor.page;
      await goto(visitor, format());
      const documentation = main(p).getByRole('region', { name: 'Dokumentation', exact: true });
      await documentation.getByRole('heading', { level: 4, name: 'Was wir mitnehmen' }).waitFor();
      const content = await documentation.innerText();
      expect(content).toContain(`Jedes Beet bekommt eine Patenschaft (${stamp})`);
      expect(content).toContain(`Wer gemeinsam gärtnert, kommt ins Gespräch (${stamp}).`);
      await expect(documentation.getByRole('link', { name: 'Dokumentation bearbeiten' }).count()).resolves.toBe(0);
      const image = documentation.getByRole('img', { name: photo.alt, exact: true });
      await expect(image.count()).resolves.toBe(1);
      await expect(image.getAttribute('alt')).resolves.toBe(photo.alt);
      await image.scrollIntoViewIfNeeded();
      await p.waitForFunction((alt) => {
        const img = Array.from(document.images).find((i) => i.alt === alt);
        return !!img && img.complete && img.naturalWidth > 0;
      }, photo.alt);
      const figure = documentation.locator('figure').filter({ has: p.getByRole('img', { name: photo.alt, exact: true }) });
      await expect(figure.locator('figcaption').innerText()).resolves.toContain(`Quelle: ${photo.credit}`);
      await expect(figure.locator('figcaption').innerText()).resolves.toContain(photo.title);
      // The picture itself is served to everyone.
      const src = await image.getAttribute('src');
      if (!src) throw new Error('the photo has no src');
      const response = await p.request.get(server.url(src));
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toMatch(/^image\/png/);
      // Back at the top before the audit: it looks at the focused skip link at once, before KERN's
      // smooth scrolling would have brought it back into view.
      await p.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
      await audit(visitor);
      // In English too, with the credit's label translated.
      await expect(main(p).locator('figure figcaption').innerText()).resolves.toContain(`Source: ${photo.credit}`);
      expect(visitor.requests.foreign()).toEqual([]);
    } finally {
      await visitor.context.close();
    }
    expect(coordinator.requests.foreign()).toEqual([]);
  });
});
