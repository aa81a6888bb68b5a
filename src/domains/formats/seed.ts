import { fromBerlin } from '../../platform/berlin-time.js';
import type { Context } from '../../platform/context.js';
import { resolvePlaceInput } from '../places/service.js';
import type { FormatKind, FormatMode } from './model.js';

/**
 * The formats the initiative's project page names (Nationale Stadtentwicklungspolitik, „Gemeinsam
 * für das Quartier“), with its photo captions and credits as their documentation. The page gives
 * years (once a month); the day shown here is a stand-in and each description says so.
 */

interface SeedFormat {
  slug: string;
  kind: FormatKind;
  title: string;
  teaser: string;
  description: string;
  /** [year, month, day, start hour, end hour] in German time. */
  when: [number, number, number, number, number];
  mode: FormatMode;
  venue: string | null;
  place: string | null;
  actionFields: ('neighbourhood' | 'inner_city' | 'small_towns' | 'rural')[];
  results: string;
}

const approximate = (period: string) => `Die Projektseite nennt als Zeitpunkt „${period}“; der Tag hier steht stellvertretend dafür.`;

export const seedFormats: SeedFormat[] = [
  {
    slug: 'werkstattgespraeche-2020',
    kind: 'werkstattgespraech',
    title: 'Werkstattgespräche 2020',
    teaser: 'Veranstaltungen und Werkstattgespräche mit den verschiedenen Akteursgruppen, unter Federführung des DV.',
    description: `Im Laufe des Jahres 2020 organisiert der DV eine Reihe von Veranstaltungen und Werkstattgesprächen mit Immobilienwirtschaft, Kommunen, Wohlfahrtsorganisationen, zivilgesellschaftlichen Initiativen und der Kreativ- und Kulturszene.\n\n${approximate('2020')}`,
    when: [2020, 9, 15, 10, 16],
    mode: 'on_site',
    venue: 'bei Netzwerkmitgliedern',
    place: null,
    actionFields: ['neighbourhood', 'inner_city', 'small_towns', 'rural'],
    results: 'Aus den Gesprächen entstand die Broschüre „Kreative Stadtentwicklung – Formate, Orte, Strategien“.\n\nPublikation der Vernetzungsinitiative, Quelle: DV / Plan Zwei',
  },
  {
    slug: 'perspektivenwerkstaetten-2021',
    kind: 'perspektivenwerkstatt',
    title: 'Digitale Perspektivenwerkstätten 2021',
    teaser: 'Netzwerkmitglieder tragen digital Erfolgsfaktoren und Prozessmerkmale erfolgreicher Vorhaben der Stadtentwicklung zusammen.',
    description: `In digital durchgeführten Perspektivenwerkstätten sammeln die Netzwerkmitglieder, was Vorhaben der Stadtentwicklung gelingen lässt.\n\n${approximate('2021')}`,
    when: [2021, 4, 20, 10, 13],
    mode: 'digital',
    venue: null,
    place: null,
    actionFields: ['neighbourhood', 'inner_city', 'small_towns', 'rural'],
    results: 'Ergebnis ist die **Quintessenz der Vernetzungsinitiative „Gemeinsam für das Quartier“ 2021**: Erfolgsfaktoren und Prozessmerkmale, die Grundlage der Praxiswerkstätten bis Herbst 2022.',
  },
  {
    slug: 'praxiswerkstatt-mannheim-2022',
    kind: 'praxiswerkstatt',
    title: 'Praxiswerkstatt in Mannheim',
    teaser: 'Neue Handlungsansätze vor Ort bei einem aktiven Netzwerkmitglied, mit der Expertise der weiteren Netzwerkpartner.',
    description: `Auf Grundlage der Quintessenz 2021 werden in Mannheim neue Handlungsansätze ausprobiert und weiterentwickelt.\n\n${approximate('2022')}`,
    when: [2022, 5, 12, 10, 17],
    mode: 'on_site',
    venue: null,
    place: 'Mannheim',
    actionFields: ['neighbourhood', 'inner_city'],
    results: 'Praxiswerkstatt in Mannheim, 2022, Quelle: DV / Plan Zwei',
  },
  {
    slug: 'praxiswerkstatt-berlin-2022',
    kind: 'praxiswerkstatt',
    title: 'Praxiswerkstatt in Berlin',
    teaser: 'Workshops vor Ort; ein Graphic Recording fasst die Ergebnisse zusammen.',
    description: `Eine Praxiswerkstatt bei Netzwerkmitgliedern in Berlin.\n\n${approximate('2022')}`,
    when: [2022, 6, 23, 10, 17],
    mode: 'on_site',
    venue: null,
    place: 'Berlin',
    actionFields: ['neighbourhood'],
    results: 'Auf weißem Hintergrund ist eine Comiczeichnung zu sehen, welche die Ergebnisse aus den Workshops der Praxiswerkstatt zusammenfasst.\n\nGraphic Recording aus einer Praxiswerkstatt in Berlin, 2022, Quelle: DV / 123 Comic',
  },
  {
    slug: 'praxiswerkstatt-rurale-strategien-praedikow-2022',
    kind: 'praxiswerkstatt',
    title: 'Praxiswerkstatt „Rurale Strategien“ in Prädikow',
    teaser: 'Strategien für ländliche Räume, erprobt im Dorf – die Praxiswerkstätten laufen bis Herbst 2022.',
    description: `Die Praxiswerkstatt in Prädikow widmet sich ruralen Strategien.\n\n${approximate('2022')}`,
    when: [2022, 9, 8, 10, 17],
    mode: 'on_site',
    venue: 'Prädikow',
    place: 'Prötzel',
    actionFields: ['rural', 'small_towns'],
    results: 'Praxiswerkstatt Rurale Strategien in Prädikow, 2022, Quelle: DV / Anke Schuettler',
  },
  {
    slug: 'erfahrungsaustausch-bernburg-2023',
    kind: 'erfahrungsaustausch',
    title: 'Erfahrungsaustausch in Bernburg',
    teaser: 'Rund vierzig Netzwerkmitglieder treffen sich im Projektraum COI in Bernburg.',
    description: `Ein Erfahrungsaustausch des Netzwerks im März 2023 in Bernburg (Saale), im Projektraum COI.\n\n${approximate('März 2023')}`,
    when: [2023, 3, 16, 10, 17],
    mode: 'on_site',
    venue: 'Projektraum COI',
    place: '06406 Bernburg',
    actionFields: ['small_towns', 'inner_city'],
    results: 'Gruppenfoto von etwa vierzig Personen, die vor dem Schaufenster des Projektraums COI in Bernburg stehen.\n\nErfahrungsaustausch in Bernburg, März 2023, Quelle: Gemeinsam für das Quartier / Lukas Petereit',
  },
  ...[
    ['innenstadtkonzepte', 'Umsetzung von Innenstadtkonzepten', 'inner_city'],
    ['kunst-und-kultur-grosswohnsiedlungen', 'Kunst und Kultur für den Zusammenhalt in Großwohnsiedlungen', 'neighbourhood'],
    ['nachnutzung-handelsimmobilien', 'Nachnutzung innerstädtischer Handelsimmobilien', 'inner_city'],
  ].map(([slug, theme, field], i): SeedFormat => ({
    slug: `stadtlabor-${slug}-2023`,
    kind: 'stadtlabor_session',
    title: `Stadtlabor: ${theme}`,
    teaser: 'Ein prozessbegleitendes Stadtlabor: ausgewählte Partner werden bis etwa Ende 2024 mit der Expertise des Netzwerks begleitet.',
    description: `Seit Anfang 2023 führt die Vernetzungsinitiative Stadtlabore durch. Sie gehen über die Praxiswerkstätten hinaus: Die Teilnehmenden erfahren den Mehrwert der Transformation direkt. Thema dieses Stadtlabors: ${theme}.\n\n${approximate('Anfang 2023')}`,
    when: [2023, 2, 14 + i * 7, 10, 16],
    mode: 'on_site',
    venue: 'bei den Partnern des Stadtlabors',
    place: null,
    actionFields: [field as 'inner_city' | 'neighbourhood'],
    results: '',
  })),
  {
    slug: 'impulslabor-2023',
    kind: 'impulslabor',
    title: 'Impulslabor 2023',
    teaser: 'Ein neues Thema, an einem Tag aufgegriffen.',
    description: `Neben den Stadtlaboren greifen eintägige Impulslabore neue Themen punktuell auf.\n\n${approximate('2023')}`,
    when: [2023, 10, 19, 10, 17],
    mode: 'on_site',
    venue: 'bei einem Netzwerkmitglied',
    place: null,
    actionFields: ['neighbourhood', 'inner_city', 'small_towns', 'rural'],
    results: '',
  },
  {
    slug: 'fachkonferenz-2025',
    kind: 'fachkonferenz',
    title: 'Bundesweite Fachkonferenz 2025',
    teaser: 'Die Ergebnisse der Vernetzungsinitiative werden Mitte 2025 in einer großen bundesweiten Fachkonferenz präsentiert.',
    description: `Stadtlabore, Impulslabore, der offene Austausch zu Ad-hoc-Themen und die politischen Empfehlungen der Initiative kommen auf der Fachkonferenz zusammen.\n\n${approximate('Mitte 2025')}`,
    when: [2025, 6, 26, 10, 17],
    mode: 'hybrid',
    venue: 'bundesweite Fachkonferenz',
    place: null,
    actionFields: ['neighbourhood', 'inner_city', 'small_towns', 'rural'],
    results: '',
  },
];

/** Idempotent: formats already there (by slug) are left as they are. */
export async function seedFormatsStep(ctx: Context): Promise<void> {
  const existing = new Set((await ctx.db.selectFrom('formats').select('slug').where('slug', 'in', seedFormats.map((f) => f.slug)).execute()).map((r) => r.slug));
  for (const format of seedFormats) {
    if (existing.has(format.slug)) continue;
    const resolution = format.place ? await resolvePlaceInput(ctx, format.place) : null;
    const [year, month, day, from, to] = format.when;
    const startsAt = fromBerlin(year, month, day, from);
    await ctx.db
      .insertInto('formats')
      .values({
        slug: format.slug,
        kind: format.kind,
        title: format.title,
        teaser: format.teaser,
        description: format.description,
        starts_at: startsAt,
        ends_at: fromBerlin(year, month, day, to),
        mode: format.mode,
        venue: format.venue,
        place_id: resolution?.kind === 'found' ? resolution.place.id : null,
        action_fields: format.actionFields,
        status: 'published',
        published_at: startsAt,
        results: format.results,
      })
      .execute();
  }
}
