import { localePath, translator, type Locale } from '../../../platform/i18n/index.js';
import { Button, Field, Form, Select } from '../../../platform/layout/components.js';
import { ACTION_FIELDS, modelLabels, SECTORS } from '../../actors/service.js';
import { messages } from '../messages.js';
import { reasonParts } from '../reasons.js';
import { WEIGHT_KEYS } from '../scoring.js';
import type { SuggestionFilters, SuggestionList } from '../suggestions.js';

/** One actor's suggestions: name, sector, reason, and the two actions (introduction, not relevant). */
export function SuggestionSection(props: { locale: Locale; csrf: string; list: SuggestionList; headingLevel?: 2 | 3; back: string; showComponents?: boolean }) {
  const { locale, list } = props;
  const t = translator(messages, locale);
  const model = modelLabels(locale);
  const headingId = `vorschlaege-${list.actor.id}`;
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  const CardHeading = props.headingLevel === 3 ? 'h4' : 'h3';
  return (
    <section aria-labelledby={headingId} class="qn-stack">
      <Heading class="kern-heading-medium" id={headingId}>
        {t('dashboard.suggestionsFor', { name: list.actor.name })}
      </Heading>
      {list.suggestions.length === 0 ? (
        <p class="kern-body">{t('dashboard.noSuggestions')}</p>
      ) : (
        <ol class="qn-cards" role="list">
          {list.suggestions.map((s) => (
            <li class="qn-card" key={s.actor.id}>
              <CardHeading class="kern-heading-small">
                <a class="kern-link" href={localePath(locale, `/akteure/${s.actor.slug}`)}>
                  {s.actor.name}
                </a>
              </CardHeading>
              <p class="kern-body kern-body--small">{model.sector(s.actor.sector)}</p>
              <p class="kern-body">{reasonParts(locale, s.reason).join(' · ')}</p>
              {props.showComponents && (
                <details>
                  <summary class="kern-body kern-body--small">{t('suggestion.score', { score: s.score.toLocaleString(locale === 'de' ? 'de-DE' : 'en-GB') })}</summary>
                  <dl class="kern-description-list">
                    {WEIGHT_KEYS.map((key) => (
                      <div class="kern-description-list-item" key={key}>
                        <dt class="kern-description-list-item__key">{t(`weight.${key}`)}</dt>
                        <dd class="kern-description-list-item__value">{s.components[key].toLocaleString(locale === 'de' ? 'de-DE' : 'en-GB')}</dd>
                      </div>
                    ))}
                  </dl>
                </details>
              )}
              <div class="qn-actions">
                <a class="kern-btn kern-btn--secondary" href={localePath(locale, `/vernetzung/anfrage?von=${encodeURIComponent(list.actor.slug)}&an=${encodeURIComponent(s.actor.slug)}`)}>
                  <span class="kern-label">{t('suggestion.request')}</span>
                  <span class="kern-sr-only">{`: ${s.actor.name}`}</span>
                </a>
                <Form action={localePath(locale, '/vernetzung/ausblenden')} csrf={props.csrf} class="qn-inline-form">
                  <input type="hidden" name="akteur" value={list.actor.slug} />
                  <input type="hidden" name="vorschlag" value={String(s.actor.id)} />
                  <input type="hidden" name="zurueck" value={props.back} />
                  <button class="kern-btn kern-btn--tertiary" type="submit">
                    <span class="kern-label">{t('suggestion.dismiss')}</span>
                    <span class="kern-sr-only">{`: ${s.actor.name}`}</span>
                  </button>
                </Form>
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** The filter form (GET): sector, action field, distance; errors shown by the field. */
export function FilterForm(props: { locale: Locale; action: string; filters: Record<string, string>; errors?: Record<string, string> }) {
  const t = translator(messages, props.locale);
  const model = modelLabels(props.locale);
  const any = { value: '', label: t('filter.any') };
  return (
    <section aria-labelledby="filter" class="qn-stack">
      <h2 class="kern-heading-medium" id="filter">
        {t('filter.title')}
      </h2>
      <form action={localePath(props.locale, props.action)} method="get" class="qn-stack" noValidate>
        <Select name="sector" label={t('filter.sector')} value={props.filters.sector ?? ''} error={props.errors?.sector} options={[any, ...SECTORS.map((s) => ({ value: s, label: model.sector(s) }))]} />
        <Select
          name="actionField"
          label={t('filter.actionField')}
          value={props.filters.actionField ?? ''}
          error={props.errors?.actionField}
          options={[any, ...ACTION_FIELDS.map((f) => ({ value: f, label: model.actionField(f) }))]}
        />
        <Field name="maxKm" label={t('filter.maxKm')} hint={t('filter.maxKm.hint')} type="number" value={props.filters.maxKm ?? ''} error={props.errors?.maxKm} />
        <div class="qn-actions">
          <Button kind="secondary">{t('filter.apply')}</Button>
          <a class="kern-link" href={localePath(props.locale, props.action)}>
            {t('filter.reset')}
          </a>
        </div>
      </form>
    </section>
  );
}

/** Filters as query-string values for the form. */
export function filterValues(filters: SuggestionFilters): Record<string, string> {
  return {
    ...(filters.sector ? { sector: filters.sector } : {}),
    ...(filters.actionField ? { actionField: filters.actionField } : {}),
    ...(filters.maxKm ? { maxKm: String(filters.maxKm) } : {}),
  };
}
