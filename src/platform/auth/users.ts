import type { DbOrTx } from '../db/index.js';
import type { Locale } from '../i18n/index.js';
import './users-table.js';

/** Verified admins, e.g. to notify them of accessibility feedback. */
export async function findAdmins(db: DbOrTx): Promise<{ id: number; email: string; name: string; locale: Locale }[]> {
  return db.selectFrom('users').select(['id', 'email', 'name', 'locale']).where('role', '=', 'admin').where('email_verified_at', 'is not', null).orderBy('id').execute();
}
