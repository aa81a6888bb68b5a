import { localePath, type Locale } from '../../platform/i18n/index.js';
import { Validator } from '../../platform/validation.js';
import { ACTION_FIELDS, SECTORS, STATES, type ActionField, type Sector, type StateCode } from './model.js';

/**
 * What a directory search asks for, read leniently from a page's query string or strictly (after
 * the TypeBox schema) from the API, and written back as one canonical URL: the same search always
 * has the same address, so it can be shared and cached.
 */

export const SEARCH_TEXT_MAX = 200;
export const PAGE_SIZE = 20;
export const PAGE_SIZE_MAX = 100;
/** Deeper pages are refused: nobody pages through 10,000 results, and OFFSET costs grow with depth. */
export const MAX_PAGE = 500;
/** Values per facet a search may select (the URL stays short, the SQL arrays small). */
export const SELECTED_MAX = 20;
export const SORTS = ['relevance', 'name', 'newest'] as const;
export type Sort = (typeof SORTS)[number];

export interface DirectoryQuery {
  /** Trimmed search text; '' when there is none. */
  q: string;
  sectors: Sector[];
  actionFields: ActionField[];
  states: StateCode[];
  /** Tag ids, ascending. */
  offers: number[];
  needs: number[];
  /** The effective order: relevance only when there is a search text. */
  sort: Sort;
  page: number;
  pageSize: number;
}

/** The raw input of a search: query-string values as a page or the API received them. */
export interface DirectoryInput {
  q?: unknown;
  sector?: unknown;
  actionField?: unknown;
  state?: unknown;
  offer?: unknown;
  need?: unknown;
  sort?: unknown;
  page?: unknown;
  pageSize?: unknown;
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined || value === null || value === '' ? [] : [value]);

/** Known values only, in the vocabulary's order, each once. */
function pick<T extends string>(value: unknown, vocabulary: readonly T[]): T[] {
  const given = new Set(list(value));
  return vocabulary.filter((v) => given.has(v)).slice(0, SELECTED_MAX);
}

function ids(value: unknown): number[] {
  const numbers = list(value)
    .map((v) => (typeof v === 'number' ? String(v) : v))
    .filter((v): v is string => typeof v === 'string' && /^[1-9]\d{0,9}$/.test(v))
    .map(Number)
    .filter((n) => n <= 2_147_483_647);
  return [...new Set(numbers)].sort((a, b) => a - b).slice(0, SELECTED_MAX);
}

function integer(value: unknown, fallback: number, max: number): number {
  const raw = Array.isArray(value) ? value[0] : value;
  const text = typeof raw === 'number' ? String(raw) : raw;
  if (typeof text !== 'string' || !/^\d{1,6}$/.test(text)) return fallback;
  const n = Number(text);
  return n >= 1 && n <= max ? n : fallback;
}

export const defaultSort = (q: string): Sort => (q ? 'relevance' : 'name');

/**
 * Reads a search. Unknown facet values, pages and sorts fall back to their defaults (a stale
 * bookmark still works); the search text is checked and its problems thrown as a ValidationError.
 */
export function readDirectoryQuery(input: DirectoryInput, locale: Locale): DirectoryQuery {
  const validator = new Validator(locale);
  const rawQ = Array.isArray(input.q) ? input.q[0] : input.q;
  const q = validator.text('q', rawQ, { max: SEARCH_TEXT_MAX }).replace(/\s+/g, ' ');
  validator.check();
  const rawSort = Array.isArray(input.sort) ? input.sort[0] : input.sort;
  const asked = SORTS.find((s) => s === rawSort);
  return {
    q,
    sectors: pick(input.sector, SECTORS),
    actionFields: pick(input.actionField, ACTION_FIELDS),
    states: pick(input.state, STATES),
    offers: ids(input.offer),
    needs: ids(input.need),
    sort: asked && (asked !== 'relevance' || q) ? asked : defaultSort(q),
    page: integer(input.page, 1, MAX_PAGE),
    pageSize: integer(input.pageSize, PAGE_SIZE, PAGE_SIZE_MAX),
  };
}

