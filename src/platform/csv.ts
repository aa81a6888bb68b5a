import { stringify } from 'csv-stringify/sync';

/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return) as a formula:
 * such exported cells get a leading apostrophe, which spreadsheets show as text (OWASP "CSV
 * injection"). The import takes one apostrophe off again. Cells that already start with
 * apostrophes before such a character get one more, so that every export re-imports unchanged.
 */
const formulaStart = /^'*[=+\-@\t\r]/;
export const neutraliseFormula = (cell: string) => (formulaStart.test(cell) ? `'${cell}` : cell);
export const restoreFormula = (cell: string) => (cell.startsWith("'") && formulaStart.test(cell.slice(1)) ? cell.slice(1) : cell);

/** What German spreadsheets open without asking: semicolons, CRLF. */
export const csvOptions = { delimiter: ';', record_delimiter: 'windows' } as const;

/** A whole small table as CSV text with a BOM (so Excel reads UTF-8), every cell neutralised. */
export function csvTable(header: string[], rows: string[][]): string {
  return '\uFEFF' + stringify([header, ...rows.map((row) => row.map(neutraliseFormula))], csvOptions);
}
