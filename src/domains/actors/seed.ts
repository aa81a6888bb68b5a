import type { Context } from '../../platform/context.js';
import { resolvePlaceInput } from '../places/service.js';
import type { ActionField, Sector } from './model.js';
import { insertActor } from './queries.js';
import { freeSlug } from './slugs.js';
import { findOrCreateTagIds, normalizeTagLabel } from './tags.js';

/**
 * Seed data: the initial offers/needs vocabulary, and the actors that the initiative's project page
 * names (seed document, DESIGN.md §2) with only what it says about them. The Praxiswerkstätten in
 * Mannheim, Berlin and Prädikow name no host organisation, so none is invented; the photographers
 * credited there are people, whose profiles belong to their own accounts.
 */

/** German label, English label. */
export const vocabularySeed: [string, string][] = [
  ['Zwischennutzung', 'Interim use'],
  ['Leerstand', 'Vacant properties'],
  ['Nachnutzung von Handelsimmobilien', 'Re-use of retail properties'],
  ['Fördermittelberatung', 'Funding advice'],
  ['Finanzierung', 'Financing'],
  ['Beteiligungsformate', 'Participation formats'],
  ['Bürgerbeteiligung', 'Citizen participation'],
  ['Moderation', 'Facilitation'],
  ['Prozessbegleitung', 'Process support'],
  ['Netzwerkarbeit', 'Networking'],
  ['Veranstaltungsorganisation', 'Event organisation'],
  ['Räume für Veranstaltungen', 'Event spaces'],
  ['Öffentlichkeitsarbeit', 'Public relations'],
  ['Kulturarbeit', 'Cultural work'],
  ['Kunst im öffentlichen Raum', 'Art in public space'],
  ['Kreativwirtschaft', 'Creative industries'],
  ['Graphic Recording', 'Graphic recording'],
  ['Fotografie', 'Photography'],
  ['Quartiersmanagement', 'Neighbourhood management'],
  ['Nachbarschaftsarbeit', 'Neighbourhood work'],
  ['Jugendarbeit', 'Youth work'],
  ['Ehrenamt', 'Volunteering'],
  ['Soziale Beratung', 'Social counselling'],
  ['Inklusion', 'Inclusion'],
  ['Integration', 'Integration'],
  ['Bildungsangebote', 'Educational programmes'],
  ['Stadtplanung', 'Urban planning'],
  ['Innenstadtentwicklung', 'Town centre development'],
  ['Großwohnsiedlungen', 'Large housing estates'],
  ['Ländliche Entwicklung', 'Rural development'],
  ['Projektentwicklung', 'Project development'],
  ['Gemeinschaftliches Wohnen', 'Community housing'],
  ['Bezahlbarer Wohnraum', 'Affordable housing'],
  ['Klimaanpassung', 'Climate adaptation'],
  ['Urbanes Gärtnern', 'Urban gardening'],
  ['Mobilität', 'Mobility'],
  ['Wissenschaftliche Begleitung', 'Research support'],
  ['Digitalisierung', 'Digitalisation'],
];

interface ActorSeed {
  /** Stable key (external_id "seed:<key>"): seeding again finds the actor and leaves it alone. */
  key: string;
  name: string;
  sector: Sector;
  actionFields: ActionField[];
  /** Looked up in the gazetteer; left empty when the document names no place. */
  place?: string;
  summary: string;
  description: string;
  website?: string;
  offers: string[];
}

const allFields: ActionField[] = ['neighbourhood', 'inner_city', 'small_towns', 'rural'];

