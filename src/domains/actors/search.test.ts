import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActor, type TestActor } from '../../../test/support/actors.js';
import { createUser, type TestUser } from '../../../test/support/factories.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { ValidationError } from '../../platform/errors/index.js';
import { searchDirectory, type DirectoryResult } from './search.js';
import type { DirectoryInput } from './search-query.js';

let t: TestApp;
let member: TestUser;
let coordinator: TestUser;
const a = {} as Record<'office' | 'youth' | 'culture' | 'hidden' | 'members' | 'pending' | 'merged', TestActor>;

beforeAll(async () => {
  t = await createTestApp();
  member = await createUser(t, { role: 'member' });
  coordinator = await createUser(t, { role: 'coordinator' });
  const day = (n: number) => new Date(Date.UTC(2025, 0, n));
  a.office = await createActor(t, {
    name: 'Stadtteilbüro Kranichsteiner Quartier',
    sector: 'municipality',
    stateCode: 'HE',
    actionFields: ['neighbourhood'],
    summary: 'Wir beleben das Quartier am Kranichstein.',
    offers: ['Beteiligungsformate'],
    needs: ['Zwischennutzung'],
    createdAt: day(3),
  });
  a.youth = await createActor(t, { name: 'Kranichsteiner Jugendarbeit e. V.', sector: 'welfare', stateCode: 'BW', offers: ['Jugendarbeit'], createdAt: day(5) });
  a.culture = await createActor(t, {
    name: 'Kulturzentrum Kranichstein',
    sector: 'creative_culture',
    stateCode: 'HE',
    actionFields: ['inner_city', 'neighbourhood'],
    description: 'Ein Ort für Kranichsteiner Kulturarbeit.',
    offers: ['Kulturarbeit', 'Räume für Veranstaltungen'],
    needs: ['Zwischennutzung'],
    createdAt: day(1),
  });
  a.hidden = await createActor(t, { name: 'Verborgener Kranichstein-Verein', visibility: 'hidden' });
  a.members = await createActor(t, { name: 'Mitgliederkreis Kranichstein', visibility: 'members' });
  a.pending = await createActor(t, { name: 'Wartender Kranichstein-Verein', status: 'pending' });
  a.merged = await createActor(t, { name: 'Doppelter Kranichstein-Verein', mergedInto: a.office.id });
});
afterAll(async () => t?.close());

const search = (input: DirectoryInput, user: TestUser | null = null) => searchDirectory(t.ctx(user?.current ?? null), input);
const names = (result: DirectoryResult) => result.items.map((i) => i.name);
const count = <T extends { value: unknown; count: number }>(values: T[], value: T['value']) => values.find((v) => v.value === value)?.count ?? 0;

