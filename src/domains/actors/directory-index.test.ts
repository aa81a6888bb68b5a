import fc from 'fast-check';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActor } from '../../../test/support/actors.js';
import { createUser, type TestUser } from '../../../test/support/factories.js';
import { createTestApp, TestClock, type TestApp } from '../../../test/support/test-app.js';
import { generateDemoActors } from './demo.js';
import { FULL_RELOAD_MS } from './directory-index.js';
import { ACTION_FIELDS, SECTORS, STATES } from './model.js';
import { viewerOf } from './policy.js';
import { directoryFeatures, directoryMatch, runDirectorySearch, type DirectoryResult } from './search.js';
import { matchingActors } from './search-queries.js';
import type { DirectoryQuery } from './search-query.js';
import { readDirectoryQuery } from './search-query.js';

/**
 * The directory index (ADR 0007) counts in memory what PostgreSQL would count: checked here against
 * the SQL that the map and the exports list (matchingActors), for random searches, facets and
 * viewers over a demo network with pending, hidden, members-only and merged actors.
 */

let t: TestApp;
let member: TestUser;
const clock = new TestClock();

beforeAll(async () => {
  t = await createTestApp({ clock });
  member = await createUser(t);
  await generateDemoActors(t.ctx(), { count: 400, seed: 11 });
  await sql`update actors set visibility = 'members' where id % 7 = 0`.execute(t.db);
  await sql`update actors set visibility = 'hidden' where id % 13 = 0`.execute(t.db);
  await sql`update actors set status = 'pending' where id % 11 = 0`.execute(t.db);
  await sql`update actors set merged_into = (select min(id) from actors) where id % 17 = 0 and id > (select min(id) from actors)`.execute(t.db);
}, 120_000);
afterAll(async () => t?.close());

