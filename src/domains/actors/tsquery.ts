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

/** The text form of a tree, as PostgreSQL reads it back (`cast(… as tsquery)`). */
export function tsqueryText(tree: TsqueryNode): string {
  if ('lexeme' in tree) return `'${tree.lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
  if ('not' in tree) return `!${tsqueryText(tree.not)}`;
  const [left, right] = 'and' in tree ? tree.and : tree.or;
  return `( ${tsqueryText(left)} ${'and' in tree ? '&' : '|'} ${tsqueryText(right)} )`;
}

/** The words a tree asks for (not those it excludes). */
export function wantedLexemes(tree: TsqueryNode, negated = false): string[] {
  if ('lexeme' in tree) return negated ? [] : [tree.lexeme];
  if ('not' in tree) return wantedLexemes(tree.not, !negated);
  return ('and' in tree ? tree.and : tree.or).flatMap((node) => wantedLexemes(node, negated));
}

/** The tree with some words replaced by others (each by an „or“ of its replacements). */
export function replaceLexemes(tree: TsqueryNode, replacements: Map<string, string[]>): TsqueryNode {
  if ('lexeme' in tree) {
    const others = replacements.get(tree.lexeme);
    if (!others?.length) return tree;
    return others.map((lexeme): TsqueryNode => ({ lexeme })).reduce((left, right) => ({ or: [left, right] }));
  }
  if ('not' in tree) return { not: replaceLexemes(tree.not, replacements) };
  const [left, right] = ('and' in tree ? tree.and : tree.or).map((node) => replaceLexemes(node, replacements)) as [TsqueryNode, TsqueryNode];
  return 'and' in tree ? { and: [left, right] } : { or: [left, right] };
}

/** Rows of the edit-distance table, reused (a search compares a word with every word of the directory). */
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)] as const;

/**
 * The edit distance of two words (insertions, deletions, substitutions and swaps of neighbours, each
 * 1), or `max + 1` as soon as it must exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (b.length >= rows[0].length) rows = [new Int32Array(b.length + 1), new Int32Array(b.length + 1), new Int32Array(b.length + 1)];
  let [before, previous, current] = rows;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let best = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) d = Math.min(d, before[j - 2]! + 1);
      current[j] = d;
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[b.length]!, max + 1);
}

/** How many edits a word may be away to count as a similar spelling: none below 4 letters, 1 up to 6, 2 beyond. */
export const allowedEdits = (word: string) => (word.length < 4 ? 0 : word.length <= 6 ? 1 : 2);
