import type { ComponentChildren } from 'preact';
import { translator, type Locale } from '../i18n/index.js';
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

type InputProps = {
  name: string;
  label: string;
  value?: string;
  error?: string | undefined;
  hint?: string;
  type?: 'text' | 'email' | 'password' | 'url' | 'search' | 'tel' | 'number';
  autocomplete?: string;
  required?: boolean;
  maxLength?: number;
  multiline?: boolean;
  rows?: number;
};

/** A labelled input with hint and error tied by aria-describedby. */
export function Field(props: InputProps) {
  const id = fieldId(props.name);
  const hintId = props.hint ? `${id}-hinweis` : undefined;
  const errorId = props.error ? `${id}-fehler` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const inputClass = `kern-form-input__input${props.error ? ' kern-form-input__input--error' : ''}`;
  const common = {
    id,
    name: props.name,
    class: inputClass,
    'aria-describedby': describedBy,
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
      {props.hint && (
        <div class="kern-hint" id={hintId}>
          {props.hint}
        </div>
      )}
      {props.error && (
        <p class="kern-error" id={errorId}>
          <span class="kern-icon kern-icon--danger" aria-hidden="true"></span>
          <span class="kern-body">{props.error}</span>
        </p>
      )}
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
  const errorId = props.error ? `${id}-fehler` : undefined;
  return (
    <div class={`kern-form-input${props.error ? ' kern-form-input--error' : ''}`}>
      <label class="kern-label" for={id}>
        {props.label}
      </label>
      {props.error && (
        <p class="kern-error" id={errorId}>
          <span class="kern-icon kern-icon--danger" aria-hidden="true"></span>
          <span class="kern-body">{props.error}</span>
        </p>
      )}
      <div class="kern-form-input__select-wrapper">
        <select id={id} name={props.name} class="kern-form-input__select" aria-describedby={errorId} aria-invalid={props.error ? 'true' : undefined}>
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