/** How many actors PostgreSQL lists for the query, as the map and the exports do. */
async function sqlCount(ctx: ReturnType<TestApp['ctx']>, query: DirectoryQuery): Promise<number> {
  const spec = await directoryMatch(ctx, query);
  const selects = matchingActors(ctx.db, spec).map((rows) => rows.select('actors.id'));
  const union = selects.length === 2 ? sql`${selects[0]} union all ${selects[1]}` : sql`${selects[0]}`;
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from (${union}) as m`.execute(ctx.db);
  return rows[0]!.n;
}

/** Every facet value shown, counted by PostgreSQL: the query with that value alone selected in its facet. */
async function expectSameCounts(ctx: ReturnType<TestApp['ctx']>, query: DirectoryQuery, result: DirectoryResult) {
  expect(result.total, `total ${JSON.stringify(query)}`).toBe(await sqlCount(ctx, query));
  // The map's features: the same actors, those with coordinates.
  const spec = await directoryMatch(ctx, query);
  const located = matchingActors(ctx.db, spec).map((rows) => rows.where('actors.latitude', 'is not', null).select('actors.id'));
  const union = located.length === 2 ? sql`${located[0]} union all ${located[1]}` : sql`${located[0]}`;
  const expected = (await sql<{ id: number }>`select id from (${union}) as m order by id`.execute(ctx.db)).rows.map((r) => Number(r.id));
  const features = JSON.parse(`[${await directoryFeatures(ctx, query)}]`) as { id: number }[];
  expect(features.map((f) => f.id).sort((a, b) => a - b), `map ${JSON.stringify(query)}`).toEqual(expected);
  const facets = [
    ['sectors', result.facets.sector],
    ['actionFields', result.facets.actionField],
    ['states', result.facets.state],
    ['offers', result.facets.offer],
    ['needs', result.facets.need],
  ] as const;
  for (const [key, values] of facets) {
    for (const { value, count } of values) {
      const alone = { ...query, [key]: [value] };
      expect(count, `${key}=${value} in ${JSON.stringify(query)}`).toBe(await sqlCount(ctx, alone));
    }
  }
}

describe('the directory index counts what PostgreSQL counts', () => {
  it('for random searches, facets and viewers', async () => {
    const tags = (await sql<{ id: number }>`select id from tags order by id`.execute(t.db)).rows.map((r) => Number(r.id));
    const words = ['', 'Quartier', 'Quartiere', 'Leerstand', 'Jugend', 'Kultur oder Jugend', 'Verein -Quartier', 'und', 'Zwischennutzung', 'Quartir', '"Leerstand im Quartier"', 'Kultur-Arbeit'];
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          q: fc.constantFrom(...words),
          sector: fc.subarray([...SECTORS], { maxLength: 2 }),
          actionField: fc.subarray([...ACTION_FIELDS], { maxLength: 2 }),
          state: fc.subarray([...STATES], { maxLength: 3 }),
          offer: fc.subarray(tags, { maxLength: 2 }),
          need: fc.subarray(tags, { maxLength: 1 }),
          signedIn: fc.boolean(),
        }),
        async ({ signedIn, ...input }) => {
          const ctx = t.ctx(signedIn ? member.current : null);
          const query = readDirectoryQuery({ ...input, offer: input.offer.map(String), need: input.need.map(String) }, 'de');
          await expectSameCounts(ctx, query, await runDirectorySearch(ctx, query, { cache: false }));
        },
      ),
      { numRuns: 30, seed: 20261125 },
    );
  }, 120_000);
});

describe('the directory index stays current', () => {
  const search = async (q: string, viewer = t.ctx()) => runDirectorySearch(viewer, readDirectoryQuery({ q }, 'de'), { cache: false });

  it('sees approvals, edits, merges and deletions in the next search', async () => {
    const actor = await createActor(t, { name: 'Kranichwiesen Nachbarschaftsladen', status: 'pending', sector: 'welfare' });
    expect((await search('Kranichwiesen')).total).toBe(0);
    await sql`update actors set status = 'approved' where id = ${actor.id}`.execute(t.db);
    const approved = await search('Kranichwiesen');
    expect(approved.total).toBe(1);
    expect(approved.facets.sector.find((s) => s.value === 'welfare')?.count).toBe(1);
    await sql`update actors set sector = 'municipality', name = 'Kranichwiesen Bürgerbüro' where id = ${actor.id}`.execute(t.db);
    const edited = await search('Bürgerbüro');
    expect(edited.items.map((i) => i.id)).toContain(actor.id);
    expect(edited.facets.sector.find((s) => s.value === 'municipality')?.count).toBeGreaterThanOrEqual(1);
    expect((await search('Nachbarschaftsladen')).items.map((i) => i.id)).not.toContain(actor.id);
    await sql`update actors set visibility = 'members' where id = ${actor.id}`.execute(t.db);
    expect((await search('Kranichwiesen')).total).toBe(0);
    expect((await search('Kranichwiesen', t.ctx(member.current))).total).toBe(1);
    await sql`delete from actors where id = ${actor.id}`.execute(t.db);
    expect((await search('Kranichwiesen', t.ctx(member.current))).total).toBe(0);
  });

  it('sees a transaction that commits after the copy took its snapshot (PostgreSQL server)', async (context) => {
    if (t.kind !== 'postgres') return context.skip(); // PGlite has one connection: nothing commits in between.
    const client = new pg.Client({ connectionString: t.config.databaseUrl! });
    await client.connect();
    try {
      await client.query('begin');
      await client.query(`insert into actors (slug, kind, name, sector, status, visibility, summary)
        values ('spaeter-verein', 'organisation', 'Spätzünder Verein', 'civil_society', 'approved', 'public', 'Kommt spät.')`);
      expect((await search('Spätzünder')).total).toBe(0);
      // The copy's snapshot now has that transaction in progress; it commits after.
      await client.query('commit');
      expect((await search('Spätzünder')).total).toBe(1);
    } finally {
      await client.end();
    }
  });

  it('is built afresh in the background when due, and prunes the change log', async () => {
    await sql`insert into actor_changes (actor_id, changed_at) values (0, now() - interval '2 days')`.execute(t.db);
    await createActor(t, { name: 'Brachflächen Gartenkollektiv' });
    clock.advance(FULL_RELOAD_MS + 1000);
    // Served by the old copy (kept current), while the new one is built.
    expect((await search('Brachflächen')).total).toBe(1);
    await expect.poll(async () => (await sql<{ n: number }>`select count(*)::int as n from actor_changes where actor_id = 0`.execute(t.db)).rows[0]!.n).toBe(0);
    await createActor(t, { name: 'Brachflächen Imkerei' });
    await expect.poll(async () => (await search('Brachflächen')).total).toBe(2);
  });
});

describe('similar spellings', () => {
  it('find every listed actor with the similar word, exactly counted, and none hidden', async () => {
    for (const name of ['Apfelbaumwiese Nord', 'Apfelbaumwiese Süd', 'Verein der Apfelbaumwiese']) await createActor(t, { name });
    await createActor(t, { name: 'Apfelbaumwiese Versteckt', visibility: 'hidden' });
    const result = await runDirectorySearch(t.ctx(), readDirectoryQuery({ q: 'Apfelbaumwiesse' }, 'de'), { cache: false });
    expect(result).toMatchObject({ total: 3, similarSpellings: true, totalIsLowerBound: false });
    expect(result.items.map((i) => i.name).sort()).toEqual(['Apfelbaumwiese Nord', 'Apfelbaumwiese Süd', 'Verein der Apfelbaumwiese']);
  });

  it('are not looked for when the word itself is listed, nor for short words', async () => {
    await createActor(t, { name: 'Apfelbaumwiesse Schreibfehler' });
    const result = await runDirectorySearch(t.ctx(), readDirectoryQuery({ q: 'Apfelbaumwiesse' }, 'de'), { cache: false });
    expect(result).toMatchObject({ total: 1, similarSpellings: false });
    expect((await runDirectorySearch(t.ctx(), readDirectoryQuery({ q: 'Xyz' }, 'de'), { cache: false })).similarSpellings).toBe(false);
  });
});

describe('a search in a transaction', () => {
  it('counts with a copy of its own, which sees its uncommitted writes', async () => {
    const viewer = viewerOf(t.ctx());
    expect(viewer.member).toBe(false);
    await t.db
      .transaction()
      .execute(async (trx) => {
        await createActor(trx, { name: 'Transaktionsgarten Probe' });
        const inside = await runDirectorySearch({ ...t.ctx(), db: trx }, readDirectoryQuery({ q: 'Transaktionsgarten' }, 'de'), { cache: false });
        expect(inside.total).toBe(1);
        throw new Error('roll back');
      })
      .catch((error: Error) => expect(error.message).toBe('roll back'));
    expect((await runDirectorySearch(t.ctx(), readDirectoryQuery({ q: 'Transaktionsgarten' }, 'de'), { cache: false })).total).toBe(0);
  });
});
