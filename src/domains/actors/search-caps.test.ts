import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActor } from '../../../test/support/actors.js';
import { createTestApp, TestClock, type TestApp } from '../../../test/support/test-app.js';
import { exportActorsJson } from './export.js';
import { CACHE_FROM, LONG_CACHE_MS, SHORT_CACHE_MS, runDirectorySearch, searchDirectory } from './search.js';
import { FUZZY_CAP, RANK_CAP } from './search-queries.js';
import { readDirectoryQuery } from './search-query.js';

/** A very common word: more matches than the caps and than the cache threshold (ADR 0006). */
const COMMON = Math.max(RANK_CAP, FUZZY_CAP, CACHE_FROM) + 100;
let t: TestApp;
const clock = new TestClock();

beforeAll(async () => {
  t = await createTestApp({ clock });
  // One statement: the search trigger fills the search columns row by row.
  await sql`insert into actors (slug, kind, name, sector, status, visibility, summary, created_at)
    select 'massenverein-' || g, 'organisation', 'Massenverein ' || lpad(g::text, 5, '0'), 'civil_society', 'approved', 'public',
      'Wir gestalten das Stelzenquartier und Holzwurmprojekte.', now() - g * interval '1 minute'
    from generate_series(1, ${sql.lit(COMMON)}) g`.execute(t.db);
  await sql`analyze actors`.execute(t.db);
  await createActor(t, { name: 'Stelzenquartier Vorzeigeverein', summary: 'Der Name zählt beim Ranking am meisten.' });
});
afterAll(async () => t?.close());

describe('a very common word', () => {
  it('counts every full-text match exactly but ranks only the capped candidates, name matches first', async () => {
    const result = await searchDirectory(t.ctx(), { q: 'Stelzenquartier' });
    expect(result.total).toBe(COMMON + 1);
    expect(result.totalIsLowerBound).toBe(false);
    expect(result.relevanceLimited).toBe(true);
    expect(result.pages).toBe(RANK_CAP / 20);
    expect(result.totalIsLowerBound).toBe(false);
    expect(result.items[0]?.name).toBe('Stelzenquartier Vorzeigeverein');
    const beyond = await searchDirectory(t.ctx(), { q: 'Stelzenquartier', page: String(RANK_CAP / 20 + 1) });
    expect(beyond.items).toEqual([]);
  });

  it('offers every match in name and date order', async () => {
    const byName = await searchDirectory(t.ctx(), { q: 'Stelzenquartier', sort: 'name' });
    expect(byName).toMatchObject({ relevanceLimited: false, pages: Math.ceil((COMMON + 1) / 20) });
    const last = await searchDirectory(t.ctx(), { q: 'Stelzenquartier', sort: 'name', page: String(byName.pages) });
    expect(last.items.at(-1)?.name).toBe('Stelzenquartier Vorzeigeverein');
  });

  it('makes the count a lower bound when the trigram part reached its cap', async () => {
    // „Holzwurm“ is only inside the compound „Holzwurmprojekte“: trigram matches only, more than the cap.
    const result = await searchDirectory(t.ctx(), { q: 'Holzwurm' });
    expect(result.totalIsLowerBound).toBe(true);
    expect(result.total).toBeGreaterThan(0);
    expect(result.total).toBeLessThanOrEqual(FUZZY_CAP);
  });

  it('the exports list exactly what the directory counts, across batches and with the trigram cap', async () => {
    for (const q of ['Stelzenquartier', 'Holzwurm']) {
      const query = readDirectoryQuery({ q, sort: 'name' }, 'de');
      const counted = await runDirectorySearch(t.ctx(), query, { cache: false });
      const chunks: string[] = [];
      for await (const chunk of exportActorsJson(t.ctx(), query)) chunks.push(String(chunk));
      const items = (JSON.parse(chunks.join('')) as { items: { name: string }[] }).items;
      expect(items.length, q).toBe(counted.total);
      expect(new Set(items.map((i) => i.name)).size, q).toBe(items.length);
      expect(items.map((i) => i.name.toLowerCase()), q).toEqual(items.map((i) => i.name.toLowerCase()).sort());
    }
  });

  it('keeps a large search for a while: the same counts, new profiles counted after the cache time', async () => {
    const query = readDirectoryQuery({ q: 'Stelzenquartier', sector: 'civil_society' }, 'de');
    const fresh = await runDirectorySearch(t.ctx(), query, { cache: false });
    const cached = await runDirectorySearch(t.ctx(), query);
    expect(cached.total).toBe(fresh.total);
    expect(cached.facets).toEqual(fresh.facets);
    expect(fresh.facets.sector.find((s) => s.value === 'civil_society')?.count).toBe(COMMON + 1);
    expect((await searchDirectory(t.ctx(), { q: 'Vorzeigeverein' })).total).toBe(1);
    await createActor(t, { name: 'Stelzenquartier Vorzeigeverein Nachzügler' });
    expect((await searchDirectory(t.ctx(), { q: 'Vorzeigeverein' })).total).toBe(1);
    expect((await runDirectorySearch(t.ctx(), query)).total).toBe(fresh.total);
    expect((await runDirectorySearch(t.ctx(), query, { cache: false })).total).toBe(fresh.total + 1);
    // A small search is kept a few seconds, a large one a minute.
    clock.advance(SHORT_CACHE_MS + 1);
    expect((await searchDirectory(t.ctx(), { q: 'Vorzeigeverein' })).total).toBe(2);
    expect((await runDirectorySearch(t.ctx(), query)).total).toBe(fresh.total);
    clock.advance(LONG_CACHE_MS);
    expect((await runDirectorySearch(t.ctx(), query)).total).toBe(fresh.total + 1);
  });
});
