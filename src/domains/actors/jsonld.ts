import { modelLabels } from './model-messages.js';
import { STATES, type StateCode } from './model.js';
import { fileUrl } from './images.js';
import { tagLabel, type ActorProfile } from './present.js';

/**
 * schema.org `Organization` / `Person` data of a public profile (JSON-LD), for search engines and
 * other programs. Only what the public sees: never contact details, nothing for profiles that are
 * members-only, hidden or not approved.
 */
export function actorJsonLd(actor: ActorProfile, publicUrl: string): Record<string, unknown> | null {
  if (actor.visibility !== 'public' || actor.status !== 'approved') return null;
  const labels = modelLabels('de');
  const url = `${publicUrl}/akteure/${actor.slug}`;
  const place = actor.place;
  const state = place && STATES.includes(place.stateCode as StateCode) ? labels.state(place.stateCode as StateCode) : place?.stateCode;
  const sameAs = [actor.website, ...actor.links].filter((link): link is string => Boolean(link));
  const knowsAbout = actor.offers.map((tag) => tagLabel(tag, 'de'));
  return {
    '@context': 'https://schema.org',
    '@type': actor.kind === 'organisation' ? 'Organization' : 'Person',
    '@id': `${url}#akteur`,
    name: actor.name,
    url,
    ...(actor.summary ? { description: actor.summary } : {}),
    ...(sameAs.length ? { sameAs } : {}),
    ...(knowsAbout.length ? { knowsAbout } : {}),
    ...(actor.image ? { image: { '@type': 'ImageObject', contentUrl: `${publicUrl}${fileUrl(actor.image.fileId)}`, description: actor.image.alt, creditText: actor.image.credit } } : {}),
    ...(place ? { address: { '@type': 'PostalAddress', addressLocality: place.name, ...(state ? { addressRegion: state } : {}), addressCountry: 'DE' } } : {}),
    ...(actor.latitude !== null && actor.longitude !== null ? { geo: { '@type': 'GeoCoordinates', latitude: actor.latitude, longitude: actor.longitude } } : {}),
  };
}

export { jsonLdText } from '../../platform/layout/json-ld.js';
