import type { DbOrTx } from '../../platform/db/index.js';

/** Offers and needs: curated vocabulary and free tags share one table, one row per spelling. */

export const TAG_LABEL_MAX = 60;
/** Per list (offers, needs), curated and free together. */
export const TAGS_PER_LIST_MAX = 20;

/** The label as stored: Unicode-composed, trimmed, inner whitespace collapsed. */
export function cleanTagLabel(label: string): string {
  return label.normalize('NFC').trim().replace(/\s+/g, ' ');
}

/**
 * One tag per spelling: „Leerstand“, „ leerstand “ and „LEERSTAND“ are the same tag. (Lower case
 * without a locale is the same for German and much faster: an import normalises every cell's tags.)
 */
export function normalizeTagLabel(label: string): string {
  return cleanTagLabel(label).toLowerCase();
}

/** Free tags as typed in a form: comma- or semicolon-separated, empty parts dropped. */
export function splitTagInput(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map(cleanTagLabel)
    .filter((label) => label !== '');
}

/**
 * Ids of the tags with these labels, creating the missing ones (not curated), in the order given
 * and without duplicates. Concurrent writers meet on the unique `normalized` column.
 */
export async function findOrCreateTagIds(db: DbOrTx, labels: string[]): Promise<number[]> {
  const wanted = new Map<string, string>();
  for (const label of labels.map(cleanTagLabel)) if (label && !wanted.has(normalizeTagLabel(label))) wanted.set(normalizeTagLabel(label), label);
  if (wanted.size === 0) return [];
  await db
    .insertInto('tags')
    .values([...wanted].map(([normalized, label]) => ({ label, normalized })))
    .onConflict((oc) => oc.column('normalized').doNothing())
    .execute();
  const rows = await db.selectFrom('tags').select(['id', 'normalized']).where('normalized', 'in', [...wanted.keys()]).execute();
  const ids = new Map(rows.map((r) => [r.normalized, r.id]));
  return [...wanted.keys()].map((n) => ids.get(n)).filter((id): id is number => id !== undefined);
}

/** Which of these ids exist (guards ids from forms and the API). */
export async function existingTagIds(db: DbOrTx, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('tags').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}
