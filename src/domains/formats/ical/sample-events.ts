/**
 * Realistic calendar events for the feed's size test and bench/formats.ts: German text with umlauts
 * and an emoji, characters to escape, long enough descriptions to fold, start times on both sides of
 * the summer-time switches. Time it like this:
 *
 *   const events = sampleCalendarEvents(5000);
 *   renderCalendar(events, { host: 'quartiersnetz.de', feed: { name: 'Formate' } });
 */
import type { CalendarEvent } from './calendar-writer.js';

const KINDS = ['Werkstatt', 'Exkursion', 'Sprechstunde', 'Netzwerktreffen'];
const PLACES = ['Rathaus, Görlitz', 'Stadtbibliothek; Saal 2, Weißenfels', 'Online'];
const FIRST_START = Date.UTC(2025, 0, 6, 8, 0);
const STEP = 17 * 3_600_000; // not a divisor of a day, so starts wander through all hours

export function sampleCalendarEvents(count: number): CalendarEvent[] {
  return Array.from({ length: count }, (_, i) => {
    const startsAt = new Date(FIRST_START + i * STEP);
    const hex = i.toString(16).padStart(12, '0');
    return {
      id: `0b6c1d2e-4f5a-4b6c-8d7e-${hex}`,
      sequence: i % 3,
      status: i % 20 === 0 ? 'cancelled' : 'confirmed',
      title: `${KINDS[i % KINDS.length]} Nr. ${i}: Leerstand, Läden & Plätze – was tun? 🏘️`,
      description:
        `Wir laden Akteur:innen aus Verwaltung, Handel und Zivilgesellschaft ein; gemeinsam schauen wir auf Innenstädte.\n` +
        `Treffpunkt: Haupteingang, C:\\Pfad bleibt ein Backslash.`,
      url: `https://quartiersnetz.de/formate/${i}`,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
      location: PLACES[i % PLACES.length],
      categories: [KINDS[i % KINDS.length]!],
      createdAt: new Date(Date.UTC(2024, 10, 1)),
      updatedAt: new Date(Date.UTC(2024, 11, 1) + i * 60_000),
    };
  });
}
