import type { Context } from '../../platform/context.js';
import { getPlaces } from '../places/service.js';
import { ACTION_FIELDS, SECTORS, STATES, type ActionField, type ActorKind, type Sector, type StateCode } from './model.js';
import { listedVisibilities, viewerOf } from './policy.js';
import { tagLabel } from './present.js';
import { currentDirectoryIndex, type FacetCounts, type TextMatch } from './directory-index.js';
import { UnsupportedTsquery, parseTsquery, tsqueryText, type TsqueryNode } from './tsquery.js';
import {
  FUZZY_CAP,
  ID_LIST_MAX,
  NAME_CAP,
  RANK_CAP,
  TAG_FACET_SIZE,
  phraseMatchQuery,
  resultsQuery,
  tagLabelsQuery,
  textQuery,
  type MatchSpec,
  type FoundIds,
  type ResultRow,
  type TagLabelRow,
} from './search-queries.js';
import { MAX_PAGE, directoryParams, matchKey, readDirectoryQuery, searchable, textTerms, type DirectoryInput, type DirectoryQuery } from './search-query.js';
import { SearchCache } from './search-cache.js';

/** The directory search (page /akteure and GET /api/v1/actors): one use case for both. */

export interface TagChip {
  id: number;
  label: string;
}

export interface DirectoryItem {
  id: number;
  slug: string;
  name: string;
  kind: ActorKind;
  sector: Sector;
  actionFields: ActionField[];
  place: { id: number; name: string; stateCode: string } | null;
  stateCode: StateCode | null;
  summary: string;
  offers: TagChip[];
  needs: TagChip[];
  createdAt: Date;
}

export interface FacetValue<T> {
  value: T;
  count: number;
  selected: boolean;
}

export interface TagFacetValue extends FacetValue<number> {
  label: string;
}

export interface DirectoryFacets {
  sector: FacetValue<Sector>[];
  actionField: FacetValue<ActionField>[];
  state: FacetValue<StateCode>[];
  offer: TagFacetValue[];
  need: TagFacetValue[];
}

export interface DirectoryResult {
  query: DirectoryQuery;
  total: number;
  /** More may match: the trigram part found matches of its own but examined only FUZZY_CAP candidates. */
  totalIsLowerBound: boolean;
  /** Pages that can be shown; in relevance order only the ranked candidates can. */
  pages: number;
  /** The relevance order covers only part of the matches (see RANK_CAP). */
  relevanceLimited: boolean;
  /** The words themselves matched nothing: these are matches of similar spellings. */
  similarSpellings: boolean;
  /** Many matches, or the similar-spellings pass ran: worth keeping for a while. */
  costly: boolean;
  items: DirectoryItem[];
  facets: DirectoryFacets;
  /** The search text had no letters or digits: nothing was searched. */
  unsearchable: boolean;
}

interface Summary {
  total: number;
  fuzzy: number;
  lowerBound: boolean;
  facets: DirectoryFacets;
  /** What the page of results picks from (search-queries.ts FoundIds). */
  found: FoundIds;
  /** With a search text: its tsquery's text form. */
  tsquery: string | null;
}

/**
 * Every search is kept for a few seconds, and for a minute when it has this many matches (ADR 0006,
 * 0007): its counts (shared by all pages and orders) and each page of results.
 */
export const CACHE_FROM = 1000;
export const SHORT_CACHE_MS = 5_000;
export const LONG_CACHE_MS = 60_000;
const summaries = new SearchCache<Summary>(500);
const results = new SearchCache<DirectoryResult>(1000);
const keepFor = (costly: boolean) => (costly ? LONG_CACHE_MS : SHORT_CACHE_MS);

/** Who sees what, and in which language the labels are. */
const cacheScope = (ctx: Context) => `${listedVisibilities(viewerOf(ctx)).join(',')}|${ctx.locale}`;

