import type { Locale } from '../../platform/i18n/index.js';
import { modelMessages } from './model-messages.js';
import { ACTION_FIELDS, ACTOR_KINDS, SECTORS, VISIBILITIES } from './model.js';

/**
 * The CSV format of actors, shared by import and export (so that an export imports again): the
 * columns with their German and English headers, and the codecs of the fixed vocabularies.
 */

export const CSV_COLUMNS = [
  'name',
  'kind',
  'sector',
  'actionFields',
  'place',
  'municipalityKey',
  'summary',
  'description',
  'expertise',
  'website',
  'links',
  'contactName',
  'contactEmail',
  'contactPhone',
  'visibility',
  'offers',
  'needs',
  'externalId',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** A file must have these; every other column is optional (an update keeps what a missing column holds). */
export const REQUIRED_COLUMNS: readonly CsvColumn[] = ['name', 'sector'];

/** Several values in one cell (action fields, links, offers, needs). */
export const LIST_SEPARATOR = '|';

/** The German headers the export writes; English exports use the code names. */
export const GERMAN_HEADERS: Record<CsvColumn, string> = {
  name: 'Name',
  kind: 'Art',
  sector: 'Akteursgruppe',
  actionFields: 'Handlungsfelder',
  place: 'Ort',
  municipalityKey: 'Gemeindeschlüssel',
  summary: 'Kurzbeschreibung',
  description: 'Beschreibung',
  expertise: 'Expertise',
  website: 'Website',
  links: 'Links',
  contactName: 'Ansprechperson',
  contactEmail: 'E-Mail',
  contactPhone: 'Telefon',
  visibility: 'Sichtbarkeit',
  offers: 'Angebote',
  needs: 'Bedarfe',
  externalId: 'Externe ID',
};

export const headerOf = (column: CsvColumn, locale: Locale) => (locale === 'de' ? GERMAN_HEADERS[column] : column);

/** Headers compared without case, spaces, hyphens or underscores: „E-Mail“ = „email“, „action_fields“ = „actionFields“. */
const headerKey = (text: string) => text.toLocaleLowerCase('de').replace(/[^\p{L}\p{N}]/gu, '');

const aliases: Record<CsvColumn, string[]> = {
  name: [],
  kind: ['typ'],
  sector: ['sektor'],
  actionFields: ['handlungsfeld'],
  place: ['gemeinde', 'plz'],
  municipalityKey: ['gemeindeschluessel', 'ags'],
  summary: [],
  description: [],
  expertise: [],
  website: ['webseite', 'internetseite'],
  links: ['weiterelinks'],
  contactName: ['kontakt', 'kontaktperson'],
  contactEmail: ['email', 'emailadresse'],
  contactPhone: ['telefonnummer', 'phone'],
  visibility: [],
  offers: [],
  needs: [],
  externalId: ['id', 'externeid'],
};

const columnsByHeader = new Map<string, CsvColumn>();
for (const column of CSV_COLUMNS) {
  for (const name of [column, GERMAN_HEADERS[column], ...aliases[column]]) columnsByHeader.set(headerKey(name), column);
}

/** The column a header names, or null for a column the import does not know. */
export function columnOfHeader(header: string): CsvColumn | null {
  return columnsByHeader.get(headerKey(header)) ?? null;
}

/** A vocabulary's values by code, German and English label, compared without case. */
function codec<T extends string>(values: readonly T[], labelKey: (value: T) => keyof typeof modelMessages.de) {
  const byText = new Map<string, T>();
  for (const value of values) {
    for (const text of [value, modelMessages.de[labelKey(value)], modelMessages.en[labelKey(value)]]) byText.set(text.toLocaleLowerCase('de'), value);
  }
  return {
    read: (text: string): T | null => byText.get(text.trim().toLocaleLowerCase('de')) ?? null,
    write: (value: T, locale: Locale): string => modelMessages[locale][labelKey(value)],
    values,
  };
}

export const sectorCodec = codec(SECTORS, (s) => `sector.${s}`);
export const actionFieldCodec = codec(ACTION_FIELDS, (a) => `actionField.${a}`);
export const kindCodec = codec(ACTOR_KINDS, (k) => `kind.${k}`);
export const visibilityCodec = codec(VISIBILITIES, (v) => `visibility.${v}`);

/** The parts of a list cell: trimmed, empty parts dropped. */
export const splitList = (cell: string) =>
  cell
    .split(LIST_SEPARATOR)
    .map((part) => part.trim())
    .filter((part) => part !== '');

export { neutraliseFormula, restoreFormula } from '../../platform/csv.js';
