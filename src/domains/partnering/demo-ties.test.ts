import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActor } from '../../../test/support/actors.js';
import { createTestApp, TestClock, type TestApp } from '../../../test/support/test-app.js';
import { generateDemoActors, type DemoResult } from '../actors/demo.js';
import { generateDemoTies } from './demo-ties.js';
import { haversineKm } from './scoring.js';

let t: TestApp;
let demo: DemoResult;
const clock = new TestClock(new Date('2026-06-15T10:00:00Z'));
beforeAll(async () => {
  t = await createTestApp({ clock });
  demo = await generateDemoActors(t.ctx(), { count: 300, seed: 11, plantPairs: 20 });
});
afterAll(async () => t?.close());

interface TieRow {
  actor_a: number;
  actor_b: number;
  kind: string;
  origin: string;
  status: string;
  since: string;
}
const ties = async (): Promise<TieRow[]> =>
  (
    await t.db
      .selectFrom('ties')
      .select(['actor_a', 'actor_b', 'kind', 'origin', 'status', (eb) => eb.cast<string>('since', 'text').as('since')])
      .orderBy('actor_a')
      .orderBy('actor_b')
      .orderBy('kind')
      .execute()
  ).map((r) => ({ ...r, actor_a: Number(r.actor_a), actor_b: Number(r.actor_b) }));
const clear = () => t.db.deleteFrom('ties').execute();
const avoid = () => demo.pairs.map((p) => [p.aId, p.bId] as const);

describe('the demo tie generator', () => {
  it('creates the requested number of active ties, each pair once, lower id first, dated in the last five years', async () => {
    await clear();
    const result = await generateDemoTies(t.ctx(), { count: 1500, seed: 3, avoid: avoid() });
    expect(result.created).toBe(1500);
    const rows = await ties();
    expect(rows).toHaveLength(1500);
    for (const row of rows) {
      expect(row.actor_a).not.toBe(row.actor_b);
      expect(row.actor_a).toBeLessThan(row.actor_b);
      expect(row.status).toBe('active');
      expect(row.since <= '2026-06-15' && row.since > '2021-06-14', row.since).toBe(true);
    }
    expect(new Set(rows.map((r) => `${r.actor_a}-${r.actor_b}-${r.kind}`)).size).toBe(rows.length);
    expect(new Set(rows.map((r) => `${r.actor_a}-${r.actor_b}`)).size).toBe(rows.length);
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(['introduction', 'cooperation', 'project_partnership', 'met_at_format']));
    expect(new Set(rows.map((r) => r.origin))).toEqual(new Set(['brokered', 'self_initiated']));
  });

  it('ties the listed actors only and never a planted pair', async () => {
    const rows = await ties();
    const listed = new Set(
      (await t.db.selectFrom('actors').select('id').where('status', '=', 'approved').where('merged_into', 'is', null).execute()).map((r) => Number(r.id)),
    );
    for (const row of rows) expect(listed.has(row.actor_a) && listed.has(row.actor_b)).toBe(true);
    const tied = new Set(rows.map((r) => `${r.actor_a}-${r.actor_b}`));
    expect(demo.pairs).toHaveLength(20);
    for (const pair of demo.pairs) expect(tied.has(`${Math.min(pair.aId, pair.bId)}-${Math.max(pair.aId, pair.bId)}`), `${pair.a} ↔ ${pair.b}`).toBe(false);
  });

  it('ties mostly neighbours of the same sector, some across sectors, and makes hubs', async () => {
    const rows = await ties();
    const actors = new Map(
      (await t.db.selectFrom('actors').select(['id', 'sector', 'latitude', 'longitude']).execute()).map((a) => [Number(a.id), a]),
    );
    const sameSector = rows.filter((r) => actors.get(r.actor_a)!.sector === actors.get(r.actor_b)!.sector).length / rows.length;
    expect(sameSector).toBeGreaterThan(0.5);
    expect(sameSector).toBeLessThan(0.9);
    const km = (x: number, y: number) => {
      const [a, b] = [actors.get(x)!, actors.get(y)!];
      return haversineKm(a.latitude!, a.longitude!, b.latitude!, b.longitude!);
    };
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const ids = [...actors.keys()];
    const random = ids.slice(1).map((id, i) => km(ids[i]!, id));
    expect(median(rows.map((r) => km(r.actor_a, r.actor_b)))).toBeLessThan(median(random) / 2);
    const degree = new Map<number, number>();
    for (const r of rows) for (const id of [r.actor_a, r.actor_b]) degree.set(id, (degree.get(id) ?? 0) + 1);
    const degrees = [...degree.values()].sort((a, b) => a - b);
    const mean = (2 * rows.length) / actors.size;
    expect(degrees.at(-1)!).toBeGreaterThan(3 * mean);
  });

  it('gives the same ties for the same seed and others for another', async () => {
    const first = await ties();
    await clear();
    await generateDemoTies(t.ctx(), { count: 1500, seed: 3, avoid: avoid() });
    expect(await ties()).toEqual(first);
    await clear();
    await generateDemoTies(t.ctx(), { count: 1500, seed: 4, avoid: avoid() });
    const other = await ties();
    expect(other).toHaveLength(1500);
    expect(other).not.toEqual(first);
  });

  it('adds to the ties there are without repeating a pair, and stops when every pair is tied', async () => {
    const before = await ties();
    const result = await generateDemoTies(t.ctx(), { count: 500, seed: 5 });
    expect(result.created).toBe(500);
    const rows = await ties();
    expect(rows).toHaveLength(before.length + 500);
    expect(new Set(rows.map((r) => `${r.actor_a}-${r.actor_b}`)).size).toBe(rows.length);

    const small = await createTestApp({ clock });
    try {
      const few = [];
      for (let i = 0; i < 5; i++) few.push(await createActor(small, { sector: i % 2 === 0 ? 'welfare' : 'municipality', latitude: 52.5 + i / 100, longitude: 13.4 }));
      await createActor(small, { status: 'pending' });
      await createActor(small, { status: 'approved', mergedInto: few[0]!.id });
      const listed = Number(
        (await small.db.selectFrom('actors').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'approved').where('merged_into', 'is', null).executeTakeFirstOrThrow()).n,
      );
      expect(listed).toBeGreaterThanOrEqual(5);
      const full = await generateDemoTies(small.ctx(), { count: 10_000, seed: 1, avoid: [[few[0]!.id, few[1]!.id]] });
      expect(full.created).toBe((listed * (listed - 1)) / 2 - 1); // every pair but the one to avoid
      expect(await generateDemoTies(small.ctx(), { count: 10, seed: 2 })).toMatchObject({ created: 1 });
    } finally {
      await small.close();
    }
  });
});
