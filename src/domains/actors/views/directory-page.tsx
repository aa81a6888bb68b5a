import type { FieldErrors } from '../../../platform/errors/index.js';
import { localePath, translator, type Locale } from '../../../platform/i18n/index.js';
import { describedBy, ErrorSummary, FieldNotes, fieldId, FormActions } from '../../../platform/layout/components.js';
import { directoryMessages } from '../directory-messages.js';
import type { DirectoryResult } from '../search.js';
import { SEARCH_TEXT_MAX } from '../search-query.js';
import { ANNOUNCE_ID, DirectoryResults, RESULTS_ID, countText } from './directory-results.js';

export interface DirectoryPageProps {
  locale: Locale;
  /** null when the search text was refused (errors says why). */
  result: DirectoryResult | null;
  /** The search text as typed. */
  q: string;
  /** Signed in: their own profiles are linked too. */
  member: boolean;
  errors?: FieldErrors;
}

/**
 * The directory: a GET form that works without JavaScript. With htmx, submitting, typing
 * (debounced) and every change of a filter or the order (inside the results region) replace only
 * the results region and push the URL.
 */
export function DirectoryPage(props: DirectoryPageProps) {
  const { locale, result, errors } = props;
  const t = translator(directoryMessages, locale);
  const action = localePath(locale, '/akteure');
  const id = fieldId('q');
  const error = errors?.q;
  return (
    <>
      <h1 class="kern-heading-large">{t('title')}</h1>
      <p class="kern-body qn-prose">{t('intro')}</p>
      <ul class="kern-list kern-list--horizontal">
        <li>
          <a class="kern-link" href={localePath(locale, '/akteure/neu')}>
            {t('links.create')}
          </a>
        </li>
        {props.member && (
          <li>
            <a class="kern-link" href={localePath(locale, '/konto/organisationen')}>
              {t('links.mine')}
            </a>
          </li>
        )}
      </ul>
      <ErrorSummary errors={errors} labels={{ q: t('search.label') }} locale={locale} />
      <form
        action={action}
        method="get"
        role="search"
        class="qn-directory"
        noValidate
        hx-get={action}
        hx-target={`#${RESULTS_ID}`}
        hx-swap="outerHTML"
        hx-push-url="true"
        hx-sync="this:replace"
      >
        <div class="qn-directory__search">
          <div class={`kern-form-input qn-directory__q${error ? ' kern-form-input--error' : ''}`}>
            <label class="kern-label" for={id}>
              {t('search.label')}
            </label>
            <FieldNotes id={id} hint={t('search.hint')} error={error} />
            <input
              id={id}
              name="q"
              type="search"
              class={`kern-form-input__input${error ? ' kern-form-input__input--error' : ''}`}
              value={props.q}
              maxLength={SEARCH_TEXT_MAX}
              autoComplete="off"
              aria-describedby={describedBy(id, { hint: true, error })}
              aria-invalid={error ? 'true' : undefined}
              hx-get={action}
              hx-trigger="input changed delay:400ms"
              hx-include="closest form"
              hx-sync="closest form:replace"
            />
          </div>
          <FormActions submit={t('search.submit')} back={{ href: action, label: t('search.reset') }} />
        </div>
        <div id={ANNOUNCE_ID} class="kern-sr-only" role="status" aria-atomic="true"></div>
        {result && <DirectoryResults locale={locale} result={result} />}
      </form>
    </>
  );
}

/** What htmx swaps in: the results region, and the new count for the live region. */
export function DirectoryFragment(props: { locale: Locale; result: DirectoryResult }) {
  return (
    <>
      <DirectoryResults locale={props.locale} result={props.result} />
      <div id={ANNOUNCE_ID} hx-swap-oob="innerHTML">
        {countText(props.locale, props.result)}
      </div>
    </>
  );
}
