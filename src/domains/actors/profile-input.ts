import type { Context } from '../../platform/context.js';
import { ValidationError, type FieldErrors } from '../../platform/errors/index.js';
import { translator, type Translate } from '../../platform/i18n/index.js';
import { Validator } from '../../platform/validation.js';
import { getPlace, resolvePlaceField, type Place } from '../places/service.js';
import { messages, type MessageKey } from './messages.js';
import { ACTION_FIELDS, ACTOR_KINDS, SECTORS, VISIBILITIES, type ActionField, type ActorKind, type Sector, type Visibility } from './model.js';
import { TAG_LABEL_MAX, TAGS_PER_LIST_MAX, existingTagIds, normalizeTagLabel, splitTagInput } from './tags.js';

/** Reads a profile from a form or API body into checked values, with translated errors per field. */

export const LIMITS = { name: 160, summary: 300, description: 10_000, expertise: 2_000, url: 500, links: 10, contactName: 160, phone: 40, place: 200 } as const;

/** What the form or the API sends; every value is untrusted. Lists may come as one string or several. */
export interface RawActorInput {
  kind?: unknown;
  name?: unknown;
  sector?: unknown;
  actionFields?: unknown;
  /** The place as typed ("Mannheim", "68159"); `placeId` is a chosen gazetteer id. */
  place?: unknown;
  placeId?: unknown;
  summary?: unknown;
  description?: unknown;
  expertise?: unknown;
  website?: unknown;
  /** One URL per line, or a list. */
  links?: unknown;
  contactName?: unknown;
  contactEmail?: unknown;
  contactPhone?: unknown;
  visibility?: unknown;
  /** Ids of vocabulary terms (checkboxes), and free labels (comma-separated text or a list). */
  offerIds?: unknown;
  offerLabels?: unknown;
  needIds?: unknown;
  needLabels?: unknown;
}

export interface TagChoice {
  ids: number[];
  labels: string[];
}

export interface ActorInput {
  kind: ActorKind;
  name: string;
  sector: Sector;
  actionFields: ActionField[];
  place: Place | null;
  summary: string;
  description: string;
  expertise: string;
  website: string | null;
  links: string[];
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  visibility: Visibility;
  offers: TagChoice;
  needs: TagChoice;
}

/** A rejected profile; when the place was ambiguous, the form offers these candidates. */
export class ActorInputError extends ValidationError {
  constructor(
    fields: FieldErrors,
    readonly placeCandidates: Place[],
  ) {
    super(fields);
  }
}

/** C0 and C1 control characters: never in a profile's texts (tabs and line breaks are folded first where allowed). */
export const controlCharacters = /[\u0000-\u001F\u007F-\u009F]/;
const phonePattern = /^[+0-9 ()/.-]{3,}$/;

/** Reads every field, collecting all problems at once; throws ActorInputError when any. */
export async function readActorInput(ctx: Context, raw: RawActorInput): Promise<ActorInput> {
  const v = new Validator(ctx.locale);
  const t = translator(messages, ctx.locale);
  const kind = v.choice('kind', raw.kind, ACTOR_KINDS);
  const name = line(v, 'name', raw.name, { required: true, max: LIMITS.name, min: 2 });
  const sector = v.choice('sector', raw.sector, SECTORS);
  const actionFields = choices(v, 'actionFields', raw.actionFields, ACTION_FIELDS);
  const summary = line(v, 'summary', raw.summary, { max: LIMITS.summary });
  const description = multiline(v, 'description', raw.description, LIMITS.description);
  const expertise = multiline(v, 'expertise', raw.expertise, LIMITS.expertise);
  const website = readUrl(v, t, 'website', raw.website) || null;
  const links = readLinks(v, t, raw.links);
  const contactName = line(v, 'contactName', raw.contactName, { max: LIMITS.contactName }) || null;
  const contactEmail = v.email('contactEmail', raw.contactEmail, { required: false }) || null;
  const contactPhone = line(v, 'contactPhone', raw.contactPhone, { max: LIMITS.phone }) || null;
  if (contactPhone && !phonePattern.test(contactPhone)) v.add('contactPhone', t('input.phone'));
  const visibility = raw.visibility === undefined ? 'public' : v.choice('visibility', raw.visibility, VISIBILITIES);
  const offers = await readTags(ctx, v, t, 'offers', raw.offerIds, raw.offerLabels);
  const needs = await readTags(ctx, v, t, 'needs', raw.needIds, raw.needLabels);
  const { place, candidates } = await readPlace(ctx, v, t, raw.place, raw.placeId);
  if (v.failed || !kind || !sector || !visibility) throw new ActorInputError(v.errors, candidates);
  return { kind, name, sector, actionFields, place, summary, description, expertise, website, links, contactName, contactEmail, contactPhone, visibility, offers, needs };
}

type T = Translate<MessageKey>;

/** Several values of one field (checkboxes, JSON arrays); a single string counts as one. */
function list(v: Validator, field: string, value: unknown): string[] {
  if (value === undefined || value === null || value === '') return [];
  const values = Array.isArray(value) ? value : [value];
  if (values.some((item) => typeof item !== 'string' && typeof item !== 'number') || values.length > 200) {
    v.add(field, translator(messages, v.locale)('input.list'));
    return [];
  }
  return values.map((item) => String(item));
}

