import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../platform/auth/sessions.js';
import { connectActors, createActor, type TestActor } from '../../../test/support/actors.js';
import { createUser, type TestUser } from '../../../test/support/factories.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { restoreFormula } from './csv-columns.js';
import { importActorsCsv } from './import.js';

let t: TestApp;
let member: TestUser;
let coordinator: TestUser;
const tag = `mondglas${Math.random().toString(36).slice(2, 6)}`;
const actors: Record<string, TestActor> = {};
const contact = { name: 'Erika Muster', email: 'erika@example.org', phone: '+49 621 123456' };

beforeAll(async () => {
  t = await createTestApp();
  member = await createUser(t);
  coordinator = await createUser(t, { role: 'coordinator' });
  const place = { placeId: (await t.db.selectFrom('places').select('id').where('municipality_key', '=', '08222000').orderBy('population', 'desc').executeTakeFirstOrThrow()).id };
  actors.public = await createActor(t, { name: `Öffentlich ${tag}`, sector: 'welfare', contact, externalId: `ext-${tag}`, offers: ['Leerstand'], ...place });
  actors.formula = await createActor(t, { name: `=cmd|' /C calc'!A0 ${tag}`, summary: '@SUMME(A1)', expertise: '-2+3', sector: 'civil_society' });
  actors.members = await createActor(t, { name: `Mitglieder ${tag}`, visibility: 'members', contact });
  actors.hidden = await createActor(t, { name: `Verborgen ${tag}`, visibility: 'hidden' });
  actors.pending = await createActor(t, { name: `Wartend ${tag}`, status: 'pending' });
  actors.merged = await createActor(t, { name: `Dublette ${tag}`, mergedInto: actors.public.id });
});
afterAll(async () => t?.close());

const cookies = (user: TestUser | null) => (user ? { [SESSION_COOKIE]: user.session ?? '' } : undefined);

async function download(format: 'csv' | 'json' | 'geojson', user: TestUser | null, extra = '') {
  const response = await t.app.inject({ url: `/api/v1/actors/export?format=${format}&q=${tag}${extra}`, cookies: cookies(user) });
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  return response;
}
const csvRows = (body: string) => parse(body, { delimiter: ';', bom: true, columns: true }) as Record<string, string>[];
/** Names as the import reads them back (a formula's apostrophe taken off). */
const csvNames = (body: string) => csvRows(body).map((r) => restoreFormula(r.Name!));
const namesIn = (names: string[]) => Object.entries(actors).filter(([, a]) => names.includes(a.name)).map(([key]) => key).sort();

