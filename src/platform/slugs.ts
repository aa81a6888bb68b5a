import slugify from '@sindresorhus/slugify';
import { sql } from 'kysely';
import type { DbOrTx } from './db/index.js';

const SLUG_MAX = 80;

/**
 * The readable part of an address: German transliteration (ä → ae, ß → ss, & → und), lower case,
 * at most 80 characters cut at a hyphen. Never only digits (those are ids in the API).
 */
export function slugBase(name: string, fallback: string): string {
  let slug = slugify(name, { locale: 'de', customReplacements: [['&', ' und ']] });
  if (slug.length > SLUG_MAX) slug = slug.slice(0, SLUG_MAX).replace(/-[^-]*$/, '') || slug.slice(0, SLUG_MAX);
  if (slug === '') return fallback;
  return /^\d+$/.test(slug) ? `${fallback}-${slug}` : slug;
}

/** The base, or base-2, base-3 …: the first one neither reserved nor taken in `table` (checked in one query). */
export async function freeSlug(db: DbOrTx, table: 'actors' | 'formats', name: string, options: { fallback: string; reserved: ReadonlySet<string> }): Promise<string> {
  const base = slugBase(name, options.fallback);
  const { rows } = await sql<{ slug: string }>`select slug from ${sql.table(table)} where slug = ${base} or slug like ${`${base.replace(/[\\%_]/g, '\\$&')}-%`}`.execute(db);
  const taken = new Set(rows.map((r) => r.slug));
  if (!options.reserved.has(base) && !taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
