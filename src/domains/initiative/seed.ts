import type { InitiativeRow, MilestoneRow } from './queries.js';

/** Public facts of the initiative, from its project page (Nationale Stadtentwicklungspolitik). */
export const initiativeSeed: Omit<InitiativeRow, 'updated_at'> = {
  name: 'Gemeinsam für das Quartier',
  claim_de:
    'Das Netzwerk möchte neue Partnerschaften befördern – für eine aktivierende, kooperative und gemeinwesenorientierte Entwicklung von Wohnquartieren, Stadtzentren, ländlichen Räumen und Kleinstädten.',
  claim_en:
    'The network wants to foster new partnerships for an activating, cooperative and community-oriented development of residential neighbourhoods, town centres, rural areas and small towns.',
  idea_de:
    '„Gemeinsam für das Quartier“ ist ein Projekt der Nationalen Stadtentwicklungspolitik. Die Vernetzungsinitiative startete Anfang 2020, angestoßen durch den Deutschen Verband für Wohnungswesen, Städtebau und Raumordnung e.V. (DV) und STADT ALS CAMPUS e.V. Sie bringt etablierte Akteure aus Immobilienwirtschaft und Kommunen mit Wohlfahrtsorganisationen, zivilgesellschaftlichen Initiativen sowie der Kreativ- und Kulturszene zusammen – Gruppen, die sich jeweils für eine gemeinwesenorientierte Stadt- und Quartiersentwicklung einsetzen, bisher aber wenig zusammenwirken, unterschiedliche Perspektiven verfolgen oder sich einfach nicht gut kennen.',
  idea_en:
    '“Gemeinsam für das Quartier” (Together for the Neighbourhood) is a project of the National Urban Development Policy. The networking initiative started in early 2020, initiated by the German Association for Housing, Urban and Spatial Development (DV) and STADT ALS CAMPUS e.V. It brings established players from the real-estate sector and municipalities together with welfare organisations, civil-society initiatives and the creative and cultural scene – groups that each work for community-oriented urban and neighbourhood development but have so far rarely worked together, follow different perspectives or simply do not know each other well.',
  goals_de:
    'Die Initiative will diese Akteure in den Austausch bringen und eine eigendynamische Vernetzung in Handlungsfeldern mit besonderem Innovationsbedarf anstoßen. Die entstehenden Synergien sollen für die Entwicklung von Wohnquartieren, Innenstädten, Klein- und Mittelstädten sowie ländlichen Räumen genutzt werden. Grundlegend sind von Anfang an Koproduktion, Gemeinwesenorientierung und die Aktivierung der Akteure.',
  goals_en:
    'The initiative wants to bring these players into dialogue and spark self-sustaining networking in fields of action with a particular need for innovation. The resulting synergies are to benefit the development of residential neighbourhoods, inner cities, small and medium-sized towns and rural areas. Co-production, community orientation and the activation of all players have been fundamental from the start.',
  carrier: 'Deutscher Verband für Wohnungswesen, Städtebau und Raumordnung e.V.',
  carrier_short: 'DV',
  initiator: 'STADT ALS CAMPUS e.V.',
  programme: 'Nationale Stadtentwicklungspolitik',
  website: 'https://www.deutscher-verband.org',
  start_year: 2020,
  end_year: null,
  status: 'running',
  image_alt_de: 'Menschen sitzen in einem Stuhlkreis. Auf dem Boden liegen farbige Papiere.',
  image_alt_en: 'People sit in a circle of chairs. Coloured sheets of paper lie on the floor.',
  image_credit: 'DV / Plan Zwei',
};

