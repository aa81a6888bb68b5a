import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { generateDemoActors, type DemoResult } from './demo.js';
import { SECTORS } from './model.js';

let t: TestApp;
let first: DemoResult;
let before: number;
let maxId: number;
beforeAll(async () => {
  t = await createTestApp();
  before = await actorCount();
  maxId = Number((await t.db.selectFrom('actors').select((eb) => eb.fn.max('id').as('m')).executeTakeFirstOrThrow()).m ?? 0);
  first = await generateDemoActors(t.ctx(), { count: 200, seed: 42, plantPairs: 3 });
});
afterAll(async () => t?.close());

async function actorCount() {
  return Number((await t.db.selectFrom('actors').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
}

const demoRows = () =>
  sql<{ slug: string; name: string; sector: string; action_fields: string[]; place_id: number; state_code: string; place_state: string | null; population: number | null; offer_ids: number[]; need_ids: number[]; visibility: string; status: string; search_text: string }>`
    select a.slug, a.name, a.sector, a.action_fields, a.place_id, a.state_code, p.state_code as place_state, p.population, a.offer_ids, a.need_ids, a.visibility, a.status, a.search_text
    from actors a left join places p on p.id = a.place_id where a.id > ${maxId} order by a.id`
    .execute(t.db)
    .then((r) => r.rows);

describe('the demo generator', () => {
  it('adds the requested number of approved actors at real places of the gazetteer', async () => {
    expect(first.created).toBe(200);
    expect(await actorCount()).toBe(before + 200);
    const rows = await demoRows();
    expect(rows.length).toBe(200);
    for (const row of rows) {
      expect(row.place_state, row.name).toBe(row.state_code);
      expect(row.status).toBe('approved');
      expect(row.action_fields.length).toBeGreaterThan(0);
      expect(row.offer_ids.length).toBeGreaterThan(0);
      expect(row.need_ids.length).toBeGreaterThan(0);
      expect(row.offer_ids.filter((id) => row.need_ids.includes(id))).toEqual([]);
    }
    expect(new Set(rows.map((r) => r.slug)).size).toBe(rows.length);
  });

  it('has a plausible mix: every sector, civil society the largest, mostly public, rural fields in villages', async () => {
    const rows = await demoRows();
    const bySector = Object.fromEntries(SECTORS.map((s) => [s, rows.filter((r) => r.sector === s).length]));
    for (const sector of SECTORS) expect(bySector[sector], sector).toBeGreaterThan(0);
    expect(Math.max(...Object.values(bySector))).toBe(bySector.civil_society);
    expect(rows.filter((r) => r.visibility === 'public').length / rows.length).toBeGreaterThan(0.8);
    const villages = rows.filter((r) => (r.population ?? 0) < 5000);
    for (const village of villages) expect(village.action_fields).toContain('rural');
    const cities = rows.filter((r) => (r.population ?? 0) >= 100_000);
    expect(cities.length).toBeGreaterThan(0);
    for (const city of cities) expect(city.action_fields).not.toContain('rural');
  });

  it('writes the words people search for, „Quartier“ often, and uses the curated vocabulary', async () => {
    const rows = await demoRows();
    const share = (word: string) => rows.filter((r) => r.search_text.includes(word)).length / rows.length;
    expect(share('quartier')).toBeGreaterThan(0.15);
    expect(share('jugendarbeit')).toBeGreaterThan(0.03);
    const curated = await t.db.selectFrom('tags').select('id').where('curated', '=', true).execute();
    expect(curated.length).toBeGreaterThanOrEqual(20);
    const curatedIds = new Set(curated.map((c) => c.id));
    const used = rows.flatMap((r) => [...r.offer_ids, ...r.need_ids]);
    expect(used.filter((id) => curatedIds.has(id)).length / used.length).toBeGreaterThan(0.8);
  });

  it('plants complementary pairs across sectors', async () => {
    expect(first.pairs).toHaveLength(3);
    const rows = await demoRows();
    for (const pair of first.pairs) {
      const a = rows.find((r) => r.slug === pair.a)!;
      const b = rows.find((r) => r.slug === pair.b)!;
      expect(a.sector).not.toBe(b.sector);
      expect(a.offer_ids).toEqual(b.need_ids);
      expect(a.need_ids).toEqual(b.offer_ids);
    }
  });

  it('adds new actors with new slugs when run again, with the same content for the same seed', async () => {
    const again = await generateDemoActors(t.ctx(), { count: 20, seed: 42 });
    expect(again.created).toBe(20);
    const rows = await demoRows();
    expect(new Set(rows.map((r) => r.slug)).size).toBe(rows.length);
    expect(rows).toHaveLength(220);
    expect(rows.slice(200).map((r) => r.name)).toEqual(rows.slice(0, 20).map((r) => r.name));
    expect(rows.slice(200).map((r) => r.place_id)).toEqual(rows.slice(0, 20).map((r) => r.place_id));
  });
});