describe('matching', () => {
  it('stems German words: „Quartiere“ finds „Quartier“', async () => {
    expect(names(await search({ q: 'Kranichsteiner Quartiere' }))).toContain('Stadtteilbüro Kranichsteiner Quartier');
  });

  it('finds compounds and prefixes that the stemmer does not split: „Jugend“ → „Jugendarbeit“, „Kultur“ → „Kulturzentrum“', async () => {
    expect(names(await search({ q: 'Jugend Kranichsteiner' }))).toEqual(['Kranichsteiner Jugendarbeit e. V.']);
    expect(names(await search({ q: 'Kultur Kranichstein' }))).toContain('Kulturzentrum Kranichstein');
  });

  it('forgives typos: „Quartir“ and „Kranichstien“', async () => {
    expect(names(await search({ q: 'Quartir Kranichsteiner' }))).toContain('Stadtteilbüro Kranichsteiner Quartier');
    const typo = await search({ q: 'Kranichstien' });
    expect(names(typo)).toContain('Kulturzentrum Kranichstein');
    expect(typo.similarSpellings).toBe(true);
    expect((await search({ q: 'Kranichstein' })).similarSpellings).toBe(false);
  });

  it('searches offers, needs and descriptions, with "or" / „oder“ and excluded words', async () => {
    expect(names(await search({ q: 'Kranichstein Beteiligungsformate' }))).toEqual(['Stadtteilbüro Kranichsteiner Quartier']);
    expect(names(await search({ q: 'Kranichsteiner Kulturarbeit' }))).toEqual(['Kulturzentrum Kranichstein']);
    expect(names(await search({ q: 'Kranichstein Jugendarbeit oder Kranichstein Kulturarbeit', sort: 'name' }))).toEqual(['Kranichsteiner Jugendarbeit e. V.', 'Kulturzentrum Kranichstein']);
    expect(names(await search({ q: 'Kranichstein Zwischennutzung -Kulturzentrum' }))).toEqual(['Stadtteilbüro Kranichsteiner Quartier']);
  });

  it('ranks full-text matches in the name above those in the description, trigram-only matches last', async () => {
    await createActor(t, { name: 'Lindwurmhöhle Zell', createdAt: new Date(Date.UTC(2020, 0, 1)) });
    await createActor(t, { name: 'Brunnenverein Zell', description: 'Wir pflegen den Lindwurm-Brunnen.', createdAt: new Date(Date.UTC(2020, 0, 2)) });
    await createActor(t, { name: 'Lindwurm Zell', createdAt: new Date(Date.UTC(2020, 0, 3)) });
    expect(names(await search({ q: 'Lindwurm' }))).toEqual(['Lindwurm Zell', 'Brunnenverein Zell', 'Lindwurmhöhle Zell']);
  });
});

describe('visibility', () => {
  const all = ['Verborgener Kranichstein-Verein', 'Mitgliederkreis Kranichstein', 'Wartender Kranichstein-Verein', 'Doppelter Kranichstein-Verein'];

  it('lists public, approved, unmerged profiles to the public; never hidden, pending or merged ones', async () => {
    const found = names(await search({ q: 'Kranichstein', pageSize: 100 }));
    expect(found).toContain('Kulturzentrum Kranichstein');
    for (const name of all) expect(found).not.toContain(name);
  });

  it('shows members-only profiles to signed-in members and coordinators, hidden ones to nobody', async () => {
    for (const user of [member, coordinator]) {
      const found = names(await search({ q: 'Kranichstein', pageSize: 100 }, user));
      expect(found).toContain('Mitgliederkreis Kranichstein');
      for (const name of all.filter((n) => n !== 'Mitgliederkreis Kranichstein')) expect(found).not.toContain(name);
    }
  });

  it('counts only what the viewer may see', async () => {
    const anonymous = await search({ q: 'Kranichstein' });
    const signedIn = await search({ q: 'Kranichstein' }, member);
    expect(signedIn.total).toBe(anonymous.total + 1);
  });
});

describe('facets', () => {
  it('counts every facet over the matches', async () => {
    const { facets, total } = await search({ q: 'Kranichstein' });
    expect(total).toBe(3);
    expect(count(facets.sector, 'municipality')).toBe(1);
    expect(count(facets.sector, 'welfare')).toBe(1);
    expect(count(facets.state, 'HE')).toBe(2);
    expect(count(facets.actionField, 'neighbourhood')).toBe(2);
    expect(count(facets.need, a.office.needIds[0]!)).toBe(2);
    expect(facets.need.find((v) => v.value === a.office.needIds[0])?.label).toBe('Zwischennutzung');
  });

  it('is disjunctive: a facet ignores its own selection and respects the others', async () => {
    const result = await search({ q: 'Kranichstein', sector: 'municipality', state: 'HE' });
    expect(names(result)).toEqual(['Stadtteilbüro Kranichsteiner Quartier']);
    // sector counts: all sectors among the HE matches (the sector selection itself is ignored)
    expect(count(result.facets.sector, 'creative_culture')).toBe(1);
    expect(count(result.facets.sector, 'welfare')).toBe(0);
    // state counts: all states among the municipality matches
    expect(count(result.facets.state, 'HE')).toBe(1);
    expect(count(result.facets.state, 'BW')).toBe(0);
    // other facets respect both selections
    expect(count(result.facets.actionField, 'inner_city')).toBe(0);
    expect(result.facets.sector.find((v) => v.value === 'municipality')?.selected).toBe(true);
  });

  it('keeps a selected tag in its facet even when nothing matches it', async () => {
    const result = await search({ q: 'Kranichstein', offer: String(a.youth.offerIds[0]), sector: 'creative_culture' });
    expect(result.total).toBe(0);
    expect(result.facets.offer.find((v) => v.value === a.youth.offerIds[0])).toMatchObject({ selected: true, label: 'Jugendarbeit', count: 0 });
  });
});