describe('exports honour visibility exactly like the directory', () => {
  it('CSV: the public gets public profiles without contact details or external ids', async () => {
    const response = await download('csv', null);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="akteure-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(response.body.startsWith('\uFEFFName;Art;Akteursgruppe;Handlungsfelder;Ort;Gemeindeschlüssel;')).toBe(true);
    const rows = csvRows(response.body);
    expect(namesIn(csvNames(response.body))).toEqual(['formula', 'public']);
    const open = rows.find((r) => r.Name === actors.public!.name)!;
    expect(open).toMatchObject({ Akteursgruppe: 'Wohlfahrtsverband', Ort: 'Mannheim', Gemeindeschlüssel: '08222000', Angebote: 'Leerstand' });
    // Columns the public may not have are left out: importing the file keeps what the profiles hold there.
    expect(Object.keys(open).filter((k) => ['Ansprechperson', 'E-Mail', 'Telefon', 'Externe ID'].includes(k))).toEqual([]);
  });

  it('CSV and JSON: members get members-only profiles, contact details of those connected with them; hidden ones nobody, coordinators neither', async () => {
    const notConnected = csvRows((await download('csv', member)).body);
    expect(notConnected.find((r) => r.Name === actors.members!.name)).toMatchObject({ Ansprechperson: '', 'E-Mail': '', Telefon: '', Sichtbarkeit: 'Nur für Mitglieder' });
    const own = await createActor(t, { admin: member });
    await connectActors(t, own.id, actors.members!.id);
    const memberFile = (await download('csv', member)).body;
    const forMember = csvRows(memberFile);
    expect(namesIn(csvNames(memberFile))).toEqual(['formula', 'members', 'public']);
    expect(forMember.find((r) => r.Name === actors.members!.name)).toMatchObject({ Ansprechperson: 'Erika Muster', 'E-Mail': 'erika@example.org', Telefon: "'+49 621 123456", Sichtbarkeit: 'Nur für Mitglieder' });
    expect(forMember.find((r) => r.Name === actors.public!.name)).toMatchObject({ Ansprechperson: '', 'E-Mail': '' });
    const coordinatorFile = (await download('csv', coordinator)).body;
    const forCoordinator = csvRows(coordinatorFile);
    expect(namesIn(csvNames(coordinatorFile))).toEqual(['formula', 'members', 'public']);
    expect(forCoordinator.find((r) => r.Name === actors.public!.name)!['Externe ID']).toBe(`ext-${tag}`);
    expect(Object.keys(forMember[0]!)).not.toContain('Externe ID');

    const json = async (user: TestUser | null) => (await download('json', user)).json() as { items: { name: string; contact: unknown; externalId: string | null; url: string }[] };
    const publicItems = (await json(null)).items;
    expect(namesIn(publicItems.map((i) => i.name))).toEqual(['formula', 'public']);
    expect(publicItems.every((i) => i.contact === null && i.externalId === null)).toBe(true);
    const memberItems = (await json(member)).items;
    expect(namesIn(memberItems.map((i) => i.name))).toEqual(['formula', 'members', 'public']);
    expect(memberItems.find((i) => i.name === actors.members!.name)!.contact).toEqual(contact);
    expect(memberItems.find((i) => i.name === actors.public!.name)!.contact).toBeNull();
    expect((await json(coordinator)).items.find((i) => i.name === actors.public!.name)!.contact).toEqual(contact);
    expect(namesIn((await json(coordinator)).items.map((i) => i.name))).toEqual(['formula', 'members', 'public']);
  });

  it('GeoJSON: the map’s document, hidden profiles absent for everyone', async () => {
    const response = await download('geojson', coordinator);
    expect(response.headers['content-type']).toMatch(/^application\/geo\+json/);
    const names = (response.json() as { features: { properties: { name: string } }[] }).features.map((f) => f.properties.name);
    expect(names).toContain(actors.public!.name);
    expect(names).not.toContain(actors.hidden!.name);
  });

  it('the export page’s file honours the same filters, an empty select meaning all', async () => {
    const response = await t.app.inject({ url: `/akteure/export/datei?format=csv&q=${tag}&sector=civil_society&state=&offer=` });
    expect(response.statusCode).toBe(200);
    expect(namesIn(csvNames(response.body))).toEqual(['formula']);
    const page = await t.app.inject({ url: `/en/akteure/export?sector=welfare` });
    expect(page.body).toContain('Export actors');
    expect(page.body).toMatch(/value="welfare"[^>]*checked/);
  });
});

describe('CSV formula injection and the round trip', () => {
  it('neutralises cells that start with = + - @ with an apostrophe', async () => {
    const row = csvRows((await download('csv', member)).body).find((r) => r.Name!.includes('cmd'))!;
    expect(row.Name).toBe(`'=cmd|' /C calc'!A0 ${tag}`);
    expect(row.Kurzbeschreibung).toBe("'@SUMME(A1)");
    expect(row.Expertise).toBe("'-2+3");
  });

  it('an export imports again without changing anything', async () => {
    const exported = (await download('csv', coordinator)).rawPayload;
    const report = await importActorsCsv(t.ctx(coordinator.current), exported, { filename: 'export.csv' });
    expect(report).toMatchObject({ outcome: 'imported', problemRows: 0, created: 0, updated: 0, unchanged: 3 });
    const english = (await download('csv', coordinator, '&lang=en')).rawPayload;
    expect(english.toString('utf8')).toContain('name;kind;sector;actionFields;place;municipalityKey;');
    expect(await importActorsCsv(t.ctx(coordinator.current), english, { dryRun: true })).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    // The public's file, without contact details and external ids, matches by name and place and keeps them.
    const open = (await download('csv', null)).rawPayload;
    expect(await importActorsCsv(t.ctx(coordinator.current), open, { dryRun: true })).toMatchObject({ problemRows: 0, created: 0, updated: 0, unchanged: 2 });
  });
});
