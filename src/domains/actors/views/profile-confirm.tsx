import type { FieldErrors } from '../../../platform/errors/index.js';
import { localePath, translator, type Locale } from '../../../platform/i18n/index.js';
import { Button, ErrorSummary, Field, Form } from '../../../platform/layout/components.js';
import type { MergeCandidate } from '../curation.js';
import { messages } from '../messages.js';
import { modelLabels } from '../model-messages.js';
import type { ActorProfile } from '../present.js';
import { ChoiceGroup } from './actor-form-fields.js';

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
    <div class="qn-form">
      <h1 class="kern-heading-large">{t('merge.title', { name: actor.name })}</h1>
      <ErrorSummary
        errors={errors}
        labels={{ other: t('merge.other'), survivor: t('merge.survivor'), confirm: t('merge.confirm') }}
        locale={locale}
        message={state.message}
      />
      <p class="kern-body">{t('merge.intro')}</p>
      <Form action={localePath(locale, `/akteure/${actor.slug}/zusammenfuehren`)} csrf={props.csrf}>
        <div class="qn-stack">
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
          <ChoiceGroup
            type="checkbox"
            name="confirm"
            legend={t('merge.confirm')}
            error={errors.confirm}
            options={[{ value: 'yes', label: t('merge.confirmLabel') }]}
            checked={values.confirm === 'yes' ? ['yes'] : []}
          />
          <div class="qn-actions">
            <Button>{t('merge.submit')}</Button>
            <a class="kern-link" href={localePath(locale, `/akteure/${actor.slug}`)}>
              {t('form.cancel')}
            </a>
          </div>
        </div>
      </Form>
    </div>
  );
}

/** Deleting a profile: what goes with it, and an explicit confirmation. */
export function DeletePage(props: { locale: Locale; csrf: string; actor: ActorProfile; unconfirmed?: boolean }) {
  const { locale, actor } = props;
  const t = translator(messages, locale);
  return (
    <div class="qn-form">
      <h1 class="kern-heading-large">{t('delete.title', { name: actor.name })}</h1>
      <ErrorSummary errors={props.unconfirmed ? { confirm: t('delete.unconfirmed') } : undefined} labels={{ confirm: t('delete.confirm') }} locale={locale} />
      <p class="kern-body">{t('delete.intro')}</p>
      <Form action={localePath(locale, `/akteure/${actor.slug}/loeschen`)} csrf={props.csrf}>
        <div class="qn-stack">
          <ChoiceGroup
            type="checkbox"
            name="confirm"
            legend={t('delete.confirm')}
            error={props.unconfirmed ? t('delete.unconfirmed') : undefined}
            options={[{ value: 'yes', label: t('delete.confirmLabel', { name: actor.name }) }]}
            checked={[]}
          />
          <div class="qn-actions">
            <Button>{t('delete.submit')}</Button>
            <a class="kern-link" href={localePath(locale, `/akteure/${actor.slug}`)}>
              {t('form.cancel')}
            </a>
          </div>
        </div>
      </Form>
    </div>
  );
}
