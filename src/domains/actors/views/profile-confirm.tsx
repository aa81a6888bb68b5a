import type { FieldErrors } from '../../../platform/errors/index.js';
import { translator, type Locale } from '../../../platform/i18n/index.js';
import { ChoiceGroup, Field, FormActions, FormPage } from '../../../platform/layout/components.js';
import type { MergeCandidate } from '../curation.js';
import { messages } from '../messages.js';
import { modelLabels } from '../model-messages.js';
import type { ActorProfile } from '../present.js';
import { backToProfile } from './profile-parts.js';

export interface MergeFormState {
  values: Record<string, string>;
  errors: FieldErrors;
  message?: string;
}

/**
 * Merging a duplicate: pick the other profile (a similar name, or its address), say which one
 * survives, confirm. The page explains what moves and what disappears.
 */
export function MergePage(props: { locale: Locale; csrf: string; actor: ActorProfile; candidates: MergeCandidate[]; state: MergeFormState }) {
  const { locale, actor, state } = props;
  const t = translator(messages, locale);
  const model = modelLabels(locale);
  const { values, errors } = state;
  return (
    <FormPage
      locale={locale}
      csrf={props.csrf}
      title={t('merge.title', { name: actor.name })}
      action={`/akteure/${actor.slug}/zusammenfuehren`}
      errors={errors}
      labels={{ other: t('merge.other'), survivor: t('merge.survivor'), confirm: t('merge.confirm') }}
      message={state.message}
      intro={<p class="kern-body">{t('merge.intro')}</p>}
    >
      {props.candidates.length > 0 && (
        <ChoiceGroup
          type="radio"
          name="other"
          legend={t('merge.other')}
          hint={t('merge.otherHint')}
          error={errors.other}
          options={props.candidates.map((c) => ({ value: c.slug, label: `${c.name} (${model.kind(c.kind)}, ${model.status(c.status)}, /akteure/${c.slug})` }))}
          checked={[values.other ?? '']}
        />
      )}
      <Field name="otherRef" label={t('merge.otherRef')} hint={t('merge.otherRefHint')} value={values.otherRef} error={props.candidates.length === 0 ? errors.other : undefined} />
      <ChoiceGroup
        type="radio"
        name="survivor"
        legend={t('merge.survivor')}
        error={errors.survivor}
        required
        options={[
          { value: 'this', label: t('merge.keepThis', { name: actor.name }) },
          { value: 'other', label: t('merge.keepOther') },
        ]}
        checked={[values.survivor ?? '']}
      />
      <Confirmation locale={locale} legend={t('merge.confirm')} label={t('merge.confirmLabel')} error={errors.confirm} checked={values.confirm === 'yes'} />
      <FormActions submit={t('merge.submit')} back={backToProfile(locale, actor)} />
    </FormPage>
  );
}

/** Deleting a profile: what goes with it, and an explicit confirmation. */
export function DeletePage(props: { locale: Locale; csrf: string; actor: ActorProfile; unconfirmed?: boolean }) {
  const { locale, actor } = props;
  const t = translator(messages, locale);
  const error = props.unconfirmed ? t('delete.unconfirmed') : undefined;
  return (
    <FormPage
      locale={locale}
      csrf={props.csrf}
      title={t('delete.title', { name: actor.name })}
      action={`/akteure/${actor.slug}/loeschen`}
      errors={error ? { confirm: error } : undefined}
      labels={{ confirm: t('delete.confirm') }}
      intro={<p class="kern-body">{t('delete.intro')}</p>}
    >
      <Confirmation locale={locale} legend={t('delete.confirm')} label={t('delete.confirmLabel', { name: actor.name })} error={error} checked={false} />
      <FormActions submit={t('delete.submit')} back={backToProfile(locale, actor)} />
    </FormPage>
  );
}

/** The box that confirms an irreversible step (field „confirm“, value „yes“). */
function Confirmation(props: { locale: Locale; legend: string; label: string; error?: string; checked: boolean }) {
  return (
    <ChoiceGroup type="checkbox" name="confirm" legend={props.legend} error={props.error} options={[{ value: 'yes', label: props.label }]} checked={props.checked ? ['yes'] : []} />
  );
}
