import { findUsersByEmails } from '../../platform/auth/users.js';
import { hasRole, type Context } from '../../platform/context.js';
import { parseBerlinLocal } from '../../platform/berlin-time.js';
import { ValidationError, type FieldErrors } from '../../platform/errors/index.js';
import { translator, type Translate } from '../../platform/i18n/index.js';
import { Validator } from '../../platform/validation.js';
import { ACTION_FIELDS, type ActionField } from '../actors/service.js';
import { resolvePlaceField, type Place } from '../places/service.js';
import { findHostActors } from './hosts.js';
import { messages, type MessageKey } from './messages.js';
import {
  AGENDA_MAX_ITEMS,
  AGENDA_TITLE_MAX,
  CAPACITY_MAX,
  DAY_MS,
  DESCRIPTION_MAX,
  DURATION_MAX_DAYS,
  EDITORS_MAX,
  FORMAT_KINDS,
  FORMAT_MODES,
  HOSTS_MAX,
  LINK_MAX,
  TEASER_MAX,
  TITLE_MAX,
  VENUE_MAX,
  type FormatKind,
  type FormatMode,
} from './model.js';
import type { AgendaItem } from './queries-tables.js';

/** Reads a format from a form or API body into checked values, with translated errors per field. */

/** What the form or the API sends; every value is untrusted. */
export interface RawFormatInput {
  kind?: unknown;
  title?: unknown;
  teaser?: unknown;
  description?: unknown;
  /** One item per line ("10:00 Begrüßung") or, from the API, a list of { time, title }. */
  agenda?: unknown;
  /** Local time in Germany ("2025-06-12T09:30") or an instant with offset ("2025-06-12T07:30:00Z"). */
  startsAt?: unknown;
  endsAt?: unknown;
  mode?: unknown;
  venue?: unknown;
  place?: unknown;
  placeId?: unknown;
  onlineLink?: unknown;
  /** Profile addresses (slugs) of the host organisations: one per line, or a list. */
  hosts?: unknown;
  /** Email addresses of members who may run the format: one per line, or a list. */
  editors?: unknown;
  actionFields?: unknown;
  capacity?: unknown;
  registrationOpensAt?: unknown;
  registrationClosesAt?: unknown;
  maxSectorShare?: unknown;
}

export interface FormatInput {
  kind: FormatKind;
  title: string;
  teaser: string;
  description: string;
  agenda: AgendaItem[];
  startsAt: Date;
  endsAt: Date;
  mode: FormatMode;
  venue: string | null;
  place: Place | null;
  onlineLink: string | null;
  hostIds: number[];
  editorIds: number[];
  actionFields: ActionField[];
  capacity: number | null;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
  maxSectorShare: number | null;
}

/** The form's errors, and the places to choose from when the typed one was ambiguous. */
export class FormatInputError extends ValidationError {
  constructor(
    fields: FieldErrors,
    readonly placeCandidates: Place[],
  ) {
    super(fields);
  }
}

const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

function lines(value: unknown): string[] | null {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return value.split(/\r?\n|,/).map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.map((s: string) => s.trim()).filter(Boolean);
  return null;
}

function readInstant(v: Validator, t: Translate<MessageKey>, field: string, value: unknown, required: boolean): Date | null {
  if (value === undefined || value === null || value === '') {
    if (required) v.add(field, t('input.required'));
    return null;
  }
  if (typeof value !== 'string' || value.length > 40) {
    v.add(field, t('input.dateTime'));
    return null;
  }
  const withOffset = /(?:Z|[+-]\d{2}:\d{2})$/.test(value) && /^\d{4}-\d{2}-\d{2}T/.test(value) ? new Date(value) : null;
  const date = withOffset && !Number.isNaN(withOffset.getTime()) ? withOffset : parseBerlinLocal(value);
  if (!date) v.add(field, t('input.dateTime'));
  return date;
}

function readWholeNumber(v: Validator, t: Translate<MessageKey>, field: string, value: unknown, min: number, max: number): number | null {
  if (value === undefined || value === null || value === '') return null;
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  if (!/^\d{1,7}$/.test(text) || Number(text) < min || Number(text) > max) {
    v.add(field, t('input.number', { min, max }));
    return null;
  }
  return Number(text);
}