export const actorSeed: ActorSeed[] = [
  {
    key: 'dv',
    name: 'Deutscher Verband für Wohnungswesen, Städtebau und Raumordnung e.V. (DV)',
    sector: 'other',
    actionFields: allFields,
    summary: 'Projektträger der Vernetzungsinitiative „Gemeinsam für das Quartier“ der Nationalen Stadtentwicklungspolitik.',
    description:
      'Der DV hat die Vernetzungsinitiative „Gemeinsam für das Quartier“ Anfang 2020 gemeinsam mit STADT ALS CAMPUS e.V. angestoßen und ist ihr Projektträger.\n\nIm Laufe des Jahres 2020 wurden unter Federführung des DV eine Reihe von Veranstaltungen und Werkstattgesprächen mit den verschiedenen Akteuren organisiert und durchgeführt.',
    website: 'https://www.deutscher-verband.org',
    offers: ['Netzwerkarbeit', 'Veranstaltungsorganisation'],
  },
  {
    key: 'stadt-als-campus',
    name: 'STADT ALS CAMPUS e.V.',
    sector: 'civil_society',
    actionFields: allFields,
    summary: 'Hat die Vernetzungsinitiative „Gemeinsam für das Quartier“ Anfang 2020 gemeinsam mit dem DV angestoßen.',
    description: 'STADT ALS CAMPUS e.V. hat die Vernetzungsinitiative „Gemeinsam für das Quartier“ Anfang 2020 gemeinsam mit dem Deutschen Verband für Wohnungswesen, Städtebau und Raumordnung e.V. (DV) angestoßen.',
    offers: ['Netzwerkarbeit'],
  },
  {
    key: 'plan-zwei',
    name: 'Plan Zwei',
    sector: 'creative_culture',
    actionFields: [],
    summary: 'Bildnachweis („DV / Plan Zwei“) für Fotos der Praxiswerkstatt in Mannheim (2022) und der Publikation der Vernetzungsinitiative.',
    description: 'Die Fotos der Praxiswerkstatt in Mannheim (2022) und der Publikation „Kreative Stadtentwicklung – Formate, Orte, Strategien“ tragen den Bildnachweis „DV / Plan Zwei“.',
    offers: ['Fotografie'],
  },
  {
    key: '123-comic',
    name: '123 Comic',
    sector: 'creative_culture',
    actionFields: [],
    summary: 'Graphic Recording aus einer Praxiswerkstatt der Vernetzungsinitiative in Berlin, 2022 (Bildnachweis „DV / 123 Comic“).',
    description: 'Eine Comiczeichnung fasst die Ergebnisse aus den Workshops einer Praxiswerkstatt in Berlin (2022) zusammen; sie trägt den Bildnachweis „DV / 123 Comic“.',
    offers: ['Graphic Recording'],
  },
  {
    key: 'projektraum-coi',
    name: 'Projektraum COI',
    sector: 'civil_society',
    actionFields: [],
    place: 'Bernburg',
    summary: 'Projektraum in Bernburg: Ort des Erfahrungsaustauschs der Vernetzungsinitiative im März 2023.',
    description: 'Im März 2023 trafen sich rund vierzig Netzwerkmitglieder vor und im Projektraum COI in Bernburg zum Erfahrungsaustausch der Vernetzungsinitiative „Gemeinsam für das Quartier“.',
    offers: ['Räume für Veranstaltungen'],
  },
];

/** Idempotent: existing terms and seeded actors are left as they are (coordinators may have edited them). */
export async function seedActors(ctx: Context) {
  await ctx.db
    .insertInto('tags')
    .values(vocabularySeed.map(([label, labelEn]) => ({ label, label_en: labelEn, normalized: normalizeTagLabel(label), curated: true })))
    .onConflict((oc) => oc.column('normalized').doNothing())
    .execute();
  const existing = new Set(
    (
      await ctx.db
        .selectFrom('actors')
        .select('external_id')
        .where(
          'external_id',
          'in',
          actorSeed.map((a) => `seed:${a.key}`),
        )
        .execute()
    ).map((r) => r.external_id),
  );
  const now = ctx.clock.now();
  for (const actor of actorSeed.filter((a) => !existing.has(`seed:${a.key}`))) {
    const resolution = actor.place ? await resolvePlaceInput(ctx, actor.place) : null;
    const place = resolution?.kind === 'found' ? resolution.place : null;
    await insertActor(ctx.db, {
      slug: await freeSlug(ctx.db, actor.name),
      kind: 'organisation',
      name: actor.name,
      sector: actor.sector,
      action_fields: actor.actionFields,
      place_id: place?.id ?? null,
      state_code: place?.stateCode ?? null,
      latitude: place?.latitude ?? null,
      longitude: place?.longitude ?? null,
      summary: actor.summary,
      description: actor.description,
      website: actor.website ?? null,
      visibility: 'public',
      status: 'approved',
      approved_at: now,
      external_id: `seed:${actor.key}`,
      offer_ids: await findOrCreateTagIds(ctx.db, actor.offers),
      created_at: now,
      updated_at: now,
    });
  }
}
