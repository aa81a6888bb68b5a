import { translator, type Locale } from '../../platform/i18n/index.js';
import { ACTION_FIELDS, type ActionField } from '../actors/service.js';
import type { FormatFilters } from './formats.js';
import { messages } from './messages.js';
import { FORMAT_KINDS, FORMAT_MODES, LIST_STATES, type FormatKind, type FormatMode, type ListState } from './model.js';

/** The list's filters from a query string (German names on pages, English in the API); invalid values are named by field. */

export interface FilterNames {
  kind: string;
  mode: string;
  state: string;
  actionField: string;
  month: string;
  page: string;
}
export const PAGE_FILTERS: FilterNames = { kind: 'art', mode: 'durchfuehrung', state: 'anmeldung', actionField: 'handlungsfeld', month: 'monat', page: 'seite' };
export const API_FILTERS: FilterNames = { kind: 'kind', mode: 'mode', state: 'state', actionField: 'actionField', month: 'month', page: 'page' };

const MONTH = /^(199\d|2[01]\d\d)-(0[1-9]|1[0-2])$/;

export function readFilters(query: Record<string, unknown>, names: FilterNames, when: FormatFilters['when'], pageSize: number, locale: Locale): { filters: FormatFilters; errors?: Record<string, string> } {
  const t = translator(messages, locale);
  const errors: Record<string, string> = {};
  const text = (name: string) => (typeof query[name] === 'string' && query[name] !== '' ? (query[name] as string) : undefined);
  const pick = <T extends string>(name: string, values: readonly T[]): T | undefined => {
    const value = text(name);
    if (value === undefined) return undefined;
    if ((values as readonly string[]).includes(value)) return value as T;
    errors[name] = t('input.choice');
    return undefined;
  };
  const filters: FormatFilters = {
    when,
    kind: pick<FormatKind>(names.kind, FORMAT_KINDS),
    mode: pick<FormatMode>(names.mode, FORMAT_MODES),
    state: pick<ListState>(names.state, LIST_STATES),
    actionField: pick<ActionField>(names.actionField, ACTION_FIELDS),
    page: 1,
    pageSize,
  };
  const month = text(names.month);
  if (month !== undefined) {
    if (MONTH.test(month)) filters.month = month;
    else errors[names.month] = t('filter.month.hint');
  }
  const page = text(names.page);
  if (page !== undefined) {
    if (/^[1-9]\d{0,5}$/.test(page)) filters.page = Number(page);
    else errors[names.page] = t('input.number', { min: 1, max: 999999 });
  }
  return Object.keys(errors).length > 0 ? { filters, errors } : { filters };
}
