import type { ComponentChildren } from 'preact';
import { localePath, translator, type Locale } from '../i18n/index.js';
import { platformMessages } from '../i18n/platform-messages.js';
import type { FieldErrors } from '../errors/index.js';

/** A form that posts with the CSRF token; works without JavaScript. */
export function Form(props: {
  action: string;
  csrf: string;
  children: ComponentChildren;
  method?: 'post' | 'get';
  class?: string;
  id?: string;
  enctype?: string;
}) {
  const method = props.method ?? 'post';
  return (
    <form action={props.action} method={method} class={props.class} id={props.id} enctype={props.enctype} noValidate>
      {method === 'post' && <input type="hidden" name="_csrf" value={props.csrf} />}
      {props.children}
    </form>
  );
}

/** Summary of form errors at the top, each linking to its field (WCAG 3.3.1). */
export function ErrorSummary(props: { errors: FieldErrors | undefined; labels: Record<string, string>; locale: Locale; message?: string }) {
  const entries = Object.entries(props.errors ?? {});
  if (entries.length === 0 && !props.message) return null;
  const t = translator(platformMessages, props.locale);
  return (
    <div class="kern-alert kern-alert--danger" role="alert" tabIndex={-1} id="fehler">
      <div class="kern-alert__header">
        <span class="kern-icon kern-icon--danger" aria-hidden="true"></span>
        <span class="kern-title">
          {props.message ?? (entries.length === 1 ? t('form.errorSummaryOne') : t('form.errorSummary', { count: entries.length }))}
        </span>
      </div>
      {entries.length > 0 && (
        <div class="kern-alert__body">
          <ul class="kern-list">
            {entries.map(([field, message]) => (
              <li key={field}>
                <a class="kern-link" href={`#${fieldId(field)}`}>
                  {props.labels[field] ? `${props.labels[field]}: ` : ''}
                  {message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

export const fieldId = (name: string) => `feld-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

/** What a field's aria-describedby names: its hint and its error (as FieldNotes renders them). */
export const describedBy = (id: string, notes: { hint?: unknown; error?: unknown }) =>
  [notes.hint ? `${id}-hinweis` : '', notes.error ? `${id}-fehler` : ''].filter(Boolean).join(' ') || undefined;

/** A field's hint and error message, under the ids describedBy names. */
export function FieldNotes(props: { id: string; hint?: ComponentChildren; error?: string }) {
  return (
    <>
      {props.hint && (
        <div class="kern-hint" id={`${props.id}-hinweis`}>
          {props.hint}
        </div>
      )}
      {props.error && (
        <p class="kern-error" id={`${props.id}-fehler`}>
          <span class="kern-icon kern-icon--danger" aria-hidden="true"></span>
          <span class="kern-body">{props.error}</span>
        </p>
      )}
    </>
  );
}

type InputProps = {
  name: string;
  label: string;
  /** Default: from the name; a page with several forms of the same field needs its own. */
  id?: string;
  value?: string;
  error?: string | undefined;
  hint?: string;
  type?: 'text' | 'email' | 'password' | 'url' | 'search' | 'tel' | 'number' | 'datetime-local';
  autocomplete?: string;
  required?: boolean;
  maxLength?: number;
  multiline?: boolean;
  rows?: number;
};

/** A labelled input with hint and error tied by aria-describedby. */
export function Field(props: InputProps) {
  const id = props.id ?? fieldId(props.name);
  const inputClass = `kern-form-input__input${props.error ? ' kern-form-input__input--error' : ''}`;
  const common = {
    id,
    name: props.name,
    class: inputClass,
    'aria-describedby': describedBy(id, props),
    'aria-invalid': props.error ? ('true' as const) : undefined,
    'aria-required': props.required ? ('true' as const) : undefined,
    maxLength: props.maxLength,
    autoComplete: props.autocomplete,
  };
  return (
    <div class={`kern-form-input${props.error ? ' kern-form-input--error' : ''}`}>
      <label class="kern-label" for={id}>
        {props.label}
      </label>
      <FieldNotes id={id} hint={props.hint} error={props.error} />
      {props.multiline ? (
        <textarea {...common} rows={props.rows ?? 5}>
          {props.value ?? ''}
        </textarea>
      ) : (
        <input {...common} type={props.type ?? 'text'} value={props.type === 'password' ? '' : (props.value ?? '')} />
      )}
    </div>
  );
}

export function Select(props: {
  name: string;
  label: string;
  value?: string;
  error?: string | undefined;
  options: { value: string; label: string }[];
}) {
  const id = fieldId(props.name);
  return (
    <div class={`kern-form-input${props.error ? ' kern-form-input--error' : ''}`}>
      <label class="kern-label" for={id}>
        {props.label}
      </label>
      <FieldNotes id={id} error={props.error} />
      <div class="kern-form-input__select-wrapper">
        <select id={id} name={props.name} class="kern-form-input__select" aria-describedby={describedBy(id, props)} aria-invalid={props.error ? 'true' : undefined}>
          {props.options.map((o) => (
            <option key={o.value} value={o.value} selected={o.value === props.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

export interface ChoiceOption {
  value: string;
  label: string;
  hint?: string;
}

/** Checkboxes or radio buttons: a fieldset with legend, hint and error tied to it (the error summary links to it). */
export function ChoiceGroup(props: {
  type: 'checkbox' | 'radio';
  name: string;
  /** The field name errors use, when it differs from the inputs' name. */
  errorField?: string;
  legend: string;
  options: ChoiceOption[];
  /** Checked values. */
  checked: readonly string[];
  hint?: string;
  error?: string;
  required?: boolean;
  horizontal?: boolean;
  children?: ComponentChildren;
}) {
  const id = fieldId(props.errorField ?? props.name);
  const inputClass = props.type === 'checkbox' ? 'kern-form-check__checkbox' : 'kern-form-check__radio';
  return (
    <fieldset class={`kern-fieldset${props.error ? ' kern-fieldset--error' : ''}`} id={id} tabIndex={-1} aria-describedby={describedBy(id, props)}>
      <legend class="kern-label">{props.legend}</legend>
      <FieldNotes id={id} hint={props.hint} error={props.error} />
      <div class={`kern-fieldset__body${props.horizontal ? ' kern-fieldset__body--horizontal' : ''}`}>
        {props.options.map((option) => {
          const optionId = `${id}-${option.value.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
          return (
            <div class={`kern-form-check${props.error ? ' kern-form-check--error' : ''}`} key={option.value}>
              <input
                class={`${inputClass}${props.error ? ` ${inputClass}--error` : ''}`}
                type={props.type}
                id={optionId}
                name={props.name}
                value={option.value}
                checked={props.checked.includes(option.value)}
                aria-describedby={describedBy(optionId, option)}
                aria-required={props.required && props.type === 'radio' ? 'true' : undefined}
              />
              <label class="kern-label" for={optionId}>
                {option.label}
              </label>
              <FieldNotes id={optionId} hint={option.hint} />
            </div>
          );
        })}
      </div>
      {props.children}
    </fieldset>
  );
}

export function Alert(props: { kind: 'info' | 'success' | 'warning' | 'danger'; title: string; children?: ComponentChildren; role?: 'status' | 'alert' }) {
  return (
    <div class={`kern-alert kern-alert--${props.kind}`} role={props.role ?? 'status'}>
      <div class="kern-alert__header">
        <span class={`kern-icon kern-icon--${props.kind === 'danger' ? 'danger' : props.kind}`} aria-hidden="true"></span>
        <span class="kern-title">{props.title}</span>
      </div>
      {props.children && <div class="kern-alert__body">{props.children}</div>}
    </div>
  );
}

export function Button(props: { children: ComponentChildren; kind?: 'primary' | 'secondary' | 'tertiary'; type?: 'submit' | 'button'; name?: string; value?: string }) {
  return (
    <button class={`kern-btn kern-btn--${props.kind ?? 'primary'}`} type={props.type ?? 'submit'} name={props.name} value={props.value}>
      <span class="kern-label">{props.children}</span>
    </button>
  );
}

/** A form's submit button, and a link away from it (cancel, reset) where there is one. */
export function FormActions(props: { submit: ComponentChildren; kind?: 'primary' | 'secondary'; back?: { href: string; label: string } }) {
  return (
    <div class="qn-actions">
      <Button kind={props.kind}>{props.submit}</Button>
      {props.back && (
        <a class="kern-link" href={props.back.href}>
          {props.back.label}
        </a>
      )}
    </div>
  );
}

/** A page with one form: heading, error summary, introduction, the fields, then what follows the form. */
export function FormPage(props: {
  locale: Locale;
  csrf: string;
  title: string;
  /** The form's path without the language prefix. */
  action: string;
  errors?: FieldErrors;
  /** Field → label, for the error summary. */
  labels?: Record<string, string>;
  message?: string;
  intro?: ComponentChildren;
  children: ComponentChildren;
  after?: ComponentChildren;
}) {
  return (
    <div class="qn-form">
      <h1 class="kern-heading-large">{props.title}</h1>
      <ErrorSummary errors={props.errors} labels={props.labels ?? {}} locale={props.locale} message={props.message} />
      {props.intro}
      <Form action={localePath(props.locale, props.action)} csrf={props.csrf}>
        <div class="qn-stack">{props.children}</div>
      </Form>
      {props.after}
    </div>
  );
}

/** Previous and next page, and where the reader is; nothing when everything fits on one page or the page is beyond the last. */
export function Pager(props: { locale: Locale; label: string; page: number; pages: number; href: (page: number) => string }) {
  const { page, pages } = props;
  if (pages <= 1 || page > pages) return null;
  const t = translator(platformMessages, props.locale);
  return (
    <nav aria-label={props.label}>
      <ul class="qn-pagination">
        {page > 1 && (
          <li>
            <a class="kern-link" href={props.href(page - 1)} rel="prev">
              {t('pager.previous')}
            </a>
          </li>
        )}
        <li aria-current="page">{t('pager.status', { page, pages })}</li>
        {page < pages && (
          <li>
            <a class="kern-link" href={props.href(page + 1)} rel="next">
              {t('pager.next')}
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}

/** One term and its value in a kern-description-list. */
export function Fact(props: { term: string; children: ComponentChildren }) {
  return (
    <div class="kern-description-list-item">
      <dt class="kern-description-list-item__key">{props.term}</dt>
      <dd class="kern-description-list-item__value">{props.children}</dd>
    </div>
  );
}

/** A table's header row: one column header per label (empty labels for columns of actions are read as such by screen readers via srOnly). */
export function TableHead(props: { columns: (string | { label: string; srOnly: true })[] }) {
  return (
    <thead class="kern-table__head">
      <tr class="kern-table__row">
        {props.columns.map((column, i) => (
          <th key={i} scope="col" class="kern-table__header">
            {typeof column === 'string' ? column : <span class="kern-sr-only">{column.label}</span>}
          </th>
        ))}
      </tr>
    </thead>
  );
}
