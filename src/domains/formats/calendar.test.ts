import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../platform/auth/sessions.js';
import { mailsTo } from '../../../test/support/accounts.js';
import { createUser, type TestUser } from '../../../test/support/factories.js';
import { createTestFormat } from '../../../test/support/formats.js';
import { createTestApp, ShiftedClock, type TestApp } from '../../../test/support/test-app.js';
import { cancelFormat, registerMember, updateFormat } from './service.js';

let t: TestApp;
const clock = new ShiftedClock();
let coordinator: TestUser;

beforeAll(async () => {
  t = await createTestApp({ clock });
  coordinator = await createUser(t, { role: 'coordinator' });
});
afterAll(async () => t?.close());

const get = (url: string, user?: TestUser | null) => t.app.inject({ method: 'GET', url, cookies: user?.session ? { [SESSION_COOKIE]: user.session } : undefined });
const eventsOf = (text: string) => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));

describe('iCalendar', () => {
  it('the feed lists public formats with stable UIDs; a change raises SEQUENCE, a cancellation is CANCELLED; drafts never appear', async () => {
    const format = await createTestFormat(t, coordinator, { title: 'Impulslabor Kalender', kind: 'impulslabor' });
    const draft = await createTestFormat(t, coordinator, { title: 'Geheimer Entwurf', draft: true });
    const feed = await get('/formate.ics');
    expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(feed.body).not.toContain('Geheimer Entwurf');
    const uid = `format-${format.uid}@`;
    const first = eventsOf(feed.body).find((e) => e.uid.startsWith(uid))!;
    expect(first.summary).toBe('Impulslabor Kalender');
    expect(first.component.getFirstPropertyValue('sequence')).toBe(0);
    expect(feed.body).toContain('DTSTART;TZID=Europe/Berlin:');
    expect(first.startDate.toJSDate().toISOString()).toBe(format.starts_at.toISOString());
    expect(feed.body).toContain(`URL:http`);

    await updateFormat(t.ctx(coordinator.current), format.id, { kind: 'impulslabor', title: 'Impulslabor Kalender (neu)', startsAt: format.starts_at.toISOString(), endsAt: new Date(format.ends_at.getTime() + 3600_000).toISOString(), mode: 'on_site', venue: 'Rathaus' });
    const changed = eventsOf((await get('/formate.ics?art=impulslabor')).body).find((e) => e.uid.startsWith(uid))!;
    expect(changed.uid).toBe(first.uid);
    expect(changed.component.getFirstPropertyValue('sequence')).toBe(1);
    expect(changed.summary).toBe('Impulslabor Kalender (neu)');
    await cancelFormat(t.ctx(coordinator.current), format.id, '');
    const cancelled = eventsOf((await get('/formate.ics')).body).find((e) => e.uid.startsWith(uid))!;
    expect(cancelled.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(cancelled.component.getFirstPropertyValue('sequence')).toBe(2);
    expect((await get('/formate.ics?art=praxiswerkstatt')).body).not.toContain(first.uid);
    expect((await get('/formate.ics?art=unsinn')).statusCode).toBe(404);
    expect((await get(`/formate/${draft.slug}/kalender.ics`)).statusCode).toBe(404);
  });

  it('one format’s entry carries the online link only for its registered participants', async () => {
    const format = await createTestFormat(t, coordinator, { mode: 'digital', venue: '', onlineLink: 'https://meet.example.org/nur-fuer-angemeldete' });
    const member = await createUser(t);
    expect((await get(`/formate/${format.slug}/kalender.ics`)).body).not.toContain('nur-fuer-angemeldete');
    expect((await get(`/formate/${format.slug}/kalender.ics`, member)).body).not.toContain('nur-fuer-angemeldete');
    await registerMember(t.ctx(member.current), format.id, { sector: 'welfare' });
    const own = await get(`/formate/${format.slug}/kalender.ics`, member);
    expect(own.headers['cache-control']).toBe('private, no-store');
    expect(own.body).toContain('nur-fuer-angemeldete');
    expect(eventsOf(own.body)).toHaveLength(1);
  });
});

describe('reminders', () => {
  it('two days before, everyone with a seat gets one reminder; a moved format reminds at its new time', async () => {
    const format = await createTestFormat(t, coordinator, { days: 5 });
    const member = await createUser(t);
    await registerMember(t.ctx(member.current), format.id, { sector: 'other' });
    const reminders = async () => (await mailsTo(t, member.email)).filter((m) => m.subject.startsWith('Erinnerung'));
    /** Moves the clock to `hours` before the format's start (`at`). */
    const goTo = (at: Date, hours: number) => clock.advance(at.getTime() - hours * 3600_000 - clock.now().getTime());
    goTo(format.starts_at, 49);
    expect(await reminders()).toHaveLength(0);
    // Moved two days later: the job for the old time does nothing, the new one is due 48 h before the new start.
    const later = new Date(format.starts_at.getTime() + 2 * 24 * 3600_000);
    await updateFormat(t.ctx(coordinator.current), format.id, { kind: format.kind, title: format.title, startsAt: later.toISOString(), endsAt: new Date(later.getTime() + 3600_000).toISOString(), mode: 'on_site', venue: 'Rathaus' });
    goTo(format.starts_at, 47);
    expect(await reminders()).toHaveLength(0);
    goTo(later, 47);
    expect(await reminders()).toHaveLength(1);
    goTo(later, 20);
    expect(await reminders()).toHaveLength(1);
    expect((await mailsTo(t, member.email)).map((m) => m.subject)).toContainEqual(expect.stringMatching(/^Geändert:/));
    // Moved again after the reminder: a new reminder before the new start.
    const again = new Date(later.getTime() + 7 * 24 * 3600_000);
    await updateFormat(t.ctx(coordinator.current), format.id, { kind: format.kind, title: format.title, startsAt: again.toISOString(), endsAt: new Date(again.getTime() + 3600_000).toISOString(), mode: 'on_site', venue: 'Rathaus' });
    goTo(again, 47);
    expect(await reminders()).toHaveLength(2);
  });
});

describe('the feed as subscribed calendars poll it', () => {
  it('answers an unchanged feed with 304, and a changed one in full', async () => {
    await createTestFormat(t, coordinator, { title: 'Feed-Version eins' });
    const first = await get('/formate.ics');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await t.app.inject({ url: '/formate.ics', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    await createTestFormat(t, coordinator, { title: 'Feed-Version zwei' });
    const changed = await t.app.inject({ url: '/formate.ics', headers: { 'if-none-match': etag } });
    expect(changed.statusCode).toBe(200);
    expect(changed.body).toContain('Feed-Version zwei');
  });
});
