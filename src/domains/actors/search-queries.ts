import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { DbOrTx } from '../../platform/db/index.js';
import type { ActionField, ActorKind, Sector } from './model.js';
import { listedFor, type Viewer } from './policy.js';
import { websearchText, type DirectoryQuery, type TextTerms } from './search-query.js';

/**
 * The directory's SQL (design and measurements: docs/adr/0006-directory-search.md and 0007). A
 * search text matches in two ways: German full-text search (stemming, weighted ranking) and, for
 * what the stemmer cannot see — prefixes, compounds — trigram matching on `search_text`; similar
 * spellings come from the directory index. Both ways have caps so that a very common word never
 * makes PostgreSQL rank or re-check every row:
 */

/** Full-text matches ranked for the relevance order (the count stays exact). */
export const RANK_CAP = 400;
/** Matches in the name, ranked besides them (the best of a very common word, wherever they are stored). */
export const NAME_CAP = 100;
/** Trigram candidates examined per search (bounded work however common the word). */
export const FUZZY_CAP = 200;
/** Offers and needs shown per facet (besides the selected ones). */
export const TAG_FACET_SIZE = 12;

export interface MatchSpec {
  viewer: Viewer;
  query: DirectoryQuery;
  /** null: no trigram part (no word of three letters or more). */
  terms: TextTerms | null;
  /**
   * The search with similar spellings of its words (a tsquery's text, from the directory index):
   * asked for only when the words themselves found nothing. There are no substring candidates then.
   */
  similar?: string;
}

type FacetName = 'sector' | 'actionField' | 'state' | 'offer' | 'need';

/** Ids to rank for the relevance order: full-text matches (tier 0) and trigram matches (tier 1). */
export interface RankCandidates {
  words: number[];
  fuzzy: number[];
}

/** The selected facets' conditions on an actors row; unselected facets have none. */
function facetConditions(query: DirectoryQuery): [FacetName, RawBuilder<SqlBool>][] {
  const conditions: [FacetName, RawBuilder<SqlBool>][] = [];
  if (query.sectors.length) conditions.push(['sector', sql<SqlBool>`actors.sector = any(${query.sectors}::text[])`]);
  if (query.actionFields.length) conditions.push(['actionField', sql<SqlBool>`actors.action_fields && ${query.actionFields}::text[]`]);
  if (query.states.length) conditions.push(['state', sql<SqlBool>`coalesce(actors.state_code = any(${query.states}::text[]), false)`]);
  if (query.offers.length) conditions.push(['offer', sql<SqlBool>`actors.offer_ids && ${query.offers}::int[]`]);
  if (query.needs.length) conditions.push(['need', sql<SqlBool>`actors.need_ids && ${query.needs}::int[]`]);
  return conditions;
}

const and = (conditions: RawBuilder<SqlBool>[]) => (conditions.length ? sql<SqlBool>`(${sql.join(conditions, sql` and `)})` : sql<SqlBool>`true`);
/** Every selected facet (any of its values). */
const inFacets = (query: DirectoryQuery) => and(facetConditions(query).map(([, c]) => c));
const websearch = (q: string) => sql`websearch_to_tsquery('german', ${websearchText(q)})`;
/** The search's tsquery: its words, or their similar spellings. */
const tsquery = (spec: MatchSpec) => (spec.similar ? sql`cast(${spec.similar} as tsquery)` : websearch(spec.query.q));
// numnode() = 0 (only stop words or punctuation) folds to false at planning: no index scan, no notice.
const ftsMatch = (spec: MatchSpec) => sql<SqlBool>`(numnode(${tsquery(spec)}) > 0 and actors.search_vector @@ ${tsquery(spec)})`;

/** Trigram condition on `f.search_text` (lower case): every word as a substring. */
function trigramMatch(terms: TextTerms) {
  const contains = (word: string) => sql<SqlBool>`f.search_text like '%' || lower(${word}) || '%'`;
  const alternatives = terms.alternatives.map((alternative) =>
    and([
      ...alternative.include.map(contains),
      ...alternative.exclude.map((word) => sql<SqlBool>`f.search_text not like '%' || lower(${word}) || '%'`),
    ]),
  );
  return sql<SqlBool>`(${sql.join(alternatives, sql` or `)})`;
}

