/**
 * Writes formats as an RFC 5545 iCalendar object: the `.ics` download of one format and the
 * subscribable feeds.
 *
 * No METHOD property, for feeds and downloads alike: METHOD makes the file an iTIP scheduling
 * message (RFC 5546), and even PUBLISH requires an ORGANIZER, which we do not publish. Without
 * METHOD clients import or subscribe, and DTSTAMP means "last revised" (RFC 5545 §3.8.7.2), so it is
 * the format's updatedAt: the same data always gives the same bytes, which lets a feed be cached.
 */
import { escapeText, foldLine } from './content-line.js';
import { BERLIN_TZID, BERLIN_VTIMEZONE, berlinDateTimeProperty, formatUtcDateTime } from './europe-berlin.js';

export interface CalendarEvent {
  /** The format's permanent id (uuid): the UID is built from it and never changes. */
  id: string;
  /** Stored by the caller, raised on every change that attendees should see, cancellation included. */
  sequence: number;
  status: 'confirmed' | 'cancelled';
  title: string;
  /** Plain text; the writer appends the link to the event page. */
  description: string;
  /** The absolute URL of the format's page. */
  url: string;
  startsAt: Date;
  endsAt: Date;
  /** Venue and place name, or "Online". */
  location?: string;
  /** The kind's label. */
  categories?: string[];
  /** Only for a registered participant's personal download, never in a public feed. */
  onlineLink?: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface CalendarOptions {
  /** The site's canonical host (from config, not the request): part of every UID. */
  host: string;
  /** Set for a subscribable feed: its name, and the feed-only properties are written. */
  feed?: { name: string };
}

const PRODID = '-//Quartiersnetz//Formate//DE';
const REFRESH = 'PT1H';

/** The UID of a format: `format-<id>@<host>`. */
export function formatUid(id: string, host: string): string {
  return `format-${id}@${host.toLowerCase()}`;
}

/** The whole iCalendar object with CRLF line ends, folded; the VTIMEZONE is always present. */
export function renderCalendar(events: readonly CalendarEvent[], options: CalendarOptions): string {
  return wrapCalendar(events.map((event) => renderEvent(event, options.host)), options);
}

/** A calendar around events already rendered by renderEvent (a feed keeps them between requests). */
export function wrapCalendar(events: Iterable<string>, options: CalendarOptions): string {
  const head = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${PRODID}`];
  if (options.feed) {
    head.push(
      `X-WR-CALNAME:${escapeText(options.feed.name)}`,
      `X-WR-TIMEZONE:${BERLIN_TZID}`,
      `REFRESH-INTERVAL;VALUE=DURATION:${REFRESH}`,
      `X-PUBLISHED-TTL:${REFRESH}`,
    );
  }
  // Written even without events: a VCALENDAR needs at least one component (an empty feed stays valid).
  head.push(...BERLIN_VTIMEZONE);
  const parts = [head.map(foldLine).join('\r\n'), '\r\n'];
  for (const event of events) parts.push(event);
  parts.push('END:VCALENDAR\r\n');
  return parts.join('');
}

/** One VEVENT with its CRLF line ends, folded. */
export function renderEvent(event: CalendarEvent, host: string): string {
  if (!Number.isSafeInteger(event.sequence) || event.sequence < 0) throw new RangeError(`invalid sequence for format ${event.id}`);
  if (!(event.endsAt.getTime() > event.startsAt.getTime())) throw new RangeError(`format ${event.id} does not end after it starts`);
  const url = uri(event.url);
  const onlineLink = event.onlineLink === undefined ? undefined : uri(event.onlineLink);
  const description = [event.description.trim(), onlineLink, url].filter(Boolean).join('\n\n');
  const modified = formatUtcDateTime(event.updatedAt);
  // Lines of dates, numbers and keywords are ASCII and far below 75 octets: only the others are folded.
  const lines = [
    'BEGIN:VEVENT',
    foldLine(`UID:${escapeText(formatUid(event.id, host))}`),
    `DTSTAMP:${modified}`,
    `CREATED:${formatUtcDateTime(event.createdAt)}`,
    `LAST-MODIFIED:${modified}`,
    `SEQUENCE:${event.sequence}`,
    `STATUS:${event.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
    berlinDateTimeProperty('DTSTART', event.startsAt),
    berlinDateTimeProperty('DTEND', event.endsAt),
    foldLine(`SUMMARY:${escapeText(event.title)}`),
    foldLine(`DESCRIPTION:${escapeText(description)}`),
    foldLine(`URL:${url}`),
  ];
  if (event.location) lines.push(foldLine(`LOCATION:${escapeText(event.location)}`));
  if (event.categories?.length) lines.push(foldLine(`CATEGORIES:${event.categories.map(escapeText).join(',')}`));
  // RFC 7986's place for a meeting link; the description carries it too for clients that ignore it.
  if (onlineLink) lines.push(foldLine(`CONFERENCE;VALUE=URI:${onlineLink}`));
  lines.push('END:VEVENT', '');
  // Joined per event, so the many small pieces die young instead of surviving until the end.
  return lines.join('\r\n');
}

// URI values are not escaped, so they must be printable ASCII without spaces (percent-encoded).
const ABSOLUTE_URI = /^[a-z][a-z0-9+.-]*:[\x21-\x7e]+$/i;

function uri(value: string): string {
  if (!ABSOLUTE_URI.test(value)) throw new RangeError(`not an absolute, percent-encoded URI: ${JSON.stringify(value)}`);
  return value;
}
