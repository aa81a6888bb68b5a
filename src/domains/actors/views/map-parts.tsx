import { localePath, translator, type Locale } from '../../../platform/i18n/index.js';
import { Field, FormActions, Select } from '../../../platform/layout/components.js';
import { modelLabels } from '../model-messages.js';
import { ACTION_FIELDS, SECTORS, STATES, type StateCode } from '../model.js';
import { mapMessages } from '../map-messages.js';
import { tagLabel, type TagRef } from '../present.js';
import { defaultSort, directoryParams, type DirectoryQuery } from '../search-query.js';

/** Pieces shared by the map page and its list: texts, counts, filter links and the filter form. */

export const mapTexts = (locale: Locale) => translator(mapMessages, locale);

const numbers = { de: new Intl.NumberFormat('de-DE'), en: new Intl.NumberFormat('en-GB') };
export const formatCount = (locale: Locale, count: number) => numbers[locale].format(count);

/** „1 Akteur“, „1.234 Akteure“. */
export function actorCount(locale: Locale, count: number): string {
  const t = mapTexts(locale);
  return count === 1 ? t('count.one') : t('count.other', { count: formatCount(locale, count) });
}

/** The filters of a search as a query string ('' or '?…'), without its order and page. */
export function filterSearch(query: DirectoryQuery, extra: [string, string][] = []): string {
  const params = new URLSearchParams([...directoryParams({ ...query, sort: defaultSort(query.q), page: 1 }), ...extra]).toString();
  return params ? `?${params}` : '';
}

/** A page that takes the directory's filters (map, list, directory, export), with those of a search. */
export const filterHref = (locale: Locale, path: '/akteure/karte' | '/akteure/karte/liste' | '/akteure' | '/akteure/export', query: DirectoryQuery, extra: [string, string][] = []) =>
  localePath(locale, path) + filterSearch(query, extra);

export const stateName = (locale: Locale, state: StateCode | null) => (state === null ? mapTexts(locale)('states.none') : modelLabels(locale).state(state));

/** The anchor of a state's group in the list. */
export const stateAnchor = (state: StateCode | null) => `land-${state ?? 'ohne'}`;

/** GET form with the directory's filters (same parameter names), one value per facet. */
export function MapFilterForm(props: { locale: Locale; query: DirectoryQuery; vocabulary: TagRef[] }) {
  const { locale, query } = props;
  const t = mapTexts(locale);
  const labels = modelLabels(locale);
  const any = { value: '', label: t('filter.any') };
  const tags = props.vocabulary.map((tag) => ({ value: String(tag.id), label: tagLabel(tag, locale) }));
  return (
    <section aria-labelledby="filter-titel">
      <h2 class="kern-heading-medium" id="filter-titel">
        {t('filter.heading')}
      </h2>
      <form action={localePath(locale, '/akteure/karte')} method="get" class="qn-map-filters">
        <Field name="q" type="search" label={t('filter.q')} value={query.q} maxLength={200} />
        <Select name="sector" label={t('filter.sector')} value={query.sectors[0] ?? ''} options={[any, ...SECTORS.map((s) => ({ value: s, label: labels.sector(s) }))]} />
        <Select name="actionField" label={t('filter.actionField')} value={query.actionFields[0] ?? ''} options={[any, ...ACTION_FIELDS.map((a) => ({ value: a, label: labels.actionField(a) }))]} />
        <Select name="state" label={t('filter.state')} value={query.states[0] ?? ''} options={[any, ...STATES.map((s) => ({ value: s, label: labels.state(s) }))]} />
        <Select name="offer" label={t('filter.offer')} value={String(query.offers[0] ?? '')} options={[any, ...tags]} />
        <Select name="need" label={t('filter.need')} value={String(query.needs[0] ?? '')} options={[any, ...tags]} />
        <FormActions submit={t('filter.submit')} back={{ href: localePath(locale, '/akteure/karte'), label: t('filter.reset') }} />
      </form>
    </section>
  );
}
