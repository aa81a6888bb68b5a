import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActor, type TestActor } from '../../../test/support/actors.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { mapList, mapStateCounts } from './geojson.js';
import { readDirectoryQuery } from './search-query.js';

/**
 * The directory, the map (GeoJSON, counts, list) and the exports answer one query with the same
 * actors: they share the directory's matching (search-queries.ts matchingActors, search.ts
 * directoryMatch), so stemming, compounds, caps and similar spellings cannot drift apart.
 */

let t: TestApp;
const a = {} as Record<'plural' | 'compound' | 'exact' | 'similar' | 'nowhere', TestActor>;
let located: Set<number>;

beforeAll(async () => {
  t = await createTestApp();
  const at = { latitude: 51.05, longitude: 13.74, stateCode: 'SN' as const };
  a.plural = await createActor(t, { name: 'Pappelhainer Stadtteilverein', ...at });
  a.compound = await createActor(t, { name: 'Pappelhainer Jugendwerkstatt', ...at, sector: 'welfare' });
  a.exact = await createActor(t, { name: 'Kastanienhof Pappelhain', ...at });
  // A similar spelling of „Kastanienhof“: found only when the word itself finds nothing.
  a.similar = await createActor(t, { name: 'Kastanienhaf Lindenau', ...at });
  a.nowhere = await createActor(t, { name: 'Pappelhainer Jugendwerkstätten ohne Ort' });
  located = new Set((await sql<{ id: number }>`select id from actors where latitude is not null`.execute(t.db)).rows.map((r) => Number(r.id)));
});
afterAll(async () => t?.close());

const get = async (url: string) => {
  const response = await t.app.inject({ url });
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  return response.json();
};
const sorted = (ids: number[]) => [...ids].sort((x, y) => x - y);

/** The ids each listing answers for one query string. */
async function listings(search: string) {
  const directory = (await get(`/api/v1/actors?${search}&pageSize=100`)) as { items: { id: number }[]; total: number };
  const geojson = (await get(`/api/v1/actors.geojson?${search}`)) as { features: { id: number }[] };
  const exported = (await get(`/api/v1/actors/export?format=json&${search}`)) as { items: { id: number }[] };
  const query = readDirectoryQuery(Object.fromEntries(new URLSearchParams(search)), 'de');
  const list = await mapList(t.ctx(), query, 200);
  const slugs = new Set(list.groups.flatMap((g) => g.actors.map((actor) => actor.slug)));
  const bySlug = (await sql<{ id: number; slug: string }>`select id, slug from actors`.execute(t.db)).rows;
  expect(directory.total).toBe(directory.items.length);
  return {
    directory: sorted(directory.items.map((i) => i.id)),
    map: sorted(geojson.features.map((f) => f.id)),
    list: sorted(bySlug.filter((r) => slugs.has(r.slug)).map((r) => Number(r.id))),
    mapTotal: (await mapStateCounts(t.ctx(), query)).total,
    exported: sorted(exported.items.map((i) => i.id)),
  };
}

async function expectSameMatches(search: string, expected: TestActor[], absent: TestActor[] = []) {
  const found = await listings(search);
  const onMap = found.directory.filter((id) => located.has(id));
  expect(found.exported, `export ${search}`).toEqual(found.directory);
  expect(found.map, `GeoJSON ${search}`).toEqual(onMap);
  expect(found.list, `list ${search}`).toEqual(onMap);
  expect(found.mapTotal, `map count ${search}`).toBe(onMap.length);
  for (const actor of expected) expect(found.directory, `${actor.name} for ${search}`).toContain(actor.id);
  for (const actor of absent) expect(found.directory, `${actor.name} for ${search}`).not.toContain(actor.id);
  return found;
}

describe('the map, its list and the exports list what the directory finds', () => {
  it('a stemmed word: „Stadtteilvereine“ → „Stadtteilverein“', async () => {
    await expectSameMatches(`q=${encodeURIComponent('Stadtteilvereine')}`, [a.plural]);
  });

  it('a prefix inside a compound: „Jugendwerk“ → „Jugendwerkstatt“ (and the actor without a place only where there is no map)', async () => {
    const found = await expectSameMatches('q=Jugendwerk', [a.compound, a.nowhere]);
    expect(found.map).not.toContain(a.nowhere.id);
  });

  it('a typo, through the similar-spellings pass: „Kastanienhoff“ → „Kastanienhof“', async () => {
    await expectSameMatches('q=Kastanienhoff', [a.exact]);
  });

  it('similar spellings only when the word itself found nothing, on the map too', async () => {
    await expectSameMatches('q=Kastanienhof', [a.exact], [a.similar]);
  });

  it('a search text with facets, and facets alone', async () => {
    await expectSameMatches('q=Pappelhainer&sector=welfare', [a.compound], [a.plural]);
    await expectSameMatches('state=SN', [a.plural, a.compound, a.exact, a.similar]);
  });
});
