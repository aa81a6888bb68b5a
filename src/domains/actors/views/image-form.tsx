import type { FieldErrors } from '../../../platform/errors/index.js';
import { localePath, translator, type Locale } from '../../../platform/i18n/index.js';
import { Button, ErrorSummary, Field, fieldId, Form } from '../../../platform/layout/components.js';
import { IMAGE_ALT_MAX, IMAGE_CREDIT_MAX } from '../images.js';
import { imageMessages } from '../image-messages.js';
import { ActorImageFigure } from './image-figure.js';

export interface ImageFormProps {
  actorSlug: string;
  csrf: string;
  locale: Locale;
  current?: { alt: string; credit: string; url: string; width?: number | null; height?: number | null };
  errors?: FieldErrors;
  /** As typed, when the form comes back with errors. */
  values?: Record<string, string>;
}

/**
 * The image's own small form (multipart), for the profile edit page and the image page. Alt text
 * and credit are required; without a new file they change for the current image.
 */
export function ImageForm(props: ImageFormProps) {
  const t = translator(imageMessages, props.locale);
  const errors = props.errors ?? {};
  const values = { alt: props.current?.alt ?? '', credit: props.current?.credit ?? '', ...props.values };
  const action = localePath(props.locale, `/akteure/${encodeURIComponent(props.actorSlug)}/bild`);
  const fileId = fieldId('image');
  const fileDescribedBy = [`${fileId}-hinweis`, errors.image ? `${fileId}-fehler` : ''].filter(Boolean).join(' ');
  const labels = { image: t('field.image'), alt: t('field.alt'), credit: t('field.credit') };
  return (
    <section class="qn-image-form qn-stack" aria-labelledby="bild-titel">
      <h2 class="kern-heading-medium" id="bild-titel">
        {t('form.heading')}
      </h2>
      <ErrorSummary errors={props.errors} labels={labels} locale={props.locale} />
      {props.current ? (
        <div>
          <p class="kern-body kern-body--bold">{t('form.current')}</p>
          <ActorImageFigure image={props.current} class="qn-figure--preview" />
        </div>
      ) : (
        <p class="kern-body">{t('form.none')}</p>
      )}
      <Form action={action} csrf={props.csrf} enctype="multipart/form-data">
        <div class="qn-stack">
          <div class={`kern-form-input${errors.image ? ' kern-form-input--error' : ''}`}>
            <label class="kern-label" for={fileId}>
              {labels.image}
            </label>
            <div class="kern-hint" id={`${fileId}-hinweis`}>
              {props.current ? t('field.image.keepHint') : t('field.image.hint')}
            </div>
            {errors.image && (
              <p class="kern-error" id={`${fileId}-fehler`}>
                <span class="kern-icon kern-icon--danger" aria-hidden="true"></span>
                <span class="kern-body">{errors.image}</span>
              </p>
            )}
            <input
              class={`kern-form-input__input${errors.image ? ' kern-form-input__input--error' : ''}`}
              type="file"
              id={fileId}
              name="image"
              accept="image/jpeg,image/png,image/webp"
              aria-describedby={fileDescribedBy}
              aria-invalid={errors.image ? 'true' : undefined}
              aria-required={props.current ? undefined : 'true'}
            />
          </div>
          <Field name="alt" label={labels.alt} hint={t('field.alt.hint')} value={values.alt} error={errors.alt} required maxLength={IMAGE_ALT_MAX} multiline rows={3} />
          <Field name="credit" label={labels.credit} hint={t('field.credit.hint')} value={values.credit} error={errors.credit} required maxLength={IMAGE_CREDIT_MAX} />
          <Button>{t('form.submit')}</Button>
        </div>
      </Form>
      {props.current && (
        <Form action={`${action}/entfernen`} csrf={props.csrf}>
          <Button kind="secondary">{t('form.remove')}</Button>
        </Form>
      )}
    </section>
  );
}
