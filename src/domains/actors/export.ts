import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import type { Context } from '../../platform/context.js';
import { csvOptions } from '../../platform/csv.js';
import { contactAccess } from './contact-access.js';
import type { Locale } from '../../platform/i18n/index.js';
import { actionFieldCodec, CSV_COLUMNS, headerOf, kindCodec, LIST_SEPARATOR, neutraliseFormula, sectorCodec, visibilityCodec, type CsvColumn } from './csv-columns.js';
import { selectExportBatch, type ExportCursor, type ExportRow } from './export-queries.js';
import { actorsGeoJson } from './geojson.js';
import { viewerOf, type Viewer } from './policy.js';
import { directoryMatch } from './search.js';
import type { DirectoryQuery } from './search-query.js';

/**
 * Exports of the directory as CSV, JSON and GeoJSON. They list exactly what the directory matches
 * for the same query (search.directoryMatch) and viewer (policy.listedFor: approved, not merged,
 * public — plus members-only for members; hidden never, for coordinators neither: they curate
 * hidden profiles on the review pages).
 * Contact details go only to signed-in members, as on the profile page; external ids only to
 * coordinators. CSV and JSON are streamed batch by batch, so 100,000 actors never sit in memory
 * and other requests get the database between batches.
 */

export const EXPORT_FORMATS = ['csv', 'json', 'geojson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
const BATCH = 1000;

async function* batches(ctx: Context, query: DirectoryQuery): AsyncGenerator<ExportRow[]> {
  const spec = await directoryMatch(ctx, query);
  let after: ExportCursor | null = null;
  for (;;) {
    const rows = await selectExportBatch(ctx.db, spec, after, BATCH);
    if (rows.length > 0) yield rows;
    if (rows.length < BATCH) return;
    const last = rows[rows.length - 1]!;
    after = { nameKey: last.name_key, id: last.id };
  }
}

/** What the viewer may have of a row beyond the profile's public facts (contacts: contact-access.ts). */
function disclosure(viewer: Viewer, contactVisible: (actorId: number) => boolean) {
  return {
    contact: (row: ExportRow) =>
      contactVisible(row.id) && (row.contact_name || row.contact_email || row.contact_phone) ? { name: row.contact_name, email: row.contact_email, phone: row.contact_phone } : null,
    externalId: (row: ExportRow) => (viewer.coordinator ? row.external_id : null),
  };
}

/**
 * The import's columns, in its order, so that an export imports again unchanged. Columns the
 * viewer may not have are left out rather than left empty: importing such a file keeps what the
 * profiles hold there instead of clearing it.
 */
function csvColumns(viewer: Viewer): CsvColumn[] {
  const hidden = new Set<CsvColumn>([...(viewer.member ? [] : (['contactName', 'contactEmail', 'contactPhone'] as const)), ...(viewer.coordinator ? [] : (['externalId'] as const))]);
  return CSV_COLUMNS.filter((column) => !hidden.has(column));
}

function csvCells(row: ExportRow, locale: Locale, shown: ReturnType<typeof disclosure>, columns: CsvColumn[]): string[] {
  const { contact, externalId } = shown;
  const person = contact(row);
  const cells: Record<CsvColumn, string> = {
    name: row.name,
    kind: kindCodec.write(row.kind, locale),
    sector: sectorCodec.write(row.sector, locale),
    actionFields: row.action_fields.map((a) => actionFieldCodec.write(a, locale)).join(LIST_SEPARATOR),
    place: row.place_name ?? '',
    municipalityKey: row.municipality_key ?? '',
    summary: row.summary,
    description: row.description,
    expertise: row.expertise,
    website: row.website ?? '',
    links: row.links.join(LIST_SEPARATOR),
    contactName: person?.name ?? '',
    contactEmail: person?.email ?? '',
    contactPhone: person?.phone ?? '',
    visibility: visibilityCodec.write(row.visibility, locale),
    offers: row.offers.join(LIST_SEPARATOR),
    needs: row.needs.join(LIST_SEPARATOR),
    externalId: externalId(row) ?? '',
  };
  return columns.map((column) => neutraliseFormula(cells[column]));
}


/** CSV for spreadsheets: UTF-8 with byte order mark (Excel reads umlauts right), semicolons, CRLF. */
export function exportActorsCsv(ctx: Context, query: DirectoryQuery, locale: Locale): Readable {
  const viewer = viewerOf(ctx);
  const columns = csvColumns(viewer);
  return Readable.from(
    (async function* () {
      const shown = disclosure(viewer, await contactAccess(ctx));
      yield '\uFEFF' + stringify([columns.map((column) => headerOf(column, locale))], csvOptions);
      for await (const rows of batches(ctx, query)) yield stringify(rows.map((row) => csvCells(row, locale, shown, columns)), csvOptions);
    })(),
  );
}

function presentExportItem(row: ExportRow, shown: ReturnType<typeof disclosure>, publicUrl: string) {
  const { contact, externalId } = shown;
  return {
    id: row.id,
    slug: row.slug,
    url: `${publicUrl}/akteure/${row.slug}`,
    kind: row.kind,
    name: row.name,
    sector: row.sector,
    actionFields: row.action_fields,
    place:
      row.place_id === null
        ? null
        : { id: row.place_id, name: row.place_name, municipalityKey: row.municipality_key, stateCode: row.state_code, latitude: row.latitude, longitude: row.longitude },
    summary: row.summary,
    description: row.description,
    expertise: row.expertise,
    website: row.website,
    links: row.links,
    contact: contact(row),
    visibility: row.visibility,
    offers: row.offers,
    needs: row.needs,
    externalId: externalId(row),
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** JSON: {"items":[…]} written item by item. */
export function exportActorsJson(ctx: Context, query: DirectoryQuery): Readable {
  const viewer = viewerOf(ctx);
  return Readable.from(
    (async function* () {
      const shown = disclosure(viewer, await contactAccess(ctx));
      yield '{"items":[';
      let first = true;
      for await (const rows of batches(ctx, query)) {
        yield (first ? '' : ',') + rows.map((row) => JSON.stringify(presentExportItem(row, shown, ctx.config.publicUrl))).join(',');
        first = false;
      }
      yield ']}';
    })(),
  );
}

/** GeoJSON: the map's document (built by PostgreSQL in one pass), with the same filters and visibility. */
export const exportActorsGeoJson = (ctx: Context, query: DirectoryQuery) => actorsGeoJson(ctx, query);
