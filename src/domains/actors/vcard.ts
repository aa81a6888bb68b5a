import type { Locale } from '../../platform/i18n/index.js';
import { modelLabels } from './model-messages.js';
import { STATES, type StateCode } from './model.js';
import { tagLabel, type ActorProfile } from './present.js';

/**
 * A profile as a vCard 4.0 (RFC 6350, text/vcard): what the viewer may see of it and nothing
 * more — contact details only where the profile page shows them (ActorProfile.contact is set for
 * signed-in members only).
 */

/** TEXT values: backslash, comma, semicolon and line breaks escaped (RFC 6350 §3.4). */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/;/g, '\\;').replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Content lines longer than 75 octets are folded: CRLF and a space before the rest (§3.2), never
 * inside a UTF-8 sequence.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    // The first line has 75 octets; continuation lines 74 after their leading space.
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const vcardTimestamp = (date: Date) => date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

export function actorVCard(actor: ActorProfile, options: { profileUrl: string; vcardUrl: string; locale: Locale }): string {
  const labels = modelLabels(options.locale);
  const lines: string[] = ['BEGIN:VCARD', 'VERSION:4.0', 'PRODID:-//Quartiersnetz//vCard//DE'];
  const organisation = actor.kind === 'organisation';
  lines.push(`KIND:${organisation ? 'org' : 'individual'}`, `FN:${escapeText(actor.name)}`);
  if (organisation) lines.push(`ORG:${escapeText(actor.name)}`);
  if (actor.summary) lines.push(`NOTE:${escapeText(actor.summary)}`);
  const categories = [labels.sector(actor.sector), ...actor.offers.map((tag) => tagLabel(tag, options.locale))];
  lines.push(`CATEGORIES:${categories.map(escapeText).join(',')}`);
  lines.push(`URL:${options.profileUrl}`);
  if (actor.website) lines.push(`URL;TYPE=work:${actor.website}`);
  if (actor.place) {
    const state = STATES.includes(actor.place.stateCode as StateCode) ? labels.state(actor.place.stateCode as StateCode) : actor.place.stateCode;
    // Components: PO box; extended; street; locality; region; postal code; country (§6.3.1).
    lines.push(`ADR;TYPE=work:;;;${escapeText(actor.place.name)};${escapeText(state)};;${escapeText(options.locale === 'de' ? 'Deutschland' : 'Germany')}`);
  }
  if (actor.latitude !== null && actor.longitude !== null) lines.push(`GEO:geo:${actor.latitude},${actor.longitude}`);
  const contact = actor.contact;
  if (contact?.name && organisation) lines.push(`RELATED;TYPE=contact;VALUE=text:${escapeText(contact.name)}`);
  if (contact?.email) lines.push(`EMAIL;TYPE=work:${escapeText(contact.email)}`);
  if (contact?.phone) lines.push(`TEL;VALUE=text;TYPE=work,voice:${escapeText(contact.phone)}`);
  lines.push(`UID:${options.profileUrl}`, `SOURCE:${options.vcardUrl}`, `REV:${vcardTimestamp(actor.updatedAt)}`, 'END:VCARD');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
