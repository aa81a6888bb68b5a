import type { Role } from '../../platform/context.js';
import type { DbOrTx } from '../../platform/db/index.js';
import '../../platform/auth/users-table.js';

export interface UserRow {
  id: number;
  name: string;
  email: string;
  role: Role;
  locale: 'de' | 'en';
  email_verified_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

const userColumns = ['id', 'name', 'email', 'role', 'locale', 'email_verified_at', 'created_at', 'updated_at'] as const;

/** LIKE pattern for a plain-text search term (%, _ and \ are taken literally). */
function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function selectUsers(db: DbOrTx, filter: { search?: string; role?: Role; limit: number; offset: number }): Promise<{ total: number; rows: UserRow[] }> {
  let query = db.selectFrom('users');
  if (filter.search) {
    const pattern = containsPattern(filter.search);
    query = query.where((eb) => eb.or([eb('name', 'ilike', pattern), eb('email', 'ilike', pattern)]));
  }
  if (filter.role) query = query.where('role', '=', filter.role);
  const [count, rows] = await Promise.all([
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    query.select(userColumns).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit).offset(filter.offset).execute(),
  ]);
  return { total: Number(count.n), rows };
}

export async function selectUser(db: DbOrTx, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('users').select(userColumns).where('id', '=', id).executeTakeFirst();
}

export async function countUsersByRole(db: DbOrTx): Promise<Record<Role, number>> {
  const rows = await db.selectFrom('users').select(['role', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('role').execute();
  const counts: Record<Role, number> = { member: 0, coordinator: 0, admin: 0 };
  for (const row of rows) counts[row.role] = Number(row.n);
  return counts;
}

/**
 * Ids of the admins who can log in, locked until the transaction ends: two admins demoting
 * each other at the same moment cannot both succeed.
 */
export async function lockVerifiedAdminIds(db: DbOrTx): Promise<number[]> {
  const rows = await db.selectFrom('users').select('id').where('role', '=', 'admin').where('email_verified_at', 'is not', null).orderBy('id').forUpdate().execute();
  return rows.map((r) => r.id);
}

export async function updateUserRole(db: DbOrTx, id: number, role: Role, now: Date) {
  await db.updateTable('users').set({ role, updated_at: now }).where('id', '=', id).execute();
}

/** Sessions, one-time tokens and access tokens go with the row (on delete cascade). */
export async function deleteUserRow(db: DbOrTx, id: number) {
  await db.deleteFrom('users').where('id', '=', id).execute();
}
