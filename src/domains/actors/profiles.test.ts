import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../platform/auth/sessions.js';
import { connectActors, createActor, submit, tagId } from '../../../test/support/actors.js';
import { createUser, type TestUser } from '../../../test/support/factories.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { freeSlug, slugBase } from './slugs.js';
import { createActorProfile } from './service.js';

let t: TestApp;
let member: TestUser;
let outsider: TestUser;
let coordinator: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  member = await createUser(t, { name: 'Mara Mitglied' });
  outsider = await createUser(t, { name: 'Otto Außen' });
  coordinator = await createUser(t, { role: 'coordinator', name: 'Cora Koordination' });
});
afterAll(async () => t?.close());

const get = (url: string, user?: TestUser | null) => t.app.inject({ method: 'GET', url, cookies: user?.session ? { [SESSION_COOKIE]: user.session } : undefined });
const actorRow = (slug: string) => t.db.selectFrom('actors').selectAll().where('slug', '=', slug).executeTakeFirstOrThrow();
const organisation = { kind: 'organisation', sector: 'civil_society', visibility: 'public' };

describe('creating a profile', () => {
  it('an organisation waits for review, its creator is its admin, and only they and coordinators see it', async () => {
    const zwischennutzung = await tagId(t, 'Zwischennutzung');
    const response = await submit(t.app, {
      page: '/akteure/neu',
      session: member.session,
      fields: {
        ...organisation,
        name: 'Quartierswerkstatt Süd',
        actionFields: ['neighbourhood', 'rural'],
        place: 'Mannheim',
        summary: 'Wir bauen Brücken zwischen Nachbarschaft und Verwaltung.',
        description: 'Erster Absatz.\r\n\r\n\r\n\r\nZweiter Absatz\r\nmit Zeilenumbruch.',
        offerIds: [String(zwischennutzung)],
        offerLabels: 'Nachbarschaftscafé, leerstand ,  Nachbarschaftscafé',
        needLabels: 'Fördermittelberatung',
        website: 'https://werkstatt-sued.example.org',
        links: 'https://social.example.org/@werkstatt\n\nhttps://video.example.org/werkstatt',
        contactName: 'Paula Kontakt',
        contactEmail: 'Paula@Example.org',
        contactPhone: '+49 621 123-45',
      },
    });
    expect(response.statusCode, response.body.slice(0, 500)).toBe(303);
    expect(response.headers.location).toBe('/akteure/quartierswerkstatt-sued?hinweis=angelegt');
    const row = await actorRow('quartierswerkstatt-sued');
    expect(row).toMatchObject({ status: 'pending', kind: 'organisation', created_by: member.id, state_code: 'BW', action_fields: ['neighbourhood', 'rural'], contact_email: 'paula@example.org' });
    expect(row.latitude).toBeCloseTo(49.49, 1);
    expect(row.description).toBe('Erster Absatz.\n\nZweiter Absatz\nmit Zeilenumbruch.');
    expect(row.links).toEqual(['https://social.example.org/@werkstatt', 'https://video.example.org/werkstatt']);
    // "leerstand" is the curated term "Leerstand"; the repeated free tag counts once.
    const leerstand = await tagId(t, 'Leerstand');
    const cafe = await tagId(t, 'Nachbarschaftscafé');
    expect(row.offer_ids).toEqual([zwischennutzung, cafe, leerstand]);
    expect(row.need_ids).toEqual([await tagId(t, 'Fördermittelberatung')]);
    const members = await t.db.selectFrom('actor_members').selectAll().where('actor_id', '=', row.id).execute();
    expect(members).toMatchObject([{ user_id: member.id, role: 'admin', status: 'active' }]);

    const own = await get('/akteure/quartierswerkstatt-sued?hinweis=angelegt', member);
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain('Das Profil ist angelegt.');
    expect(own.body).toContain('wartet auf die Freigabe durch die Koordination');
    for (const viewer of [null, outsider]) expect((await get('/akteure/quartierswerkstatt-sued', viewer)).statusCode).toBe(404);
    expect((await get('/en/akteure/quartierswerkstatt-sued', coordinator)).statusCode).toBe(200);
    const api = await t.app.inject({ url: '/api/v1/actors/quartierswerkstatt-sued' });
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toContain('application/problem+json');
  });

  it('a person’s own profile is approved at once, one per account', async () => {
    const person = await createUser(t, { name: 'Ida Einzeln' });
    const first = await submit(t.app, { page: '/akteure/neu', session: person.session, fields: { kind: 'person', name: 'Ida Einzeln', sector: 'creative_culture', visibility: 'public' } });
    expect(first.statusCode).toBe(303);
    expect(await actorRow('ida-einzeln')).toMatchObject({ status: 'approved', kind: 'person' });
    expect((await get('/akteure/ida-einzeln')).statusCode).toBe(200);
    const second = await submit(t.app, { page: '/akteure/neu', session: person.session, fields: { kind: 'person', name: 'Ida noch einmal', sector: 'other', visibility: 'public' } });
    expect(second.statusCode).toBe(400);
    expect(second.body).toContain('Sie haben bereits ein Profil als Einzelperson.');
    expect(second.body).toContain('value="Ida noch einmal"');
    expect(await t.db.selectFrom('actors').select('id').where('name', '=', 'Ida noch einmal').execute()).toEqual([]);
  });

  it('slugs: German transliteration, never a reserved word or only digits, -2 and -3 for the same name', async () => {
    expect(slugBase('Bürgerverein Groß-Äpfelstraße & Co.')).toBe('buergerverein-gross-aepfelstrasse-und-co');
    expect(slugBase('2025')).toBe('akteur-2025');
    expect(slugBase('!!!')).toBe('akteur');
    expect(await freeSlug(t.db, 'Karte')).toBe('karte-2');
    const ctx = t.ctx(coordinator.current);
    const input = { kind: 'organisation', name: 'Stadtteilbüro Ost', sector: 'municipality' };
    const slugs = [];
    for (let i = 0; i < 3; i++) slugs.push((await createActorProfile(ctx, input)).slug);
    expect(slugs).toEqual(['stadtteilbuero-ost', 'stadtteilbuero-ost-2', 'stadtteilbuero-ost-3']);
  });

  it('an ambiguous place offers the candidates; the chosen one is saved with its state and coordinates', async () => {
    const fields = { ...organisation, name: 'Neustädter Runde', sector: 'welfare', place: 'Neustadt' };
    const ambiguous = await submit(t.app, { page: '/akteure/neu', session: member.session, fields });
    expect(ambiguous.statusCode).toBe(400);
    expect(ambiguous.body).toContain('Diesen Ortsnamen gibt es mehrmals.');
    expect(ambiguous.body).toContain('value="Neustädter Runde"');
    const candidates = [...ambiguous.body.matchAll(/type="radio" id="[^"]+" name="placeId" value="(\d+)"/g)].map((m) => m[1]);
    expect(candidates.length).toBeGreaterThan(1);
    const chosen = await submit(t.app, { page: '/akteure/neu', session: member.session, fields: { ...fields, placeId: candidates[1]! } });
    expect(chosen.statusCode).toBe(303);
    const row = await actorRow('neustaedter-runde');
    expect(row.place_id).toBe(Number(candidates[1]));
    expect(row.state_code).toMatch(/^[A-Z]{2}$/);
    expect(row.latitude).not.toBeNull();
  });
});

describe('the profile page', () => {
  it('shows the profile; links carry rel="nofollow noopener"; the contact person only for those connected with it (double opt-in); members for members', async () => {
    const admin = await createUser(t, { name: 'Anna Verwaltung' });
    const actor = await createActor(t, {
      name: 'Kulturhaus Nord',
      summary: 'Kultur für alle im Quartier.',
      description: 'Absatz eins.\n\nAbsatz zwei.',
      website: 'https://kulturhaus-nord.example.org',
      links: ['https://social.example.org/@kulturhaus'],
      offers: ['Kulturarbeit', 'Probebühne'],
      needs: ['Fördermittelberatung'],
      contact: { name: 'Kim Kontakt', email: 'kim@example.org', phone: '+49 30 1234' },
      admin,
    });
    const anonymous = await get(`/akteure/${actor.slug}`);
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.body).toContain('<h1 class="kern-heading-large">Kulturhaus Nord</h1>');
    expect(anonymous.body).toContain('<p class="kern-body qn-pre-line">Absatz zwei.</p>');
    expect(anonymous.body).toContain('href="https://kulturhaus-nord.example.org" rel="nofollow noopener noreferrer"');
    expect(anonymous.body).toContain('href="https://social.example.org/@kulturhaus" rel="nofollow noopener noreferrer"');
    expect(anonymous.body).toContain('Kulturarbeit');
    expect(anonymous.body).toContain('Probebühne');
    expect(anonymous.body).not.toContain('kim@example.org');
    expect(anonymous.body).toContain('Die Kontaktdaten sehen Mitglieder des Netzwerks, die mit diesem Akteur verbunden sind.');
    expect(anonymous.body).not.toContain('Anna Verwaltung');

    const english = await get(`/en/akteure/${actor.slug}`);
    expect(english.body).toContain('Cultural work');

    const signedIn = await get(`/akteure/${actor.slug}`, outsider);
    expect(signedIn.body).not.toContain('kim@example.org');
    expect(signedIn.body).toContain('sobald beide Seiten einer Kontaktanbahnung zugestimmt haben');
    const outsidersOrganisation = await createActor(t, { members: [{ userId: outsider.id }] });
    await connectActors(t, outsidersOrganisation.id, actor.id);
    const connected = await get(`/akteure/${actor.slug}`, outsider);
    expect(connected.body).toContain('href="mailto:kim@example.org"');
    expect(connected.body).toContain('Kim Kontakt');
    expect(connected.body).toContain(`href="/akteure/${actor.slug}/mitglied-werden"`);
    expect(signedIn.body).not.toContain('Anna Verwaltung');
    const own = await get(`/akteure/${actor.slug}`, admin);
    expect(own.body).toContain('Anna Verwaltung (Verwaltung der Organisation)');
    expect(own.body).toContain(`href="/akteure/${actor.slug}/bearbeiten"`);
  });

  it('members-only profiles are 404 for the public; hidden ones for everyone but their people and coordinators', async () => {
    const admin = await createUser(t);
    const membersOnly = await createActor(t, { visibility: 'members' });
    const hidden = await createActor(t, { visibility: 'hidden', admin });
    expect((await get(`/akteure/${membersOnly.slug}`)).statusCode).toBe(404);
    expect((await get(`/akteure/${membersOnly.slug}`, outsider)).statusCode).toBe(200);
    expect((await get(`/akteure/${hidden.slug}`, outsider)).statusCode).toBe(404);
    expect((await get(`/akteure/${hidden.slug}`, admin)).statusCode).toBe(200);
    expect((await get(`/akteure/${hidden.slug}`, coordinator)).statusCode).toBe(200);
    expect((await get('/akteure/gibt-es-nicht', coordinator)).statusCode).toBe(404);
  });
});

