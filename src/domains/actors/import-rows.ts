import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Context } from '../../platform/context.js';
import { ValidationError } from '../../platform/errors/index.js';
import { translator, type Translate } from '../../platform/i18n/index.js';
import { resolvePlaceQueries, type PlaceQuery } from '../places/bulk.js';
import type { Place, PlaceResolution } from '../places/service.js';
import { actionFieldCodec, columnOfHeader, CSV_COLUMNS, headerOf, kindCodec, REQUIRED_COLUMNS, restoreFormula, sectorCodec, splitList, visibilityCodec, type CsvColumn } from './csv-columns.js';
import type { CsvRecord } from './csv-read.js';
import { importMessages, type ImportMessageKey } from './import-messages.js';
import type { ActionField, ActorKind, Visibility } from './model.js';
import { ActorInputError, controlCharacters, readActorInput, type ActorInput, type RawActorInput } from './profile-input.js';

/** The rows of an import file read into checked actor values, every problem noted with its line. */

const EXTERNAL_ID_MAX = 100;

/** A problem of the file as a whole: nothing of it is read. The form shows it at the file field. */
export class ImportFileError extends ValidationError {
  constructor(message: string) {
    super({ file: message });
  }
}

export interface ImportProblem {
  line: number;
  /** The column's header as the file writes it; null for the row as a whole. */
  column: string | null;
  message: string;
}

export class Problems {
  readonly list: ImportProblem[] = [];
  private readonly lines = new Set<number>();
  add(line: number, column: string | null, message: string) {
    this.list.push({ line, column, message });
    this.lines.add(line);
  }
  has(line: number) {
    return this.lines.has(line);
  }
  get rows() {
    return this.lines.size;
  }
}

/** Which cell holds which column, and the headers as the file writes them (for messages). */
export interface FileLayout {
  cells: (CsvColumn | null)[];
  present: Set<CsvColumn>;
  headers: Map<CsvColumn, string>;
  ignored: string[];
}

export function readLayout(ctx: Context, header: string[]): FileLayout {
  const t = translator(importMessages, ctx.locale);
  const headers = new Map<CsvColumn, string>();
  const ignored: string[] = [];
  const cells = header.map((text) => {
    const column = columnOfHeader(text);
    if (column === null) {
      if (text.trim()) ignored.push(text.trim().slice(0, 60));
      return null;
    }
    if (headers.has(column)) throw new ImportFileError(t('file.duplicateColumn', { column: text.trim().slice(0, 60) }));
    headers.set(column, text.trim());
    return column;
  });
  const missing = REQUIRED_COLUMNS.filter((column) => !headers.has(column));
  if (missing.length > 0) throw new ImportFileError(t('file.missingColumns', { columns: missing.map((c) => `„${headerOf(c, ctx.locale)}“`).join(', ') }));
  return { cells, present: new Set(headers.keys()), headers, ignored };
}

/** One row's values, checked as the profile form checks them. `kind` and `visibility` are null where the file leaves them open. */
export interface CheckedRow extends Omit<ActorInput, 'kind' | 'visibility' | 'offers' | 'needs'> {
  line: number;
  kind: ActorKind | null;
  visibility: Visibility | null;
  /** Tag labels as the file writes them. */
  offers: string[];
  needs: string[];
  externalId: string | null;
}

/** Spreadsheets drop leading zeros: „8222000“ is Mannheim's key 08222000, „1067“ the Dresden postcode 01067. */
const padDigits = (text: string, length: number) => (/^\d+$/.test(text) && text.length === length - 1 ? `0${text}` : text);

type T = Translate<ImportMessageKey>;

function allowed<V extends string>(codec: { values: readonly V[]; write: (v: V, locale: 'de' | 'en') => string }, locale: 'de' | 'en') {
  return codec.values.map((v) => `${v} („${codec.write(v, locale)}“)`).join(', ');
}

/** Reads every record; rows with problems are left out of the result, their problems noted. */
export async function checkRows(
  ctx: Context,
  layout: FileLayout,
  records: CsvRecord[],
  problems: Problems,
  onProgress: (done: number) => Promise<void>,
): Promise<CheckedRow[]> {
  const t = translator(importMessages, ctx.locale);
  const places = await resolvePlaces(ctx, t, layout, records, problems);
  const rows: CheckedRow[] = [];
  for (const [index, record] of records.entries()) {
    const row = await checkRow(ctx, t, layout, record, places[index]!, problems);
    if (row && !problems.has(record.line)) rows.push(row);
    if (index % 500 === 499) {
      await onProgress(index + 1);
      await yieldToEventLoop();
    }
  }
  await onProgress(records.length);
  return rows;
}

function cellOf(layout: FileLayout, record: CsvRecord) {
  const byColumn = new Map<CsvColumn, string>();
  layout.cells.forEach((column, i) => {
    if (column) byColumn.set(column, restoreFormula(record.cells[i] ?? ''));
  });
  return (column: CsvColumn) => byColumn.get(column) ?? '';
}

