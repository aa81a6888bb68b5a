import type { Sector } from './model.js';

/**
 * Word lists of the demo generator (demo.ts). The phrases are built so that the words people
 * search for occur as they do in a real network: „Quartier“ is very common (in names, tags and
 * texts, also inside compounds such as „Quartiersmanagement“), „Jugendarbeit“ and „Leerstand“
 * are frequent, most other words rare.
 */

const [H, M, W, C, K, O] = ['housing_industry', 'municipality', 'welfare', 'civil_society', 'creative_culture', 'other'] as const satisfies readonly Sector[];

/** Which sectors typically offer and need a term of the seeded vocabulary (seed.ts); other terms are drawn evenly. */
export const TAG_AFFINITY: Record<string, { offer: Sector[]; need: Sector[] }> = {
  'Zwischennutzung': { offer: [H, K], need: [K, C, M] },
  'Leerstand': { offer: [H, M], need: [K, C] },
  'Nachnutzung von Handelsimmobilien': { offer: [H, O], need: [M] },
  'Fördermittelberatung': { offer: [M, O], need: [C, K, W] },
  'Finanzierung': { offer: [O, H], need: [C, K, W] },
  'Beteiligungsformate': { offer: [C, O, K], need: [M, H] },
  'Bürgerbeteiligung': { offer: [C, O], need: [M] },
  'Moderation': { offer: [O, K], need: [M, C] },
  'Prozessbegleitung': { offer: [O], need: [M, H] },
  'Netzwerkarbeit': { offer: [O, M], need: [C, K] },
  'Veranstaltungsorganisation': { offer: [K, C], need: [M, W] },
  'Räume für Veranstaltungen': { offer: [H, M, W], need: [C, K] },
  'Öffentlichkeitsarbeit': { offer: [K], need: [C, W] },
  'Kulturarbeit': { offer: [K], need: [H, M, W] },
  'Kunst im öffentlichen Raum': { offer: [K], need: [M, H] },
  'Kreativwirtschaft': { offer: [K], need: [M] },
  'Graphic Recording': { offer: [K], need: [M, O] },
  'Fotografie': { offer: [K], need: [C, W] },
  'Quartiersmanagement': { offer: [M, W], need: [H, C] },
  'Nachbarschaftsarbeit': { offer: [C, W], need: [H] },
  'Jugendarbeit': { offer: [W, C], need: [M, H] },
  'Ehrenamt': { offer: [C], need: [W, M, K] },
  'Soziale Beratung': { offer: [W], need: [H] },
  'Inklusion': { offer: [W], need: [M, K] },
  'Integration': { offer: [W, C], need: [M] },
  'Bildungsangebote': { offer: [W, O, K], need: [M] },
  'Stadtplanung': { offer: [M, O], need: [C, H] },
  'Innenstadtentwicklung': { offer: [M], need: [K, C] },
  'Großwohnsiedlungen': { offer: [H], need: [K, W] },
  'Ländliche Entwicklung': { offer: [M, C], need: [O] },
  'Projektentwicklung': { offer: [H, O], need: [M] },
  'Gemeinschaftliches Wohnen': { offer: [H, C], need: [W] },
  'Bezahlbarer Wohnraum': { offer: [H], need: [W, M] },
  'Klimaanpassung': { offer: [O, M], need: [H, C] },
  'Urbanes Gärtnern': { offer: [C], need: [H] },
  'Mobilität': { offer: [M, O], need: [C, W] },
  'Wissenschaftliche Begleitung': { offer: [O], need: [M, C] },
  'Digitalisierung': { offer: [O, K], need: [W, C, M] },
};

/** Tags that members add beside the vocabulary. */
export const FREE_TAGS = [
  'Lastenrad-Verleih', 'Repair-Café', 'Sprachcafé', 'Mieterberatung', 'Hausaufgabenhilfe', 'Erzählcafé', 'Stadtteilzeitung', 'Tauschbörse',
  'Urban Gardening', 'Offene Werkstatt', 'Kiezfest', 'Wochenmarkt', 'Coworking', 'Pop-up-Laden', 'Denkmalpflege', 'Streetwork', 'Foodsharing',
  'Spielplatzpatenschaft', 'Quartiersfest', 'Bauspielplatz', 'Leihladen', 'Trauercafé', 'Theaterpädagogik', 'Graffiti-Workshops',
];

