import slugify from '@sindresorhus/slugify';
import type { DbOrTx } from '../../platform/db/index.js';
import { RESERVED_SLUGS } from './model.js';

const SLUG_MAX = 80;

/**
 * The readable part of a profile address: German transliteration (ä → ae, ß → ss, & → und),
 * lower case, at most 80 characters cut at a hyphen. Never only digits (those are ids in the API).
 */
export function slugBase(name: string): string {
  let slug = slugify(name, { locale: 'de', customReplacements: [['&', ' und ']] });
  if (slug.length > SLUG_MAX) slug = slug.slice(0, SLUG_MAX).replace(/-[^-]*$/, '') || slug.slice(0, SLUG_MAX);
  if (slug === '') return 'akteur';
  return /^\d+$/.test(slug) ? `akteur-${slug}` : slug;
}

/** The base, or base-2, base-3 …: the first one neither reserved nor taken (taken is checked in one query). */
export async function freeSlug(db: DbOrTx, name: string): Promise<string> {
  const base = slugBase(name);
  const rows = await db
    .selectFrom('actors')
    .select('slug')
    .where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base.replace(/[\\%_]/g, '\\$&')}-%`)]))
    .execute();
  const taken = new Set(rows.map((r) => r.slug));
  if (!RESERVED_SLUGS.has(base) && !taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** How a path or API parameter names an actor: a plain number is an id, anything else a slug. */
export function actorRef(ref: string | number): { id: number } | { slug: string } {
  if (typeof ref === 'number') return { id: ref };
  return /^[1-9]\d{0,14}$/.test(ref) ? { id: Number(ref) } : { slug: ref };
}