/** Every row's place in one go: null where the row names none or something went wrong (noted). */
async function resolvePlaces(ctx: Context, t: T, layout: FileLayout, records: CsvRecord[], problems: Problems): Promise<(Place | null)[]> {
  const header = (column: CsvColumn) => layout.headers.get(column) ?? headerOf(column, ctx.locale);
  const queries: (PlaceQuery | null)[] = records.map((record) => {
    const cell = cellOf(layout, record);
    const text = padDigits(cell('place').trim(), 5);
    const key = padDigits(cell('municipalityKey').trim(), 8);
    if (key && !/^\d{8}$/.test(key)) {
      problems.add(record.line, header('municipalityKey'), t('row.key'));
      return null;
    }
    if (!text && !key) return null;
    return key ? { text, municipalityKey: key } : { text: padDigits(text, 8) };
  });
  const wanted = queries.filter((q): q is PlaceQuery => q !== null);
  const resolved = await resolvePlaceQueries(ctx, wanted);
  const byQuery = new Map<PlaceQuery, PlaceResolution>(wanted.map((q, i) => [q, resolved[i]!]));
  return queries.map((query, i) => {
    if (!query) return null;
    const resolution = byQuery.get(query)!;
    if (resolution.kind === 'found') return resolution.place;
    const line = records[i]!.line;
    const value = (query.municipalityKey ? `${query.text} ${query.municipalityKey}`.trim() : query.text).slice(0, 80);
    if (resolution.kind === 'none') problems.add(line, header(query.municipalityKey && !query.text ? 'municipalityKey' : 'place'), t('row.placeUnknown', { value }));
    else problems.add(line, header('place'), t('row.placeAmbiguous', { value, candidates: describeCandidates(ctx, resolution.candidates) }));
    return null;
  });
}

/** „Neustadt (Landkreis Coburg, BY, 09473152)“: enough to tell the candidates apart and write the key. */
function describeCandidates(ctx: Context, candidates: Place[]): string {
  return candidates
    .slice(0, 5)
    .map((p) => `${p.name} (${[p.district, p.stateCode, p.municipalityKey].filter(Boolean).join(', ')})`)
    .join('; ');
}

async function checkRow(ctx: Context, t: T, layout: FileLayout, record: CsvRecord, place: Place | null, problems: Problems): Promise<CheckedRow | null> {
  const line = record.line;
  const cell = cellOf(layout, record);
  const header = (column: CsvColumn) => layout.headers.get(column) ?? headerOf(column, ctx.locale);
  const extra = record.cells.slice(layout.cells.length).filter((c) => c.trim() !== '');
  if (extra.length > 0) problems.add(line, null, t('row.cells', { count: layout.cells.length + extra.length, expected: layout.cells.length }));

  const read = <V extends string>(column: CsvColumn, codec: { read: (s: string) => V | null; values: readonly V[]; write: (v: V, l: 'de' | 'en') => string }, key: ImportMessageKey) => {
    const text = cell(column).trim();
    if (!text) return null;
    const value = codec.read(text);
    if (value === null) problems.add(line, header(column), t(key, { value: text.slice(0, 60), allowed: allowed(codec, ctx.locale) }));
    return value;
  };
  const kind = read('kind', kindCodec, 'row.kind');
  const sector = read('sector', sectorCodec, 'row.sector');
  const visibility = read('visibility', visibilityCodec, 'row.visibility');
  const actionFields = splitList(cell('actionFields')).map((text) => {
    const value = actionFieldCodec.read(text);
    if (value === null) problems.add(line, header('actionFields'), t('row.actionField', { value: text.slice(0, 60), allowed: allowed(actionFieldCodec, ctx.locale) }));
    return value;
  });
  const externalId = cell('externalId').trim() || null;
  if (externalId && (externalId.length > EXTERNAL_ID_MAX || controlCharacters.test(externalId))) problems.add(line, header('externalId'), t('row.externalId', { max: EXTERNAL_ID_MAX }));

  // The profile form's rules for every text, link, address and keyword (place and codes are read above).
  const raw: RawActorInput = {
    kind: kind ?? 'organisation',
    name: cell('name'),
    sector: sector ?? undefined,
    actionFields: actionFields.filter((a): a is ActionField => a !== null),
    summary: cell('summary'),
    description: cell('description'),
    expertise: cell('expertise'),
    website: cell('website'),
    links: splitList(cell('links')),
    contactName: cell('contactName'),
    contactEmail: cell('contactEmail'),
    contactPhone: cell('contactPhone'),
    visibility: visibility ?? 'public',
    offerLabels: splitList(cell('offers')),
    needLabels: splitList(cell('needs')),
  };
  try {
    const input = await readActorInput(ctx, raw);
    return { ...input, line, kind, visibility, place, offers: input.offers.labels, needs: input.needs.labels, externalId };
  } catch (error) {
    if (!(error instanceof ActorInputError)) throw error;
    for (const [field, message] of Object.entries(error.fields ?? {})) {
      const column = CSV_COLUMNS.find((c) => c === field) ?? 'name';
      // An unknown sector is reported above, with the values it may have.
      if (column === 'sector' && cell('sector').trim()) continue;
      problems.add(line, header(column), message);
    }
    return null;
  }
}
