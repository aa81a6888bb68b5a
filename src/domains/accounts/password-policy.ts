import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as de from '@zxcvbn-ts/language-de';
import * as en from '@zxcvbn-ts/language-en';
import type { Validator } from '../../platform/validation.js';
import { translator } from '../../platform/i18n/index.js';
import { messages, type MessageKey } from './messages.js';

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 256;
const MIN_SCORE = 3;

// The estimator answers with message keys (identity translations); our own texts explain them.
const identity = (set: Record<string, string>) => Object.fromEntries(Object.keys(set).map((key) => [key, key]));
let estimator: ZxcvbnFactory | null = null;
function strength(): ZxcvbnFactory {
  if (estimator) return estimator;
  const german = Object.fromEntries(Object.entries(de.dictionary).map(([name, words]) => [`${name}-de`, words]));
  estimator = new ZxcvbnFactory({
    // Bounds the work per check: with the defaults a random 256-character password kept the
    // event loop busy for seconds. The first 64 characters decide; l33t variants stay few.
    maxLength: 64,
    l33tMaxSubstitutions: 3,
    dictionary: { ...common.dictionary, ...en.dictionary, ...german },
    graphs: common.adjacencyGraphs,
    translations: {
      warnings: identity(en.translations.warnings),
      suggestions: identity(en.translations.suggestions),
      timeEstimation: identity(en.translations.timeEstimation),
    } as typeof en.translations,
  });
  return estimator;
}

const warningKeys = new Set(Object.keys(en.translations.warnings));

/**
 * Reads a new password: 10–256 characters (the length is checked before anything else looks at
 * it), not guessable from dictionaries, patterns or the person's own name and address.
 * Passwords are taken as typed: no trimming.
 */
export function newPassword(v: Validator, field: string, value: unknown, userInputs: string[]): string {
  const password = presentPassword(v, field, value);
  if (password === null) return '';
  const t = translator(messages, v.locale);
  if (password.length < PASSWORD_MIN) {
    v.add(field, t('password.tooShort', { min: PASSWORD_MIN }));
    return '';
  }
  const inputs = userInputs.flatMap((input) => [input, ...input.split(/[@.\s_-]+/)]).filter((s) => s.length >= 3);
  const result = strength().check(password, inputs);
  if (result.score >= MIN_SCORE) return password;
  const warning = result.feedback.warning && warningKeys.has(result.feedback.warning) ? t(`password.warning.${result.feedback.warning}` as MessageKey) : '';
  v.add(field, [t('password.weak'), warning, t('password.tip')].filter(Boolean).join(' '));
  return '';
}

/** Reads a password to compare with a stored one: present, a string, not absurdly long. */
export function presentPassword(v: Validator, field: string, value: unknown): string | null {
  const t = translator(messages, v.locale);
  if (value !== undefined && value !== null && typeof value !== 'string') {
    v.add(field, t('password.type'));
    return null;
  }
  if (!value) {
    v.add(field, t('password.required'));
    return null;
  }
  if (value.length > PASSWORD_MAX) {
    v.add(field, t('password.tooLong', { max: PASSWORD_MAX }));
    return null;
  }
  return value;
}
