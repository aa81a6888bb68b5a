import iconv from 'iconv-lite';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActor } from '../../../test/support/actors.js';
import { createUser, type TestUser } from '../../../test/support/factories.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { IMPORT_LIMITS, importActorsCsv, type ImportReport } from './import.js';
import { ImportFileError } from './import-rows.js';

let t: TestApp;
let coordinator: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  coordinator = await createUser(t, { role: 'coordinator' });
});
afterAll(async () => t?.close());

const csv = (...lines: string[]) => Buffer.from(lines.join('\r\n') + '\r\n', 'utf8');
const run = (bytes: Buffer, options: Parameters<typeof importActorsCsv>[2] = {}) => importActorsCsv(t.ctx(coordinator.current), bytes, { filename: 'test.csv', ...options });
const unique = () => Math.random().toString(36).slice(2, 8);
const actorsNamed = (pattern: string) =>
  t.db.selectFrom('actors').select(['id', 'name', 'sector', 'status', 'visibility', 'place_id', 'external_id', 'description', 'offer_ids', 'created_by']).where('name', 'like', pattern).orderBy('id').execute();
const problemsOf = (report: ImportReport) => report.problems.map((p) => [p.line, p.column, p.message]);
const fileError = async (promise: Promise<unknown>) => {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ImportFileError);
  return (error as ImportFileError).fields!.file!;
};

describe('importActorsCsv: encodings and format', () => {
  it('imports UTF-8 with a byte order mark, reports the encoding, and approves new profiles', async () => {
    const tag = unique();
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), csv('Name;Akteursgruppe;Ort', `BOM-Verein ${tag};Zivilgesellschaft;Mannheim`)]);
    const report = await run(bytes);
    expect(report).toMatchObject({ outcome: 'imported', encoding: 'utf-8-bom', delimiter: ';', rows: 1, created: 1, updated: 0, problemRows: 0 });
    const [actor] = await actorsNamed(`BOM-Verein ${tag}`);
    expect(actor).toMatchObject({ sector: 'civil_society', status: 'approved', visibility: 'public', created_by: coordinator.id });
    expect(actor!.place_id).not.toBeNull();
  });

  it('imports a Windows-1252 (Latin-1) file from Excel with its umlauts, the € and German quotes', async () => {
    const name = `Bürgerstiftung „Grün“ € ${unique()}`;
    const bytes = iconv.encode(['Name;Akteursgruppe;Beschreibung', `${name};welfare;Größe: über 100 Mitglieder`].join('\r\n'), 'win1252');
    const report = await run(bytes);
    expect(report).toMatchObject({ outcome: 'imported', encoding: 'windows-1252', created: 1 });
    const [actor] = await actorsNamed(name);
    expect(actor).toMatchObject({ name, description: 'Größe: über 100 Mitglieder' });
  });

  it('reads commas, English code names and labels, lists separated by |', async () => {
    const name = `Kreativquartier ${unique()}`;
    const report = await run(csv('name,sector,actionFields,offers,visibility', `${name},Creative economy and culture,inner_city|Ländliche Räume,Zwischennutzung|Eigenes Schlagwort ${name},Members only`));
    expect(report).toMatchObject({ outcome: 'imported', delimiter: ',', created: 1 });
    const row = await t.db.selectFrom('actors').select(['sector', 'action_fields', 'visibility', 'offer_ids']).where('name', '=', name).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ sector: 'creative_culture', action_fields: ['inner_city', 'rural'], visibility: 'members' });
    expect(row.offer_ids).toHaveLength(2);
  });

  it('refuses a file without the required columns, naming them', async () => {
    expect(await fileError(run(csv('Titel;Ort', 'A;Mannheim')))).toMatch(/„Name“, „Akteursgruppe“/);
    expect(await fileError(run(csv('Name;Ort', 'A;Mannheim')))).toMatch(/„Akteursgruppe“/);
  });

  it('refuses 50,000 rows, an empty file and a broken quote with a clear message, before writing anything', async () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => `Verein ${i};welfare`);
    const started = performance.now();
    expect(await fileError(run(csv('Name;Akteursgruppe', ...rows), { dryRun: true }))).toMatch(/mehr als 20\.000 Datenzeilen/);
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(await fileError(run(csv('Name;Akteursgruppe')))).toMatch(/keine Datenzeilen/);
    expect(await fileError(run(csv('Name;Akteursgruppe', 'A;welfare', '"B;welfare')))).toMatch(/Anführungszeichen/);
    expect(await fileError(run(Buffer.alloc(IMPORT_LIMITS.maxBytes + 1, 0x41)))).toMatch(/größer als 20 MB/);
  });
});

