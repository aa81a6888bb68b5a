import type { VNode } from 'preact';
import type { FieldErrors } from '../../../platform/errors/index.js';
import { localePath, translator, type Locale } from '../../../platform/i18n/index.js';
import { Alert, ErrorSummary } from '../../../platform/layout/components.js';
import type { ImageTarget } from '../images.js';
import { imageMessages } from '../image-messages.js';
import { ImageForm } from './image-form.js';

export type ImageNotice = 'saved' | 'removed';

export interface ImagePageInput {
  locale: Locale;
  csrf: string;
  target: ImageTarget;
  notice?: ImageNotice | null;
  errors?: FieldErrors;
  /** A problem that belongs to no field. */
  message?: string;
  values?: Record<string, string>;
}

/** The page with the image form alone: where the form comes back with errors, and where it lands after saving. */
export function imagePage(input: ImagePageInput): { title: string; body: VNode } {
  const t = translator(imageMessages, input.locale);
  const title = t('page.title', { name: input.target.name });
  const slug = input.target.slug;
  return {
    title,
    body: (
      <div class="qn-form">
        <h1 class="kern-heading-large">{title}</h1>
        {input.message && <ErrorSummary errors={undefined} labels={{}} locale={input.locale} message={input.message} />}
        {input.notice && <Alert kind="success" title={t(input.notice === 'saved' ? 'page.saved' : 'page.removed')} />}
        <p class="kern-body">{t('page.intro')}</p>
        <ImageForm actorSlug={slug} csrf={input.csrf} locale={input.locale} current={input.target.image ?? undefined} errors={input.errors} values={input.values} />
        <p class="kern-body">
          <a class="kern-link" href={localePath(input.locale, `/akteure/${encodeURIComponent(slug)}`)}>
            {t('page.backToProfile')}
          </a>
        </p>
      </div>
    ),
  };
}
