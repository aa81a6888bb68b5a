import { translator, type Locale } from '../../platform/i18n/index.js';
import { modelLabels } from '../actors/service.js';
import { messages } from './messages.js';
import type { Suggestion } from './suggestions.js';

/**
 * A suggestion's reason in plain language, built from its evidence, e.g. „Bietet Zwischennutzung –
 * Sie suchen Zwischennutzung · Kreativwirtschaft ↔ Kommune · beide im Handlungsfeld Innenstädte ·
 * 14 km entfernt · gemeinsamer Kontakt: Stadtteilbüro Nord“.
 */
export function reasonParts(locale: Locale, reason: Suggestion['reason']): string[] {
  const t = translator(messages, locale);
  const model = modelLabels(locale);
  const list = (labels: string[]) => labels.join(', ');
  const parts: string[] = [];
  if (reason.offersYouNeed.length > 0) parts.push(t('reason.offers', { tags: list(reason.offersYouNeed.map((tag) => tag.label)) }));
  if (reason.needsYouOffer.length > 0) parts.push(t('reason.needs', { tags: list(reason.needsYouOffer.map((tag) => tag.label)) }));
  if (reason.similarWords.length > 0) parts.push(t('reason.similar', { words: list(reason.similarWords) }));
  if (reason.sectors) {
    const pair = t('reason.sectors', { partner: model.sector(reason.sectors[1]), own: model.sector(reason.sectors[0]) });
    parts.push(reason.rareSectorPair ? `${pair} (${t('reason.rare')})` : pair);
  }
  if (reason.sharedActionFields.length > 0) parts.push(t('reason.fields', { fields: list(reason.sharedActionFields.map(model.actionField)) }));
  if (reason.distanceKm !== null) parts.push(reason.distanceKm < 1 ? t('reason.near') : t('reason.distance', { km: reason.distanceKm.toLocaleString(locale === 'de' ? 'de-DE' : 'en-GB') }));
  if (reason.commonContact) parts.push(t('reason.contact', { name: reason.commonContact.name }));
  if (reason.recentlyActive) parts.push(t('reason.active'));
  return parts;
}

export const reasonText = (locale: Locale, reason: Suggestion['reason']) => reasonParts(locale, reason).join(' · ');
