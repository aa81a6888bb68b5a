import { localePath, type Locale } from '../../../platform/i18n/index.js';
import { assetUrl } from '../../../platform/layout/assets.js';
import type { StateCount } from '../geojson.js';
import { modelLabels } from '../model-messages.js';
import { SECTORS } from '../model.js';
import type { TagRef } from '../present.js';
import type { DirectoryQuery } from '../search-query.js';
import { actorCount, formatCount, filterHref, mapTexts, MapFilterForm, stateAnchor, stateName } from './map-parts.js';

export interface MapPageProps {
  locale: Locale;
  query: DirectoryQuery;
  counts: { total: number; states: StateCount[] };
  vocabulary: TagRef[];
  geojsonUrl: string;
  bordersUrl: string;
}

/**
 * The map of actors. Leaflet and our script (static/map.js) draw it into #akteurskarte from the
 * URLs in its data attributes (no inline script: CSP). Keyboard path: markers and clusters are
 * focusable and open with Enter (Leaflet's `keyboard` option), but the complete path for keyboard
 * and screen reader users is the list by state, linked above the map and summarised below it.
 */
export function MapPage(props: MapPageProps) {
  const { locale, query, counts } = props;
  const t = mapTexts(locale);
  const labels = modelLabels(locale);
  const texts = {
    loading: t('map.loading'),
    failed: t('map.failed'),
    shownOne: t('map.shown.one'),
    shownOther: t('map.shown.other'),
    cluster: t('map.cluster'),
    locale: locale === 'de' ? 'de-DE' : 'en-GB',
    sectors: Object.fromEntries(SECTORS.map((s) => [s, labels.sector(s)])),
  };
  return (
    <>
      <link rel="stylesheet" href={assetUrl('leaflet.css')} />
      <link rel="stylesheet" href={assetUrl('MarkerCluster.css')} />
      <link rel="stylesheet" href={assetUrl('map.css')} />
      <h1 class="kern-heading-large">{t('map.title')}</h1>
      <p class="kern-body">{t('map.intro')}</p>
      <MapFilterForm locale={locale} query={query} vocabulary={props.vocabulary} />
      <ul class="kern-list qn-map-links">
        <li>
          <a class="kern-link" href={filterHref(locale, '/akteure/karte/liste', query)}>
            {t('links.list')}
          </a>
        </li>
        <li>
          <a class="kern-link" href={filterHref(locale, '/akteure', query)}>
            {t('links.directory')}
          </a>
        </li>
        <li>
          <a class="kern-link" href={props.geojsonUrl} type="application/geo+json">
            {t('links.geojson')}
          </a>
        </li>
      </ul>
      <section aria-labelledby="karte-titel" class="qn-stack">
        <h2 class="kern-heading-medium" id="karte-titel">
          {t('map.heading')}
        </h2>
        <p class="kern-body" id="karte-hinweis">
          {t('map.keyboard')}
        </p>
        <p class="kern-body kern-body--bold" id="karte-status" role="status">
          {counts.total === 1 ? t('map.shown.one') : t('map.shown.other', { count: formatCount(locale, counts.total) })}
        </p>
        <div
          id="akteurskarte"
          class="qn-map"
          role="region"
          aria-label={t('map.label')}
          aria-describedby="karte-hinweis"
          data-geojson={props.geojsonUrl}
          data-borders={props.bordersUrl}
          data-profile={localePath(locale, '/akteure/')}
          data-texts={JSON.stringify(texts)}
        >
          <p class="kern-body qn-map__fallback">
            {t('map.noscript')}{' '}
            <a class="kern-link" href={filterHref(locale, '/akteure/karte/liste', query)}>
              {t('links.list')}
            </a>
          </p>
        </div>
        <h3 class="kern-heading-small">{t('map.legend')}</h3>
        <ul class="qn-map-legend">
          {SECTORS.map((sector) => (
            <li key={sector}>
              <span class={`qn-map-marker qn-map-marker--${sector}`} aria-hidden="true"></span> {labels.sector(sector)}
            </li>
          ))}
        </ul>
        <p class="kern-body kern-body--small">
          <a class="kern-link" href={localePath(locale, '/impressum')}>
            {t('map.sources')}
          </a>
        </p>
      </section>
      <section aria-labelledby="nach-land">
        <h2 class="kern-heading-medium" id="nach-land">
          {t('states.heading')}
        </h2>
        {counts.states.length === 0 ? (
          <p class="kern-body">{t('states.empty')}</p>
        ) : (
          <ul class="kern-list qn-map-states">
            {counts.states.map((s) => (
              <li key={s.state ?? 'none'}>
                <a class="kern-link" href={`${filterHref(locale, '/akteure/karte/liste', query)}#${stateAnchor(s.state)}`}>
                  {stateName(locale, s.state)}
                </a>
                {`: ${actorCount(locale, s.count)}`}
              </li>
            ))}
          </ul>
        )}
      </section>
      <script src={assetUrl('leaflet.js')} defer></script>
      <script src={assetUrl('leaflet.markercluster.js')} defer></script>
      <script src={assetUrl('map.js')} defer></script>
    </>
  );
}
