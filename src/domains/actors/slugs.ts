import type { DbOrTx } from '../../platform/db/index.js';
import { freeSlug as freePlatformSlug, slugBase as platformSlugBase } from '../../platform/slugs.js';
import { RESERVED_SLUGS } from './model.js';

/** The readable part of a profile address (see platform/slugs.ts); "akteur" when nothing readable is left. */
export const slugBase = (name: string): string => platformSlugBase(name, 'akteur');

/** The base, or base-2, base-3 …: the first one neither reserved nor taken. */
export const freeSlug = (db: DbOrTx, name: string): Promise<string> => freePlatformSlug(db, 'actors', name, { fallback: 'akteur', reserved: RESERVED_SLUGS });

/** How a path or API parameter names an actor: a plain number is an id, anything else a slug. */
export function actorRef(ref: string | number): { id: number } | { slug: string } {
  if (typeof ref === 'number') return { id: ref };
  return /^[1-9]\d{0,14}$/.test(ref) ? { id: Number(ref) } : { slug: ref };
}
