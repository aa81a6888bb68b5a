import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { formatUid, renderCalendar, type CalendarEvent } from './calendar-writer.js';
import { sampleCalendarEvents } from './sample-events.js';

const host = 'quartiersnetz.de';
const id = '5f0c9a52-3c1e-4d8a-9b57-2f1d6c0e8a41';

function event(overrides: Partial<CalendarEvent> = {}): CalendarEvent {
  return {
    id,
    sequence: 0,
    status: 'confirmed',
    title: 'Werkstatt: Leerstand in der Innenstadt',
    description: 'Wir schauen gemeinsam auf leere Läden.',
    url: 'https://quartiersnetz.de/formate/werkstatt-leerstand',
    startsAt: new Date('2025-06-12T16:00:00Z'),
    endsAt: new Date('2025-06-12T18:30:00Z'),
    location: 'Rathaus, Görlitz',
    categories: ['Werkstatt'],
    createdAt: new Date('2025-05-01T08:00:00Z'),
    updatedAt: new Date('2025-05-20T09:15:30Z'),
    ...overrides,
  };
}

/** Parses with ical.js and lets it convert TZID times with the VTIMEZONE of this very file. */
function parse(text: string): ICAL.Component {
  const calendar = new ICAL.Component(ICAL.parse(text));
  ICAL.TimezoneService.reset();
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return calendar;
}

function onlyEvent(text: string): ICAL.Component {
  const events = parse(text).getAllSubcomponents('vevent');
  expect(events).toHaveLength(1);
  return events[0]!;
}

const instant = (component: ICAL.Component, name: string) =>
  new Date((component.getFirstPropertyValue(name) as ICAL.Time).toUnixTime() * 1000);