export const DISTRICTS = ['Nord', 'Süd', 'Ost', 'West', 'Mitte', 'Altstadt', 'Neustadt', 'Innenstadt', 'Bahnhofsviertel', 'Oststadt', 'Weststadt', 'Südstadt', 'Nordstadt', 'Hafenviertel', 'Schlossberg', 'Am Markt', 'Lindenhof', 'Feldmark'];

export const FIRST_NAMES = ['Anna', 'Ben', 'Clara', 'David', 'Elif', 'Felix', 'Greta', 'Hannes', 'Ida', 'Jonas', 'Katharina', 'Lukas', 'Mara', 'Nils', 'Olga', 'Paul', 'Rosa', 'Samir', 'Tanja', 'Ulrich', 'Vera', 'Wolfgang', 'Yasemin', 'Zoe', 'Jürgen', 'Sabine', 'Mehmet', 'Birgit', 'Thomas', 'Leonie'];
export const LAST_NAMES = ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Hoffmann', 'Schulz', 'Koch', 'Richter', 'Klein', 'Wolf', 'Neumann', 'Schwarz', 'Zimmermann', 'Krüger', 'Hartmann', 'Lange', 'Yılmaz', 'Kowalski', 'Nguyen', 'Brandt', 'Vogel', 'Albrecht', 'Sommer', 'Winkler'];

/** Name patterns per sector: {P} place, {D} district (or the place itself in small places), {L} a family name. */
export const NAME_PATTERNS: Record<Sector, string[]> = {
  housing_industry: ['Wohnungsbaugenossenschaft {P} eG', 'Wohnungsgesellschaft {P} mbH', 'Bauverein {P} eG', 'Stadtbau {P} GmbH', 'Immobilien {L} & Partner', 'Wohnen im Quartier {D} eG', 'Gemeinnützige Baugenossenschaft {D}'],
  municipality: ['Stadt {P} – Amt für Stadtentwicklung', 'Gemeinde {P}', 'Quartiersmanagement {P}-{D}', 'Stadtteilbüro {D} ({P})', 'Wirtschaftsförderung {P}', 'Stadtverwaltung {P}, Fachbereich Soziales', 'Citymanagement {P}'],
  welfare: ['Caritasverband {P}', 'Diakonisches Werk {P}', 'AWO Ortsverein {P}', 'DRK-Kreisverband {P}', 'Paritätischer Wohlfahrtsverband, Regionalbüro {P}', 'Jugendhilfe {P} gGmbH', 'Familienzentrum {D}', 'Mehrgenerationenhaus {P}', 'Stadtteiltreff {D}'],
  civil_society: ['Bürgerverein {P}-{D}', 'Nachbarschaftsinitiative {D}', 'Förderverein Jugendarbeit {P} e. V.', 'Initiative Leerstand {P}', 'Quartiersverein {D} e. V.', 'Heimatverein {P}', 'Gemeinschaftsgarten {D}', 'Zukunftswerkstatt {P} e. V.', 'Lokale Agenda {P}'],
  creative_culture: ['Kulturzentrum {P}', 'Atelierhaus {D}', 'Kunstverein {P} e. V.', 'Theaterkollektiv {L}', 'Soziokulturelles Zentrum {P}', 'Designbüro {L}', 'Musikschule {P}', 'Kreativquartier {P}', 'Galerie am {D}'],
  other: ['Hochschule {P}, Institut für Stadtforschung', 'Bürgerstiftung {P}', 'Stiftung Lebendige Stadt {P}', 'Forschungsgruppe Quartier, Universität {P}', 'Planungsbüro {L} & Partner', 'Landesinitiative Baukultur, Büro {P}'],
};

/** Village names use these instead of the city patterns. */
export const RURAL_PATTERNS: Partial<Record<Sector, string[]>> = {
  civil_society: ['Dorfverein {P} e. V.', 'Heimatverein {P}', 'Dorfladen {P} eG', 'Förderverein Dorfgemeinschaftshaus {P}'],
  municipality: ['Gemeinde {P}', 'Amt {P}, Bauverwaltung', 'Ortsgemeinde {P}'],
  creative_culture: ['Kulturscheune {P}', 'Landkultur {P} e. V.', 'Kunsthof {L}'],
};