/** Reads and checks the input (ValidationError for a bad search text), then searches. */
export async function searchDirectory(ctx: Context, input: DirectoryInput): Promise<DirectoryResult> {
  return runDirectorySearch(ctx, readDirectoryQuery(input, ctx.locale));
}

/** The search itself; `cache: false` computes everything afresh (the benchmark measures that work). */
export async function runDirectorySearch(ctx: Context, query: DirectoryQuery, options: { cache?: boolean } = {}): Promise<DirectoryResult> {
  if (options.cache === false) return computeSearch(ctx, query, options);
  const key = `${cacheScope(ctx)}|${JSON.stringify(directoryParams(query, { pageSize: true }))}`;
  return results.get(ctx.db, key, () => computeSearch(ctx, query, options), (r) => keepFor(r.costly), ctx.clock.now().getTime());
}

async function computeSearch(ctx: Context, query: DirectoryQuery, options: { cache?: boolean }): Promise<DirectoryResult> {
  const exact = exactMatch(ctx, query);
  let { summary, rows } = await search(ctx, exact, options);
  const similar = needsTypos(exact, summary) ? await similarSpelling(ctx, exact, summary) : null;
  if (similar) ({ summary, rows } = await search(ctx, similar, options));
  const reachable = query.sort === 'relevance' ? Math.min(summary.total - summary.fuzzy, RANK_CAP) + summary.fuzzy : summary.total;
  const pages = Math.min(MAX_PAGE, Math.max(1, Math.ceil(reachable / query.pageSize)));
  // Beyond the pages offered there is nothing (the ranked candidates may run a little further).
  const shown = query.page > pages ? [] : rows.rows;
  const places = await placesById(ctx, shown);
  return {
    query,
    total: summary.total,
    totalIsLowerBound: summary.lowerBound,
    pages,
    relevanceLimited: reachable < summary.total,
    similarSpellings: similar !== null && summary.total > 0,
    costly: summary.total >= CACHE_FROM,
    items: shown.map((row) => toItem(ctx, row, places)),
    facets: summary.facets,
    unsearchable: query.q !== '' && !searchable(query.q),
  };
}

/**
 * The match of a search as the directory makes it — the same words, caps and similar-spellings
 * pass — for the listings beside it (map, GeoJSON, exports), so that they list what it counts.
 */
export async function directoryMatch(ctx: Context, query: DirectoryQuery): Promise<MatchSpec> {
  const exact = exactMatch(ctx, query);
  if (!exact.terms) return exact;
  const summary = await countMatches(ctx, exact, {});
  return (needsTypos(exact, summary) && (await similarSpelling(ctx, exact, summary))) || exact;
}

const exactMatch = (ctx: Context, query: DirectoryQuery): MatchSpec => ({ viewer: viewerOf(ctx), query, terms: query.q ? textTerms(query.q) : null });

/** Nothing with these words, not even in another facet value: look for similar spellings („Quartir“ → „Quartier“). */
const needsTypos = (exact: MatchSpec, summary: Summary) =>
  exact.terms !== null && summary.total === 0 && !(Object.values(summary.facets) as { count: number }[][]).some((values) => values.some((v) => v.count > 0));

/** The search with similar spellings of the words that nothing has (the directory index knows every word); null when there are none. */
async function similarSpelling(ctx: Context, exact: MatchSpec, summary: Summary): Promise<MatchSpec | null> {
  const tree = summary.tsquery === null ? undefined : readTsquery(summary.tsquery);
  if (!tree) return null;
  const similar = (await currentDirectoryIndex(ctx, { sync: false })).similar(tree, exact.viewer);
  return similar ? { ...exact, similar: tsqueryText(similar) } : null;
}

/** The counts (cached when large), then the page of results among the ids they found. */
async function search(ctx: Context, spec: MatchSpec, options: { cache?: boolean }) {
  const summary = await countMatches(ctx, spec, options);
  if (summary.total === 0) return { summary, rows: { rows: [] as ResultRow[] } };
  return { summary, rows: await resultsQuery(ctx.db, spec, summary.found).execute(ctx.db) };
}

