import { translator, type Locale } from '../../../platform/i18n/index.js';
import { messages } from '../messages.js';
import type { Place } from '../service.js';
import { placeDetails } from './place-field.js';

/**
 * The options place-field.js shows under the input (its ids and ARIA states are set there).
 * data-status is what a screen reader hears once the list has changed.
 */
export function PlaceSuggestions(props: { places: Place[]; query: string; locale: Locale }) {
  const t = translator(messages, props.locale);
  const digits = /^\d{2,5}$/.test(props.query.trim()) ? props.query.trim() : null;
  const count = props.places.length;
  const status = count === 0 ? t('suggestions.none') : count === 1 ? t('suggestions.one') : t('suggestions.count', { count });
  return (
    <ul role="listbox" aria-label={t('suggestions.label')} data-status={status}>
      {props.places.map((place) => {
        const postcode = digits ? place.postcodes.find((code) => code.startsWith(digits)) : undefined;
        return (
          <li role="option" key={place.id} data-id={String(place.id)} data-value={place.name}>
            <span class="qn-place-field__name">{place.name}</span>
            {' – '}
            <span class="qn-place-field__details">
              {postcode ? `${t('suggestions.postcode', { postcode })}, ` : ''}
              {placeDetails(place, props.locale)}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
