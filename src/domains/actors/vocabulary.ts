import { recordAudit } from '../../platform/audit.js';
import { ValidationError, forbidden, notFound } from '../../platform/errors/index.js';
import { inTransaction, type Context } from '../../platform/context.js';
import { translator } from '../../platform/i18n/index.js';
import { Validator } from '../../platform/validation.js';
import { deleteTag, insertTag, replaceTagInActors, selectTag, selectTagByNormalized, selectTagsWithUse, touchActorsWithTag, updateTag } from './curation-queries.js';
import { messages } from './messages.js';
import { viewerOf } from './policy.js';
import { toTagRef, type TagRef } from './present.js';
import { controlCharacters } from './profile-input.js';
import { selectCuratedTags } from './queries.js';
import { TAG_LABEL_MAX, cleanTagLabel, normalizeTagLabel } from './tags.js';

/** The shared offers/needs vocabulary: curated terms (German and English) and the free tags members add. */

export interface TagUse extends TagRef {
  /** How many profiles (merged ones aside) use the tag as offer or need. */
  uses: number;
}

function requireCoordinator(ctx: Context) {
  if (!viewerOf(ctx).coordinator) throw forbidden();
}

/** The curated vocabulary, alphabetically: public (the profile form, the API, facets). */
export async function listVocabulary(ctx: Context): Promise<TagRef[]> {
  return (await selectCuratedTags(ctx.db)).map(toTagRef);
}

export const FREE_TAGS_SHOWN = 200;

/** For the vocabulary page: all curated terms, and the most used free tags (optionally filtered). */
export async function listVocabularyForCuration(ctx: Context, query: { search?: string } = {}): Promise<{ curated: TagUse[]; free: TagUse[] }> {
  requireCoordinator(ctx);
  const search = query.search?.replace(/[\u0000-\u001F\u007F]/g, '').trim().slice(0, TAG_LABEL_MAX) || undefined;
  const [curated, free] = await Promise.all([
    selectTagsWithUse(ctx.db, { curated: true, search, limit: 1000 }),
    selectTagsWithUse(ctx.db, { curated: false, search, limit: FREE_TAGS_SHOWN }),
  ]);
  const use = (r: (typeof curated)[number]): TagUse => ({ ...toTagRef(r), uses: Number(r.uses) });
  return { curated: curated.map(use), free: free.map(use) };
}

/** Tag ids are 32-bit: larger numbers name no tag (and must not reach SQL). */
const isTagId = (id: number) => Number.isInteger(id) && id >= 1 && id <= 2_147_483_647;

function label(v: Validator, field: string, value: unknown, required: boolean): string {
  if (typeof value === 'string' && controlCharacters.test(value)) {
    v.add(field, translator(messages, v.locale)('input.control'));
    return '';
  }
  return cleanTagLabel(v.text(field, value, { max: TAG_LABEL_MAX, required }));
}

/** Adds a curated term; a free tag of the same spelling becomes curated instead. */
export async function addVocabularyTerm(ctx: Context, input: { label?: unknown; labelEn?: unknown }): Promise<{ status: 'created' | 'promoted'; tag: TagRef }> {
  requireCoordinator(ctx);
  const v = new Validator(ctx.locale);
  const text = label(v, 'label', input.label, true);
  const english = label(v, 'labelEn', input.labelEn, false) || null;
  v.check();
  const normalized = normalizeTagLabel(text);
  return inTransaction(ctx, async (tx) => {
    const existing = await selectTagByNormalized(tx.db, normalized);
    if (existing?.curated) throw new ValidationError({ label: translator(messages, ctx.locale)('vocabulary.exists') });
    if (existing) {
      await updateTag(tx.db, existing.id, { curated: true, label_en: english ?? existing.label_en });
      if (english) await touchActorsWithTag(tx.db, existing.id);
      return { status: 'promoted' as const, tag: toTagRef((await selectTag(tx.db, existing.id))!) };
    }
    const id = await insertTag(tx.db, { label: text, label_en: english, normalized, curated: true });
    if (id === undefined) throw new ValidationError({ label: translator(messages, ctx.locale)('vocabulary.exists') });
    return { status: 'created' as const, tag: toTagRef((await selectTag(tx.db, id))!) };
  });
}

