import type { ComponentChildren } from 'preact';
import { fieldId } from '../../../platform/layout/components.js';

/** Checkbox and radio groups in KERN markup: a fieldset with legend, hint and error tied to it. */

export interface Option {
  value: string;
  label: string;
  hint?: string;
}

export function ChoiceGroup(props: {
  type: 'checkbox' | 'radio';
  name: string;
  /** The field name errors use, when it differs from the inputs' name (the error summary links to it). */
  errorField?: string;
  legend: string;
  options: Option[];
  /** Checked values. */
  checked: readonly string[];
  hint?: string;
  error?: string;
  required?: boolean;
  horizontal?: boolean;
  children?: ComponentChildren;
}) {
  const id = fieldId(props.errorField ?? props.name);
  const hintId = props.hint ? `${id}-hinweis` : undefined;
  const errorId = props.error ? `${id}-fehler` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const inputClass = props.type === 'checkbox' ? 'kern-form-check__checkbox' : 'kern-form-check__radio';
  return (
    <fieldset class={`kern-fieldset${props.error ? ' kern-fieldset--error' : ''}`} id={id} tabIndex={-1} aria-describedby={describedBy}>
      <legend class="kern-label">{props.legend}</legend>
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
                aria-describedby={option.hint ? `${optionId}-hinweis` : undefined}
                aria-required={props.required && props.type === 'radio' ? 'true' : undefined}
              />
              <label class="kern-label" for={optionId}>
                {option.label}
              </label>
              {option.hint && (
                <div class="kern-hint" id={`${optionId}-hinweis`}>
                  {option.hint}
                </div>
              )}
            </div>
          );
        })}
      </div>
      {props.children}
    </fieldset>
  );
}

/** A form's values as typed: single fields as strings, repeated ones (checkboxes) as lists. */
export type FormValues = Record<string, string | string[]>;

export const one = (values: FormValues, name: string): string => {
  const value = values[name];
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
};

export const many = (values: FormValues, name: string): string[] => {
  const value = values[name];
  return Array.isArray(value) ? value : value ? [value] : [];
};
