import { berlinLocalString } from '../../../platform/berlin-time.js';
import { localePath, translator, type Locale } from '../../../platform/i18n/index.js';
import { Button, ChoiceGroup, ErrorSummary, Field, Form, Select } from '../../../platform/layout/components.js';
import { ACTION_FIELDS, modelLabels } from '../../actors/service.js';
import type { Place } from '../../places/service.js';
import { PlaceField } from '../../places/views/place-field.js';
import { formatLabels, messages } from '../messages.js';
import type { FormatRow } from '../queries.js';
import { AGENDA_MAX_ITEMS, FORMAT_KINDS, FORMAT_MODES, LINK_MAX, TEASER_MAX, TITLE_MAX, VENUE_MAX } from '../model.js';

/** Planning a format: one form for new and existing ones, in four groups. */

export interface FormatFormState {
  values: Record<string, string | string[]>;
  errors: Record<string, string>;
  message?: string;
  placeCandidates?: Place[];
}

/** A saved format as its edit form shows it: the same strings a coordinator would type. */
export function formValuesOf(row: FormatRow, extra: { hostSlugs: string[]; editorEmails: string[]; placeName: string }): FormatFormState['values'] {
  const local = (date: Date | null) => (date ? berlinLocalString(date) : '');
  return {
    kind: row.kind,
    title: row.title,
    teaser: row.teaser,
    description: row.description,
    agenda: row.agenda.map((item) => `${item.time} ${item.title}`).join('\n'),
    startsAt: local(row.starts_at),
    endsAt: local(row.ends_at),
    mode: row.mode,
    venue: row.venue ?? '',
    place: extra.placeName,
    placeId: row.place_id ? String(row.place_id) : '',
    onlineLink: row.online_link ?? '',
    hosts: extra.hostSlugs.join('\n'),
    editors: extra.editorEmails.join('\n'),
    actionFields: row.action_fields,
    capacity: row.capacity === null ? '' : String(row.capacity),
    registrationOpensAt: local(row.registration_opens_at),
    registrationClosesAt: local(row.registration_closes_at),
    maxSectorShare: row.max_sector_share === null ? '' : String(row.max_sector_share),
  };
}

const one = (values: FormatFormState['values'], key: string) => {
  const value = values[key];
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
};
const many = (values: FormatFormState['values'], key: string) => {
  const value = values[key];
  return Array.isArray(value) ? value : value ? [value] : [];
};