/** Ids of the first trigram matches, before visibility and facets (bounded work). */
function fuzzyCandidates(db: DbOrTx, terms: TextTerms) {
  return db.selectFrom('actors as f').select('f.id').where(trigramMatch(terms)).limit(FUZZY_CAP);
}


const listed = (db: DbOrTx, viewer: Viewer) => db.selectFrom('actors').where(listedFor(viewer));
type MatchingRows = ReturnType<typeof listed>;

/**
 * The actors a search matches, as the directory counts them: listed for the viewer, in every
 * selected facet, and with the search text — by full text, or as one of the capped trigram
 * candidates (or similar spellings) that full text did not find. One select on `actors` per way of
 * matching, to be joined with `union all`: an OR of the two would keep PostgreSQL from using each
 * one's index. The map, the GeoJSON and the exports list exactly these.
 */
export function matchingActors(db: DbOrTx, spec: MatchSpec): [MatchingRows] | [MatchingRows, MatchingRows] {
  const { query, viewer, terms } = spec;
  const rows = listed(db, viewer).where(inFacets(query));
  if (!query.q) return [rows];
  const fts = rows.where(ftsMatch(spec));
  if (!terms || spec.similar) return [fts];
  return [fts, rows.where(sql<SqlBool>`actors.id in (${fuzzyCandidates(db, terms)})`).where(sql<SqlBool>`not (${ftsMatch(spec)})`)];
}

// ---- one page of results --------------------------------------------------------------------------

export interface ResultRow {
  id: number;
  slug: string;
  name: string;
  kind: ActorKind;
  sector: Sector;
  action_fields: ActionField[];
  place_id: number | null;
  state_code: string | null;
  summary: string;
  created_at: Date;
  offers: { id: number; label: string; labelEn: string | null }[];
  needs: { id: number; label: string; labelEn: string | null }[];
}

const tagList = (column: 'offer_ids' | 'need_ids') =>
  sql`(select coalesce(json_agg(json_build_object('id', t.id, 'label', t.label, 'labelEn', t.label_en) order by t.label), '[]'::json) from tags t where t.id = any(actors.${sql.ref(column)}))`;

const resultColumns = sql`actors.id, actors.slug, actors.name, actors.kind, actors.sector, actors.action_fields, actors.place_id, actors.state_code,
  actors.summary, actors.created_at, ${tagList('offer_ids')} as offers, ${tagList('need_ids')} as needs`;

const oneOf = (ids: number[]) => sql<SqlBool>`actors.id = any(${ids}::bigint[])`;

/** What the directory index found for a page of results. */
export interface FoundIds {
  /** With a search text, the candidates the relevance order ranks. */
  ranked: RankCandidates | null;
  /** Every match, when there are at most ID_LIST_MAX. */
  every: number[] | null;
}

/** Up to this many matches, the name and date orders sort the ids the index found. */
export const ID_LIST_MAX = 5000;

/**
 * The page of results the query asks for, in its order. The ordering happens on narrow rows (id
 * and sort keys); only the page's 20 rows are joined for their columns and tags. In relevance
 * order with a search text, `found.ranked` are the candidates to rank (the directory index chose
 * them from the matches: those with the words in the name, and the first RANK_CAP others; and the
 * trigram matches); otherwise every match is ordered by name or date.
 */