/** The query-string pairs of a search in canonical order; defaults are left out. */
export function directoryParams(query: DirectoryQuery, options: { pageSize?: boolean } = {}): [string, string][] {
  const params: [string, string][] = [];
  if (query.q) params.push(['q', query.q]);
  for (const s of query.sectors) params.push(['sector', s]);
  for (const a of query.actionFields) params.push(['actionField', a]);
  for (const s of query.states) params.push(['state', s]);
  for (const o of query.offers) params.push(['offer', String(o)]);
  for (const n of query.needs) params.push(['need', String(n)]);
  if (query.sort !== defaultSort(query.q)) params.push(['sort', query.sort]);
  if (query.page > 1) params.push(['page', String(query.page)]);
  if (options.pageSize && query.pageSize !== PAGE_SIZE) params.push(['pageSize', String(query.pageSize)]);
  return params;
}

/** The directory page's address for a search (its shareable URL). */
export function directoryHref(locale: Locale, query: DirectoryQuery): string {
  const search = new URLSearchParams(directoryParams(query)).toString();
  return localePath(locale, '/akteure') + (search ? `?${search}` : '');
}

/** The same search with a change, back on the first page unless the change is the page. */
export function withChange(query: DirectoryQuery, change: Partial<DirectoryQuery>): DirectoryQuery {
  const next = { ...query, page: 1, ...change };
  if (next.sort === 'relevance' && !next.q) next.sort = 'name';
  return next;
}

/** The filters that decide a search's matches and counts (not its order or page): the cache key. */
export function matchKey(query: DirectoryQuery): string {
  return JSON.stringify([query.q.toLowerCase(), query.sectors, query.actionFields, query.states, query.offers, query.needs]);
}

export function hasFilters(query: DirectoryQuery): boolean {
  return query.sectors.length + query.actionFields.length + query.states.length + query.offers.length + query.needs.length > 0;
}

// ---- the search text, as the trigram matching reads it ------------------------------------------

/** Words shorter than this only match through full-text search: trigram indexes need three letters. */
export const TRIGRAM_MIN = 3;
const TERMS_MAX = 8;

export interface TextTerms {
  /** Alternatives (websearch "or"): a row matches one of them when it has all of `include` and none of `exclude`. */
  alternatives: { include: string[]; exclude: string[] }[];
  /** Every included word, for the similarity score of trigram-only matches. */
  words: string;
  /** The first included word (trigram-only matches with it in the name come first). */
  first: string;
}

/**
 * The words of a search text the way websearch_to_tsquery reads it: "or" („oder“) between alternatives,
 * a leading "-" excludes a word, quotes are ignored. Letters and digits only, lower case.
 */
export function textTerms(q: string): TextTerms | null {
  const alternatives: TextTerms['alternatives'] = [{ include: [], exclude: [] }];
  let count = 0;
  for (const chunk of q.replace(/["„“”]/g, ' ').split(' ')) {
    if (/^(or|oder)$/i.test(chunk)) {
      alternatives.push({ include: [], exclude: [] });
      continue;
    }
    const negated = chunk.startsWith('-');
    for (const word of chunk.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
      if (word.length < TRIGRAM_MIN || count >= TERMS_MAX) continue;
      const current = alternatives[alternatives.length - 1]!;
      (negated ? current.exclude : current.include).push(word);
      count++;
    }
  }
  const usable = alternatives.filter((a) => a.include.length > 0);
  if (usable.length === 0) return null;
  const words = usable.flatMap((a) => a.include);
  return { alternatives: usable, words: words.join(' '), first: words[0]! };
}

/** The search text for websearch_to_tsquery: the German „oder“ works like "or". */
export const websearchText = (q: string) => q.replace(/(^|\s)oder(?=\s|$)/giu, '$1or');

/** Whether a search text has anything to search for (letters or digits). */
export const searchable = (q: string) => /[\p{L}\p{N}]/u.test(q);