/**
 * Renames a tag (German and/or English label) or moves it into or out of the curated vocabulary.
 * A new spelling that another tag has already is refused: merge the two instead.
 */
export async function updateVocabularyTerm(ctx: Context, id: number, input: { label?: unknown; labelEn?: unknown; curated?: unknown }): Promise<TagRef> {
  requireCoordinator(ctx);
  const v = new Validator(ctx.locale);
  const text = input.label === undefined ? undefined : label(v, 'label', input.label, true);
  const english = input.labelEn === undefined ? undefined : label(v, 'labelEn', input.labelEn, false) || null;
  const curated = input.curated === undefined ? undefined : readFlag(v, input.curated);
  v.check();
  if (!isTagId(id)) throw notFound();
  return inTransaction(ctx, async (tx) => {
    const tag = await selectTag(tx.db, id, { lock: true });
    if (!tag) throw notFound();
    const normalized = text === undefined ? tag.normalized : normalizeTagLabel(text);
    if (normalized !== tag.normalized && (await selectTagByNormalized(tx.db, normalized))) {
      throw new ValidationError({ label: translator(messages, ctx.locale)('vocabulary.spellingTaken') });
    }
    await updateTag(tx.db, id, { label: text ?? tag.label, normalized, label_en: english === undefined ? tag.label_en : english, curated: curated ?? tag.curated });
    if (text !== undefined || english !== undefined) await touchActorsWithTag(tx.db, id);
    return toTagRef((await selectTag(tx.db, id))!);
  });
}

function readFlag(v: Validator, value: unknown): boolean | undefined {
  if (value === true || value === 'true' || value === '1') return true;
  if (value === false || value === 'false' || value === '0') return false;
  v.add('curated', translator(messages, v.locale)('input.choice'));
  return undefined;
}

/**
 * Merges one tag into another in one transaction: every profile's offers and needs are rewritten
 * without duplicates, the search text follows (trigger), the first tag is gone. A curated term
 * passes its status and English label on.
 */
export async function mergeTags(ctx: Context, id: number, input: { into?: unknown }): Promise<TagRef> {
  requireCoordinator(ctx);
  const t = translator(messages, ctx.locale);
  if (!isTagId(id)) throw notFound();
  const into = typeof input.into === 'number' ? input.into : typeof input.into === 'string' && /^[1-9]\d{0,9}$/.test(input.into) ? Number(input.into) : null;
  if (into === null || !isTagId(into)) throw new ValidationError({ into: t('vocabulary.mergeTarget') });
  if (into === id) throw new ValidationError({ into: t('vocabulary.mergeSame') });
  return inTransaction(ctx, async (tx) => {
    const [first, second] = [Math.min(id, into), Math.max(id, into)];
    const locked = [await selectTag(tx.db, first, { lock: true }), await selectTag(tx.db, second, { lock: true })];
    const from = locked.find((tag) => tag?.id === id);
    const target = locked.find((tag) => tag?.id === into);
    if (!from) throw notFound();
    if (!target) throw new ValidationError({ into: t('vocabulary.mergeTarget') });
    await replaceTagInActors(tx.db, from.id, target.id);
    await deleteTag(tx.db, from.id);
    if (from.curated && (!target.curated || !target.label_en)) {
      await updateTag(tx.db, target.id, { curated: true, label_en: target.label_en ?? from.label_en });
      await touchActorsWithTag(tx.db, target.id);
    }
    await recordAudit(tx, { action: 'tag.merged', subjectUserId: null, subjectLabel: target.label, details: { from: from.label, fromId: from.id, into: target.label, intoId: target.id } });
    return toTagRef((await selectTag(tx.db, target.id))!);
  });
}