/** The timeline 2020 → 2025 with the formats and places the project page names. */
export const milestoneSeed: MilestoneRow[] = [
  {
    slug: 'start-2020', year: 2020, sort: 1, format_kind: null, place: null,
    title_de: 'Start der Vernetzungsinitiative', title_en: 'The networking initiative starts',
    text_de: 'Anfang 2020 startet „Gemeinsam für das Quartier“, angestoßen durch den DV und STADT ALS CAMPUS e.V.',
    text_en: 'In early 2020 “Gemeinsam für das Quartier” starts, initiated by the DV and STADT ALS CAMPUS e.V.',
    credit: null,
  },
  {
    slug: 'werkstattgespraeche-2020', year: 2020, sort: 2, format_kind: 'werkstattgespraech', place: null,
    title_de: 'Veranstaltungen und Werkstattgespräche', title_en: 'Events and workshop talks',
    text_de: 'Unter Federführung des DV finden Veranstaltungen und Werkstattgespräche mit den verschiedenen Akteursgruppen statt.',
    text_en: 'Led by the DV, events and workshop talks with the different groups of players take place.',
    credit: null,
  },
  {
    slug: 'broschuere-kreative-stadtentwicklung', year: 2020, sort: 3, format_kind: null, place: null,
    title_de: 'Broschüre „Kreative Stadtentwicklung – Formate, Orte, Strategien“', title_en: 'Brochure “Kreative Stadtentwicklung – Formate, Orte, Strategien” (creative urban development)',
    text_de: 'Die Publikation der Vernetzungsinitiative erscheint.',
    text_en: 'The networking initiative publishes its brochure.',
    credit: 'DV / Plan Zwei',
  },
  {
    slug: 'perspektivenwerkstaetten-2021', year: 2021, sort: 1, format_kind: 'perspektivenwerkstatt', place: null,
    title_de: 'Digitale Perspektivenwerkstätten', title_en: 'Digital perspective workshops',
    text_de: 'In digitalen Perspektivenwerkstätten tragen die Netzwerkmitglieder Erfolgsfaktoren und Prozessmerkmale erfolgreicher Stadtentwicklungsvorhaben zusammen – die „Quintessenz 2021“.',
    text_en: 'In digital perspective workshops the network members gather success factors and process characteristics of successful urban development projects – the “Quintessenz 2021”.',
    credit: null,
  },
  {
    slug: 'praxiswerkstatt-mannheim-2022', year: 2022, sort: 1, format_kind: 'praxiswerkstatt', place: 'Mannheim',
    title_de: 'Praxiswerkstatt in Mannheim', title_en: 'Practice workshop in Mannheim',
    text_de: 'Auf Grundlage der Quintessenz werden bei aktiven Netzwerkmitgliedern vor Ort neue Handlungsansätze erprobt und weiterentwickelt – mit der Expertise der weiteren Netzwerkpartner.',
    text_en: 'Based on the Quintessenz, new approaches are tried out and developed on site with active network members – drawing on the expertise of the other network partners.',
    credit: 'DV / Plan Zwei',
  },
  {
    slug: 'praxiswerkstatt-berlin-2022', year: 2022, sort: 2, format_kind: 'praxiswerkstatt', place: 'Berlin',
    title_de: 'Praxiswerkstatt in Berlin', title_en: 'Practice workshop in Berlin',
    text_de: 'Ein Graphic Recording fasst die Ergebnisse aus den Workshops der Praxiswerkstatt zusammen.',
    text_en: 'A graphic recording sums up the results of the practice workshop’s sessions.',
    credit: 'DV / 123 Comic',
  },
  {
    slug: 'praxiswerkstatt-praedikow-2022', year: 2022, sort: 3, format_kind: 'praxiswerkstatt', place: 'Prädikow',
    title_de: 'Praxiswerkstatt „Rurale Strategien“ in Prädikow', title_en: 'Practice workshop “Rural strategies” in Prädikow',
    text_de: 'Auf einem Dorfplatz geht es um Strategien für ländliche Räume. Die Praxiswerkstätten laufen bis Herbst 2022.',
    text_en: 'On a village square, the workshop deals with strategies for rural areas. The practice workshops run until autumn 2022.',
    credit: 'DV / Anke Schuettler',
  },
  {
    slug: 'erfahrungsaustausch-bernburg-2023', year: 2023, sort: 1, format_kind: 'erfahrungsaustausch', place: 'Bernburg (Saale)',
    title_de: 'Erfahrungsaustausch in Bernburg', title_en: 'Exchange of experience in Bernburg',
    text_de: 'Im März 2023 treffen sich rund vierzig Netzwerkmitglieder vor und im Projektraum COI in Bernburg.',
    text_en: 'In March 2023 about forty network members meet at the COI project space in Bernburg.',
    credit: 'Gemeinsam für das Quartier / Lukas Petereit',
  },
  {
    slug: 'stadtlabore-2023', year: 2023, sort: 2, format_kind: 'stadtlabor_session', place: null,
    title_de: 'Stadtlabore und Impulslabore', title_en: 'City labs and impulse labs',
    text_de: 'Seit Anfang 2023 begleiten prozessbegleitende Stadtlabore ausgewählte Partner bis etwa Ende 2024 – zu drei Themen: Umsetzung von Innenstadtkonzepten, Kunst und Kultur für den Zusammenhalt in Großwohnsiedlungen und Nachnutzung innerstädtischer Handelsimmobilien. Eintägige Impulslabore greifen neue Themen auf.',
    text_en: 'Since early 2023, process-accompanying city labs support selected partners until about the end of 2024 – on three themes: implementing inner-city concepts, art and culture for cohesion in large housing estates, and re-using inner-city retail properties. One-day impulse labs take up new topics.',
    credit: null,
  },
  {
    slug: 'ad-hoc-themen', year: 2024, sort: 1, format_kind: null, place: null,
    title_de: 'Offener Austausch zu Ad-hoc-Themen', title_en: 'Open exchange on ad-hoc topics',
    text_de: 'Die Initiative führt den offenen Austausch weiter, etwa zum Einbezug junger Stadtmacherinnen und Stadtmacher, konsolidiert das Netzwerk und erarbeitet politische Empfehlungen.',
    text_en: 'The initiative continues the open exchange, for instance on involving young city makers, consolidates the network and drafts policy recommendations.',
    credit: null,
  },
  {
    slug: 'fachkonferenz-2025', year: 2025, sort: 1, format_kind: 'fachkonferenz', place: null,
    title_de: 'Bundesweite Fachkonferenz', title_en: 'National conference',
    text_de: 'Mitte 2025 werden die Ergebnisse in einer großen bundesweiten Fachkonferenz präsentiert.',
    text_en: 'In mid-2025 the results are presented at a large national conference.',
    credit: null,
  },
];
