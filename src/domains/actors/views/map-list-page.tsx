import { localePath, type Locale } from '../../../platform/i18n/index.js';
import type { MapListGroup } from '../geojson.js';
import { modelLabels } from '../model-messages.js';
import type { DirectoryQuery } from '../search-query.js';
import { actorCount, formatCount, filterHref, mapTexts, stateAnchor, stateName } from './map-parts.js';

export interface MapListPageProps {
  locale: Locale;
  query: DirectoryQuery;
  total: number;
  groups: MapListGroup[];
}

/** The map's accessible alternative without JavaScript: the same actors, grouped by state with counts. */
export function MapListPage(props: MapListPageProps) {
  const { locale, query } = props;
  const t = mapTexts(locale);
  const labels = modelLabels(locale);
  return (
    <>
      <h1 class="kern-heading-large">{t('list.title')}</h1>
      <p class="kern-body">{t('list.intro')}</p>
      <p class="kern-body">
        <a class="kern-link" href={filterHref(locale, '/akteure/karte', query)}>
          {t('list.backToMap')}
        </a>
      </p>
      <p class="kern-body kern-body--bold">{actorCount(locale, props.total)}</p>
      {props.groups.length === 0 ? (
        <p class="kern-body">{t('states.empty')}</p>
      ) : (
        <>
          <nav aria-labelledby="laender-titel">
            <h2 class="kern-heading-small" id="laender-titel">
              {t('list.jump')}
            </h2>
            <ul class="kern-list qn-map-states">
              {props.groups.map((group) => (
                <li key={stateAnchor(group.state)}>
                  <a class="kern-link" href={`#${stateAnchor(group.state)}`}>
                    {`${stateName(locale, group.state)} (${formatCount(locale, group.count)})`}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          {props.groups.map((group) => (
            <section key={stateAnchor(group.state)} aria-labelledby={stateAnchor(group.state)} class="qn-map-group">
              <h2 class="kern-heading-medium" id={stateAnchor(group.state)}>
                {`${stateName(locale, group.state)}: ${actorCount(locale, group.count)}`}
              </h2>
              <ul class="kern-list">
                {group.actors.map((actor) => (
                  <li key={actor.slug}>
                    <a class="kern-link" href={localePath(locale, `/akteure/${encodeURIComponent(actor.slug)}`)}>
                      {actor.name}
                    </a>
                    {` – ${[labels.sector(actor.sector), actor.place].filter(Boolean).join(', ')}`}
                  </li>
                ))}
              </ul>
              {group.count > group.actors.length && group.state !== null && (
                <p class="kern-body">
                  <a class="kern-link" href={filterHref(locale, '/akteure', { ...query, states: [group.state] })}>
                    {t('list.more', { count: formatCount(locale, group.count), state: stateName(locale, group.state) })}
                  </a>
                </p>
              )}
            </section>
          ))}
        </>
      )}
    </>
  );
}