export function FormatForm(props: { locale: Locale; csrf: string; state: FormatFormState; editing?: { slug: string; title: string }; coordinator: boolean }) {
  const { locale, state } = props;
  const { values, errors } = state;
  const t = translator(messages, locale);
  const labels = formatLabels(locale);
  const model = modelLabels(locale);
  const action = props.editing ? `/formate/${props.editing.slug}/bearbeiten` : '/formate/neu';
  const fieldLabels: Record<string, string> = {
    kind: t('form.kind'),
    title: t('form.title'),
    teaser: t('form.teaser'),
    description: t('form.description'),
    agenda: t('form.agenda'),
    startsAt: t('form.startsAt'),
    endsAt: t('form.endsAt'),
    mode: t('form.mode'),
    venue: t('form.venue'),
    place: t('form.place'),
    onlineLink: t('form.onlineLink'),
    hosts: t('form.hosts'),
    editors: t('form.editors'),
    actionFields: t('form.actionFields'),
    capacity: t('form.capacity'),
    registrationOpensAt: t('form.opensAt'),
    registrationClosesAt: t('form.closesAt'),
    maxSectorShare: t('form.maxSectorShare'),
  };
  const text = (name: string, extra: Partial<Parameters<typeof Field>[0]> = {}) => <Field name={name} label={fieldLabels[name]!} value={one(values, name)} error={errors[name]} {...extra} />;
  return (
    <div class="qn-form">
      <h1 class="kern-heading-large">{props.editing ? t('form.editTitle', { title: props.editing.title }) : t('form.newTitle')}</h1>
      <ErrorSummary errors={errors} labels={fieldLabels} locale={locale} message={state.message} />
      <Form action={localePath(locale, action)} csrf={props.csrf}>
        <div class="qn-stack">
          <fieldset class="kern-fieldset">
            <legend class="kern-title">{t('form.basics')}</legend>
            <div class="kern-fieldset__body qn-stack">
              <Select name="kind" label={fieldLabels.kind!} value={one(values, 'kind')} error={errors.kind} options={[{ value: '', label: t('filter.any') }, ...FORMAT_KINDS.map((k) => ({ value: k, label: labels.kind(k) }))]} />
              {text('title', { required: true, maxLength: TITLE_MAX })}
              {text('teaser', { hint: t('form.teaser.hint'), maxLength: TEASER_MAX, multiline: true, rows: 2 })}
              {text('description', { hint: t('form.description.hint'), multiline: true, rows: 8 })}
              {text('agenda', { hint: t('form.agenda.hint', { max: AGENDA_MAX_ITEMS }), multiline: true, rows: 6 })}
              <ChoiceGroup
                type="checkbox"
                name="actionFields"
                legend={fieldLabels.actionFields!}
                error={errors.actionFields}
                options={ACTION_FIELDS.map((f) => ({ value: f, label: model.actionField(f) }))}
                checked={many(values, 'actionFields')}
              />
            </div>
          </fieldset>
          <fieldset class="kern-fieldset">
            <legend class="kern-title">{t('form.time')}</legend>
            <div class="kern-fieldset__body qn-stack">
              {text('startsAt', { type: 'datetime-local', hint: t('form.dateTime.hint'), required: true })}
              {text('endsAt', { type: 'datetime-local', hint: t('form.dateTime.hint'), required: true })}
              <ChoiceGroup type="radio" name="mode" legend={fieldLabels.mode!} error={errors.mode} required options={FORMAT_MODES.map((m) => ({ value: m, label: labels.mode(m) }))} checked={many(values, 'mode')} horizontal />
              {text('venue', { hint: t('form.venue.hint'), maxLength: VENUE_MAX })}
              <PlaceField
                name="place"
                label={fieldLabels.place!}
                value={one(values, 'place')}
                placeId={/^\d+$/.test(one(values, 'placeId')) ? Number(one(values, 'placeId')) : null}
                error={errors.place}
                candidates={state.placeCandidates}
                locale={locale}
              />
              {text('onlineLink', { type: 'url', hint: t('form.onlineLink.hint'), maxLength: LINK_MAX })}
            </div>
          </fieldset>
          <fieldset class="kern-fieldset">
            <legend class="kern-title">{t('form.people')}</legend>
            <div class="kern-fieldset__body qn-stack">
              {text('hosts', { hint: t('form.hosts.hint'), multiline: true, rows: 3 })}
              {props.coordinator && text('editors', { hint: t('form.editors.hint'), multiline: true, rows: 3 })}
            </div>
          </fieldset>
          <fieldset class="kern-fieldset">
            <legend class="kern-title">{t('form.registration')}</legend>
            <div class="kern-fieldset__body qn-stack">
              {text('capacity', { type: 'number', hint: t('form.capacity.hint') })}
              {text('registrationOpensAt', { type: 'datetime-local', hint: t('form.dateTime.hint') })}
              {text('registrationClosesAt', { type: 'datetime-local', hint: t('form.closesAt.hint') })}
              {text('maxSectorShare', { type: 'number', hint: t('form.maxSectorShare.hint') })}
            </div>
          </fieldset>
          <div class="qn-actions">
            <Button>{props.editing ? t('form.save') : t('form.create')}</Button>
            <a class="kern-link" href={localePath(locale, props.editing ? `/formate/${props.editing.slug}` : '/formate')}>
              {t('form.cancel')}
            </a>
          </div>
        </div>
      </Form>
    </div>
  );
}
