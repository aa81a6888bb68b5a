import type { FieldErrors } from '../../../platform/errors/index.js';
import { localePath, translator, type Locale } from '../../../platform/i18n/index.js';
import { ChoiceGroup, Field, FormActions, FormPage, Select } from '../../../platform/layout/components.js';
import type { Place } from '../../places/service.js';
import { PlaceField } from '../../places/views/place-field.js';
import { messages, type MessageKey } from '../messages.js';
import { ACTION_FIELDS, ACTOR_KINDS, SECTORS, VISIBILITIES } from '../model.js';
import { modelLabels } from '../model-messages.js';
import { tagLabel, type ActorProfile, type TagRef } from '../present.js';
import { LIMITS } from '../profile-input.js';
import { TAG_LABEL_MAX, TAGS_PER_LIST_MAX } from '../tags.js';
import { many, one, type FormValues } from './form-values.js';
import { backToProfile } from './profile-parts.js';

/** The profile form, for creating (/akteure/neu) and editing (/akteure/:slug/bearbeiten). */

export interface ActorFormState {
  values: FormValues;
  errors: FieldErrors;
  message?: string;
  placeCandidates?: Place[];
}

/** Field → label key, for the error summary (in form order). */
const labels: Record<string, MessageKey> = {
  kind: 'form.kind',
  name: 'form.name',
  sector: 'form.sector',
  actionFields: 'form.actionFields',
  place: 'form.place',
  summary: 'form.summary',
  description: 'form.description',
  offers: 'form.offers',
  needs: 'form.needs',
  expertise: 'form.expertise',
  website: 'form.website',
  links: 'form.links',
  contactName: 'form.contactName',
  contactEmail: 'form.contactEmail',
  contactPhone: 'form.contactPhone',
  visibility: 'form.visibility',
};