describe('order and pages', () => {
  beforeAll(async () => {
    for (let i = 1; i <= 25; i++) await createActor(t, { name: `Seitenverein ${String(i).padStart(2, '0')}`, summary: 'Blätterwald', createdAt: new Date(Date.UTC(2024, 0, i)) });
  });

  it('orders by name, by newest, and by relevance only when there is a search text', async () => {
    expect(names(await search({ q: 'Kranichstein', sort: 'name' }))).toEqual(['Kranichsteiner Jugendarbeit e. V.', 'Kulturzentrum Kranichstein', 'Stadtteilbüro Kranichsteiner Quartier']);
    expect(names(await search({ q: 'Kranichstein', sort: 'newest' }))).toEqual(['Kranichsteiner Jugendarbeit e. V.', 'Stadtteilbüro Kranichsteiner Quartier', 'Kulturzentrum Kranichstein']);
    expect((await search({ q: 'Kranichstein' })).query.sort).toBe('relevance');
    expect((await search({ sort: 'relevance' })).query.sort).toBe('name');
  });

  it('pages by 20 with the total and the number of pages', async () => {
    const first = await search({ q: 'Blätterwald', sort: 'name' });
    expect(first).toMatchObject({ total: 25, pages: 2 });
    expect(names(first)).toHaveLength(20);
    expect(names(first)[0]).toBe('Seitenverein 01');
    const second = await search({ q: 'Blätterwald', sort: 'name', page: '2' });
    expect(names(second)).toEqual(['Seitenverein 21', 'Seitenverein 22', 'Seitenverein 23', 'Seitenverein 24', 'Seitenverein 25']);
    expect(names(await search({ q: 'Blätterwald', sort: 'newest', page: '2' }))[0]).toBe('Seitenverein 05');
    expect(names(await search({ q: 'Blätterwald', page: '3' }))).toEqual([]);
  });

  it('lists everything without a search text, by name', async () => {
    const result = await search({ pageSize: '100' });
    const listed = await t.db
      .selectFrom('actors')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'approved')
      .where('visibility', '=', 'public')
      .where('merged_into', 'is', null)
      .executeTakeFirstOrThrow();
    expect(result.total).toBe(Number(listed.n));
    expect(result.items.length).toBe(Math.min(100, result.total));
  });
});

describe('bad search texts', () => {
  it('refuses 10 kB and control characters with a translated field error', async () => {
    await expect(search({ q: 'Quartier '.repeat(1200) })).rejects.toThrow(ValidationError);
    await expect(searchDirectory(t.ctx(null, 'en'), { q: 'x'.repeat(10_000) })).rejects.toMatchObject({ fields: { q: expect.stringContaining('200') } });
    await expect(search({ q: 'a\u0000b' })).rejects.toThrow(ValidationError);
  });

  it('answers punctuation, stop words and SQL with an empty result, not an error', async () => {
    for (const q of ['?!…', '„“ - – ()', '***', '-', 'der die das', "'; drop table actors; --", '\\', '%_%']) {
      const result = await search({ q });
      expect(result.items.every((i) => i.name !== 'Verborgener Kranichstein-Verein'), q).toBe(true);
      if (!/[a-z]/.test(q)) expect(result).toMatchObject({ total: 0, unsearchable: true });
    }
  });
});
