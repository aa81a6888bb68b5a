import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailsTo, uniqueEmail } from '../../../test/support/accounts.js';
import { createActor } from '../../../test/support/actors.js';
import { createUser, type TestUser } from '../../../test/support/factories.js';
import { createTestFormat } from '../../../test/support/formats.js';
import { createTestApp, ShiftedClock, type TestApp } from '../../../test/support/test-app.js';
import type { Sector } from '../actors/service.js';
import { cancelOwnRegistration, cancelRegistrationByLink, confirmRegistration, getFormat, registerGuest, registerMember, updateFormat } from './service.js';

let t: TestApp;
const clock = new ShiftedClock();
let coordinator: TestUser;

beforeAll(async () => {
  t = await createTestApp({ clock });
  coordinator = await createUser(t, { role: 'coordinator' });
});
afterAll(async () => t?.close());

const errorOf = async (promise: Promise<unknown>) => promise.then(() => null, (error: { code?: string; detail?: string; fields?: Record<string, string> }) => error);
const linkParts = (text: string) => {
  const [, id, signature] = /\/formate\/anmeldung\/(\d+)\/([\w-]+)/.exec(text)!;
  return { id: Number(id), signature: signature! };
};
async function guest(slug: number, sector: Sector, email = uniqueEmail('gast')) {
  await registerGuest(t.ctx(null), slug, { name: 'Gast', email, sector, organisation: 'Initiative' });
  const [mail] = await mailsTo(t, email);
  const { id, signature } = linkParts(mail!.text);
  return { email, id, signature, confirm: () => confirmRegistration(t.ctx(null), id, signature) };
}

