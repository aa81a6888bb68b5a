import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { DbOrTx } from '../../platform/db/index.js';
import type { ActionField, ActorKind, Sector } from './model.js';
import { listedFor, type Viewer } from './policy.js';
import { websearchText, type DirectoryQuery, type TextTerms } from './search-query.js';

/**
 * The directory's SQL (design and measurements: docs/adr/0006-directory-search.md). A search text
 * matches in two ways: German full-text search (stemming, weighted ranking) and, for what the
 * stemmer cannot see — prefixes, compounds, typos — trigram matching on `search_text`. Both have
 * caps so that a very common word never makes PostgreSQL rank or re-check every row:
 */

/** Full-text matches ranked for the relevance order (the count stays exact). */
export const RANK_CAP = 400;
/** Matches in the name, ranked besides them (the best of a very common word, wherever they are stored). */
export const NAME_CAP = 100;
/** Trigram candidates examined per search (bounded work however common the word). */
export const FUZZY_CAP = 200;
/** Candidates for similar spellings; word similarity costs tens of µs per row, so fewer. */
export const TYPO_CAP = 200;
/** Offers and needs shown per facet (besides the selected ones). */
export const TAG_FACET_SIZE = 12;

export interface MatchSpec {
  viewer: Viewer;
  query: DirectoryQuery;
  /** null: no trigram part (no word of three letters or more). */
  terms: TextTerms | null;
  /**
   * Ids of the candidates with a similar spelling (typos; see typoCandidatesQuery): asked for only
   * when the words themselves found nothing. They replace the substring candidates.
   */
  typos?: number[];
}

type FacetName = 'sector' | 'actionField' | 'state' | 'offer' | 'need';

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
const tsquery = (q: string) => sql`websearch_to_tsquery('german', ${websearchText(q)})`;
// numnode() = 0 (only stop words or punctuation) folds to false at planning: no index scan, no notice.
const ftsMatch = (q: string) => sql<SqlBool>`(numnode(${tsquery(q)}) > 0 and actors.search_vector @@ ${tsquery(q)})`;

/** Trigram condition on `f.search_text` (lower case): every word as a substring, or with `typos` a similar word. */
function trigramMatch(terms: TextTerms, typos: boolean) {
  const contains = (word: string) => sql<SqlBool>`f.search_text like '%' || lower(${word}) || '%'`;
  const alternatives = terms.alternatives.map((alternative) =>
    and([
      ...alternative.include.map((word) => (typos ? sql<SqlBool>`(${contains(word)} or lower(${word}) <% f.search_text)` : contains(word))),
      ...alternative.exclude.map((word) => sql<SqlBool>`f.search_text not like '%' || lower(${word}) || '%'`),
    ]),
  );
  return sql<SqlBool>`(${sql.join(alternatives, sql` or `)})`;
}

/** Ids of the first trigram matches, before visibility and facets (bounded work). */
function fuzzyCandidates(db: DbOrTx, terms: TextTerms) {
  return db.selectFrom('actors as f').select('f.id').where(trigramMatch(terms, false)).limit(FUZZY_CAP);
}

/** Ids of the first rows with every word as a substring or a similar word: run once, then used by both statements. */
export function typoCandidatesQuery(db: DbOrTx, terms: TextTerms) {
  return db.selectFrom('actors as f').select('f.id').where(trigramMatch(terms, true)).limit(TYPO_CAP);
}

/** The trigram candidates of a search as a condition on actors.id. */
const candidateIds = (db: DbOrTx, spec: MatchSpec, terms: TextTerms) =>
  spec.typos ? sql<SqlBool>`actors.id = any(${spec.typos}::bigint[])` : sql<SqlBool>`actors.id in (${fuzzyCandidates(db, terms)})`;

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
  const fts = rows.where(ftsMatch(query.q));
  if (!terms) return [fts];
  return [fts, rows.where(candidateIds(db, spec, terms)).where(sql<SqlBool>`not (${ftsMatch(query.q)})`)];
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

/**
 * The page of results the query asks for, in its order. The ordering happens on narrow rows (id
 * and sort keys); only the page's 20 rows are joined for their columns and tags.
 */
export function resultsQuery(db: DbOrTx, spec: MatchSpec) {
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
  if (!query.q) {
    // An index walk on lower(name) or created_at: the same order spelt on the table's columns.
    const onTable = query.sort === 'newest' ? sql`actors.created_at desc, actors.id desc` : sql`lower(actors.name), actors.id`;
    page = sql`${matches.select(keys(0, none)).orderBy(onTable).limit(query.pageSize).offset(offset)}`;
  } else {
    const rank = query.sort === 'relevance' ? sql<number>`ts_rank(actors.search_vector, ${tsquery(query.q)})` : none;
    // Substrings (compounds, prefixes) with the word in the name first; similar spellings by name.
    const fuzzyScore = spec.typos ? none : sql<number>`(lower(actors.name) like '%' || lower(${terms?.first ?? ''}) || '%')::int::real`;
    const fuzzy = fuzzyMatches ? sql`union all ${fuzzyMatches.select(keys(1, query.sort === 'relevance' ? fuzzyScore : none))}` : sql``;
    // Relevance ranks only capped candidates (cliff 1 in FINDINGS.md): the name matches (they rank
    // highest; GIN index actors_name_fts) and the first RANK_CAP full-text matches.
    const ranked =
      query.sort === 'relevance'
        ? sql`${listed(db, viewer).where(inFacets(query)).where(sql<SqlBool>`to_tsvector('german'::regconfig, actors.name) @@ ${tsquery(query.q)}`).select(keys(0, rank)).limit(NAME_CAP)}
            union ${matches.select(keys(0, rank)).limit(RANK_CAP)}`
        : sql`${matches.select(keys(0, none))}`;
    page = sql`select * from (${ranked} ${fuzzy}) as h order by ${orderOn('h')} limit ${query.pageSize} offset ${offset}`;
  }
  return sql<ResultRow>`select ${resultColumns} from (${page}) as hit join actors on actors.id = hit.id order by ${orderOn('hit')}`;
}

