import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { actorSeed, seedActors, vocabularySeed } from './seed.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const seeded = () => t.db.selectFrom('actors').select(['slug', 'name', 'sector', 'status', 'visibility', 'state_code', 'place_id', 'offer_ids']).where('external_id', 'like', 'seed:%').orderBy('id').execute();

describe('the actor seed', () => {
  it('holds the organisations named in the seed document, approved and public', async () => {
    const rows = await seeded();
    expect(rows.map((r) => r.name)).toEqual(actorSeed.map((a) => a.name));
    expect(rows.map((r) => r.name)).toEqual(expect.arrayContaining(['STADT ALS CAMPUS e.V.', 'Plan Zwei', 'Projektraum COI']));
    expect(rows.every((r) => r.status === 'approved' && r.visibility === 'public')).toBe(true);
    const coi = rows.find((r) => r.name === 'Projektraum COI');
    expect(coi).toMatchObject({ state_code: 'ST' });
    expect(coi?.place_id).not.toBeNull();
    const page = await t.app.inject({ url: `/akteure/${rows[0]!.slug}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Projektträger der Vernetzungsinitiative');
    const coiPage = await t.app.inject({ url: `/akteure/${coi!.slug}` });
    expect(coiPage.body).toContain('Bernburg, Salzlandkreis, Sachsen-Anhalt');
  });

  it('has a curated vocabulary of 20–40 terms, each with an English label', async () => {
    expect(vocabularySeed.length).toBeGreaterThanOrEqual(20);
    expect(vocabularySeed.length).toBeLessThanOrEqual(40);
    const tags = await t.db.selectFrom('tags').select(['label', 'label_en', 'curated']).where('curated', '=', true).execute();
    expect(tags.length).toBe(vocabularySeed.length);
    expect(tags.every((tag) => tag.label_en)).toBe(true);
  });

  it('is idempotent and leaves edited rows alone', async () => {
    const before = await seeded();
    await t.db.updateTable('actors').set({ summary: 'Von der Koordination geändert' }).where('external_id', '=', 'seed:plan-zwei').execute();
    await seedActors(t.ctx());
    const after = await seeded();
    expect(after.map((r) => r.slug)).toEqual(before.map((r) => r.slug));
    expect((await t.db.selectFrom('tags').select('id').where('curated', '=', true).execute()).length).toBe(vocabularySeed.length);
    const planZwei = await t.db.selectFrom('actors').select('summary').where('external_id', '=', 'seed:plan-zwei').executeTakeFirstOrThrow();
    expect(planZwei.summary).toBe('Von der Koordination geändert');
  });
});
