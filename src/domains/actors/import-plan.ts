import type { Context } from '../../platform/context.js';
import { translator } from '../../platform/i18n/index.js';
import { headerOf, type CsvColumn } from './csv-columns.js';
import { importMessages } from './import-messages.js';
import type { CheckedRow, FileLayout, Problems } from './import-rows.js';
import { selectMatchCandidates, selectTagsByNormalized, selectTakenSlugs, type MatchCandidate, type WritableColumn } from './import-queries.js';
import { RESERVED_SLUGS } from './model.js';
import { slugBase } from './slugs.js';
import { cleanTagLabel, normalizeTagLabel } from './tags.js';

/**
 * What an import will do, decided before its transaction: which rows are new and which update
 * which profile (matched by external id, else by name and place), which rows repeat another,
 * which keywords exist, and the new profiles' addresses. The transaction only writes.
 */

export interface PlannedRow {
  row: CheckedRow;
  /** The profile the row updates; absent for a new one. */
  existing?: MatchCandidate;
  slug?: string;
}

export interface ImportPlan {
  creates: PlannedRow[];
  updates: PlannedRow[];
  unchanged: number;
  /** The columns an update writes: those the file has (a missing column keeps what a profile holds). */
  columns: WritableColumn[];
  /** Keyword ids by normalized spelling; `newTags` are created by the write. */
  tagIds: Map<string, number>;
  newTags: { normalized: string; label: string }[];
}

const columnsOf: Record<Exclude<CsvColumn, 'kind' | 'municipalityKey'>, WritableColumn[]> = {
  name: ['name'],
  sector: ['sector'],
  actionFields: ['action_fields'],
  place: ['place_id', 'state_code', 'latitude', 'longitude'],
  summary: ['summary'],
  description: ['description'],
  expertise: ['expertise'],
  website: ['website'],
  links: ['links'],
  contactName: ['contact_name'],
  contactEmail: ['contact_email'],
  contactPhone: ['contact_phone'],
  visibility: ['visibility'],
  offers: ['offer_ids'],
  needs: ['need_ids'],
  externalId: ['external_id'],
};

/** The columns an update writes: the kind of a profile stays (as when its people edit it). */
export function updateColumns(layout: FileLayout): WritableColumn[] {
  const present = [...layout.present].filter((c): c is keyof typeof columnsOf => c in columnsOf);
  if (layout.present.has('municipalityKey') && !layout.present.has('place')) present.push('place');
  return [...new Set(present.flatMap((c) => columnsOf[c]))];
}

const nameKey = (name: string) => name.toLowerCase();
const rowKey = (row: CheckedRow, byPlace: boolean) => `${nameKey(row.name)}|${byPlace ? (row.place?.id ?? '') : ''}`;

export async function planImport(ctx: Context, layout: FileLayout, rows: CheckedRow[], problems: Problems): Promise<ImportPlan> {
  const t = translator(importMessages, ctx.locale);
  const header = (column: CsvColumn) => layout.headers.get(column) ?? headerOf(column, ctx.locale);
  const byPlace = layout.present.has('place') || layout.present.has('municipalityKey');

  // Rows that repeat an earlier one: the same external id, or without one, the same name and place.
  const seen = new Map<string, number>();
  const distinct = rows.filter((row) => {
    const key = row.externalId ? `id:${row.externalId}` : `name:${rowKey(row, byPlace)}`;
    const first = seen.get(key);
    if (first !== undefined) problems.add(row.line, row.externalId ? header('externalId') : null, t('row.duplicate', { line: first }));
    else seen.set(key, row.line);
    return first === undefined;
  });

  const candidates = await selectMatchCandidates(ctx.db, [...new Set(distinct.flatMap((r) => (r.externalId ? [r.externalId] : [])))], [...new Set(distinct.map((r) => nameKey(r.name)))]);
  const byExternalId = new Map(candidates.flatMap((c) => (c.external_id ? [[c.external_id, c] as const] : [])));
  const byName = new Map<string, MatchCandidate[]>();
  for (const candidate of candidates) {
    if (candidate.merged_into !== null) continue;
    const key = `${nameKey(candidate.name)}|${byPlace ? (candidate.place_id ?? '') : ''}`;
    const list = byName.get(key);
    if (list) list.push(candidate);
    else byName.set(key, [candidate]);
  }

  const claimed = new Map<number, number>();
  const matched: PlannedRow[] = [];
  for (const row of distinct) {
    let existing = row.externalId ? byExternalId.get(row.externalId) : undefined;
    if (existing?.merged_into != null) {
      const survivor = candidates.find((c) => c.id === existing!.merged_into);
      problems.add(row.line, header('externalId'), t('row.merged', { slug: survivor?.slug ?? String(existing.merged_into) }));
      continue;
    }
    if (!existing) {
      // A row with an external id of its own matches by name and place only a profile without one.
      const named = (byName.get(rowKey(row, byPlace)) ?? []).filter((c) => row.externalId === null || c.external_id === null || c.external_id === row.externalId);
      if (named.length > 1) {
        problems.add(row.line, header('name'), t('row.matchAmbiguous', { slugs: named.slice(0, 5).map((c) => `/akteure/${c.slug}`).join(', ') }));
        continue;
      }
      existing = named[0];
    }
    if (existing) {
      const first = claimed.get(existing.id);
      if (first !== undefined) {
        problems.add(row.line, null, t('row.sameProfile', { line: first }));
        continue;
      }
      claimed.set(existing.id, row.line);
    }
    matched.push({ row, existing });
  }

  const { tagIds, newTags } = await resolveTags(ctx, matched);
  const columns = updateColumns(layout);
  const creates = matched.filter((p) => !p.existing);
  const changed = matched.filter((p) => p.existing && differs(p.existing, p.row, columns, tagIds));
  await assignSlugs(ctx, creates);
  return { creates, updates: changed, unchanged: matched.length - creates.length - changed.length, columns, tagIds, newTags };
}

