import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { linkIn, type Outbox } from './outbox.js';
import { uniqueEmail, type RunningServer } from './server.js';

/** German labels and button texts of the accounts pages (src/domains/accounts/messages.ts). */
export const de = {
  name: 'Name',
  email: 'E-Mail-Adresse',
  password: 'Passwort',
  currentPassword: 'Aktuelles Passwort',
  newPassword: 'Neues Passwort',
  register: 'Konto anlegen',
  login: 'Anmelden',
  logout: 'Abmelden',
  changePassword: 'Passwort ändern',
  checkMail: 'Bitte prüfen Sie Ihr Postfach',
  verified: 'E-Mail-Adresse bestätigt',
  account: 'Mein Konto',
  passwordChanged: 'Ihr Passwort wurde geändert.',
};

export interface Person {
  name: string;
  email: string;
  password: string;
}

/** A new person with a strong passphrase (the policy rejects guessable ones). */
export function newPerson(prefix: string): Person {
  const suffix = randomBytes(3).toString('hex');
  return { name: `Testperson ${prefix} ${suffix}`, email: uniqueEmail(prefix), password: `Laterne Kakao Fahrradklingel ${suffix}` };
}

export function newPassword(): string {
  return `Wolke Ostsee Bagger ${randomBytes(3).toString('hex')}`;
}

/** The path of the page without the /en prefix. */
export const pathOf = (page: Page) => new URL(page.url()).pathname;

/** Registers through the form with mouse clicks and fills. */
export async function register(page: Page, server: RunningServer, person: Person) {
  await page.goto(server.url('/registrieren'));
  const main = page.locator('main');
  await main.getByLabel(de.name, { exact: true }).fill(person.name);
  await main.getByLabel(de.email, { exact: true }).fill(person.email);
  await main.getByLabel(de.password, { exact: true }).fill(person.password);
  await main.getByRole('button', { name: de.register }).click();
  await page.getByRole('heading', { level: 1, name: de.checkMail }).waitFor();
}

/** The confirmation link from the verification mail in the outbox. */
export async function verificationLink(outbox: Outbox, server: RunningServer, email: string): Promise<string> {
  const mail = await outbox.waitForMail(email, /\/konto\/bestaetigen\?token=/);
  return linkIn(mail, '/konto/bestaetigen?token=', server);
}

/** Opens the confirmation link and expects the success page. */
export async function verify(page: Page, link: string) {
  const response = await page.goto(link);
  if (response?.status() !== 200) throw new Error(`confirmation link answered ${response?.status()}: ${await page.locator('main').innerText()}`);
  await page.getByRole('heading', { level: 1, name: de.verified }).waitFor();
}

/** Logs in through the form with mouse clicks and fills; ends on /konto. */
export async function logIn(page: Page, server: RunningServer, email: string, password: string) {
  await page.goto(server.url('/anmelden'));
  const main = page.locator('main');
  await main.getByLabel(de.email, { exact: true }).fill(email);
  await main.getByLabel(de.password, { exact: true }).fill(password);
  await main.getByRole('button', { name: de.login }).click();
  await page.waitForURL((url) => url.pathname === '/konto');
}

/** Register, confirm from the outbox and log in: a verified member with a session. */
export async function registerVerifiedMember(page: Page, server: RunningServer, outbox: Outbox, prefix: string): Promise<Person> {
  const person = newPerson(prefix);
  await register(page, server, person);
  await verify(page, await verificationLink(outbox, server, person.email));
  await logIn(page, server, person.email, person.password);
  return person;
}
