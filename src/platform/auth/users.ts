import { sql } from 'kysely';
import type { DbOrTx } from '../db/index.js';
import type { Locale } from '../i18n/index.js';
import './users-table.js';

/** Verified admins, e.g. to notify them of accessibility feedback. */
export async function findAdmins(db: DbOrTx): Promise<{ id: number; email: string; name: string; locale: Locale }[]> {
  return db.selectFrom('users').select(['id', 'email', 'name', 'locale']).where('role', '=', 'admin').where('email_verified_at', 'is not', null).orderBy('id').execute();
}

/** People by id, as mail recipients and for naming who asked or answered (missing ids left out). */
export async function findUsersByIds(db: DbOrTx, ids: (number | null | undefined)[]): Promise<{ id: number; email: string; name: string; locale: Locale }[]> {
  const wanted = [...new Set(ids.filter((id): id is number => typeof id === 'number'))];
  if (wanted.length === 0) return [];
  return db.selectFrom('users').select(['id', 'email', 'name', 'locale']).where('id', 'in', wanted).execute();
}

/** Verified people by email address (case-insensitive; unknown ones left out): naming a format's editors. */
export async function findUsersByEmails(db: DbOrTx, emails: string[]): Promise<{ id: number; email: string; name: string; locale: Locale }[]> {
  const wanted = [...new Set(emails.map((email) => email.toLowerCase()))];
  if (wanted.length === 0) return [];
  return db.selectFrom('users').select(['id', 'email', 'name', 'locale']).where(sql`lower(email)`, 'in', wanted).where('email_verified_at', 'is not', null).execute();
}
