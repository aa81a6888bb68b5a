import { localePath, translator, type Locale } from '../../../platform/i18n/index.js';
import { directoryMessages } from '../directory-messages.js';
import { modelLabels } from '../model-messages.js';
import type { DirectoryItem, DirectoryResult, TagChip } from '../search.js';
import { defaultSort, directoryHref, SORTS, withChange } from '../search-query.js';
import { fieldId, Pager } from '../../../platform/layout/components.js';
import { DirectoryFacetsView, formatCount } from './directory-facets.js';
import { filterHref } from './map-parts.js';

/** The id of the region htmx replaces while someone types or ticks a filter. */
export const RESULTS_ID = 'verzeichnis-ergebnis';
/** A polite live region outside that region: it announces the new count. */
export const ANNOUNCE_ID = 'verzeichnis-ansage';

export function countText(locale: Locale, result: DirectoryResult): string {
  const t = translator(directoryMessages, locale);
  if (result.total === 0) return t('results.countNone');
  if (result.totalIsLowerBound) return t('results.countAtLeast', { count: formatCount(locale, result.total) });
  return result.total === 1 ? t('results.countOne') : t('results.count', { count: formatCount(locale, result.total) });
}

/** Facets, count, result list and pages: what changes with every search. */
export function DirectoryResults(props: { locale: Locale; result: DirectoryResult }) {
  const { locale, result } = props;
  const t = translator(directoryMessages, locale);
  const { query } = result;
  const beyond = query.page > result.pages;
  return (
    <div id={RESULTS_ID} class="qn-directory__body" hx-get={localePath(locale, '/akteure')} hx-trigger="change" hx-include="closest form">
      <DirectoryFacetsView locale={locale} facets={result.facets} />
      <section class="qn-directory__results" aria-labelledby="treffer-titel">
        <div class="qn-directory__head">
          <h2 class="kern-heading-medium" id="treffer-titel">
            {countText(locale, result)}
          </h2>
          <SortSelect locale={locale} result={result} />
        </div>
        {/* Inside the replaced region, so that they follow the filters as they change. */}
        <ul class="kern-list kern-list--horizontal">
          <li>
            <a class="kern-link" href={filterHref(locale, '/akteure/karte', query)}>
              {t('results.onMap')}
            </a>
          </li>
          <li>
            <a class="kern-link" href={filterHref(locale, '/akteure/export', query)}>
              {t('results.export')}
            </a>
          </li>
        </ul>
        {result.unsearchable && <p class="kern-body">{t('results.unsearchable')}</p>}
        {!result.unsearchable && result.total === 0 && <p class="kern-body">{t('results.empty')}</p>}
        {result.similarSpellings && <p class="kern-body">{t('results.similar')}</p>}
        {result.totalIsLowerBound && <p class="kern-body kern-body--small">{t('results.lowerBound')}</p>}
        {result.relevanceLimited && query.sort === 'relevance' && (
          <p class="kern-body kern-body--small">{t('results.relevanceLimited', { pages: formatCount(locale, result.pages) })}</p>
        )}
        {beyond && result.total > 0 && (
          <p class="kern-body">
            {t('results.beyond')}{' '}
            <a class="kern-link" href={directoryHref(locale, withChange(query, { page: 1 }))}>
              {t('results.firstPage')}
            </a>
          </p>
        )}
        {result.items.length > 0 && (
          <ol class="qn-results" aria-label={t('results.list')} start={(query.page - 1) * query.pageSize + 1}>
            {result.items.map((item) => (
              <ResultItem key={item.id} locale={locale} item={item} />
            ))}
          </ol>
        )}
        <Pages locale={locale} result={result} />
      </section>
    </div>
  );
}

/**
 * The order, inside the replaced region so that it follows the search text: the default (relevance
 * with a search text, name without) has the value "", so typing a search never keeps "name".
 */
function SortSelect(props: { locale: Locale; result: DirectoryResult }) {
  const t = translator(directoryMessages, props.locale);
  const { q, sort } = props.result.query;
  const choices = SORTS.filter((s) => s !== 'relevance' || q);
  const id = fieldId('sort');
  return (
    <div class="kern-form-input qn-directory__sort">
      <label class="kern-label" for={id}>
        {t('sort.label')}
      </label>
      <div class="kern-form-input__select-wrapper">
        <select id={id} name="sort" class="kern-form-input__select">
          {choices.map((s) => (
            <option key={s} value={s === defaultSort(q) ? '' : s} selected={s === sort}>
              {t(`sort.${s}`)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

function ResultItem(props: { locale: Locale; item: DirectoryItem }) {
  const { locale, item } = props;
  const t = translator(directoryMessages, locale);
  const labels = modelLabels(locale);
  const place = item.place ? `${item.place.name}${item.stateCode ? ` (${labels.state(item.stateCode)})` : ''}` : item.stateCode ? labels.state(item.stateCode) : t('results.noPlace');
  return (
    <li class="qn-result">
      <h3 class="kern-heading-small qn-result__name">
        <a class="kern-link" href={localePath(locale, `/akteure/${encodeURIComponent(item.slug)}`)}>
          {item.name}
        </a>
      </h3>
      <p class="kern-body kern-body--small qn-result__meta">
        {labels.sector(item.sector)}
        {item.kind === 'person' ? ` · ${labels.kind('person')}` : ''} · <span class="kern-sr-only">{t('results.where')}: </span>
        {place}
      </p>
      {item.summary && <p class="kern-body">{item.summary}</p>}
      <Chips label={t('results.offers')} tags={item.offers} />
      <Chips label={t('results.needs')} tags={item.needs} />
    </li>
  );
}

function Chips(props: { label: string; tags: TagChip[] }) {
  if (props.tags.length === 0) return null;
  return (
    <p class="qn-chips">
      <span class="qn-chips__label">{props.label}:</span>
      {props.tags.map((tag) => (
        <span key={tag.id} class="kern-badge kern-badge--info qn-chip">
          {tag.label}
        </span>
      ))}
    </p>
  );
}

function Pages(props: { locale: Locale; result: DirectoryResult }) {
  const { locale, result } = props;
  const href = (target: number) => directoryHref(locale, withChange(result.query, { page: target }));
  return <Pager locale={locale} label={translator(directoryMessages, locale)('pagination.label')} page={result.query.page} pages={result.pages} href={href} />;
}
