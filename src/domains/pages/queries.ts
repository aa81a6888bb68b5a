import type { Generated } from 'kysely';
import type { DbOrTx } from '../../platform/db/index.js';

export interface AccessibilityFeedbackTable {
  id: Generated<number>;
  name: string | null;
  email: string | null;
  page_url: string | null;
  message: string;
  locale: string;
  created_at: Generated<Date>;
}

declare module '../../platform/db/types.js' {
  interface Database {
    accessibility_feedback: AccessibilityFeedbackTable;
  }
}

export interface FeedbackRow {
  id: number;
  name: string | null;
  email: string | null;
  page_url: string | null;
  message: string;
  locale: string;
  created_at: Date;
}

export async function insertFeedback(db: DbOrTx, row: { name: string | null; email: string | null; page_url: string | null; message: string; locale: string; created_at: Date }) {
  return db.insertInto('accessibility_feedback').values(row).returning(['id', 'created_at']).executeTakeFirstOrThrow();
}

export async function selectFeedback(db: DbOrTx, options: { limit: number; offset: number }): Promise<{ total: number; rows: FeedbackRow[] }> {
  const [count, rows] = await Promise.all([
    countFeedback(db),
    db.selectFrom('accessibility_feedback').selectAll().orderBy('id', 'desc').limit(options.limit).offset(options.offset).execute(),
  ]);
  return { total: count, rows };
}

export async function countFeedback(db: DbOrTx): Promise<number> {
  const row = await db.selectFrom('accessibility_feedback').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
