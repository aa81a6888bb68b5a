import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { DbOrTx } from '../../platform/db/index.js';
import type { Sector } from '../actors/service.js';
import type { RegistrationStatus } from './model.js';
import type { RegistrationsTable } from './queries-tables.js';
import './queries-tables.js';

/** SQL of registrations: seats, waitlist order, a person's registrations; no business rules here. */

export type RegistrationRow = Selectable<RegistrationsTable>;

export async function insertRegistration(db: DbOrTx, row: Insertable<RegistrationsTable>): Promise<RegistrationRow> {
  return db.insertInto('registrations').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateRegistration(db: DbOrTx, id: number, changes: Updateable<RegistrationsTable>): Promise<RegistrationRow> {
  return db.updateTable('registrations').set({ ...changes, updated_at: sql`now()` }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function selectRegistration(db: DbOrTx, id: number, options: { lock?: boolean } = {}): Promise<RegistrationRow | undefined> {
  const query = db.selectFrom('registrations').selectAll().where('id', '=', id);
  return (options.lock ? query.forUpdate() : query).executeTakeFirst();
}

/** The standing (not cancelled) registration of a person or address for a format. */
export async function selectStandingRegistration(db: DbOrTx, formatId: number, who: { userId: number | null; email: string }): Promise<RegistrationRow | undefined> {
  return db
    .selectFrom('registrations')
    .selectAll()
    .where('format_id', '=', formatId)
    .where('status', '<>', 'cancelled')
    .where((eb) => eb.or([eb(sql`lower(email)`, '=', who.email.toLowerCase()), ...(who.userId === null ? [] : [eb('user_id', '=', who.userId)])]))
    .executeTakeFirst();
}

/** Seats taken per sector (registered only): the sector mix. */
export async function selectSectorCounts(db: DbOrTx, formatId: number): Promise<Map<Sector, number>> {
  const rows = await db
    .selectFrom('registrations')
    .select(['sector', (eb) => eb.fn.countAll<string>().as('n')])
    .where('format_id', '=', formatId)
    .where('status', '=', 'registered')
    .groupBy('sector')
    .execute();
  return new Map(rows.map((r) => [r.sector, Number(r.n)]));
}

/** The waitlist in order: who came first waits first. */
export async function selectWaitlist(db: DbOrTx, formatId: number): Promise<RegistrationRow[]> {
  return db.selectFrom('registrations').selectAll().where('format_id', '=', formatId).where('status', '=', 'waitlisted').orderBy('waitlisted_at').orderBy('id').execute();
}

/** Place on the waitlist (1 = next) of a waitlisted registration. */
export async function selectWaitlistPosition(db: DbOrTx, row: RegistrationRow): Promise<number> {
  const result = await db
    .selectFrom('registrations')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('format_id', '=', row.format_id)
    .where('status', '=', 'waitlisted')
    .where((eb) => eb.or([eb('waitlisted_at', '<', row.waitlisted_at!), eb.and([eb('waitlisted_at', '=', row.waitlisted_at!), eb('id', '<=', row.id)])]))
    .executeTakeFirstOrThrow();
  return Number(result.n);
}

export async function selectRegistrationsOfFormat(db: DbOrTx, formatId: number, statuses: RegistrationStatus[]): Promise<RegistrationRow[]> {
  return db
    .selectFrom('registrations')
    .selectAll()
    .where('format_id', '=', formatId)
    .where('status', 'in', statuses)
    .orderBy(sql`lower(name)`)
    .orderBy('id')
    .execute();
}

export async function selectRegistrationsOfUser(db: DbOrTx, userId: number): Promise<RegistrationRow[]> {
  return db.selectFrom('registrations').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').limit(500).execute();
}

export async function markReminded(db: DbOrTx, ids: number[], now: Date) {
  if (ids.length === 0) return;
  await db.updateTable('registrations').set({ reminded_at: now }).where('id', 'in', ids).execute();
}

/** A format moved: everyone is reminded again before the new start. */
export async function resetReminders(db: DbOrTx, formatId: number) {
  await db.updateTable('registrations').set({ reminded_at: null }).where('format_id', '=', formatId).where('reminded_at', 'is not', null).execute();
}

/** Waitlist places (1 = next) of these registrations, those not waiting left out: one query for a whole list. */
export async function selectWaitlistPositions(db: DbOrTx, ids: number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const { rows } = await sql<{ id: number; position: string }>`
    select id, position from (
      select id, row_number() over (partition by format_id order by waitlisted_at, id) as position
      from registrations
      where status = 'waitlisted' and format_id in (select format_id from registrations where id = any(${ids}))
    ) ranked where id = any(${ids})`.execute(db);
  return new Map(rows.map((r) => [Number(r.id), Number(r.position)]));
}
