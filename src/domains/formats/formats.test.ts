import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../platform/auth/sessions.js';
import { mailsTo, uniqueEmail } from '../../../test/support/accounts.js';
import { accessToken, createActor, submit } from '../../../test/support/actors.js';
import { createUser, type TestUser } from '../../../test/support/factories.js';
import { createTestFormat } from '../../../test/support/formats.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { getFormat } from './service.js';

let t: TestApp;
let coordinator: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await createUser(t, { role: 'coordinator' });
});
afterAll(async () => t?.close());

const get = (url: string, user?: TestUser | null) => t.app.inject({ method: 'GET', url, cookies: user?.session ? { [SESSION_COOKIE]: user.session } : undefined });
const api = async (user: TestUser | null, options: { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; url: string; payload?: object }) =>
  t.app.inject({ ...options, headers: user ? { authorization: `Bearer ${await accessToken(t, user.id)}` } : {} });

const validForm = {
  kind: 'praxiswerkstatt',
  title: 'Praxiswerkstatt Rurale Strategien',
  teaser: 'Neue Handlungsansätze für ländliche Räume.',
  description: 'Wir probieren vor Ort aus.\n\nMit der Expertise des Netzwerks.',
  agenda: '10:00 Begrüßung\n10:30–12:00 Rundgang durch das Dorf\n13:00 Werkstatt',
  startsAt: '2030-09-14T10:00',
  endsAt: '2030-09-14T16:00',
  mode: 'on_site',
  venue: 'Gutshof, Dorfstraße 1',
  place: 'Mannheim',
  actionFields: ['rural', 'small_towns'],
  capacity: '30',
  maxSectorShare: '40',
};

