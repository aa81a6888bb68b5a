/**
 * PostgreSQL's text form of a tsquery (`'quarti' & ( 'jugend' | !'kiez' )`), read into a tree that
 * the directory index evaluates in memory. Phrases (`<->`), prefixes and weights (`:*`, `:A`) are
 * not read — websearch_to_tsquery writes prefixes and weights never, phrases for quoted and
 * hyphenated words —: those searches go to PostgreSQL.
 */

export type TsqueryNode = { lexeme: string } | { not: TsqueryNode } | { and: [TsqueryNode, TsqueryNode] } | { or: [TsqueryNode, TsqueryNode] };

export class UnsupportedTsquery extends Error {}

type Token = { lexeme: string } | '!' | '&' | '|' | '(' | ')';

function tokens(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ') i++;
    else if (c === '!' || c === '&' || c === '|' || c === '(' || c === ')') (out.push(c), i++);
    else if (c === "'") {
      let lexeme = '';
      for (i++; ; i++) {
        if (i >= text.length) throw new UnsupportedTsquery('unterminated lexeme');
        if (text[i] === "'" && text[i + 1] === "'") (lexeme += "'"), i++;
        else if (text[i] === "'") break;
        else if (text[i] === '\\' && i + 1 < text.length) lexeme += text[++i];
        else lexeme += text[i];
      }
      i++;
      if (text[i] === ':') throw new UnsupportedTsquery('prefix or weight');
      out.push({ lexeme });
    } else throw new UnsupportedTsquery(`operator ${c}`);
  }
  return out;
}

/** The tree of a tsquery's text form; null for the empty query (only stop words). */
export function parseTsquery(text: string): TsqueryNode | null {
  const list = tokens(text);
  if (list.length === 0) return null;
  let at = 0;
  const peek = () => list[at];
  const or = (): TsqueryNode => {
    let left = and();
    while (peek() === '|') (at++, (left = { or: [left, and()] }));
    return left;
  };
  const and = (): TsqueryNode => {
    let left = unary();
    while (peek() === '&') (at++, (left = { and: [left, unary()] }));
    return left;
  };
  const unary = (): TsqueryNode => {
    const token = list[at++];
    if (token === '!') return { not: unary() };
    if (token === '(') {
      const inner = or();
      if (list[at++] !== ')') throw new UnsupportedTsquery('unbalanced parentheses');
      return inner;
    }
    if (token && typeof token === 'object') return token;
    throw new UnsupportedTsquery('operand expected');
  };
  const tree = or();
  if (at !== list.length) throw new UnsupportedTsquery('trailing tokens');
  return tree;
}
