import { sql, type Selectable } from 'kysely';
import type { DbOrTx } from '../../platform/db/index.js';
import type { TablePin, TablePlansTable } from './queries-tables.js';
import './queries-tables.js';

/** SQL of table plans; no business rules here. */

export type TablePlanRow = Selectable<TablePlansTable>;

export async function selectTablePlan(db: DbOrTx, formatId: number): Promise<TablePlanRow | undefined> {
  return db.selectFrom('table_plans').selectAll().where('format_id', '=', formatId).executeTakeFirst();
}

export interface GeneratedPlan {
  rounds: number;
  tables: number;
  seats: number[][][];
  pins: TablePin[];
  score: unknown;
  baseline: unknown;
  bound: unknown;
  updatedBy: number;
}

/** Stores a generated plan, replacing the format's earlier one. */
export async function upsertTablePlan(db: DbOrTx, formatId: number, plan: GeneratedPlan) {
  const values = {
    rounds: plan.rounds,
    tables: plan.tables,
    seats: JSON.stringify(plan.seats),
    pins: JSON.stringify(plan.pins),
    score: JSON.stringify(plan.score),
    baseline: JSON.stringify(plan.baseline),
    bound: JSON.stringify(plan.bound),
    updated_by: plan.updatedBy,
  };
  await db
    .insertInto('table_plans')
    .values({ format_id: formatId, ...values })
    .onConflict((oc) => oc.column('format_id').doUpdateSet({ ...values, generated_at: sql`now()`, updated_at: sql`now()` }))
    .execute();
}

/** A hand edit: the seats, pins and score after it. */
export async function updateSeats(db: DbOrTx, formatId: number, edit: { seats: number[][][]; pins: TablePin[]; score: unknown; updatedBy: number }) {
  await db
    .updateTable('table_plans')
    .set({ seats: JSON.stringify(edit.seats), pins: JSON.stringify(edit.pins), score: JSON.stringify(edit.score), updated_by: edit.updatedBy, updated_at: sql`now()` })
    .where('format_id', '=', formatId)
    .execute();
}