function choices<C extends string>(v: Validator, field: string, value: unknown, allowed: readonly C[]): C[] {
  const picked = list(v, field, value);
  const valid = picked.filter((item): item is C => allowed.includes(item as C));
  if (valid.length !== picked.length) v.add(field, translator(messages, v.locale)('input.choice'));
  return [...new Set(valid)];
}

/** Long plain text: line breaks are kept (paragraphs), other control characters refused. */
function multiline(v: Validator, field: string, value: unknown, max: number): string {
  const text = typeof value === 'string' ? value.replace(/\r\n?/g, '\n').replace(/\t/g, ' ') : value;
  if (typeof text === 'string' && controlCharacters.test(text.replace(/\n/g, ''))) {
    v.add(field, translator(messages, v.locale)('input.control'));
    return '';
  }
  return v.text(field, text, { max }).replace(/[ ]+\n/g, '\n').replace(/\n{3,}/g, '\n\n');
}

/** One line of text: whitespace collapsed, no control characters (C1 included). */
function line(v: Validator, field: string, value: unknown, options: { max: number; min?: number; required?: boolean }): string {
  if (typeof value === 'string' && controlCharacters.test(value.replace(/[\r\n\t]/g, ' '))) {
    v.add(field, translator(messages, v.locale)('input.control'));
    return '';
  }
  return v.text(field, typeof value === 'string' ? value.replace(/\s+/g, ' ') : value, options);
}

/** Only absolute http(s) addresses: no javascript:, data: or mailto: links on a profile. */
function readUrl(v: Validator, t: T, field: string, value: unknown): string {
  const text = v.text(field, value, { max: LIMITS.url });
  if (!text) return '';
  if (controlCharacters.test(text) || !isWebUrl(text)) {
    v.add(field, t('input.url'));
    return '';
  }
  return text;
}

export function isWebUrl(text: string): boolean {
  if (/\s/.test(text)) return false;
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.') && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

function readLinks(v: Validator, t: T, value: unknown): string[] {
  const items = typeof value === 'string' ? value.split(/\r?\n/) : list(v, 'links', value);
  const links = items.map((item) => item.trim()).filter((item) => item !== '');
  if (links.length > LIMITS.links) v.add('links', t('input.linksTooMany', { max: LIMITS.links }));
  for (const link of links) {
    if (link.length > LIMITS.url || controlCharacters.test(link) || !isWebUrl(link)) {
      v.add('links', t('input.linkInvalid', { link: link.slice(0, 80) }));
      break;
    }
  }
  return [...new Set(links)];
}

/** Vocabulary ids (must exist) plus free labels (≤ 60 characters, printable), ≤ 20 per list. */
async function readTags(ctx: Context, v: Validator, t: T, field: 'offers' | 'needs', idsValue: unknown, labelsValue: unknown): Promise<TagChoice> {
  const rawIds = list(v, field, idsValue);
  const ids = [...new Set(rawIds.filter((id) => /^[1-9]\d{0,9}$/.test(id)).map(Number))].filter((id) => id <= 2_147_483_647);
  if (ids.length !== new Set(rawIds).size) v.add(field, t('input.choice'));
  const typed = typeof labelsValue === 'string' ? [labelsValue.replace(/\r?\n/g, ',')] : list(v, field, labelsValue);
  if (typed.some((text) => controlCharacters.test(text))) {
    v.add(field, t('input.tagControl'));
    return { ids: [], labels: [] };
  }
  const byNormalized = new Map<string, string>();
  for (const label of typed.flatMap(splitTagInput)) if (!byNormalized.has(normalizeTagLabel(label))) byNormalized.set(normalizeTagLabel(label), label);
  const labels = [...byNormalized.values()];
  const tooLong = labels.find((label) => label.length > TAG_LABEL_MAX);
  if (tooLong) v.add(field, t('input.tagTooLong', { max: TAG_LABEL_MAX, label: `${tooLong.slice(0, 30)}…` }));
  if (ids.length + labels.length > TAGS_PER_LIST_MAX) v.add(field, t('input.tagsTooMany', { max: TAGS_PER_LIST_MAX }));
  const existing = await existingTagIds(ctx.db, ids);
  if (ids.some((id) => !existing.has(id))) v.add(field, t('input.choice'));
  return { ids, labels };
}

async function readPlace(ctx: Context, v: Validator, t: T, textValue: unknown, idValue: unknown): Promise<{ place: Place | null; candidates: Place[] }> {
  const id = typeof idValue === 'number' ? String(idValue) : idValue;
  // The API may name a place by its id alone; forms send the text (and the id of a chosen place).
  if (textValue === undefined && typeof id === 'string' && id !== '') {
    const place = /^[1-9]\d{0,9}$/.test(id) ? await getPlace(ctx, Number(id)) : null;
    if (!place) v.add('place', t('input.placeUnknown'));
    return { place, candidates: [] };
  }
  const typed = line(v, 'place', textValue, { max: LIMITS.place });
  if (!typed) return { place: null, candidates: [] };
  // A chosen place (a candidate's radio button, a suggestion) wins while the text still names it.
  const resolution = await resolvePlaceField(ctx, { text: typed, id });
  if (resolution.kind === 'found') return { place: resolution.place, candidates: [] };
  v.add('place', resolution.kind === 'ambiguous' ? t('input.placeAmbiguous') : t('input.placeUnknown'));
  return { place: null, candidates: resolution.kind === 'ambiguous' ? resolution.candidates : [] };
}