/** The existing keywords of every label in the file; the others are new (created by the write). */
async function resolveTags(ctx: Context, rows: PlannedRow[]) {
  const labels = new Map<string, string>();
  for (const { row } of rows) for (const label of [...row.offers, ...row.needs]) if (!labels.has(normalizeTagLabel(label))) labels.set(normalizeTagLabel(label), cleanTagLabel(label));
  const tagIds = new Map<string, number>();
  for (const tag of await selectTagsByNormalized(ctx.db, [...labels.keys()])) {
    tagIds.set(tag.normalized, tag.id);
    // A curated term written with its English label is that term (unless a tag has that spelling).
    if (tag.label_en && !tagIds.has(normalizeTagLabel(tag.label_en))) tagIds.set(normalizeTagLabel(tag.label_en), tag.id);
  }
  const newTags = [...labels].filter(([normalized]) => !tagIds.has(normalized)).map(([normalized, label]) => ({ normalized, label }));
  return { tagIds, newTags };
}

/** Keyword ids of labels, in their order and each once; undefined when one is new (so: changed). */
function idsOf(labels: string[], tagIds: Map<string, number>): number[] | undefined {
  const ids = labels.map((label) => tagIds.get(normalizeTagLabel(label)));
  return ids.includes(undefined) ? undefined : [...new Set(ids as number[])];
}

const sameList = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((v, i) => v === b[i]);
const sameSet = (a: readonly number[], b: readonly number[]) => sameList([...a].sort((x, y) => x - y), [...new Set(b)].sort((x, y) => x - y));

/** Whether an update would change any of the columns the file has. */
function differs(existing: MatchCandidate, row: CheckedRow, columns: WritableColumn[], tagIds: Map<string, number>): boolean {
  const value: Partial<Record<WritableColumn, () => boolean>> = {
    name: () => existing.name === row.name,
    sector: () => existing.sector === row.sector,
    action_fields: () => sameList(existing.action_fields, row.actionFields),
    place_id: () => existing.place_id === (row.place?.id ?? null),
    summary: () => existing.summary === row.summary,
    description: () => existing.description === row.description,
    expertise: () => existing.expertise === row.expertise,
    website: () => existing.website === row.website,
    links: () => sameList(existing.links, row.links),
    contact_name: () => existing.contact_name === row.contactName,
    contact_email: () => existing.contact_email === row.contactEmail,
    contact_phone: () => existing.contact_phone === row.contactPhone,
    visibility: () => row.visibility === null || existing.visibility === row.visibility,
    external_id: () => row.externalId === null || existing.external_id === row.externalId,
    offer_ids: () => sameSet(existing.offer_ids, idsOf(row.offers, tagIds) ?? [-1]),
    need_ids: () => sameSet(existing.need_ids, idsOf(row.needs, tagIds) ?? [-1]),
  };
  return columns.some((column) => value[column] && !value[column]!());
}

/** Addresses for new profiles: the name's slug, or the next free base-N (taken ones read in one query). */
async function assignSlugs(ctx: Context, creates: PlannedRow[]) {
  const bases = creates.map((p) => slugBase(p.row.name));
  const taken = new Set(await selectTakenSlugs(ctx.db, [...new Set(bases)]));
  // Where to go on counting per base: a file may hold hundreds of „Bürgerverein“.
  const next = new Map<string, number>();
  creates.forEach((planned, i) => {
    const base = bases[i]!;
    let n = next.get(base) ?? 1;
    let slug = n === 1 ? base : `${base}-${n}`;
    while (RESERVED_SLUGS.has(slug) || taken.has(slug)) slug = `${base}-${++n}`;
    next.set(base, n + 1);
    taken.add(slug);
    planned.slug = slug;
  });
}
