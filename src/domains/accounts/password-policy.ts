import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import type { Validator } from '../../platform/validation.js';
import { translator } from '../../platform/i18n/index.js';
import { messages, type MessageKey } from './messages.js';

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 256;
const MIN_SCORE = 3;

// The dictionaries weigh about 40 MB in memory: they are loaded when the first new password is
// checked, not at start (most processes never check one). The estimator answers with message keys
// (identity translations); our own texts explain them.
interface Strength { estimator: ZxcvbnFactory; warningKeys: Set<string> }
let loading: Promise<Strength> | null = null;
function strength(): Promise<Strength> {
  loading ??= loadStrength();
  return loading;
}

async function loadStrength(): Promise<Strength> {
  const [{ ZxcvbnFactory }, common, de, en] = await Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-de'),
    import('@zxcvbn-ts/language-en'),
  ]);
  const identity = (set: Record<string, string>) => Object.fromEntries(Object.keys(set).map((key) => [key, key]));
  const german = Object.fromEntries(Object.entries(de.dictionary).map(([name, words]) => [`${name}-de`, words]));
  const estimator = new ZxcvbnFactory({
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
  return { estimator, warningKeys: new Set(Object.keys(en.translations.warnings)) };
}

/**
 * Reads a new password: 10–256 characters (the length is checked before anything else looks at
 * it), not guessable from dictionaries, patterns or the person's own name and address.
 * Passwords are taken as typed: no trimming.
 */
export async function newPassword(v: Validator, field: string, value: unknown, userInputs: string[]): Promise<string> {
  const password = presentPassword(v, field, value);
  if (password === null) return '';
  const t = translator(messages, v.locale);
  if (password.length < PASSWORD_MIN) {
    v.add(field, t('password.tooShort', { min: PASSWORD_MIN }));
    return '';
  }
  const inputs = userInputs.flatMap((input) => [input, ...input.split(/[@.\s_-]+/)]).filter((s) => s.length >= 3);
  const { estimator, warningKeys } = await strength();
  const result = estimator.check(password, inputs);
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
