import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../platform/auth/sessions.js';
import { createActor, submit } from '../../../test/support/actors.js';
import { createUser, type TestUser } from '../../../test/support/factories.js';
import { createTestFormat } from '../../../test/support/formats.js';
import { createTestApp, ShiftedClock, type TestApp } from '../../../test/support/test-app.js';
import { getNetwork } from '../partnering/service.js';
import { listParticipants, setAttendance } from './attendance.js';
import { registerMember } from './service.js';

let t: TestApp;
const clock = new ShiftedClock();
let coordinator: TestUser;

beforeAll(async () => {
  t = await createTestApp({ clock });
  coordinator = await createUser(t, { role: 'coordinator' });
});
afterAll(async () => t?.close());

let shifted = 0;
/** Moves the clock to real time + ms. */
const setOffset = (ms: number) => {
  clock.advance(ms - shifted);
  shifted = ms;
};
const get = (url: string, user?: TestUser | null) => t.app.inject({ method: 'GET', url, cookies: user?.session ? { [SESSION_COOKIE]: user.session } : undefined });

async function member(name: string, sector: 'housing_industry' | 'welfare' | 'creative_culture') {
  const user = await createUser(t, { name });
  const actor = await createActor(t, { name: `${name} e.V.`, sector, admin: user });
  return { user, actor };
}

describe('running a format', () => {
  it('lists participants for those who run it only; CSV neutralises formulas; badges and sign-in sheet print the registered', async () => {
    const format = await createTestFormat(t, coordinator, { capacity: 1 });
    const a = await member('=HYPERLINK("x")', 'welfare');
    const b = await member('Zweite', 'housing_industry');
    await registerMember(t.ctx(a.user.current), format.id, { actor: a.actor.slug });
    await registerMember(t.ctx(b.user.current), format.id, { actor: b.actor.slug });
    expect((await get(`/formate/${format.slug}/teilnehmende`, a.user)).statusCode).toBe(403);
    expect((await get(`/formate/${format.slug}/teilnehmende`)).headers.location).toContain('/anmelden');
    const page = await get(`/formate/${format.slug}/teilnehmende`, coordinator);
    expect(page.body).toContain('Angemeldet (1)');
    expect(page.body).toContain('Warteliste (1)');
    const csv = await get(`/formate/${format.slug}/teilnehmende.csv`, coordinator);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain(`'=HYPERLINK`);
    expect(csv.body).toContain('Zweite');
    expect((await get(`/formate/${format.slug}/namensschilder`, coordinator)).body).toContain('qn-badge__name');
    expect((await get(`/formate/${format.slug}/unterschriften`, coordinator)).body).toContain('Unterschrift');
  });

  it('checks people in on the day; afterwards ties "met at format" link attending organisations of different sectors', async () => {
    const format = await createTestFormat(t, coordinator, { days: 1 });
    const people = [await member('Wohnen Süd', 'housing_industry'), await member('Caritas Süd', 'welfare'), await member('Theater Süd', 'creative_culture'), await member('Bau Nord', 'housing_industry')];
    const ids = [];
    for (const p of people) {
      const outcome = await registerMember(t.ctx(p.user.current), format.id, { actor: p.actor.slug });
      ids.push(outcome.kind === 'registered' ? outcome.registration.id : 0);
    }
    // Not yet: the day before.
    setOffset(-2 * 24 * 3600_000);
    expect((await submit(t.app, { page: `/formate/${format.slug}/anwesenheit`, session: coordinator.session, fields: { anmeldung: String(ids[0]), anwesend: '1' } })).statusCode).toBe(409);
    setOffset(24 * 3600_000 + 2 * 3600_000);
    for (const id of ids.slice(0, 3).concat(ids[3]!)) await setAttendance(t.ctx(coordinator.current), format.slug, id, true);
    await setAttendance(t.ctx(coordinator.current), format.slug, ids[2]!, false); // the theatre left before it started
    const checkIn = await submit(t.app, { page: `/formate/${format.slug}/anwesenheit`, session: coordinator.session, fields: { anmeldung: String(ids[2]), anwesend: '1', suche: 'Theater' } });
    expect(checkIn.statusCode, checkIn.body.match(/kern-title">([^<]*)/g)?.join(" ")).toBe(303);
    expect(checkIn.headers.location).toBe(`/formate/${format.slug}/anwesenheit?suche=Theater#person-${ids[2]}`);
    await setAttendance(t.ctx(coordinator.current), format.slug, ids[3]!, false);
    expect((await listParticipants(t.ctx(coordinator.current), format.slug)).attended).toBe(3);
    // After the end the job records the ties.
    setOffset(3 * 24 * 3600_000);
    await t.runJobs();
    const network = await getNetwork(t.ctx(coordinator.current), people[0]!.actor.id);
    const partners = network.ties.filter((tie) => tie.kind === 'met_at_format').map((tie) => tie.partner.name).sort();
    expect(partners).toEqual(['Caritas Süd e.V.', 'Theater Süd e.V.']);
    expect(network.ties.every((tie) => tie.origin === 'brokered')).toBe(true);
    setOffset(0);
  });

  it('refuses to check in someone not registered, and nonsense', async () => {
    const format = await createTestFormat(t, coordinator, { days: 0 });
    await expect(setAttendance(t.ctx(coordinator.current), format.slug, 999999999, true)).rejects.toMatchObject({ code: 'not_found' });
    await expect(setAttendance(t.ctx(coordinator.current), format.slug, 1, 'vielleicht')).rejects.toMatchObject({ code: 'request.invalid' });
  });
});