/** "10:00 Begrüßung" or "10:00–10:30 Begrüßung" per line; from the API, items of { time, title }. */
function readAgenda(v: Validator, t: Translate<MessageKey>, value: unknown): AgendaItem[] {
  let raw: { time: unknown; title: unknown }[];
  if (value === undefined || value === null || value === '') return [];
  if (typeof value === 'string') {
    raw = value
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => {
        const match = /^((?:\d{4}-\d{2}-\d{2} )?\d{1,2}[:.]\d{2}(?:\s*[–-]\s*\d{1,2}[:.]\d{2})?)\s+(.+)$/.exec(line);
        return match ? { time: match[1]!.replace(/\./g, ':').replace(/\s*[–-]\s*/, '–'), title: match[2] } : { time: '', title: line };
      });
  } else if (Array.isArray(value)) raw = value.map((item) => (item && typeof item === 'object' ? (item as { time: unknown; title: unknown }) : { time: null, title: null }));
  else {
    v.add('agenda', t('input.agendaLine', { line: 1 }));
    return [];
  }
  if (raw.length > AGENDA_MAX_ITEMS) {
    v.add('agenda', t('input.agendaTooLong', { max: AGENDA_MAX_ITEMS, count: raw.length }));
    return [];
  }
  const items: AgendaItem[] = [];
  for (const [index, item] of raw.entries()) {
    const time = typeof item.time === 'string' ? item.time.trim() : '';
    const title = typeof item.title === 'string' ? item.title.trim() : '';
    const timeOk = /^(?:\d{4}-\d{2}-\d{2} )?([01]?\d|2[0-3]):[0-5]\d(?:–([01]?\d|2[0-3]):[0-5]\d)?$/.test(time);
    if (!timeOk || title === '' || title.length > AGENDA_TITLE_MAX || controlCharacters.test(title)) {
      v.add('agenda', t('input.agendaLine', { line: index + 1 }));
      return [];
    }
    items.push({ time: time.replace(/^(\d):/, '0$1:'), title });
  }
  return items;
}