describe('renderCalendar', () => {
  it('writes a format with every field a calendar needs', () => {
    const text = renderCalendar([event()], { host });
    const calendar = parse(text);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Quartiersnetz//Formate//DE');
    expect(calendar.getFirstProperty('method')).toBeNull();
    expect(calendar.getAllSubcomponents('vtimezone')).toHaveLength(1);

    const vevent = onlyEvent(text);
    expect(vevent.getFirstPropertyValue('uid')).toBe(`format-${id}@quartiersnetz.de`);
    expect(vevent.getFirstPropertyValue('sequence')).toBe(0);
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(vevent.getFirstPropertyValue('summary')).toBe('Werkstatt: Leerstand in der Innenstadt');
    expect(vevent.getFirstPropertyValue('description')).toBe(
      'Wir schauen gemeinsam auf leere Läden.\n\nhttps://quartiersnetz.de/formate/werkstatt-leerstand',
    );
    expect(vevent.getFirstPropertyValue('url')).toBe('https://quartiersnetz.de/formate/werkstatt-leerstand');
    expect(vevent.getFirstPropertyValue('location')).toBe('Rathaus, Görlitz');
    expect(vevent.getFirstProperty('categories')!.getValues()).toEqual(['Werkstatt']);
    expect(instant(vevent, 'created')).toEqual(new Date('2025-05-01T08:00:00Z'));
    // Without METHOD, DTSTAMP is when the data was last revised (RFC 5545 §3.8.7.2).
    expect(text).toContain('\r\nDTSTAMP:20250520T091530Z\r\n');
    expect(text).toContain('\r\nLAST-MODIFIED:20250520T091530Z\r\n');

    expect(text).toContain('\r\nDTSTART;TZID=Europe/Berlin:20250612T180000\r\n');
    expect(text).toContain('\r\nDTEND;TZID=Europe/Berlin:20250612T203000\r\n');
    expect(instant(vevent, 'dtstart')).toEqual(new Date('2025-06-12T16:00:00Z'));
    expect(instant(vevent, 'dtend')).toEqual(new Date('2025-06-12T18:30:00Z'));
    expect(text).not.toMatch(/X-WR-|REFRESH-INTERVAL|X-PUBLISHED-TTL/);
  });

  it('keeps the UID when the title, time or sequence change', () => {
    const before = onlyEvent(renderCalendar([event()], { host }));
    const after = onlyEvent(
      renderCalendar([event({ title: 'Neuer Titel', startsAt: new Date('2026-01-01T10:00:00Z'), endsAt: new Date('2026-01-01T11:00:00Z'), sequence: 4 })], { host: 'Quartiersnetz.DE' }),
    );
    expect(after.getFirstPropertyValue('uid')).toBe(before.getFirstPropertyValue('uid'));
    expect(formatUid('other-id', host)).not.toBe(before.getFirstPropertyValue('uid'));
  });

  it('writes the stored sequence and marks a cancelled format', () => {
    const vevent = onlyEvent(renderCalendar([event({ status: 'cancelled', sequence: 3 })], { host }));
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(vevent.getFirstPropertyValue('sequence')).toBe(3);
  });

  it('escapes text so that a reader gets it back exactly', () => {
    const title = 'Stadt; Land, Fluss \\ und mehr\nZweite Zeile: „Café“ 🎉';
    const text = renderCalendar([event({ title, location: 'Saal 2; Bau C, Weißenfels', categories: ['Stadt, Land', 'Exkursion'] })], { host });
    expect(text).toContain('SUMMARY:Stadt\\; Land\\, Fluss \\\\ und mehr\\nZweite Zeile: „Café“ 🎉\r\n');
    const vevent = onlyEvent(text);
    expect(vevent.getFirstPropertyValue('summary')).toBe(title);
    expect(vevent.getFirstPropertyValue('location')).toBe('Saal 2; Bau C, Weißenfels');
    expect(vevent.getFirstProperty('categories')!.getValues()).toEqual(['Stadt, Land', 'Exkursion']);
  });

  it('writes the online link only when the caller passes it (a participant’s own download)', () => {
    const link = 'https://meet.example.org/quartier-werkstatt?pwd=geheim';
    const publicText = renderCalendar([event({ location: 'Online' })], { host, feed: { name: 'Formate' } });
    expect(publicText).not.toContain('meet.example.org');
    expect(publicText).not.toContain('CONFERENCE');

    const vevent = onlyEvent(renderCalendar([event({ location: 'Online', onlineLink: link })], { host }));
    expect(vevent.getFirstPropertyValue('conference')).toBe(link);
    expect(vevent.getFirstPropertyValue('description')).toContain(`\n\n${link}\n\n`);
    expect(vevent.getFirstPropertyValue('location')).toBe('Online');
  });

  it('writes a feed with its name, time zone and refresh hints', () => {
    const text = renderCalendar([event()], { host, feed: { name: 'Quartiersnetz: Formate, alle' } });
    const calendar = parse(text);
    // ical.js leaves X- values raw; they are TEXT (RFC 5545 §3.8.8.2), so the comma is escaped.
    expect(text).toContain('\r\nX-WR-CALNAME:Quartiersnetz: Formate\\, alle\r\n');
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('Europe/Berlin');
    expect(text).toContain('\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n');
    expect(text).toContain('\r\nX-PUBLISHED-TTL:PT1H\r\n');
    expect(calendar.getFirstProperty('method')).toBeNull();
  });

  it('writes a valid feed without formats: the VTIMEZONE is its one component', () => {
    const calendar = parse(renderCalendar([], { host, feed: { name: 'Formate' } }));
    expect(calendar.getAllSubcomponents('vtimezone')).toHaveLength(1);
    expect(calendar.getAllSubcomponents('vevent')).toHaveLength(0);
  });

  it('ends every line with CRLF and folds every line to at most 75 octets', () => {
    const long = 'Ein langer Text über Innenstädte, Kleinstädte und Quartiere 🏘️ mit Umlauten: äöüß. '.repeat(12);
    const text = renderCalendar([event({ title: long, description: long, location: long })], { host, feed: { name: long } });
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    const lines = text.slice(0, -2).split('\r\n');
    for (const line of lines) {
      expect(line).not.toMatch(/[\r\n]/);
      expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    }
    expect(lines.filter((line) => line.startsWith(' ')).length).toBeGreaterThan(40);
    expect(onlyEvent(text).getFirstPropertyValue('summary')).toBe(long);
  });

  it('gives readers the same instants across both summer-time switches', () => {
    const starts = [
      '2025-03-30T00:59:00Z',
      '2025-03-30T01:00:00Z',
      '2025-10-26T00:30:00Z',
      '2025-10-26T00:59:00Z',
      '2025-10-26T01:00:00Z',
      '2025-10-26T01:30:00Z',
      '2025-10-26T02:00:00Z',
      '2026-01-15T17:00:00Z',
    ].map((iso) => new Date(iso));
    const events = starts.map((startsAt, i) =>
      event({ id: `id-${i}`, startsAt, endsAt: new Date(startsAt.getTime() + 45 * 60_000) }),
    );
    const vevents = parse(renderCalendar(events, { host })).getAllSubcomponents('vevent');
    expect(vevents.map((vevent) => instant(vevent, 'dtstart'))).toEqual(starts);
    expect(vevents.map((vevent) => instant(vevent, 'dtend'))).toEqual(events.map((e) => e.endsAt));
  });

  it('refuses input that would make a broken file', () => {
    const render = (overrides: Partial<CalendarEvent>) => () => renderCalendar([event(overrides)], { host });
    expect(render({ endsAt: new Date('2025-06-12T16:00:00Z') })).toThrow(RangeError);
    expect(render({ sequence: -1 })).toThrow(RangeError);
    expect(render({ sequence: 1.5 })).toThrow(RangeError);
    expect(render({ url: '/formate/relativ' })).toThrow(RangeError);
    expect(render({ url: 'https://quartiersnetz.de/x\r\nATTENDEE:mailto:a@b.de' })).toThrow(RangeError);
    expect(render({ onlineLink: 'https://meet.example.org/raum mit leerzeichen' })).toThrow(RangeError);
  });

  it('renders and parses a feed of 5,000 formats', () => {
    const events = sampleCalendarEvents(5000);
    const timed = () => {
      const started = performance.now();
      const text = renderCalendar(events, { host, feed: { name: 'Formate' } });
      return { text, ms: (performance.now() - started).toFixed(0) };
    };
    const cold = timed();
    const { text, ms } = timed();
    console.log(`renderCalendar: 5,000 events, ${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB: ${cold.ms} ms cold, ${ms} ms warm`);

    const vevents = parse(text).getAllSubcomponents('vevent');
    expect(vevents).toHaveLength(5000);
    expect(new Set(vevents.map((vevent) => vevent.getFirstPropertyValue('uid'))).size).toBe(5000);
    expect(vevents.filter((vevent) => vevent.getFirstPropertyValue('status') === 'CANCELLED')).toHaveLength(250);
    expect(vevents.map((vevent) => instant(vevent, 'dtstart'))).toEqual(events.map((e) => e.startsAt));
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
  });
});