// ---- count and facets -----------------------------------------------------------------------------

export interface SummaryRow {
  facet: 'total' | 'fuzzy' | 'candidates' | FacetName;
  value: string | null;
  tag: number | null;
  count: number;
  label: string | null;
  label_en: string | null;
}

/**
 * The result count and every facet's counts in one statement: the matching rows are read once
 * into `m` (with a flag per selected facet), then counted per facet. Facets are disjunctive: a
 * facet's counts ignore its own selection and respect the others', so `m` keeps every row that
 * fails at most one selected facet.
 */
export function summaryQuery(db: DbOrTx, spec: MatchSpec) {
  const { query, viewer, terms } = spec;
  const conditions = facetConditions(query);
  // "Fails at most one" spelt as an OR of ANDs (all but one each), so that indexes can serve it.
  const allBut = (skip: number) => and(conditions.filter((_, i) => i !== skip).map(([, c]) => c));
  const countsSomewhere = conditions.length >= 2 ? sql<SqlBool>`(${sql.join(conditions.map((_, i) => allBut(i)), sql` or `)})` : sql<SqlBool>`true`;
  const flags = conditions.map(([name, condition]) => condition.as(`ok_${name}`));
  const branch = (tier: 0 | 1, match: RawBuilder<SqlBool>) => {
    const rows = listed(db, viewer)
      .where(match)
      .where(countsSomewhere)
      .select(['actors.sector', 'actors.state_code', 'actors.action_fields', 'actors.offer_ids', 'actors.need_ids', sql<number>`${sql.lit(tier)}`.as('tier')]);
    return flags.length ? rows.select(flags) : rows;
  };
  /** Rows passing every selected facet except `name`'s. */
  const except = (name: FacetName | null) => and(conditions.filter(([n]) => n !== name).map(([n]) => sql<SqlBool>`m.${sql.ref(`ok_${n}`)}`));
  /** The most frequent tags; the selected ones besides, also when no match has them (so they can be unticked). */
  const tags = (facet: 'offer' | 'need', column: 'offer_ids' | 'need_ids', selected: number[]) => {
    const counted = (where: RawBuilder<SqlBool>) => sql`select ${sql.lit(facet)}, null, o, count(*)::int from m cross join unnest(m.${sql.ref(column)}) as o where ${where} group by o`;
    const top = sql`union all (${counted(except(facet))} order by count(*) desc, o limit ${TAG_FACET_SIZE})`;
    if (selected.length === 0) return top;
    return sql`${top}
      union all (${counted(sql<SqlBool>`${except(facet)} and o = any(${selected}::int[])`)})
      union all (select ${sql.lit(facet)}, null, id, 0 from tags where id = any(${selected}::int[]))`;
  };

  const fz = !query.q || !terms ? null : spec.typos ? sql`select unnest(${spec.typos}::bigint[]) as id` : sql`${fuzzyCandidates(db, terms)}`;
  const source = !query.q
    ? sql`${branch(0, sql<SqlBool>`true`)}`
    : fz
      ? sql`${branch(0, ftsMatch(query.q))} union all ${branch(1, sql<SqlBool>`actors.id in (select id from fz) and not (${ftsMatch(query.q)})`)}`
      : sql`${branch(0, ftsMatch(query.q))}`;
  return sql<SummaryRow>`
    with ${fz ? sql`fz as materialized (${fz}),` : sql``}
    m as materialized (${source})
    select s.facet, s.value, s.tag, s.count, t.label, t.label_en from (
      select 'total' as facet, null::text as value, null::int as tag, count(*)::int as count from m where ${except(null)}
      union all select 'fuzzy', null, null, count(*)::int from m where m.tier = 1 and ${except(null)}
      ${fz ? sql`union all select 'candidates', null, null, count(*)::int from fz` : sql``}
      union all select 'sector', m.sector, null, count(*)::int from m where ${except('sector')} group by m.sector
      union all select 'state', m.state_code, null, count(*)::int from m where ${except('state')} and m.state_code is not null group by m.state_code
      union all select 'actionField', af, null, count(*)::int from m cross join unnest(m.action_fields) as af where ${except('actionField')} group by af
      ${tags('offer', 'offer_ids', query.offers)}
      ${tags('need', 'need_ids', query.needs)}
    ) as s left join tags t on t.id = s.tag`;
}