function countMatches(ctx: Context, spec: MatchSpec, options: { cache?: boolean }): Promise<Summary> {
  const countSummary = () => loadSummary(ctx, spec);
  if (options.cache === false) return countSummary();
  const key = `${cacheScope(ctx)}|${spec.similar ?? ''}|${matchKey(spec.query)}`;
  return summaries.get(ctx.db, key, countSummary, (s) => keepFor(s.total >= CACHE_FROM), ctx.clock.now().getTime());
}

/** Comma-separated ids as numbers; by hand, as split and Number took milliseconds for 40,000. */
function parseIds(list: string | null): number[] {
  if (!list) return [];
  const ids: number[] = [];
  let id = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list.charCodeAt(i);
    if (c === 44) (ids.push(id), (id = 0));
    else id = id * 10 + c - 48;
  }
  ids.push(id);
  return ids;
}

/**
 * Counts the matches and facets (ADR 0007): PostgreSQL turns the search text into a tsquery and
 * finds the trigram candidates, the directory index evaluates the tsquery against its copy of
 * every actor's words and counts the matches the viewer lists, per facet value; then the labels of
 * the tags shown. A phrase needs word positions: PostgreSQL finds its matches.
 */
async function loadSummary(ctx: Context, spec: MatchSpec): Promise<Summary> {
  const { index, text } = await evaluate(ctx, spec);
  const viewer = viewerOf(ctx);
  if (!text) return toSummary(ctx, spec.query, index.count(null, [], viewer, spec.query, { names: 0, words: 0, every: ID_LIST_MAX }), null, false);
  // The best of a common word, wherever stored: its matches in the name, then the first others.
  const counts = index.count(text.match, text.candidates, viewer, spec.query, { names: NAME_CAP, words: RANK_CAP, every: ID_LIST_MAX });
  return toSummary(ctx, spec.query, counts, text.tsquery, text.candidates.length >= FUZZY_CAP);
}

/** What a search text matches in the current directory index (null: no search text). */
async function evaluate(ctx: Context, spec: MatchSpec) {
  const { query } = spec;
  // Similar spellings are a tsquery already, and have no trigram candidates; and the index was
  // brought up to date for the words' own search a moment ago.
  const [index, text] = await Promise.all([
    spec.similar ? currentDirectoryIndex(ctx, { sync: false }) : currentDirectoryIndex(ctx),
    !query.q ? null : spec.similar ? { tsquery: spec.similar, candidates: null } : textQuery(ctx.db, spec).execute(ctx.db).then(({ rows }) => rows[0]!),
  ]);
  if (!text) return { index, text: null };
  const tree = readTsquery(text.tsquery);
  let match: TextMatch;
  if (tree === undefined) {
    const { words, names } = (await phraseMatchQuery(spec).execute(ctx.db)).rows[0]!;
    match = { words: index.slotsOf(parseIds(words)), names: index.slotsOf(parseIds(names)) };
  } else match = index.match(tree);
  return { index, text: { tsquery: text.tsquery, match, candidates: parseIds(text.candidates) } };
}

/**
 * The map's GeoJSON features (JSON text, comma-separated) of exactly the actors the directory
 * counts for the query, those with coordinates: from the directory index, which keeps each actor's
 * feature, so 20 MB of features need not cross the wire from PostgreSQL.
 */
export async function directoryFeatures(ctx: Context, query: DirectoryQuery): Promise<string> {
  const spec = await directoryMatch(ctx, query);
  const { index, text } = await evaluate(ctx, spec);
  return index.features(text?.match ?? null, text?.candidates ?? [], viewerOf(ctx), query);
}

/** The tree of a tsquery the index can evaluate; undefined for phrases (and anything else it does not read). */
function readTsquery(text: string): TsqueryNode | null | undefined {
  try {
    return parseTsquery(text);
  } catch (error) {
    if (error instanceof UnsupportedTsquery) return undefined;
    throw error;
  }
}