function readLink(v: Validator, t: Translate<MessageKey>, value: unknown): string | null {
  const text = v.text('onlineLink', value, { max: LINK_MAX });
  if (!text) return null;
  try {
    const url = new URL(text);
    if ((url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.') && !/\s/.test(text)) return text;
  } catch {
    // falls through to the field error
  }
  v.add('onlineLink', t('input.link'));
  return null;
}

export async function readFormatInput(ctx: Context, raw: RawFormatInput): Promise<FormatInput> {
  const v = new Validator(ctx.locale);
  const t = translator(messages, ctx.locale);
  const kind = v.choice('kind', raw.kind, FORMAT_KINDS);
  const title = v.text('title', raw.title, { required: true, max: TITLE_MAX });
  const teaser = v.text('teaser', raw.teaser, { max: TEASER_MAX });
  const description = typeof raw.description === 'string' && raw.description.length <= DESCRIPTION_MAX ? raw.description.replace(/\r\n/g, '\n').trim() : v.text('description', raw.description, { max: DESCRIPTION_MAX });
  if (controlCharacters.test(description)) v.add('description', t('input.control'));
  const agenda = readAgenda(v, t, raw.agenda);
  const startsAt = readInstant(v, t, 'startsAt', raw.startsAt, true);
  const endsAt = readInstant(v, t, 'endsAt', raw.endsAt, true);
  if (startsAt && endsAt && endsAt <= startsAt) v.add('endsAt', t('input.endBeforeStart'));
  else if (startsAt && endsAt && endsAt.getTime() - startsAt.getTime() > DURATION_MAX_DAYS * DAY_MS) v.add('endsAt', t('input.tooLongEvent', { days: DURATION_MAX_DAYS }));
  const mode = v.choice('mode', raw.mode, FORMAT_MODES);
  const venue = v.text('venue', raw.venue, { max: VENUE_MAX }) || null;
  const onlineLink = readLink(v, t, raw.onlineLink);
  if (mode === 'digital' && !onlineLink && raw.onlineLink !== undefined && raw.onlineLink !== '') v.add('onlineLink', t('input.link'));

  let place: Place | null = null;
  let candidates: Place[] = [];
  const placeText = v.text('place', raw.place, { max: 200 });
  if (placeText || (raw.place === undefined && raw.placeId !== undefined && raw.placeId !== '')) {
    const resolution = await resolvePlaceField(ctx, { text: placeText || undefined, id: typeof raw.placeId === 'number' ? String(raw.placeId) : raw.placeId });
    if (resolution.kind === 'found') place = resolution.place;
    else {
      v.add('place', t(resolution.kind === 'ambiguous' ? 'input.placeAmbiguous' : 'input.placeUnknown'));
      candidates = resolution.kind === 'ambiguous' ? resolution.candidates : [];
    }
  }
  if (mode && mode !== 'digital' && !place && !venue && !v.errors.place) v.add('venue', t('input.venueNeeded'));

  const actionFieldValues = typeof raw.actionFields === 'string' ? [raw.actionFields] : (raw.actionFields ?? []);
  const actionFields = Array.isArray(actionFieldValues) && actionFieldValues.every((f) => (ACTION_FIELDS as readonly unknown[]).includes(f)) ? [...new Set(actionFieldValues as ActionField[])] : [];
  if (actionFields.length === 0 && actionFieldValues !== undefined && (!Array.isArray(actionFieldValues) || actionFieldValues.length > 0)) v.add('actionFields', t('input.choice'));

  const capacity = readWholeNumber(v, t, 'capacity', raw.capacity, 1, CAPACITY_MAX);
  // Below 17 % six sectors could not fill the room (6 × 16 % < 100 %): seats would stay empty while people wait.
  const maxSectorShare = readWholeNumber(v, t, 'maxSectorShare', raw.maxSectorShare, 17, 100);
  if (maxSectorShare !== null && capacity === null && !v.errors.capacity) v.add('maxSectorShare', t('input.shareNeedsCapacity'));
  const registrationOpensAt = readInstant(v, t, 'registrationOpensAt', raw.registrationOpensAt, false);
  const registrationClosesAt = readInstant(v, t, 'registrationClosesAt', raw.registrationClosesAt, false);
  if (registrationOpensAt && registrationClosesAt && registrationClosesAt <= registrationOpensAt) v.add('registrationClosesAt', t('input.closesBeforeOpens'));
  if (registrationClosesAt && endsAt && registrationClosesAt > endsAt) v.add('registrationClosesAt', t('input.closesAfterEnd'));

  const hostRefs = lines(raw.hosts);
  const editorEmails = lines(raw.editors);
  if (hostRefs?.some((ref) => controlCharacters.test(ref))) v.add('hosts', t('input.control'));
  if (editorEmails?.some((email) => controlCharacters.test(email))) v.add('editors', t('input.control'));
  let hostIds: number[] = [];
  let editorIds: number[] = [];
  if (hostRefs === null || (hostRefs && hostRefs.length > HOSTS_MAX)) v.add('hosts', t('input.hostsTooMany', { max: HOSTS_MAX }));
  else if (hostRefs.length > 0 && !v.errors.hosts) {
    const found = await findHostActors(ctx, hostRefs);
    const missing = hostRefs.filter((ref) => !found.has(ref));
    if (missing.length > 0) v.add('hosts', t('input.hostUnknown', { refs: missing.slice(0, 5).join(', ') }));
    hostIds = [...new Set(found.values())];
  }
  if (editorEmails === null || (editorEmails && editorEmails.length > EDITORS_MAX)) v.add('editors', t('input.editorsTooMany', { max: EDITORS_MAX }));
  // Only coordinators name editors; for anyone else the field is ignored (and tells nothing about accounts).
  else if (editorEmails.length > 0 && !v.errors.editors && hasRole(ctx.user, 'coordinator')) {
    const users = await findUsersByEmails(ctx.db, editorEmails.filter((email) => email.length <= 254 && email.includes('@')));
    const known = new Set(users.map((u) => u.email.toLowerCase()));
    const missing = editorEmails.filter((email) => !known.has(email.toLowerCase()));
    if (missing.length > 0) v.add('editors', t('input.editorUnknown', { emails: missing.slice(0, 5).join(', ') }));
    editorIds = users.map((u) => u.id);
  }
  if (v.failed) throw new FormatInputError(v.errors, candidates);
  return {
    kind: kind!,
    title,
    teaser,
    description,
    agenda,
    startsAt: startsAt!,
    endsAt: endsAt!,
    mode: mode!,
    venue,
    place,
    onlineLink,
    hostIds,
    editorIds,
    actionFields,
    capacity,
    registrationOpensAt,
    registrationClosesAt,
    maxSectorShare,
  };
}
