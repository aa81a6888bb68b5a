import type { FieldErrors } from '../../../platform/errors/index.js';
import { formatDateTime, localePath, translator, type Locale } from '../../../platform/i18n/index.js';
import { Button, ErrorSummary, fieldId, Form } from '../../../platform/layout/components.js';
import { CSV_COLUMNS, GERMAN_HEADERS, REQUIRED_COLUMNS } from '../csv-columns.js';
import { importMessages } from '../import-messages.js';
import type { ImportRun } from '../import-runs.js';
import { IMPORT_LIMITS } from '../import.js';

export const importTexts = (locale: Locale) => translator(importMessages, locale);
const numbers = { de: new Intl.NumberFormat('de-DE'), en: new Intl.NumberFormat('en-GB') };
export const formatNumber = (locale: Locale, n: number) => numbers[locale].format(n);

/** The upload form (multipart), the file format, and the recent imports. */
export function ImportPage(props: { locale: Locale; csrf: string; runs: ImportRun[]; errors?: FieldErrors; message?: string }) {
  const { locale } = props;
  const t = importTexts(locale);
  const errors = props.errors ?? {};
  const id = fieldId('file');
  const describedBy = [`${id}-hinweis`, errors.file ? `${id}-fehler` : ''].filter(Boolean).join(' ');
  return (
    <div class="qn-stack">
      <h1 class="kern-heading-large">{t('page.title')}</h1>
      <ErrorSummary errors={props.errors} labels={{ file: t('page.file') }} locale={locale} message={props.message} />
      <p class="kern-body">{t('page.intro')}</p>
      <p class="kern-body">{t('page.approved')}</p>
      <Form action={localePath(locale, '/akteure/import')} csrf={props.csrf} enctype="multipart/form-data">
        <div class="qn-stack">
          <div class={`kern-form-input${errors.file ? ' kern-form-input--error' : ''}`}>
            <label class="kern-label" for={id}>
              {t('page.file')}
            </label>
            <div class="kern-hint" id={`${id}-hinweis`}>
              {t('page.fileHint', { maxMb: IMPORT_LIMITS.maxBytes / 1024 / 1024, maxRows: formatNumber(locale, IMPORT_LIMITS.maxRows) })}
            </div>
            {errors.file && (
              <p class="kern-error" id={`${id}-fehler`}>
                <span class="kern-icon kern-icon--danger" aria-hidden="true"></span>
                <span class="kern-body">{errors.file}</span>
              </p>
            )}
            <input
              class={`kern-form-input__input${errors.file ? ' kern-form-input__input--error' : ''}`}
              type="file"
              id={id}
              name="file"
              accept=".csv,.txt,text/csv"
              aria-describedby={describedBy}
              aria-invalid={errors.file ? 'true' : undefined}
              aria-required="true"
            />
          </div>
          <Button>{t('page.check')}</Button>
        </div>
      </Form>
      <FormatDescription locale={locale} />
      <RecentImports locale={locale} runs={props.runs} />
      <p class="kern-body">
        <a class="kern-link" href={localePath(locale, '/akteure/export')}>
          {t('page.export')}
        </a>
      </p>
    </div>
  );
}

function FormatDescription(props: { locale: Locale }) {
  const t = importTexts(props.locale);
  return (
    <section aria-labelledby="format" class="qn-stack">
      <h2 class="kern-heading-medium" id="format">
        {t('page.format')}
      </h2>
      {(['page.format.header', 'page.format.values', 'page.format.place', 'page.format.match', 'page.format.formula'] as const).map((key) => (
        <p class="kern-body" key={key}>
          {t(key)}
        </p>
      ))}
      <table class="kern-table kern-table--small">
        <caption class="kern-title">{t('page.columns')}</caption>
        <thead class="kern-table__head">
          <tr class="kern-table__row">
            <th class="kern-table__header" scope="col">{t('page.column')}</th>
            <th class="kern-table__header" scope="col">{t('page.code')}</th>
            <th class="kern-table__header" scope="col">{t('page.required')}</th>
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {CSV_COLUMNS.map((column) => (
            <tr class="kern-table__row" key={column}>
              <td class="kern-table__cell">{GERMAN_HEADERS[column]}</td>
              <td class="kern-table__cell">
                <code>{column}</code>
              </td>
              <td class="kern-table__cell">{REQUIRED_COLUMNS.includes(column) ? '✓' : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function RecentImports(props: { locale: Locale; runs: ImportRun[] }) {
  const { locale } = props;
  const t = importTexts(locale);
  return (
    <section aria-labelledby="letzte-importe">
      <h2 class="kern-heading-medium" id="letzte-importe">
        {t('page.recent')}
      </h2>
      {props.runs.length === 0 ? (
        <p class="kern-body">{t('page.none')}</p>
      ) : (
        <ul class="kern-list">
          {props.runs.map((run) => (
            <li key={run.id}>
              <a class="kern-link" href={localePath(locale, `/akteure/import/${run.id}`)}>
                {run.filename}
              </a>
              {` · ${formatDateTime(locale, run.createdAt)} · ${run.createdBy} · ${statusText(locale, run)}`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function statusText(locale: Locale, run: ImportRun): string {
  const t = importTexts(locale);
  return run.status === 'checked' ? t('status.checked') : t(`status.${run.status}`);
}