describe('editing', () => {
  it('its admins and coordinators edit; another member gets 403 on a visible profile and 404 on a hidden one', async () => {
    const admin = await createUser(t);
    const visible = await createActor(t, { admin, name: 'Bürgerladen West' });
    const hidden = await createActor(t, { admin, visibility: 'hidden' });
    expect((await get(`/akteure/${visible.slug}/bearbeiten`, outsider)).statusCode).toBe(403);
    expect((await get(`/akteure/${hidden.slug}/bearbeiten`, outsider)).statusCode).toBe(404);
    const form = await get(`/akteure/${visible.slug}/bearbeiten`, admin);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="Bürgerladen West"');
    const edited = await submit(t.app, {
      page: `/akteure/${visible.slug}/bearbeiten`,
      session: coordinator.session,
      fields: { name: 'Bürgerladen West-End', sector: 'welfare', visibility: 'members', summary: 'Neu' },
    });
    expect(edited.statusCode).toBe(303);
    expect(edited.headers.location).toBe(`/akteure/${visible.slug}?hinweis=gespeichert`);
    expect(await actorRow(visible.slug)).toMatchObject({ name: 'Bürgerladen West-End', sector: 'welfare', visibility: 'members', summary: 'Neu', status: 'approved' });
    expect((await get(`/akteure/${visible.slug}`)).statusCode).toBe(404);
  });

  it('unticked offers are removed; a rejected profile revised by its admin goes back to review', async () => {
    const admin = await createUser(t);
    const actor = await createActor(t, { admin, status: 'rejected', offers: ['Kulturarbeit'], needs: ['Leerstand'] });
    const form = await get(`/akteure/${actor.slug}/bearbeiten`, admin);
    expect(form.body).toMatch(new RegExp(`name="offerIds" value="${actor.offerIds[0]}" checked`));
    const response = await submit(t.app, { page: `/akteure/${actor.slug}/bearbeiten`, session: admin.session, fields: { name: actor.name, sector: 'civil_society', visibility: 'public' } });
    expect(response.statusCode).toBe(303);
    expect(await actorRow(actor.slug)).toMatchObject({ offer_ids: [], need_ids: [], status: 'pending' });
  });
});