describe('registering', () => {
  it('a member registers with one click for their organisation; twice is "already"; the seat count follows', async () => {
    const format = await createTestFormat(t, coordinator, { capacity: 10 });
    const member = await createUser(t);
    const actor = await createActor(t, { name: 'Wohnbau Mitte', sector: 'housing_industry', admin: member });
    const first = await registerMember(t.ctx(member.current), format.id, { actor: actor.slug });
    expect(first.kind).toBe('registered');
    expect((await registerMember(t.ctx(member.current), format.slug, { actor: actor.slug })).kind).toBe('already');
    const detail = await getFormat(t.ctx(member.current), format.id);
    expect(detail.seatsFree).toBe(9);
    expect(detail.viewer.registration?.organisation).toBe('Wohnbau Mitte');
    const [mail] = await mailsTo(t, member.email);
    expect(mail?.subject).toContain('Anmeldung bestätigt');
  });

  it('a member cannot speak for an organisation that is not theirs, and needs a sector as a person', async () => {
    const format = await createTestFormat(t, coordinator);
    const member = await createUser(t);
    const other = await createActor(t, { name: 'Fremder Verein' });
    expect((await errorOf(registerMember(t.ctx(member.current), format.id, { actor: other.slug })))?.fields?.actor).toBeTruthy();
    expect((await errorOf(registerMember(t.ctx(member.current), format.id, {})))?.fields?.sector).toBeTruthy();
    expect((await registerMember(t.ctx(member.current), format.id, { sector: 'civil_society' })).kind).toBe('registered');
  });

  it('a guest confirms by mail; the seat is given at confirmation; a wrong link is 404', async () => {
    const format = await createTestFormat(t, coordinator, { capacity: 5 });
    const g = await guest(format.id, 'welfare');
    expect((await getFormat(t.ctx(null), format.id)).seatsTaken).toBe(0);
    expect((await g.confirm()).kind).toBe('registered');
    expect((await getFormat(t.ctx(null), format.id)).seatsTaken).toBe(1);
    expect((await g.confirm()).kind).toBe('already');
    expect((await errorOf(confirmRegistration(t.ctx(null), g.id, 'x'.repeat(43))))?.code).toBe('not_found');
    expect((await errorOf(confirmRegistration(t.ctx(null), g.id + 1, g.signature)))?.code).toBe('not_found');
    // The page keeps its address (with the signature) to our own origin only; "no-referrer" would make
    // browsers send "Origin: null" with its forms, which our CSRF check rightly refuses.
    const page = await t.app.inject({ url: `/formate/anmeldung/${g.id}/${g.signature}` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['referrer-policy']).toBe('same-origin');
  });

  it('a guest registering the same address again gets a mail with the existing registration, and the answer does not tell', async () => {
    const format = await createTestFormat(t, coordinator);
    const email = uniqueEmail('doppelt');
    const g = await guest(format.id, 'other', email);
    await g.confirm();
    expect((await registerGuest(t.ctx(null), format.id, { name: 'Gast', email: email.toUpperCase(), sector: 'other' })).kind).toBe('confirmation_sent');
    const mails = await mailsTo(t, email);
    expect(mails.at(-1)?.subject).toContain('Ihre Anmeldung');
  });

  it('refuses: after the window, before it opens, for a cancelled format, and bad guest input', async () => {
    const closed = await createTestFormat(t, coordinator, { registrationClosesAt: new Date(Date.now() - 3600_000).toISOString(), registrationOpensAt: new Date(Date.now() - 7200_000).toISOString() });
    const member = await createUser(t);
    expect(await registerMember(t.ctx(member.current), closed.id, { sector: 'other' })).toEqual({ kind: 'refused', reason: 'closed' });
    const later = await createTestFormat(t, coordinator, { registrationOpensAt: new Date(Date.now() + 24 * 3600_000).toISOString() });
    expect(await registerMember(t.ctx(member.current), later.id, { sector: 'other' })).toEqual({ kind: 'refused', reason: 'not_yet_open' });
    const bad = await errorOf(registerGuest(t.ctx(null), later.id, { name: '', email: 'kein-at-zeichen.de', sector: 'nonsense' }));
    expect(Object.keys(bad?.fields ?? {}).sort()).toEqual(['email', 'name', 'sector']);
  });
});

describe('waitlist', () => {
  it('when full, people wait in order; a cancellation promotes the next one and mails them', async () => {
    const format = await createTestFormat(t, coordinator, { capacity: 2 });
    const people = await Promise.all([1, 2, 3, 4].map(() => createUser(t)));
    const outcomes = [];
    for (const p of people) outcomes.push(await registerMember(t.ctx(p.current), format.id, { sector: 'civil_society' }));
    expect(outcomes.map((o) => o.kind)).toEqual(['registered', 'registered', 'waitlisted', 'waitlisted']);
    expect(outcomes.map((o) => ('registration' in o ? o.registration?.waitlistPosition : null))).toEqual([null, null, 1, 2]);
    const first = outcomes[0]!;
    await cancelOwnRegistration(t.ctx(people[0]!.current), 'registration' in first ? first.registration!.id : 0);
    const after = await getFormat(t.ctx(people[2]!.current), format.id);
    expect(after.viewer.registration?.status).toBe('registered');
    expect((await getFormat(t.ctx(people[3]!.current), format.id)).viewer.registration?.waitlistPosition).toBe(1);
    expect((await mailsTo(t, people[2]!.email)).map((m) => m.subject)).toEqual([expect.stringContaining('Warteliste'), expect.stringContaining('nachgerückt')]);
  });

  it('keeps the sector mix: beyond the share people wait, and the next *fitting* person moves up', async () => {
    // 10 seats, at most 40 % from one sector: 4 per sector.
    const format = await createTestFormat(t, coordinator, { capacity: 10, maxSectorShare: 40 });
    const housing: Awaited<ReturnType<typeof guest>>[] = [];
    for (let i = 0; i < 5; i++) housing.push(await guest(format.id, 'housing_industry'));
    const kinds = [];
    for (const g of housing) kinds.push((await g.confirm()).kind);
    expect(kinds).toEqual(['registered', 'registered', 'registered', 'registered', 'waitlisted']);
    const culture = await guest(format.id, 'creative_culture');
    expect((await culture.confirm()).kind).toBe('registered');
    // More seats do not help the fifth of the same sector …
    await updateFormat(t.ctx(coordinator.current), format.id, { ...(await formInput(format.id)), capacity: '12' });
    expect((await getFormat(t.ctx(null), format.id)).seatsTaken).toBe(5);
    // … but a housing seat freed does.
    await cancelRegistrationByLink(t.ctx(null), housing[0]!.id, housing[0]!.signature);
    const seats = await t.db.selectFrom('registrations').select(['id', 'status']).where('format_id', '=', format.id).execute();
    expect(seats.find((s) => s.id === housing[4]!.id)?.status).toBe('registered');
  });

  it('refuses a capacity below the seats taken, and an end before the start', async () => {
    const format = await createTestFormat(t, coordinator, { capacity: 3 });
    for (const p of await Promise.all([1, 2].map(() => createUser(t)))) await registerMember(t.ctx(p.current), format.id, { sector: 'welfare' });
    const input = await formInput(format.id);
    expect((await errorOf(updateFormat(t.ctx(coordinator.current), format.id, { ...input, capacity: '1' })))?.fields?.capacity).toContain('2');
    expect((await errorOf(updateFormat(t.ctx(coordinator.current), format.id, { ...input, endsAt: '2020-01-01T10:00' })))?.fields?.endsAt).toBeTruthy();
  });
});

describe('races', () => {
  it('200 parallel registrations for 50 seats: exactly 50 registered, 150 waiting in order, none twice', async () => {
    const format = await createTestFormat(t, coordinator, { capacity: 50 });
    const people = await Promise.all(Array.from({ length: 200 }, (_, i) => createUser(t, { name: `Person ${i}` })));
    const outcomes = await Promise.all(people.map((p) => registerMember(t.ctx(p.current), format.id, { sector: 'other' })));
    expect(outcomes.filter((o) => o.kind === 'registered')).toHaveLength(50);
    expect(outcomes.filter((o) => o.kind === 'waitlisted')).toHaveLength(150);
    const rows = await t.db.selectFrom('registrations').select(['user_id', 'status', 'waitlisted_at', 'id']).where('format_id', '=', format.id).orderBy('waitlisted_at').orderBy('id').execute();
    expect(new Set(rows.map((r) => r.user_id)).size).toBe(200);
    const positions = outcomes.flatMap((o) => (o.kind === 'waitlisted' ? [o.registration.waitlistPosition] : []));
    expect([...positions].sort((a, b) => a! - b!)).toEqual(Array.from({ length: 150 }, (_, i) => i + 1));
    expect((await getFormat(t.ctx(null), format.id)).seatsTaken).toBe(50);
  });

  it('the database refuses more seats than the capacity, whoever writes', async () => {
    const format = await createTestFormat(t, coordinator, { capacity: 1 });
    const member = await createUser(t);
    await registerMember(t.ctx(member.current), format.id, { sector: 'other' });
    const insert = t.db.insertInto('registrations').values({ format_id: format.id, name: 'X', email: uniqueEmail(), sector: 'other', status: 'registered' }).execute();
    await expect(insert).rejects.toThrow(/formats_capacity_kept/);
  });
});

/** The format as its edit form would send it back. */
async function formInput(id: number) {
  const row = await t.db.selectFrom('formats').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return { kind: row.kind, title: row.title, startsAt: row.starts_at.toISOString(), endsAt: row.ends_at.toISOString(), mode: row.mode, venue: row.venue ?? '', capacity: row.capacity === null ? '' : String(row.capacity), maxSectorShare: row.max_sector_share === null ? '' : String(row.max_sector_share) };
}
