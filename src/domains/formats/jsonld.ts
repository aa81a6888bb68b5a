import type { FormatDetail } from './present.js';

/** schema.org `Event` of a public format (search engines, calendars, other platforms); null for drafts. */
export function formatJsonLd(format: FormatDetail, publicUrl: string): Record<string, unknown> | null {
  if (format.status === 'draft') return null;
  const url = `${publicUrl}/formate/${format.slug}`;
  const attendance = { on_site: 'OfflineEventAttendanceMode', digital: 'OnlineEventAttendanceMode', hybrid: 'MixedEventAttendanceMode' }[format.mode];
  const physical =
    format.mode !== 'digital'
      ? {
          '@type': 'Place',
          name: format.venue ?? format.place?.name,
          address: { '@type': 'PostalAddress', ...(format.venue ? { streetAddress: format.venue } : {}), ...(format.place ? { addressLocality: format.place.name } : {}), addressCountry: 'DE' },
          ...(format.place ? { geo: { '@type': 'GeoCoordinates', latitude: format.place.latitude, longitude: format.place.longitude } } : {}),
        }
      : null;
  // The access link is for registered people only: the virtual location is the format's page.
  const virtual = format.mode !== 'on_site' ? { '@type': 'VirtualLocation', url } : null;
  const location = [physical, virtual].filter(Boolean);
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    '@id': `${url}#event`,
    name: format.title,
    url,
    ...(format.teaser ? { description: format.teaser } : {}),
    startDate: format.startsAt.toISOString(),
    endDate: format.endsAt.toISOString(),
    eventStatus: `https://schema.org/${format.status === 'cancelled' ? 'EventCancelled' : 'EventScheduled'}`,
    eventAttendanceMode: `https://schema.org/${attendance}`,
    location: location.length === 1 ? location[0] : location,
    ...(format.hosts.length > 0 ? { organizer: format.hosts.map((h) => ({ '@type': 'Organization', name: h.name, url: `${publicUrl}/akteure/${h.slug}` })) } : {}),
    ...(format.capacity !== null ? { maximumAttendeeCapacity: format.capacity, remainingAttendeeCapacity: format.seatsFree } : {}),
    isAccessibleForFree: true,
    inLanguage: 'de',
  };
}