describe('deleting', () => {
  it('asks for confirmation; its admin deletes it with its memberships; others may not', async () => {
    const admin = await createUser(t);
    const actor = await createActor(t, { admin, members: [{ userId: outsider.id }] });
    expect((await get(`/akteure/${actor.slug}/loeschen`, outsider)).statusCode).toBe(403);
    const unconfirmed = await submit(t.app, { page: `/akteure/${actor.slug}/loeschen`, session: admin.session, fields: {} });
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.body).toContain('Bitte bestätigen Sie das Löschen.');
    const deleted = await submit(t.app, { page: `/akteure/${actor.slug}/loeschen`, session: admin.session, fields: { confirm: 'yes' } });
    expect(deleted.statusCode).toBe(303);
    expect(deleted.headers.location).toBe('/konto/organisationen?hinweis=geloescht');
    expect(await t.db.selectFrom('actors').select('id').where('id', '=', actor.id).execute()).toEqual([]);
    expect(await t.db.selectFrom('actor_members').select('user_id').where('actor_id', '=', actor.id).execute()).toEqual([]);
    const audit = await t.db.selectFrom('audit_log').select(['action', 'subject_label']).where('action', '=', 'actor.deleted').execute();
    expect(audit.map((a) => a.subject_label)).toContain(`${actor.name} (/akteure/${actor.slug})`);
  });
});