export function resultsQuery(db: DbOrTx, spec: MatchSpec, found: FoundIds = { ranked: null, every: null }) {
  const { query, viewer, terms } = spec;
  const [matches, fuzzyMatches] = matchingActors(db, spec);
  const offset = (query.page - 1) * query.pageSize;
  const keys = (tier: 0 | 1, score: RawBuilder<number>) =>
    [
      'actors.id',
      sql<number>`${sql.lit(tier)}`.as('tier'),
      score.as('score'),
      sql<string>`lower(actors.name)`.as('sort_name'),
      'actors.created_at',
    ] as const;
  const none = sql<number>`0::real`;
  const orderOn = (t: string) =>
    ({
      relevance: sql`${sql.ref(`${t}.tier`)}, ${sql.ref(`${t}.score`)} desc, ${sql.ref(`${t}.sort_name`)}, ${sql.ref(`${t}.id`)}`,
      name: sql`${sql.ref(`${t}.sort_name`)}, ${sql.ref(`${t}.id`)}`,
      newest: sql`${sql.ref(`${t}.created_at`)} desc, ${sql.ref(`${t}.id`)} desc`,
    })[query.sort];
  let page;
  if (!query.q || (query.sort !== 'relevance' && found.every)) {
    // By name or date: among the ids the index found, when it knows them all (few: sorted after
    // their lookups); otherwise an index walk on lower(name) or created_at, the order spelt on the
    // table's columns, that stops after the page.
    const rows = found.every ? listed(db, viewer).where(oneOf(found.every)) : matches;
    const onTable = query.sort === 'newest' ? sql`actors.created_at desc, actors.id desc` : sql`lower(actors.name), actors.id`;
    page = sql`${rows.select(keys(0, none)).orderBy(onTable).limit(query.pageSize).offset(offset)}`;
  } else {
    const rank = query.sort === 'relevance' ? sql<number>`ts_rank(actors.search_vector, ${tsquery(spec)})` : none;
    // Substrings (compounds, prefixes) with the word in the name first.
    const fuzzyScore = sql<number>`(lower(actors.name) like '%' || lower(${terms?.first ?? ''}) || '%')::int::real`;
    // Relevance ranks only the capped candidates the index chose (cliff 1 in FINDINGS.md).
    const candidates = query.sort === 'relevance' ? found.ranked : null;
    if (query.sort === 'relevance' && !candidates) throw new Error('resultsQuery: the relevance order needs its ranked candidates');
    const fuzzyRows = candidates ? listed(db, viewer).where(oneOf(candidates.fuzzy)) : fuzzyMatches;
    const fuzzy = fuzzyRows ? sql`union all ${fuzzyRows.select(keys(1, candidates ? fuzzyScore : none))}` : sql``;
    const hits = candidates ? listed(db, viewer).where(oneOf(candidates.words)).select(keys(0, rank)) : matches.select(keys(0, none));
    page = sql`select * from (${hits} ${fuzzy}) as h order by ${orderOn('h')} limit ${query.pageSize} offset ${offset}`;
  }
  return sql<ResultRow>`select ${resultColumns} from (${page}) as hit join actors on actors.id = hit.id order by ${orderOn('hit')}`;
}

// ---- what a search text matches -------------------------------------------------------------------

export interface TextQueryRow {
  /** The search text as PostgreSQL's tsquery, in its text form ('' for only stop words). */
  tsquery: string;
  /** Ids of the trigram candidates, comma-separated; null: none. */
  candidates: string | null;
}

const idList = (select: RawBuilder<unknown>) => sql<string | null>`(select string_agg(cast(id as text), ',') from (${select}) as ids)`;

/**
 * The search text as a tsquery, which the directory index evaluates against its copy of every
 * actor's words (ADR 0007), and the capped trigram candidates.
 */
export function textQuery(db: DbOrTx, spec: MatchSpec) {
  const { query, terms } = spec;
  const candidates = terms && !spec.similar ? idList(sql`${fuzzyCandidates(db, terms)}`) : sql<string | null>`null`;
  return sql<TextQueryRow>`select cast(${tsquery(spec)} as text) as tsquery, ${candidates} as candidates`;
}

export interface PhraseMatchRow {
  words: string | null;
  names: string | null;
}

/**
 * The ids of every actor a phrase matches (word positions, which the index does not keep), and of
 * those with it in the name: rows read by PostgreSQL, whoever may see them.
 */
export function phraseMatchQuery(spec: MatchSpec) {
  return sql<PhraseMatchRow>`select
    ${idList(sql`select id from actors where ${ftsMatch(spec)}`)} as words,
    ${idList(sql`select id from actors where ${ftsMatch(spec)} and ts_filter(search_vector, '{a}') @@ ${tsquery(spec)}`)} as names`;
}

export interface TagLabelRow {
  id: number;
  label: string;
  label_en: string | null;
}

export const tagLabelsQuery = (db: DbOrTx, ids: number[]) => db.selectFrom('tags').select(['id', 'label', 'label_en']).where('id', 'in', ids);
