import fc from 'fast-check';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { actionFieldCodec, columnOfHeader, neutraliseFormula, restoreFormula, sectorCodec, visibilityCodec } from './csv-columns.js';
import { CsvSyntaxError, decodeCsv, detectDelimiter, readCsv } from './csv-read.js';

const text = 'Name;Ort\r\nBürgerverein Süd – „Zukunft“ €;Mannheim\r\n';

describe('decodeCsv', () => {
  it('reads UTF-8 without and with a byte order mark (the mark is not part of the first header)', () => {
    expect(decodeCsv(Buffer.from(text, 'utf8'))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]))).toEqual({ text, encoding: 'utf-8-bom' });
  });

  it('reads bytes that are not UTF-8 as Windows-1252, the € and the German quotes included', () => {
    const bytes = iconv.encode(text, 'win1252');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(decodeCsv(bytes)).toEqual({ text, encoding: 'windows-1252' });
    // Plain Latin-1 (ISO-8859-1) umlauts are the same bytes.
    expect(decodeCsv(Buffer.from('Name\nGrün', 'latin1'))).toEqual({ text: 'Name\nGrün', encoding: 'windows-1252' });
  });

  it('reads UTF-16 with a byte order mark (Excel’s "Unicode text")', () => {
    expect(decodeCsv(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toEqual({ text, encoding: 'utf-16le' });
  });
});

describe('detectDelimiter', () => {
  it('takes the delimiter that splits the header into the most columns, ignoring quoted ones', () => {
    expect(detectDelimiter('Name;Akteursgruppe;Ort\n')).toBe(';');
    expect(detectDelimiter('name,sector,place\n')).toBe(',');
    expect(detectDelimiter('name\tsector\n')).toBe('\t');
    expect(detectDelimiter('"Name, lang";Ort\n')).toBe(';');
  });
});

describe('readCsv', () => {
  it('gives each record the line where it starts, across quoted line breaks and empty lines', async () => {
    const { header, records, more } = await readCsv('Name;Beschreibung\r\nA;"zwei\nZeilen"\r\n\r\nB;x\r\n', ';', 10);
    expect(header).toEqual(['Name', 'Beschreibung']);
    expect(records).toEqual([
      { line: 2, cells: ['A', 'zwei\nZeilen'] },
      { line: 5, cells: ['B', 'x'] },
    ]);
    expect(more).toBe(false);
  });

  it('reports an unclosed quote with its line', async () => {
    const error = await readCsv('Name;Ort\nA;B\n"C;D\n', ';', 10).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CsvSyntaxError);
    expect((error as CsvSyntaxError).reason).toBe('quote');
  });

  it('stops after one record more than the limit', async () => {
    const lines = ['Name', ...Array.from({ length: 50 }, (_, i) => `A${i}`)].join('\n');
    const { records, more } = await readCsv(lines, ';', 20);
    expect(records).toHaveLength(20);
    expect(more).toBe(true);
  });
});

describe('columns and values', () => {
  it('knows German headers and English code names, whatever their case and punctuation', () => {
    expect(columnOfHeader('Akteursgruppe')).toBe('sector');
    expect(columnOfHeader(' SECTOR ')).toBe('sector');
    expect(columnOfHeader('E-Mail')).toBe('contactEmail');
    expect(columnOfHeader('action_fields')).toBe('actionFields');
    expect(columnOfHeader('Gemeindeschlüssel')).toBe('municipalityKey');
    expect(columnOfHeader('Lieblingsfarbe')).toBeNull();
  });

  it('reads codes and German or English labels, without case', () => {
    expect(sectorCodec.read('welfare')).toBe('welfare');
    expect(sectorCodec.read('wohlfahrtsverband')).toBe('welfare');
    expect(sectorCodec.read('Welfare organisation')).toBe('welfare');
    expect(sectorCodec.read('Wohlfahrt')).toBeNull();
    expect(actionFieldCodec.read('Ländliche Räume')).toBe('rural');
    expect(visibilityCodec.read('Members only')).toBe('members');
  });

  it('neutralises formula cells on export and restores exactly what was exported', () => {
    expect(neutraliseFormula('=cmd|\' /C calc\'!A0')).toBe("'=cmd|' /C calc'!A0");
    for (const cell of ['+49 621 1234', '-Kollektiv', '@Verein', '\t=1', '\r=1']) expect(neutraliseFormula(cell).startsWith("'")).toBe(true);
    expect(neutraliseFormula('Verein = Zukunft')).toBe('Verein = Zukunft');
    fc.assert(fc.property(fc.string(), (cell) => restoreFormula(neutraliseFormula(cell)) === cell));
    // Through a real CSV writer and reader, as a spreadsheet round trip would.
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 5 }), (cells) => {
        const csv = stringify([cells.map(neutraliseFormula)], { delimiter: ';', record_delimiter: 'windows' });
        const [read] = parse(csv, { delimiter: ';', relax_column_count: true }) as string[][];
        return read!.map(restoreFormula).join('\u0000') === cells.join('\u0000');
      }),
    );
  });
});
