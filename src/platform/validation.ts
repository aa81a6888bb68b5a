import { ValidationError, type FieldErrors } from './errors/index.js';
import { translator, type Locale } from './i18n/index.js';
import { platformMessages } from './i18n/platform-messages.js';

// Control characters have no place in a text field; NUL cannot even be stored in PostgreSQL text.
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

// Pragmatic address check: one @, no spaces, a dot in the domain; the verification mail does the rest.
const emailPattern = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/;

/**
 * Collects translated field errors for a form or API body. Form bodies arrive as untyped
 * strings (or arrays when a field repeats): every reader here accepts `unknown`.
 */
export class Validator {
  readonly errors: FieldErrors = {};
  private readonly t;
  constructor(readonly locale: Locale) {
    this.t = translator(platformMessages, locale);
  }

  get failed(): boolean {
    return Object.keys(this.errors).length > 0;
  }

  /** Adds an error for a field unless it already has one. */
  add(field: string, message: string) {
    this.errors[field] ??= message;
  }

  text(field: string, value: unknown, options: { required?: boolean; max: number; min?: number }): string {
    if (value !== undefined && value !== null && typeof value !== 'string') {
      this.add(field, this.t('validation.type'));
      return '';
    }
    const text = (value ?? '').trim();
    if (controlCharacters.test(text)) {
      this.add(field, this.t('validation.type'));
      return '';
    }
    if (text === '') {
      if (options.required) this.add(field, this.t('validation.required'));
      return '';
    }
    if (text.length > options.max) this.add(field, this.t('validation.tooLong', { max: options.max }));
    else if (options.min !== undefined && text.length < options.min) this.add(field, this.t('validation.tooShort', { min: options.min }));
    return text;
  }

  email(field: string, value: unknown, options: { required?: boolean } = { required: true }): string {
    const text = this.text(field, value, { required: options.required, max: 254 });
    if (text && !emailPattern.test(text)) this.add(field, this.t('validation.email'));
    return text.toLowerCase();
  }

  choice<T extends string>(field: string, value: unknown, choices: readonly T[], options: { required?: boolean } = { required: true }): T | null {
    if (value === undefined || value === null || value === '') {
      if (options.required) this.add(field, this.t('validation.required'));
      return null;
    }
    if (typeof value !== 'string' || !choices.includes(value as T)) {
      this.add(field, this.t('validation.choice'));
      return null;
    }
    return value as T;
  }

  /** Throws the collected errors, if any. */
  check() {
    if (this.failed) throw new ValidationError(this.errors);
  }
}
