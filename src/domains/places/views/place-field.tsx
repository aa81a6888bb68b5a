import { describedBy, FieldNotes, fieldId } from '../../../platform/layout/components.js';
import { assetUrl } from '../../../platform/layout/assets.js';
import { localePath, translator, type Locale } from '../../../platform/i18n/index.js';
import { modelLabels } from '../../actors/model-messages.js';
import type { StateCode } from '../../actors/model.js';
import { messages } from '../messages.js';
import type { Place, PlaceResolution } from '../service.js';

/** The place input of the profile and format forms. */
export interface PlaceFieldProps {
  /** Form field name of the typed text, e.g. "place"; the chosen id goes in `${name}Id`. */
  name: string;
  label: string;
  /** What was typed (or the current place's display name). */
  value: string;
  /** The place id already chosen, if any. */
  placeId?: number | null;
  error?: string;
  hint?: string;
  required?: boolean;
  candidates?: Place[];
  locale: Locale;
}

/** "Landkreis Eichsfeld, Thüringen": what tells places of the same name apart (the district only when it adds something). */
export function placeDetails(place: Place, locale: Locale): string {
  const state = modelLabels(locale).state(place.stateCode as StateCode);
  const district = place.district && place.district !== place.name && place.district !== modelLabels('de').state(place.stateCode as StateCode) ? place.district : null;
  return district ? `${district}, ${state}` : state;
}

/** The field's error for a resolution that found no single place (undefined when one was found). */
export function placeFieldError(resolution: PlaceResolution, locale: Locale): string | undefined {
  const t = translator(messages, locale);
  if (resolution.kind === 'ambiguous') return t('field.ambiguous');
  if (resolution.kind === 'none') return t('field.none');
  return undefined;
}

/**
 * A place input. Without JavaScript the server resolves the text (see resolvePlaceField) and, when
 * it was ambiguous, shows the candidates as radio buttons; place-field.js turns the input into a
 * combobox with suggestions from /orte/vorschlaege.
 */
export function PlaceField(props: PlaceFieldProps) {
  const t = translator(messages, props.locale);
  const id = fieldId(props.name);
  const hint = props.hint ?? t('field.hint');
  const idName = `${props.name}Id`;
  const candidates = props.candidates ?? [];
  const format = new Intl.NumberFormat(props.locale === 'de' ? 'de-DE' : 'en-GB');
  return (
    <div class={`kern-form-input qn-place-field${props.error ? ' kern-form-input--error' : ''}`} data-place-field="">
      <label class="kern-label" for={id}>
        {props.label}
      </label>
      <FieldNotes id={id} hint={hint} error={props.error} />
      <div class="qn-place-field__box">
        <input
          id={id}
          name={props.name}
          type="text"
          value={props.value}
          class={`kern-form-input__input${props.error ? ' kern-form-input__input--error' : ''}`}
          aria-describedby={describedBy(id, { hint, error: props.error })}
          aria-invalid={props.error ? 'true' : undefined}
          aria-required={props.required ? 'true' : undefined}
          maxLength={100}
          autoComplete="off"
          data-suggest-url={localePath(props.locale, '/orte/vorschlaege')}
          data-id-field={idName}
          data-list-label={t('suggestions.label')}
        />
      </div>
      {props.placeId != null && candidates.length === 0 && <input type="hidden" name={idName} value={String(props.placeId)} />}
      {candidates.length > 0 && (
        <fieldset class="kern-fieldset qn-place-field__candidates" aria-describedby={`${id}-kandidaten-hinweis`}>
          <legend class="kern-label">{t('field.candidates')}</legend>
          <div class="kern-hint" id={`${id}-kandidaten-hinweis`}>
            {t('field.candidatesHint')}
          </div>
          <div class="kern-fieldset__body">
            {candidates.map((place) => (
              <div class="kern-form-check" key={place.id}>
                <input class="kern-form-check__radio" type="radio" id={`${id}-ort-${place.id}`} name={idName} value={String(place.id)} checked={place.id === props.placeId} />
                <label class="kern-label" for={`${id}-ort-${place.id}`}>
                  {place.name} – {placeDetails(place, props.locale)}
                  {place.population > 0 && ` (${t('field.population', { count: format.format(place.population) })})`}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      )}
      <script src={assetUrl('place-field.js')} defer></script>
    </div>
  );
}
