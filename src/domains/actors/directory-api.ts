import { Type, type Static, type TSchema } from 'typebox';
import type { Locale } from '../../platform/i18n/index.js';
import { ACTION_FIELDS, SECTORS, STATES } from './model.js';
import { modelLabels } from './model-messages.js';
import type { DirectoryResult } from './search.js';
import { MAX_PAGE, PAGE_SIZE, PAGE_SIZE_MAX, SEARCH_TEXT_MAX, SELECTED_MAX, SORTS } from './search-query.js';

/** The directory search as JSON (GET /api/v1/actors): TypeBox schemas for validation and OpenAPI, and the presenter. */

const literals = <T extends string>(values: readonly T[], description: string) => Type.Union(values.map((v) => Type.Literal(v)), { description });
const several = <T extends TSchema>(item: T, description: string) =>
  Type.Optional(Type.Array(item, { maxItems: SELECTED_MAX, description: `${description}; repeat the parameter for several (any of them matches)` }));
const tagId = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });

export const directoryQuerySchema = Type.Object(
  {
    q: Type.Optional(
      Type.String({
        maxLength: SEARCH_TEXT_MAX,
        description: 'Search text: German full-text search (stemmed) plus prefix, compound and typo matching. "or" (or "oder") between words, "-word" excludes.',
      }),
    ),
    sector: several(literals(SECTORS, 'Sector'), 'Sector'),
    actionField: several(literals(ACTION_FIELDS, 'Action field'), 'Action field'),
    state: several(literals(STATES, 'State (ISO 3166-2:DE suffix)'), 'State'),
    offer: several(tagId, 'Tag id of an offer'),
    need: several(tagId, 'Tag id of a need'),
    sort: Type.Optional(literals(SORTS, 'Order; default relevance with a search text, name without')),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: 1, description: '1-based page number' })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: PAGE_SIZE_MAX, default: PAGE_SIZE, description: 'Results per page' })),
  },
  { additionalProperties: false },
);
export type DirectoryQueryParams = Static<typeof directoryQuerySchema>;

const facet = <T extends TSchema>(value: T) =>
  Type.Array(Type.Object({ value, label: Type.String(), count: Type.Integer(), selected: Type.Boolean() }));
const chip = Type.Object({ id: Type.Integer(), label: Type.String() });
const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const directoryResultSchema = Type.Object({
  total: Type.Integer({ description: 'Matching actors the caller may see' }),
  totalIsLowerBound: Type.Boolean({ description: 'true when more may match: parts of words and similar spellings were only partly examined for a very common word' }),
  similarSpellings: Type.Boolean({ description: 'true when the words matched nothing and the results have a similar spelling (typos)' }),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  pages: Type.Integer({ description: 'Pages that can be requested (in relevance order at most the ranked candidates)' }),
  sort: Type.Union([Type.Literal('relevance'), Type.Literal('name'), Type.Literal('newest')], { description: 'The order applied' }),
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      slug: Type.String(),
      path: Type.String({ description: 'The profile page' }),
      name: Type.String(),
      kind: Type.String(),
      sector: Type.String(),
      actionFields: Type.Array(Type.String()),
      place: Type.Union([Type.Object({ id: Type.Integer(), name: Type.String(), stateCode: Type.String() }), Type.Null()]),
      stateCode: nullable(Type.String()),
      summary: Type.String(),
      offers: Type.Array(chip),
      needs: Type.Array(chip),
      createdAt: Type.String({ format: 'date-time' }),
    }),
  ),
  facets: Type.Object(
    {
      sector: facet(Type.String()),
      actionField: facet(Type.String()),
      state: facet(Type.String()),
      offer: facet(Type.Integer()),
      need: facet(Type.Integer()),
    },
    { description: 'Counts per value; a facet’s counts ignore its own selection and respect the other facets' },
  ),
});

/** The search result as the API answers it, labels in the caller's language. */
export function presentDirectory(result: DirectoryResult, locale: Locale): Static<typeof directoryResultSchema> {
  const labels = modelLabels(locale);
  const { query } = result;
  return {
    total: result.total,
    totalIsLowerBound: result.totalIsLowerBound,
    similarSpellings: result.similarSpellings,
    page: query.page,
    pageSize: query.pageSize,
    pages: result.pages,
    sort: query.sort,
    items: result.items.map((item) => ({
      id: item.id,
      slug: item.slug,
      path: `/akteure/${encodeURIComponent(item.slug)}`,
      name: item.name,
      kind: item.kind,
      sector: item.sector,
      actionFields: item.actionFields,
      place: item.place,
      stateCode: item.stateCode,
      summary: item.summary,
      offers: item.offers,
      needs: item.needs,
      createdAt: item.createdAt.toISOString(),
    })),
    facets: {
      sector: result.facets.sector.map((f) => ({ ...f, label: labels.sector(f.value) })),
      actionField: result.facets.actionField.map((f) => ({ ...f, label: labels.actionField(f.value) })),
      state: result.facets.state.map((f) => ({ ...f, label: labels.state(f.value) })),
      offer: result.facets.offer.map((f) => ({ value: f.value, label: f.label, count: f.count, selected: f.selected })),
      need: result.facets.need.map((f) => ({ value: f.value, label: f.label, count: f.count, selected: f.selected })),
    },
  };
}