describe('importActorsCsv: row problems', () => {
  it('reports every row’s problem with its line and column, and writes nothing', async () => {
    const tag = unique();
    const before = await actorsNamed(`%${tag}%`);
    const report = await run(
      csv(
        'Name;Akteursgruppe;Website;E-Mail;Ort;Handlungsfelder',
        `Gut ${tag};welfare;https://gut.example.org;;;`,
        `Falsch ${tag};Wohlfahrt;;;;`,
        `Link ${tag};welfare;javascript:alert(1);keine-adresse;;`,
        `Ort ${tag};welfare;;;Neustadt;`,
        `Feld ${tag};welfare;;;;Dörfer`,
        `;welfare;;;;`,
      ),
    );
    expect(report.outcome).toBe('rejected');
    expect(report.problemRows).toBe(5);
    const problems = problemsOf(report);
    expect(problems).toContainEqual([3, 'Akteursgruppe', expect.stringMatching(/Unbekannte Akteursgruppe „Wohlfahrt“.*welfare/)]);
    expect(problems).toContainEqual([4, 'Website', expect.stringMatching(/Webadresse/)]);
    expect(problems).toContainEqual([4, 'E-Mail', expect.any(String)]);
    expect(problems).toContainEqual([5, 'Ort', expect.stringMatching(/„Neustadt“ gibt es mehrmals: Neustadt \(.*\d{8}\)/)]);
    expect(problems).toContainEqual([6, 'Handlungsfelder', expect.stringMatching(/Unbekanntes Handlungsfeld „Dörfer“/)]);
    expect(problems).toContainEqual([7, 'Name', expect.any(String)]);
    expect(await actorsNamed(`%${tag}%`)).toEqual(before);
  });

  it('finds duplicate rows within the file: the same external id, or the same name at the same place', async () => {
    const tag = unique();
    const report = await run(
      csv(
        'Name;Akteursgruppe;Ort;Externe ID',
        `Doppel ${tag};welfare;Mannheim;`,
        `Doppel ${tag};welfare;68159;`,
        `Doppel ${tag};welfare;Berlin;`,
        `Eins ${tag};welfare;;X-${tag}`,
        `Zwei ${tag};welfare;;X-${tag}`,
      ),
      { dryRun: true },
    );
    expect(problemsOf(report)).toEqual([
      [3, null, expect.stringMatching(/Wiederholt Zeile 2/)],
      [6, 'Externe ID', expect.stringMatching(/Wiederholt Zeile 5/)],
    ]);
    expect(report).toMatchObject({ outcome: 'checked', created: 3, problemRows: 2 });
  });

  it('keeps script and markup in every text field as text (escaped where shown)', async () => {
    const script = '<script>alert(1)</script>';
    const name = `${script} Verein ${unique()}`;
    const fields = ['Kurzbeschreibung', 'Beschreibung', 'Expertise', 'Ansprechperson', 'Angebote', 'Bedarfe'];
    const report = await run(csv(`Name;Akteursgruppe;${fields.join(';')}`, `${name};welfare;${fields.map((f) => `${script} ${f}`).join(';')}`));
    expect(report).toMatchObject({ outcome: 'imported', created: 1 });
    const row = await t.db.selectFrom('actors').select(['slug', 'summary', 'description', 'expertise', 'contact_name']).where('name', '=', name).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ summary: `${script} Kurzbeschreibung`, description: `${script} Beschreibung`, contact_name: `${script} Ansprechperson` });
    const page = await t.app.inject({ url: `/akteure/${row.slug}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('<script>alert(1)');
    expect(page.body).toContain('&lt;script>alert(1)&lt;/script> Beschreibung');
  });

  it('refuses profiles for a member: importing is for coordinators', async () => {
    const member = await createUser(t);
    await expect(importActorsCsv(t.ctx(member.current), csv('Name;Akteursgruppe', 'A;welfare'), { dryRun: true })).rejects.toMatchObject({ code: 'auth.forbidden' });
  });
});

describe('importActorsCsv: idempotence and atomicity', () => {
  it('re-importing the same file changes nothing; a changed row updates its profile, matched by external id or name and place', async () => {
    const tag = unique();
    const file = csv(
      'Name;Akteursgruppe;Ort;Gemeindeschlüssel;Angebote;Externe ID',
      `Quartiersbüro ${tag};municipality;Mannheim;08222000;Leerstand;Q-${tag}`,
      `Nachbarschaftstreff ${tag};civil_society;68159;;Zwischennutzung|Neues Wort ${tag};`,
    );
    expect(await run(file)).toMatchObject({ outcome: 'imported', created: 2, updated: 0, unchanged: 0, createdTags: 1 });
    const first = await actorsNamed(`%${tag}`);
    expect(await run(file)).toMatchObject({ outcome: 'imported', created: 0, updated: 0, unchanged: 2, createdTags: 0 });
    expect(await actorsNamed(`%${tag}`)).toEqual(first);

    const changed = csv(
      'Name;Akteursgruppe;Ort;Gemeindeschlüssel;Angebote;Externe ID',
      `Quartiersbüro Neu ${tag};municipality;Mannheim;08222000;Leerstand;Q-${tag}`,
      `Nachbarschaftstreff ${tag};welfare;68159;;Zwischennutzung|Neues Wort ${tag};`,
    );
    expect(await run(changed)).toMatchObject({ created: 0, updated: 2, unchanged: 0 });
    const after = await actorsNamed(`%${tag}`);
    expect(after.map((a) => a.id)).toEqual(first.map((a) => a.id));
    expect(after.map((a) => [a.name, a.sector])).toEqual([
      [`Quartiersbüro Neu ${tag}`, 'municipality'],
      [`Nachbarschaftstreff ${tag}`, 'welfare'],
    ]);
    const audit = await t.db.selectFrom('audit_log').select(['details', 'actor_user_id']).where('action', '=', 'actor.imported').execute();
    expect(audit.length).toBeGreaterThanOrEqual(3);
    expect(audit.every((a) => a.actor_user_id === coordinator.id)).toBe(true);
  });

  it('an import that fails in the middle changes nothing: no new profile, no keyword, no update', async () => {
    const tag = unique();
    const updated = await createActor(t, { name: `Bestand ${tag}`, sector: 'welfare' });
    const failing = await createActor(t, { name: `Altname ${tag}`, sector: 'welfare', externalId: `E-${tag}` });
    // A failure the checks cannot see: the database refuses the last update, after every insert
    // and the first update have been written (one row per statement).
    await sql`create or replace function refuse_explosive() returns trigger language plpgsql as $$
      begin if new.name like 'Sprengsatz%' then raise exception 'refused'; end if; return new; end $$`.execute(t.db);
    await sql`create trigger refuse_explosive before update on actors for each row execute function refuse_explosive()`.execute(t.db);
    const count = async (table: 'actors' | 'tags') => (await t.db.selectFrom(table).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
    try {
      const [actors, tags] = [await count('actors'), await count('tags')];
      const file = csv(
        'Name;Akteursgruppe;Angebote;Externe ID',
        `Bestand ${tag};municipality;;`,
        ...Array.from({ length: 5 }, (_, i) => `Neu ${i} ${tag};welfare;Wort ${i} ${tag};`),
        `Sprengsatz ${tag};welfare;;E-${tag}`,
      );
      await expect(run(file, { batchSize: 1, filename: `fail-${tag}.csv` })).rejects.toThrow(/refused/);
      expect([await count('actors'), await count('tags')]).toEqual([actors, tags]);
      const rows = await t.db.selectFrom('actors').select(['id', 'name', 'sector']).where('id', 'in', [updated.id, failing.id]).orderBy('id').execute();
      expect(rows).toEqual([
        { id: updated.id, name: `Bestand ${tag}`, sector: 'welfare' },
        { id: failing.id, name: `Altname ${tag}`, sector: 'welfare' },
      ]);
      expect(await t.db.selectFrom('audit_log').select('id').where('subject_label', '=', `fail-${tag}.csv`).execute()).toEqual([]);
    } finally {
      await sql`drop trigger refuse_explosive on actors`.execute(t.db);
    }
  });
});

describe('importActorsCsv: after a large import', () => {
  it('refreshes the planner statistics in a background job, not while the import waits', async () => {
    const tag = unique();
    const file = csv('Name;Akteursgruppe', ...Array.from({ length: 1000 }, (_, i) => `Großimport ${i} ${tag};civil_society`));
    const jobs = () => t.db.selectFrom('jobs').select(['id', 'done_at', 'last_error']).where('name', '=', 'actors.analyze').execute();
    const before = (await jobs()).length;
    expect(await run(file)).toMatchObject({ outcome: 'imported', created: 1000 });
    expect((await jobs()).length).toBe(before + 1);
    await t.runJobs();
    const analyzed = await sql<{ n: number }>`select reltuples::int as n from pg_class where relname = 'actors'`.execute(t.db);
    expect(analyzed.rows[0]!.n).toBeGreaterThanOrEqual(1000);
    expect((await jobs()).every((job) => job.done_at !== null && job.last_error === null)).toBe(true);
  });
});
