import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';

/** Reading an uploaded CSV file: its encoding, its delimiter, its records with their line numbers. */

export const CSV_ENCODINGS = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];
export const CSV_DELIMITERS = [';', ',', '\t'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/** Longer cells are no actor data (the longest field, the description, has 10,000 characters). */
const MAX_RECORD_CHARACTERS = 100_000;

/**
 * The text of the file. UTF-8 (with or without byte order mark) when the bytes are valid UTF-8;
 * UTF-16 when a byte order mark says so (Excel's "Unicode text"); otherwise Windows-1252, the
 * superset of Latin-1 that German spreadsheets write („Excel CSV“). Node's own TextDecoder reads
 * windows-1252 as plain Latin-1 (€ and „“ come out as control characters), hence iconv-lite.
 */
export function decodeCsv(bytes: Buffer): { text: string; encoding: CsvEncoding } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bom ? bytes.subarray(3) : bytes);
    return { text, encoding: bom ? 'utf-8-bom' : 'utf-8' };
  } catch {
    return { text: iconv.decode(bytes, 'win1252'), encoding: 'windows-1252' };
  }
}

/** The delimiter that splits the header line into the most columns (quoted parts do not count). */
export function detectDelimiter(text: string): CsvDelimiter {
  const firstLine = (/^[^\r\n]*/.exec(text)?.[0] ?? '').replace(/"[^"]*"/g, '');
  let best: CsvDelimiter = ';';
  let bestCount = 0;
  for (const delimiter of CSV_DELIMITERS) {
    const count = firstLine.split(delimiter).length - 1;
    if (count > bestCount) [best, bestCount] = [delimiter, count];
  }
  return best;
}

export interface CsvRecord {
  /** The line in the file where the record starts (1 = the header line). */
  line: number;
  cells: string[];
}

/** The file is no CSV we can read (a quote left open, a cell far too long); `line` is where it broke. */
export class CsvSyntaxError extends Error {
  constructor(readonly line: number, readonly reason: 'quote' | 'tooLong' | 'other') {
    super(`CSV syntax error at line ${line}: ${reason}`);
  }
}

/**
 * The records of a CSV text after its header, read as a stream so that a large file does not hold
 * the event loop for long. Empty lines are skipped; rows may have fewer or more cells than the
 * header (the caller reports that). Stops reading after `maxRecords` + 1 records: more than the
 * limit is all a refusal needs to know.
 */
export async function readCsv(text: string, delimiter: CsvDelimiter, maxRecords: number): Promise<{ header: string[]; records: CsvRecord[]; more: boolean }> {
  const parser = parse(text, {
    delimiter,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_CHARACTERS,
    to: maxRecords + 2,
  });
  let header: string[] | null = null;
  const records: CsvRecord[] = [];
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      // The parser counts the line where a record ends; a quoted cell may span lines.
      const line = info.lines - record.reduce((sum, cell) => sum + (cell.match(/\n/g)?.length ?? 0), 0);
      if (header === null) header = record;
      else records.push({ line, cells: record });
      if (records.length % 2000 === 0) await yieldToEventLoop();
    }
  } catch (error) {
    const { code, lines } = error as { code?: string; lines?: number };
    const reason = code === 'CSV_QUOTE_NOT_CLOSED' || code === 'CSV_INVALID_CLOSING_QUOTE' ? 'quote' : code === 'CSV_MAX_RECORD_SIZE' ? 'tooLong' : 'other';
    throw new CsvSyntaxError(lines ?? 0, reason);
  }
  const more = records.length > maxRecords;
  return { header: header ?? [], records: more ? records.slice(0, maxRecords) : records, more };
}
