import { translator, type Locale } from '../../../platform/i18n/index.js';
import { directoryMessages } from '../directory-messages.js';
import { modelLabels } from '../model-messages.js';
import type { DirectoryFacets, FacetValue } from '../search.js';

export const formatCount = (locale: Locale, n: number) => n.toLocaleString(locale === 'de' ? 'de-DE' : 'en-GB');

interface Option {
  value: string;
  label: string;
  count: number;
  selected: boolean;
}

/**
 * One facet as a group of checkboxes named like the query parameter. Ids stay the same from one
 * rendering to the next, so htmx puts the keyboard focus back on the box that was just changed.
 */
function FacetGroup(props: { locale: Locale; name: string; legend: string; options: Option[]; empty: string }) {
  const t = translator(directoryMessages, props.locale);
  return (
    <fieldset class="kern-fieldset qn-facet">
      <legend class="kern-label">{props.legend}</legend>
      <div class="kern-fieldset__body">
        {props.options.length === 0 && <p class="kern-body kern-body--small">{props.empty}</p>}
        {props.options.map((o) => {
          const id = `filter-${props.name}-${o.value}`;
          return (
            <div class="kern-form-check" key={o.value}>
              <input class="kern-form-check__checkbox" type="checkbox" id={id} name={props.name} value={o.value} checked={o.selected} />
              <label class="kern-label" for={id}>
                {o.label} <span class="qn-facet__count">{t('facet.count', { count: formatCount(props.locale, o.count) })}</span>
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

/** The filters beside the results; the submit button serves browsers without JavaScript. */
export function DirectoryFacetsView(props: { locale: Locale; facets: DirectoryFacets }) {
  const { locale, facets } = props;
  const t = translator(directoryMessages, locale);
  const labels = modelLabels(locale);
  const fixed = <T extends string>(values: FacetValue<T>[], label: (v: T) => string): Option[] =>
    values.map((v) => ({ value: v.value, label: label(v.value), count: v.count, selected: v.selected }));
  const tags = (values: DirectoryFacets['offer']): Option[] => values.map((v) => ({ value: String(v.value), label: v.label, count: v.count, selected: v.selected }));
  return (
    <section class="qn-directory__facets" aria-labelledby="filter-titel">
      <h2 class="kern-heading-small" id="filter-titel">
        {t('filters.heading')}
      </h2>
      <FacetGroup locale={locale} name="sector" legend={t('facet.sector')} options={fixed(facets.sector, labels.sector)} empty="" />
      <FacetGroup locale={locale} name="actionField" legend={t('facet.actionField')} options={fixed(facets.actionField, labels.actionField)} empty="" />
      <FacetGroup locale={locale} name="state" legend={t('facet.state')} options={fixed(facets.state, labels.state)} empty={t('facet.noStates')} />
      <FacetGroup locale={locale} name="offer" legend={t('facet.offer')} options={tags(facets.offer)} empty={t('facet.noTags')} />
      <FacetGroup locale={locale} name="need" legend={t('facet.need')} options={tags(facets.need)} empty={t('facet.noTags')} />
      <button class="kern-btn kern-btn--secondary" type="submit">
        <span class="kern-label">{t('filters.apply')}</span>
      </button>
    </section>
  );
}
