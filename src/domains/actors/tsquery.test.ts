import { describe, expect, it } from 'vitest';
import { UnsupportedTsquery, editDistance, parseTsquery, replaceLexemes, tsqueryText, wantedLexemes } from './tsquery.js';

describe('parseTsquery reads what websearch_to_tsquery writes', () => {
  it('reads words, and, or, not and parentheses with their precedence', () => {
    expect(parseTsquery("'quarti'")).toEqual({ lexeme: 'quarti' });
    expect(parseTsquery("'a' & 'b' | 'c'")).toEqual({ or: [{ and: [{ lexeme: 'a' }, { lexeme: 'b' }] }, { lexeme: 'c' }] });
    expect(parseTsquery("'a' & ( 'b' | !'c' )")).toEqual({ and: [{ lexeme: 'a' }, { or: [{ lexeme: 'b' }, { not: { lexeme: 'c' } }] }] });
    expect(parseTsquery("!!'a'")).toEqual({ not: { not: { lexeme: 'a' } } });
  });

  it('reads quotes and backslashes inside a word', () => {
    expect(parseTsquery("'o''neill' & 'a\\\\b'")).toEqual({ and: [{ lexeme: "o'neill" }, { lexeme: 'a\\b' }] });
  });

  it('answers null for the empty query (only stop words)', () => {
    expect(parseTsquery('')).toBeNull();
  });

  it('leaves phrases, prefixes, weights and anything malformed to PostgreSQL', () => {
    for (const text of ["'kultur-arbeit' <-> 'kultur' <-> 'arbeit'", "'a' <2> 'b'", "'quart':*", "'a':AB", "'a' &", "( 'a'", "'a' 'b'", "'unterminated"]) {
      expect(() => parseTsquery(text), text).toThrow(UnsupportedTsquery);
    }
  });
});

describe('similar spellings', () => {
  it('counts edits, a swap of neighbours as one', () => {
    expect(editDistance('quartir', 'quarti', 2)).toBe(1);
    expect(editDistance('kranichstien', 'kranichstein', 2)).toBe(1);
    expect(editDistance('jugnedarbeit', 'jugendarbeit', 2)).toBe(1);
    expect(editDistance('leerstand', 'leerstand', 2)).toBe(0);
    expect(editDistance('kiez', 'kunst', 2)).toBe(3);
    expect(editDistance('abc', 'abcdefgh', 2)).toBe(3);
  });

  it('writes a tree back as PostgreSQL reads it, with words replaced', () => {
    const tree = parseTsquery("'quartir' & !'o''neill'")!;
    expect(wantedLexemes(tree)).toEqual(['quartir']);
    const replaced = replaceLexemes(tree, new Map([['quartir', ['quarti', 'quartier']]]));
    expect(tsqueryText(replaced)).toBe("( ( 'quarti' | 'quartier' ) & !'o''neill' )");
    expect(parseTsquery(tsqueryText(replaced))).toEqual(replaced);
  });
});