export function ActorFormPage(props: { locale: Locale; csrf: string; state: ActorFormState; vocabulary: TagRef[]; actor?: ActorProfile }) {
  const { locale, state, actor } = props;
  const t = translator(messages, locale);
  const model = modelLabels(locale);
  const { values, errors } = state;
  const title = actor ? t('form.editTitle', { name: actor.name }) : t('form.createTitle');
  const action = actor ? `/akteure/${actor.slug}/bearbeiten` : '/akteure/neu';
  const tagOptions = props.vocabulary.map((tag) => ({ value: String(tag.id), label: tagLabel(tag, locale) }));
  const tagGroup = (list: 'offers' | 'needs') => (
    <ChoiceGroup
      type="checkbox"
      name={list === 'offers' ? 'offerIds' : 'needIds'}
      errorField={list}
      legend={t(`form.${list}`)}
      hint={t(`form.${list}.hint`, { max: TAGS_PER_LIST_MAX })}
      error={errors[list]}
      options={tagOptions}
      checked={many(values, list === 'offers' ? 'offerIds' : 'needIds')}
      horizontal
    >
      <Field
        name={list === 'offers' ? 'offerLabels' : 'needLabels'}
        label={t(`form.${list}.free`)}
        hint={t('form.freeTags.hint', { max: TAG_LABEL_MAX })}
        value={one(values, list === 'offers' ? 'offerLabels' : 'needLabels')}
      />
    </ChoiceGroup>
  );
  return (
    <FormPage
      locale={locale}
      csrf={props.csrf}
      title={title}
      action={action}
      errors={errors}
      labels={Object.fromEntries(Object.entries(labels).map(([field, key]) => [field, t(key)]))}
      message={state.message}
      intro={!actor && <p class="kern-body">{t('form.createIntro')}</p>}
    >
      {!actor && (
        <ChoiceGroup
          type="radio"
          name="kind"
          legend={t('form.kind')}
          error={errors.kind}
          required
          options={ACTOR_KINDS.map((kind) => ({ value: kind, label: model.kind(kind), hint: t(`form.kind.${kind}.hint`) }))}
          checked={[one(values, 'kind')]}
        />
      )}
      <Field name="name" label={t('form.name')} value={one(values, 'name')} error={errors.name} required maxLength={LIMITS.name} autocomplete="organization" />
      <Select
        name="sector"
        label={t('form.sector')}
        value={one(values, 'sector')}
        error={errors.sector}
        options={[{ value: '', label: t('form.choose') }, ...SECTORS.map((sector) => ({ value: sector, label: model.sector(sector) }))]}
      />
      <ChoiceGroup
        type="checkbox"
        name="actionFields"
        legend={t('form.actionFields')}
        hint={t('form.actionFields.hint')}
        error={errors.actionFields}
        options={ACTION_FIELDS.map((field) => ({ value: field, label: model.actionField(field) }))}
        checked={many(values, 'actionFields')}
      />
      <PlaceField
        name="place"
        label={t('form.place')}
        hint={t('form.place.hint')}
        value={one(values, 'place')}
        placeId={/^\d+$/.test(one(values, 'placeId')) ? Number(one(values, 'placeId')) : null}
        error={errors.place}
        candidates={state.placeCandidates}
        locale={locale}
      />
      <Field name="summary" label={t('form.summary')} hint={t('form.summary.hint', { max: LIMITS.summary })} value={one(values, 'summary')} error={errors.summary} maxLength={LIMITS.summary} />
      <Field
        name="description"
        label={t('form.description')}
        hint={t('form.description.hint')}
        value={one(values, 'description')}
        error={errors.description}
        multiline
        rows={10}
      />
      {tagGroup('offers')}
      {tagGroup('needs')}
      <Field name="expertise" label={t('form.expertise')} hint={t('form.expertise.hint')} value={one(values, 'expertise')} error={errors.expertise} multiline rows={4} />
      <Field name="website" type="url" label={t('form.website')} hint={t('form.website.hint')} value={one(values, 'website')} error={errors.website} autocomplete="url" />
      <Field name="links" label={t('form.links')} hint={t('form.links.hint', { max: LIMITS.links })} value={one(values, 'links')} error={errors.links} multiline rows={3} />
      <fieldset class="kern-fieldset">
        <legend class="kern-label">{t('form.contact')}</legend>
        <div class="kern-hint">{t('form.contact.hint')}</div>
        <div class="kern-fieldset__body qn-stack">
          <Field name="contactName" label={t('form.contactName')} value={one(values, 'contactName')} error={errors.contactName} autocomplete="off" />
          <Field name="contactEmail" type="email" label={t('form.contactEmail')} value={one(values, 'contactEmail')} error={errors.contactEmail} autocomplete="off" />
          <Field name="contactPhone" type="tel" label={t('form.contactPhone')} value={one(values, 'contactPhone')} error={errors.contactPhone} autocomplete="off" />
        </div>
      </fieldset>
      <ChoiceGroup
        type="radio"
        name="visibility"
        legend={t('form.visibility')}
        error={errors.visibility}
        required
        options={VISIBILITIES.map((visibility) => ({ value: visibility, label: model.visibility(visibility), hint: t(`form.visibility.${visibility}.hint`) }))}
        checked={[one(values, 'visibility') || 'public']}
      />
      {!actor && <p class="kern-body">{t('form.reviewHint')}</p>}
      <FormActions
        submit={actor ? t('form.save') : t('form.create')}
        back={actor ? backToProfile(locale, actor) : { href: localePath(locale, '/konto/organisationen'), label: t('form.cancel') }}
      />
    </FormPage>
  );
}

/** The form's values for an existing profile: vocabulary terms as checkboxes, free tags as text. */
export function formValuesOf(actor: ActorProfile): FormValues {
  const curatedIds = (tags: TagRef[]) => tags.filter((tag) => tag.curated).map((tag) => String(tag.id));
  const freeLabels = (tags: TagRef[]) =>
    tags
      .filter((tag) => !tag.curated)
      .map((tag) => tag.label)
      .join(', ');
  return {
    kind: actor.kind,
    name: actor.name,
    sector: actor.sector,
    actionFields: actor.actionFields,
    place: actor.place?.name ?? '',
    placeId: actor.place ? String(actor.place.id) : '',
    summary: actor.summary,
    description: actor.description,
    expertise: actor.expertise,
    website: actor.website ?? '',
    links: actor.links.join('\n'),
    contactName: actor.contact?.name ?? '',
    contactEmail: actor.contact?.email ?? '',
    contactPhone: actor.contact?.phone ?? '',
    visibility: actor.visibility,
    offerIds: curatedIds(actor.offers),
    offerLabels: freeLabels(actor.offers),
    needIds: curatedIds(actor.needs),
    needLabels: freeLabels(actor.needs),
  };
}
