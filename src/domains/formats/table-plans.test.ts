import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../platform/auth/sessions.js';
import { connectActors, createActor, submit } from '../../../test/support/actors.js';
import { createUser, type TestUser } from '../../../test/support/factories.js';
import { createTestFormat } from '../../../test/support/formats.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { Sector } from '../actors/service.js';
import { registerMember } from './service.js';
import { generateTablePlan, getTablePlan, moveSeat } from './table-plans.js';

let t: TestApp;
let coordinator: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await createUser(t, { role: 'coordinator' });
});
afterAll(async () => t?.close());

const sectors: Sector[] = ['housing_industry', 'municipality', 'welfare', 'civil_society', 'creative_culture', 'other'];

/** 24 people of 24 organisations in six sectors, the first two organisations tied. */
async function event() {
  const format = await createTestFormat(t, coordinator, { capacity: 40 });
  const actors = [];
  for (let i = 0; i < 24; i++) {
    const user = await createUser(t, { name: `Person ${String(i).padStart(2, '0')}` });
    const actor = await createActor(t, { name: `Organisation ${i}`, sector: sectors[i % 6], admin: user });
    await registerMember(t.ctx(user.current), format.id, { actor: actor.slug });
    actors.push(actor);
  }
  await connectActors(t, actors[0]!.id, actors[6]!.id); // same sector anyway
  await connectActors(t, actors[1]!.id, actors[2]!.id);
  return format;
}

describe('table plans', () => {
  it('seats 24 people at 6 tables over 3 rounds: nobody twice, known people apart, at the bound, beating random', async () => {
    const format = await event();
    // Four to a table and six tables: everyone can meet new people in every round (at 4 tables of 6 some must meet twice).
    await generateTablePlan(t.ctx(coordinator.current), format.slug, { rounds: '3', tables: '6' });
    const view = await getTablePlan(t.ctx(coordinator.current), format.slug);
    const plan = view.plan!;
    expect(plan.seats).toHaveLength(3);
    for (const round of plan.seats) expect(round.flat().map((s) => s.id).sort()).toHaveLength(24);
    expect(plan.score.repeatedPairs).toBe(0);
    expect(plan.score.knownPairsMet).toBe(0);
    expect(plan.score.crossSectorShare).toBeCloseTo(plan.bound!.share, 6);
    expect(plan.score.newCrossSectorPairs).toBeGreaterThanOrEqual(plan.baseline!.newCrossSectorPairs);
    expect(plan.outdated).toBe(false);
  });

  it('a hand edit moves a person (swapping when the table is full), is kept when regenerating, and rescored', async () => {
    const format = await event();
    await generateTablePlan(t.ctx(coordinator.current), format.slug, { rounds: '2', tables: '4' });
    const before = (await getTablePlan(t.ctx(coordinator.current), format.slug)).plan!;
    const person = before.seats[1]![0]![0]!;
    await moveSeat(t.ctx(coordinator.current), format.slug, { registration: String(person.id), round: '2', table: '3' });
    const after = (await getTablePlan(t.ctx(coordinator.current), format.slug)).plan!;
    expect(after.seats[1]![2]!.map((s) => s.id)).toContain(person.id);
    expect(after.seats[1]!.map((table) => table.length)).toEqual(before.seats[1]!.map((table) => table.length));
    expect(after.pins).toEqual([{ registrationId: person.id, round: 1, table: 2 }]);
    await generateTablePlan(t.ctx(coordinator.current), format.slug, { rounds: '2', tables: '4' });
    const again = (await getTablePlan(t.ctx(coordinator.current), format.slug)).plan!;
    expect(again.seats[1]![2]!.map((s) => s.id)).toContain(person.id);
    expect(again.score.pinsKept).toBe(true);
    // Someone cancels: hand edits still work, without them.
    const leaving = again.seats[0]![0]!.find((s) => s.id !== person.id)!;
    await t.db.updateTable('registrations').set({ status: 'cancelled' }).where('id', '=', leaving.id).execute();
    const mover = again.seats[0]![1]![0]!;
    await moveSeat(t.ctx(coordinator.current), format.slug, { registration: String(mover.id), round: '1', table: '1' });
    const edited = (await getTablePlan(t.ctx(coordinator.current), format.slug)).plan!;
    expect(edited.seats[0]![0]!.map((s) => s.id)).toContain(mover.id);
    expect(edited.seats.flat(2).map((s) => s.id)).not.toContain(leaving.id);
  });

  it('through the pages: bad numbers keep the form, the plan shows per person, only those who run the format see it', async () => {
    const format = await event();
    const bad = await submit(t.app, { page: `/formate/${format.slug}/tischplan`, session: coordinator.session, fields: { rounds: '99', tables: 'viele' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('value="viele"');
    const made = await submit(t.app, { page: `/formate/${format.slug}/tischplan`, session: coordinator.session, fields: { rounds: '3', tables: '30' } });
    expect(made.statusCode).toBe(400);
    expect(made.body).toContain('Mehr Tische als Angemeldete (24).');
    const ok = await submit(t.app, { page: `/formate/${format.slug}/tischplan`, session: coordinator.session, fields: { rounds: '3', tables: '4' } });
    expect(ok.statusCode).toBe(303);
    const page = await t.app.inject({ url: `/formate/${format.slug}/tischplan/druck`, cookies: { [SESSION_COOKIE]: coordinator.session! } });
    expect(page.body).toContain('Person 00');
    expect(page.body).toMatch(/Tisch \d/);
    const member = await createUser(t);
    expect((await t.app.inject({ url: `/formate/${format.slug}/tischplan`, cookies: { [SESSION_COOKIE]: member.session! } })).statusCode).toBe(403);
  });
});