/** Tag labels change seldom (a coordinator renames one): the same facets' labels are read once per SHORT_CACHE_MS. */
const labelCache = new SearchCache<TagLabelRow[]>(200);
function tagLabels(ctx: Context, ids: number[]): Promise<TagLabelRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  const key = [...ids].sort((a, b) => a - b).join(',');
  return labelCache.get(ctx.db, key, () => tagLabelsQuery(ctx.db, ids).execute(), () => SHORT_CACHE_MS, ctx.clock.now().getTime());
}

/** The most frequent tags of a facet, and the selected ones besides (also at 0, so that they can be unticked). */
function shownTags(counts: Map<number, number>, selected: number[]): [number, number][] {
  const top = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, TAG_FACET_SIZE);
  const extra = selected.filter((id) => !top.some(([tag]) => tag === id)).map((id): [number, number] => [id, counts.get(id) ?? 0]);
  return [...top, ...extra];
}

async function toSummary(
  ctx: Context,
  query: DirectoryQuery,
  counts: FacetCounts,
  tsquery: string | null,
  capReached: boolean,
): Promise<Summary> {
  const offers = shownTags(counts.offer, query.offers);
  const needs = shownTags(counts.need, query.needs);
  const ids = [...new Set([...offers, ...needs].map(([id]) => id))];
  const labels = new Map<number, TagLabelRow>((await tagLabels(ctx, ids)).map((t) => [t.id, t]));
  const fixed = <T extends string>(byValue: Map<T, number>, vocabulary: readonly T[], selected: T[], all: boolean) =>
    vocabulary
      .map((value) => ({ value, count: byValue.get(value) ?? 0, selected: selected.includes(value) }))
      .filter((v) => all || v.count > 0 || v.selected);
  const tagFacet = (shown: [number, number][], selected: number[]): TagFacetValue[] =>
    shown
      .flatMap(([id, count]) => {
        const tag = labels.get(id);
        return tag ? [{ value: id, label: tagLabel({ label: tag.label, labelEn: tag.label_en }, ctx.locale), count, selected: selected.includes(id) }] : [];
      })
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, ctx.locale));
  return {
    total: counts.total,
    fuzzy: counts.fuzzy,
    // Cut off while adding matches of its own: more of them may exist beyond the cap.
    lowerBound: capReached && counts.fuzzy > 0,
    facets: {
      sector: fixed(counts.sector, SECTORS, query.sectors, true),
      actionField: fixed(counts.actionField, ACTION_FIELDS, query.actionFields, true),
      state: fixed(counts.state, STATES, query.states, false),
      offer: tagFacet(offers, query.offers),
      need: tagFacet(needs, query.needs),
    },
    found: {
      ranked: tsquery === null ? null : { words: [...counts.passing.names, ...counts.passing.words], fuzzy: counts.passing.fuzzy },
      every: counts.passing.every,
    },
    tsquery,
  };
}

async function placesById(ctx: Context, rows: ResultRow[]) {
  const ids = [...new Set(rows.flatMap((r) => (r.place_id === null ? [] : [r.place_id])))];
  const places = ids.length ? await getPlaces(ctx, ids) : [];
  return new Map(places.map((p) => [p.id, p]));
}

function toItem(ctx: Context, row: ResultRow, places: Map<number, { id: number; name: string; stateCode: string }>): DirectoryItem {
  const place = row.place_id === null ? undefined : places.get(row.place_id);
  const chip = (tag: ResultRow['offers'][number]) => ({ id: tag.id, label: tagLabel(tag, ctx.locale) });
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    kind: row.kind,
    sector: row.sector,
    actionFields: row.action_fields,
    place: place ? { id: place.id, name: place.name, stateCode: place.stateCode } : null,
    stateCode: row.state_code as StateCode | null,
    summary: row.summary,
    offers: row.offers.map(chip),
    needs: row.needs.map(chip),
    createdAt: new Date(row.created_at),
  };
}
