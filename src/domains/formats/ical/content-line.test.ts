import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine } from './content-line.js';

const octets = (text: string) => Buffer.byteLength(text);
const unfold = (text: string) => text.replace(/\r\n /g, '');
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads a TEXT value back the way RFC 5545 §3.3.11 defines it. */
function unescapeText(text: string): string {
  return text.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** Whole code points from every plane (no lone surrogates), whole graphemes, and dense mixes of 1- to 4-octet characters. */
const unicodeText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  { arbitrary: fc.string({ unit: fc.constantFrom('a', ';', 'ä', '–', '🎉', '👩‍👩‍👧'), maxLength: 200 }), weight: 3 },
).map((text) => text.replace(/[\r\n]/g, '')); // a content line has no line breaks: escapeText removed them

describe('escapeText', () => {
  it('puts a backslash before backslash, semicolon and comma', () => {
    expect(escapeText('Café; Bar, C:\\Pfad')).toBe('Café\\; Bar\\, C:\\\\Pfad');
  });

  it('writes every kind of line break as \\n and keeps tabs', () => {
    expect(escapeText('a\r\nb\rc\nd\te')).toBe('a\\nb\\nc\\nd\te');
  });

  it('drops control characters that TEXT does not allow', () => {
    expect(escapeText('a\u0000b\u001bc\u007fd')).toBe('abcd');
  });

  it('leaves colons, quotes and other text alone', () => {
    expect(escapeText('Treffen: „Innenstadt“ 🏘️')).toBe('Treffen: „Innenstadt“ 🏘️');
  });

  it('reads back as the original with normalised line breaks, and has no bare separators', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'ä', '\\', ';', ',', '\n', '\r', 'n', ' ') }), (text) => {
        const escaped = escapeText(text);
        expect(unescapeText(escaped)).toBe(text.replace(/\r\n?/g, '\n'));
        expect(escaped).not.toMatch(/[\r\n]/);
        // Removing escape pairs must leave no ; , or \ behind.
        expect(escaped.replace(/\\[\\;,n]/g, '')).not.toMatch(/[\\;,]/);
      }),
    );
  });
});

describe('foldLine', () => {
  it('leaves a line of exactly 75 octets alone and folds one of 76', () => {
    const line = `SUMMARY:${'x'.repeat(67)}`;
    expect(foldLine(line)).toBe(line);
    expect(foldLine(`${line}y`)).toBe(`${line}\r\n y`);
  });

  it('counts octets, not characters: umlauts take two', () => {
    const folded = foldLine(`SUMMARY:${'ä'.repeat(40)}`);
    const lines = folded.split('\r\n');
    expect(lines.map(octets)).toEqual([8 + 66, 1 + 14]);
    expect(unfold(folded)).toBe(`SUMMARY:${'ä'.repeat(40)}`);
  });

  it('never splits an emoji across lines', () => {
    const line = `SUMMARY:${'🎉'.repeat(50)}`;
    for (const physical of foldLine(line).split('\r\n')) {
      expect(octets(physical)).toBeLessThanOrEqual(75);
      expect(strictUtf8.decode(Buffer.from(physical))).toBe(physical);
      expect(physical).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    }
  });

  it('counts a lone surrogate as the three octets of U+FFFD it is written as', () => {
    const folded = foldLine(`X:${'\ud800'.repeat(60)}`);
    for (const physical of folded.split('\r\n')) expect(octets(physical)).toBeLessThanOrEqual(75);
    expect(unfold(folded)).toBe(`X:${'\ud800'.repeat(60)}`);
  });

  it('round-trips any text: short valid UTF-8 lines that unfold to the original', () => {
    fc.assert(
      fc.property(unicodeText, (text) => {
        const line = `DESCRIPTION:${text}`;
        const folded = foldLine(line);
        expect(unfold(folded)).toBe(line);
        const physical = folded.split('\r\n');
        physical.forEach((part, i) => {
          expect(octets(part)).toBeLessThanOrEqual(75);
          // A split surrogate pair would be encoded as U+FFFD and not decode back to the same text.
          expect(strictUtf8.decode(Buffer.from(part, 'utf8'))).toBe(part);
          if (i > 0) expect(part.startsWith(' ')).toBe(true);
          // Folding uses most of the room: a cut line keeps at most a few octets free.
          if (i < physical.length - 1) expect(octets(part)).toBeGreaterThanOrEqual(70);
        });
      }),
      { numRuns: 1000 },
    );
  });
});
