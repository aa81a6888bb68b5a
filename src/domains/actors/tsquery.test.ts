import { describe, expect, it } from 'vitest';
import { UnsupportedTsquery, parseTsquery } from './tsquery.js';

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