const CITY_AIMS = [
  'die Nachbarschaft im Quartier {D}',
  'Jugendarbeit und offene Treffpunkte im Quartier',
  'die Beteiligung der Bewohnerinnen und Bewohner an der Quartiersentwicklung',
  'die Zwischennutzung leerstehender Läden in {P}',
  'Kulturarbeit für alle Generationen',
  'das Zusammenleben im Quartier',
  'bezahlbaren Wohnraum in {P}',
  'eine lebendige Innenstadt in {P}',
  'Projekte gegen Leerstand und für neue Nutzungen',
  'Angebote für ältere Menschen im Stadtteil {D}',
  'Kinder- und Jugendarbeit in {D}',
  'Kooperationen zwischen Wohnungswirtschaft und Zivilgesellschaft',
  'Quartiere, in denen Menschen gern leben',
];
const RURAL_AIMS = ['die Entwicklung des Dorfkerns von {P}', 'Treffpunkte im ländlichen Raum', 'Jugendarbeit auf dem Land', 'den Erhalt von Nahversorgung in {P}', 'das Ehrenamt in {P} und Umgebung'];
const VERBS = ['Wir stärken', 'Wir vernetzen Menschen für', 'Wir begleiten', 'Wir gestalten', 'Wir unterstützen', 'Unser Schwerpunkt ist', 'Wir setzen uns ein für'];

export const aims = (rural: boolean) => (rural ? RURAL_AIMS : CITY_AIMS);
export { VERBS };

export const DESCRIPTION_SENTENCES = [
  'Seit {Y} arbeiten wir mit Partnern aus Verwaltung, Wohnungswirtschaft und Zivilgesellschaft zusammen.',
  'Unsere Räume stehen Initiativen aus dem Quartier für Treffen und Veranstaltungen offen.',
  'Wir suchen Partner, die mit uns neue Wege in der Quartiersentwicklung gehen.',
  'Ein Team aus Haupt- und Ehrenamtlichen organisiert Angebote für Kinder, Jugendliche und Familien.',
  'Gemeinsam mit der Stadt {P} entwickeln wir Ideen für leerstehende Erdgeschosse.',
  'Kunst und Kultur verstehen wir als Motor für den Zusammenhalt in der Nachbarschaft.',
  'Wir beraten zu Förderprogrammen der Städtebauförderung und begleiten Anträge.',
  'Beteiligungsformate wie Stadtteilspaziergänge und Werkstätten gehören zu unserer Arbeit.',
  'Besonders wichtig sind uns Barrierefreiheit und Angebote in einfacher Sprache.',
  'Mit Zwischennutzungen machen wir leere Läden wieder zu Orten der Begegnung.',
  'Wir verstehen uns als Brücke zwischen den Menschen vor Ort und der Verwaltung.',
  'In Praxiswerkstätten teilen wir unsere Erfahrungen mit anderen Kommunen.',
  'Unsere Jugendarbeit setzt auf Mitbestimmung und eigene Projekte der Jugendlichen.',
  'Wir dokumentieren unsere Projekte und teilen Erkenntnisse mit dem Netzwerk.',
  'Der demografische Wandel stellt uns vor neue Aufgaben, die wir gemeinsam angehen.',
  'Koproduktion, Gemeinwesenorientierung und Aktivierung leiten unsere Arbeit.',
];

export const EXPERTISE = [
  'Quartiersentwicklung', 'Moderation von Beteiligungsprozessen', 'Fördermittelakquise', 'Jugendsozialarbeit', 'Kulturmanagement', 'Projektsteuerung',
  'Bestandsentwicklung', 'Gemeinwesenarbeit', 'Öffentlichkeitsarbeit', 'Städtebauförderung', 'Ehrenamtskoordination', 'Leerstandsmanagement',
  'Sozialraumanalyse', 'Innenstadtmanagement', 'Soziokultur', 'Mietrecht', 'Dorfmoderation',
];