describe('planning a format', () => {
  it('a coordinator creates a draft by form; only coordinators see it; publishing shows it to everyone', async () => {
    const created = await submit(t.app, { page: '/formate/neu', session: coordinator.session, fields: validForm });
    expect(created.statusCode).toBe(303);
    const slug = /\/formate\/([^?]+)/.exec(created.headers.location as string)![1]!;
    expect(slug).toBe('praxiswerkstatt-rurale-strategien-2030');
    expect((await get(`/formate/${slug}`)).statusCode).toBe(404);
    expect((await get(`/formate/${slug}`, await createUser(t))).statusCode).toBe(404);
    const page = await get(`/formate/${slug}`, coordinator);
    expect(page.body).toContain('Entwurf');
    expect(page.body).toContain('10:30–12:00');
    const published = await submit(t.app, { page: `/formate/${slug}`, action: `/formate/${slug}/veroeffentlichen`, session: coordinator.session, fields: {} });
    expect(published.statusCode).toBe(303);
    const publicPage = await get(`/formate/${slug}`);
    expect(publicPage.statusCode).toBe(200);
    expect(publicPage.body).toContain('30 von 30 Plätzen frei');
    expect(publicPage.body).toContain('höchstens 40 %');
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(publicPage.body)![1]!);
    expect(jsonLd).toMatchObject({ '@type': 'Event', name: validForm.title, startDate: '2030-09-14T08:00:00.000Z', eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode', eventStatus: 'https://schema.org/EventScheduled' });
    expect((await get('/formate')).body).toContain(validForm.title);
  });

  it('keeps what was typed and names every problem: end before start, 500 agenda items, unknown host, bad capacity', async () => {
    const agenda = Array.from({ length: 500 }, (_, i) => `10:${String(i % 60).padStart(2, '0')} Punkt ${i}`).join('\n');
    const response = await submit(t.app, {
      page: '/formate/neu',
      session: coordinator.session,
      fields: { ...validForm, endsAt: '2030-09-14T09:00', agenda, hosts: 'gibt-es-nicht', capacity: 'viele', title: 'Mein <b>Titel</b>' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Das Ende muss nach dem Beginn liegen.');
    expect(response.body).toContain('Der Ablauf hat 500 Punkte');
    expect(response.body).toContain('Nicht im Verzeichnis gefunden: gibt-es-nicht');
    expect(response.body).toContain('Bitte eine ganze Zahl von 1 bis 100000.');
    expect(response.body).toContain('value="Mein &lt;b>Titel&lt;/b>"');
    expect(response.body).not.toContain('<b>Titel');
    expect(response.body).toContain('Punkt 499');
  });

  it('members cannot plan; an editor named by a coordinator may edit and publish that format only', async () => {
    const editor = await createUser(t);
    expect((await get('/formate/neu', editor)).statusCode).toBe(403);
    const host = await createActor(t, { name: 'Gutshof Prädikow', sector: 'civil_society' });
    const draft = await createTestFormat(t, coordinator, { draft: true, editors: editor.email, hosts: host.slug });
    const other = await createTestFormat(t, coordinator, { draft: true });
    expect((await get(`/formate/${draft.slug}/bearbeiten`, editor)).statusCode).toBe(200);
    expect((await get(`/formate/${other.slug}`, editor)).statusCode).toBe(404);
    const saved = await submit(t.app, { page: `/formate/${draft.slug}/bearbeiten`, session: editor.session, fields: { kind: 'impulslabor', title: 'Impulslabor Kunst', startsAt: '2030-05-01T10:00', endsAt: '2030-05-01T17:00', mode: 'digital', onlineLink: 'https://meet.example.org/impuls', hosts: host.slug } });
    expect(saved.statusCode).toBe(303);
    const detail = await getFormat(t.ctx(editor.current), draft.id);
    expect(detail).toMatchObject({ kind: 'impulslabor', title: 'Impulslabor Kunst', mode: 'digital', hosts: [{ slug: host.slug, name: 'Gutshof Prädikow' }] });
    // The editor field is the coordinators' own: an editor's save keeps the editors.
    expect((await get(`/formate/${draft.slug}/bearbeiten`, coordinator)).body).toContain(editor.email);
  });

  it('the online link is shown only to registered participants and those who run the format', async () => {
    const format = await createTestFormat(t, coordinator, { mode: 'digital', venue: '', onlineLink: 'https://meet.example.org/geheim' });
    const member = await createUser(t);
    expect((await get(`/formate/${format.slug}`)).body).not.toContain('meet.example.org/geheim');
    expect((await get(`/formate/${format.slug}`, member)).body).not.toContain('meet.example.org/geheim');
    expect((await api(null, { method: 'GET', url: `/api/v1/formats/${format.slug}` })).json().onlineLink).toBeNull();
    await submit(t.app, { page: `/formate/${format.slug}`, action: `/formate/${format.slug}/anmelden`, session: member.session, fields: { actor: '', sector: 'welfare' } });
    expect((await get(`/formate/${format.slug}`, member)).body).toContain('meet.example.org/geheim');
  });

  it('cancelling mails everyone registered and waiting, raises SEQUENCE, and refuses new registrations', async () => {
    const format = await createTestFormat(t, coordinator, { capacity: 1 });
    const [a, b] = [await createUser(t), await createUser(t)];
    for (const person of [a, b]) await submit(t.app, { page: `/formate/${format.slug}`, action: `/formate/${format.slug}/anmelden`, session: person.session, fields: { sector: 'other' } });
    const cancelled = await submit(t.app, { page: `/formate/${format.slug}`, action: `/formate/${format.slug}/absagen`, session: coordinator.session, fields: { reason: 'Krankheit im Team.' } });
    expect(cancelled.statusCode).toBe(303);
    for (const person of [a, b]) expect((await mailsTo(t, person.email)).at(-1)?.text).toContain('Krankheit im Team.');
    const detail = await getFormat(t.ctx(null), format.id);
    expect(detail.status).toBe('cancelled');
    expect(detail.sequence).toBe(1);
    const late = await api(null, { method: 'POST', url: `/api/v1/formats/${format.slug}/registrations`, payload: { name: 'Spät', email: uniqueEmail(), sector: 'other' } });
    expect(late.statusCode).toBe(409);
  });
});

describe('what the review found', () => {
  it('a draft is not cancelled (it would become public); only those who run a format learn anything from its form', async () => {
    const draft = await createTestFormat(t, coordinator, { draft: true });
    const refused = await api(coordinator, { method: 'POST', url: `/api/v1/formats/${draft.slug}/cancel`, payload: {} });
    expect(refused.statusCode).toBe(409);
    expect((await get(`/formate/${draft.slug}`)).statusCode).toBe(404);
    const published = await createTestFormat(t, coordinator);
    const member = await createUser(t);
    const probing = await api(member, { method: 'PUT', url: `/api/v1/formats/${published.slug}`, payload: { kind: 'impulslabor', title: 'X', startsAt: '2030-01-01T10:00', endsAt: '2030-01-01T11:00', mode: 'digital', editors: ['gibt-es@example.org', coordinator.email] } });
    expect(probing.statusCode).toBe(403);
    expect(probing.body).not.toContain('gibt-es@example.org');
    const lowShare = await api(coordinator, { method: 'POST', url: '/api/v1/formats', payload: { kind: 'impulslabor', title: 'Mischung', startsAt: '2030-01-01T10:00', endsAt: '2030-01-01T11:00', mode: 'digital', capacity: 60, maxSectorShare: 10 } });
    expect(lowShare.statusCode).toBe(400);
  });

  it('a registered guest finds the online link on the page their mail links to', async () => {
    const format = await createTestFormat(t, coordinator, { mode: 'digital', venue: '', onlineLink: 'https://meet.example.org/gaeste' });
    const email = uniqueEmail('gast-online');
    await api(null, { method: 'POST', url: `/api/v1/formats/${format.slug}/registrations`, payload: { name: 'Gast', email, sector: 'other' } });
    const path = /\/formate\/anmeldung\/\d+\/[\w-]+/.exec((await mailsTo(t, email))[0]!.text)![0];
    expect((await get(path)).body).not.toContain('meet.example.org/gaeste');
    await submit(t.app, { page: path, action: `${path}/bestaetigen`, fields: {} });
    expect((await get(path)).body).toContain('meet.example.org/gaeste');
  });
});

describe('finding formats', () => {
  it('filters by kind, mode, state, action field and month; bad filters are named, not fatal', async () => {
    const tag = `Filtertest ${Date.now()}`;
    await createTestFormat(t, coordinator, { kind: 'impulslabor', title: `${tag} Impuls`, mode: 'hybrid', actionFields: ['inner_city'], startsAt: '2031-03-10T10:00', endsAt: '2031-03-10T16:00', onlineLink: 'https://meet.example.org/x' });
    await createTestFormat(t, coordinator, { kind: 'fachkonferenz', title: `${tag} Konferenz`, startsAt: '2031-04-10T10:00', endsAt: '2031-04-11T16:00' });
    const titles = async (query: string) => {
      const body = (await get(`/formate?${query}`)).body;
      return [`${tag} Impuls`, `${tag} Konferenz`].filter((title) => body.includes(title));
    };
    expect(await titles('art=impulslabor')).toEqual([`${tag} Impuls`]);
    expect(await titles('durchfuehrung=hybrid')).toEqual([`${tag} Impuls`]);
    expect(await titles('handlungsfeld=inner_city')).toEqual([`${tag} Impuls`]);
    expect(await titles('monat=2031-04')).toEqual([`${tag} Konferenz`]);
    expect(await titles('anmeldung=open&monat=2031-03')).toEqual([`${tag} Impuls`]);
    const bad = await get('/formate?art=<script>&monat=April');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).not.toContain('<script>');
    const calendar = await get('/formate/kalender?monat=2031-03');
    expect(calendar.body).toContain(`${tag} Impuls`);
    expect(calendar.body).toContain('<th scope="col" class="kern-table__header">Montag</th>');
    const listed = await api(null, { method: 'GET', url: '/api/v1/formats?month=2031-04&kind=fachkonferenz' });
    expect(listed.json().items.map((i: { title: string }) => i.title)).toContain(`${tag} Konferenz`);
    expect((await api(null, { method: 'GET', url: '/api/v1/formats?kind=nope' })).statusCode).toBe(400);
  });
});

describe('API', () => {
  it('creates, replaces, publishes a format; members register and cancel; guests get 202', async () => {
    const created = await api(coordinator, {
      method: 'POST',
      url: '/api/v1/formats',
      payload: { kind: 'erfahrungsaustausch', title: 'Erfahrungsaustausch API', startsAt: '2030-03-15T09:30', endsAt: '2030-03-15T17:00', mode: 'on_site', venue: 'Projektraum COI', capacity: 40, agenda: [{ time: '09:30', title: 'Ankommen' }] },
    });
    expect(created.statusCode).toBe(201);
    const { slug, status } = created.json();
    expect(status).toBe('draft');
    expect((await api(await createUser(t), { method: 'POST', url: `/api/v1/formats/${slug}/publish` })).statusCode).toBe(404);
    expect((await api(coordinator, { method: 'POST', url: `/api/v1/formats/${slug}/publish` })).json().status).toBe('published');
    const badTimes = await api(coordinator, { method: 'PUT', url: `/api/v1/formats/${slug}`, payload: { kind: 'erfahrungsaustausch', title: 'X', startsAt: '2030-03-15T17:00', endsAt: '2030-03-15T09:00', mode: 'on_site', venue: 'Y' } });
    expect(badTimes.statusCode).toBe(400);
    expect(badTimes.json().errors?.endsAt ?? JSON.stringify(badTimes.json())).toContain('Ende');
    const member = await createUser(t);
    const registered = await api(member, { method: 'POST', url: `/api/v1/formats/${slug}/registrations`, payload: { sector: 'municipality' } });
    expect(registered.statusCode).toBe(201);
    expect(registered.json()).toMatchObject({ outcome: 'registered', registration: { status: 'registered' } });
    const mine = await api(member, { method: 'GET', url: '/api/v1/me/registrations' });
    expect(mine.json().items[0].format.slug).toBe(slug);
    expect((await api(member, { method: 'DELETE', url: `/api/v1/me/registrations/${registered.json().registration.id}` })).statusCode).toBe(204);
    expect((await api(await createUser(t), { method: 'DELETE', url: `/api/v1/me/registrations/${registered.json().registration.id}` })).statusCode).toBe(404);
    const guest = await api(null, { method: 'POST', url: `/api/v1/formats/${slug}/registrations`, payload: { name: 'Gast', email: uniqueEmail(), sector: 'welfare' } });
    expect(guest.statusCode).toBe(202);
    expect(guest.json()).toEqual({ outcome: 'confirmation_sent', registration: null });
  });
});
