import type { FieldErrors } from '../../../platform/errors/index.js';
import { localePath, translator, type Locale } from '../../../platform/i18n/index.js';
import { Alert, Button, ErrorSummary, Field, Form } from '../../../platform/layout/components.js';
import { messages, type MessageKey } from '../messages.js';
import { TAG_LABEL_MAX } from '../tags.js';
import type { TagUse } from '../vocabulary.js';

/** Outcomes shown after a redirect (?hinweis=…). */
export const vocabularyNotices = {
  angelegt: 'vocabulary.notice.created',
  uebernommen: 'vocabulary.notice.promoted',
  gespeichert: 'vocabulary.notice.saved',
  zusammengefuehrt: 'vocabulary.notice.merged',
} as const satisfies Record<string, MessageKey>;
export type VocabularyNotice = keyof typeof vocabularyNotices;
export const isVocabularyNotice = (value: unknown): value is VocabularyNotice => typeof value === 'string' && Object.hasOwn(vocabularyNotices, value);

export interface VocabularyState {
  /** Which form failed: 'new' (add a term) or a tag id (that row's forms). */
  target?: 'new' | number;
  values: Record<string, string>;
  errors: FieldErrors;
  message?: string;
}

const path = '/akteure/vokabular';

/** The coordinators' vocabulary page: add terms, rename, promote free tags, merge tags. */
export function VocabularyPage(props: { locale: Locale; csrf: string; curated: TagUse[]; free: TagUse[]; search?: string; state?: VocabularyState; notice?: VocabularyNotice }) {
  const { locale, state } = props;
  const t = translator(messages, locale);
  const failedNew = state?.target === 'new' ? state : undefined;
  return (
    <div class="qn-stack">
      <h1 class="kern-heading-large">{t('vocabulary.title')}</h1>
      {props.notice && <Alert kind="success" title={t(vocabularyNotices[props.notice])} />}
      {state && state.target !== 'new' && <ErrorSummary errors={prefixed(state)} labels={{}} locale={locale} message={state.message} />}
      <p class="kern-body">{t('vocabulary.intro')}</p>
      <section aria-labelledby="neuer-begriff" class="qn-form">
        <h2 class="kern-heading-medium" id="neuer-begriff">
          {t('vocabulary.add')}
        </h2>
        <ErrorSummary errors={failedNew?.errors} labels={{ label: t('vocabulary.label'), labelEn: t('vocabulary.labelEn') }} locale={locale} message={failedNew?.message} />
        <Form action={localePath(locale, path)} csrf={props.csrf}>
          <div class="qn-stack">
            <Field name="label" label={t('vocabulary.label')} value={failedNew?.values.label} error={failedNew?.errors.label} required maxLength={TAG_LABEL_MAX} />
            <Field name="labelEn" label={t('vocabulary.labelEn')} value={failedNew?.values.labelEn} error={failedNew?.errors.labelEn} maxLength={TAG_LABEL_MAX} />
            <Button>{t('vocabulary.addSubmit')}</Button>
          </div>
        </Form>
      </section>
      <Form action={localePath(locale, path)} method="get" csrf="" class="qn-filter">
        <Field name="q" type="search" label={t('vocabulary.search')} value={props.search} />
        <Button kind="secondary">{t('vocabulary.filter')}</Button>
      </Form>
      <section aria-labelledby="begriffe" class="qn-stack">
        <h2 class="kern-heading-medium" id="begriffe">
          {t('vocabulary.curated', { count: props.curated.length })}
        </h2>
        {props.curated.map((tag) => (
          <TagRow key={tag.id} locale={locale} csrf={props.csrf} tag={tag} targets={props.curated} state={state?.target === tag.id ? state : undefined} />
        ))}
      </section>
      <section aria-labelledby="freie" class="qn-stack">
        <h2 class="kern-heading-medium" id="freie">
          {t('vocabulary.free', { count: props.free.length })}
        </h2>
        <p class="kern-body">{t('vocabulary.freeIntro')}</p>
        {props.free.map((tag) => (
          <TagRow key={tag.id} locale={locale} csrf={props.csrf} tag={tag} targets={props.curated} state={state?.target === tag.id ? state : undefined} />
        ))}
      </section>
    </div>
  );
}

/** Row-form errors point at that row's inputs (ids carry the tag id). */
function prefixed(state: VocabularyState): FieldErrors {
  return Object.fromEntries(Object.entries(state.errors).map(([field, message]) => [`${field}-${state.target}`, message]));
}

function TagRow(props: { locale: Locale; csrf: string; tag: TagUse; targets: TagUse[]; state?: VocabularyState }) {
  const { locale, tag, state } = props;
  const t = translator(messages, locale);
  const id = (field: string) => `feld-${field}-${tag.id}`;
  const value = (field: 'label' | 'labelEn') => state?.values[field] ?? (field === 'label' ? tag.label : (tag.labelEn ?? ''));
  const targets = props.targets.filter((other) => other.id !== tag.id);
  return (
    <div class="kern-card qn-stack">
      <div class="kern-card__container">
        <div class="kern-card__body qn-stack">
          <h3 class="kern-heading-small">{`${tag.label}${tag.labelEn ? ` / ${tag.labelEn}` : ''}`}</h3>
          <p class="kern-body kern-body--small">{t('vocabulary.uses', { count: tag.uses })}</p>
          <Form action={localePath(locale, `${path}/${tag.id}`)} csrf={props.csrf} class="qn-filter">
            <Field id={id('label')} name="label" label={t('vocabulary.labelOf', { label: tag.label })} value={value('label')} error={state?.errors.label} maxLength={TAG_LABEL_MAX} />
            <Field id={id('labelEn')} name="labelEn" label={t('vocabulary.labelEnOf', { label: tag.label })} value={value('labelEn')} error={state?.errors.labelEn} maxLength={TAG_LABEL_MAX} />
            {!tag.curated && <input type="hidden" name="curated" value="1" />}
            <Button kind="secondary">{tag.curated ? t('vocabulary.save') : t('vocabulary.promote')}</Button>
          </Form>
          {targets.length > 0 && (
            <Form action={localePath(locale, `${path}/${tag.id}/zusammenfuehren`)} csrf={props.csrf} class="qn-filter">
              <div class={`kern-form-input${state?.errors.into ? ' kern-form-input--error' : ''}`}>
                <label class="kern-label" for={id('into')}>
                  {t('vocabulary.mergeInto', { label: tag.label })}
                </label>
                {state?.errors.into && <p class="kern-error">{state.errors.into}</p>}
                <div class="kern-form-input__select-wrapper">
                  <select id={id('into')} name="into" class="kern-form-input__select">
                    {targets.map((other) => (
                      <option key={other.id} value={String(other.id)}>
                        {other.label}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
              <Button kind="tertiary">{t('vocabulary.merge')}</Button>
            </Form>
          )}
          {tag.curated && (
            <Form action={localePath(locale, `${path}/${tag.id}`)} csrf={props.csrf} class="qn-inline-form">
              <input type="hidden" name="curated" value="0" />
              <Button kind="tertiary">{t('vocabulary.demote', { label: tag.label })}</Button>
            </Form>
          )}
        </div>
      </div>
    </div>
  );
}
