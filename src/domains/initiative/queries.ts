import type { Generated } from 'kysely';
import type { DbOrTx } from '../../platform/db/index.js';

export interface InitiativeTable {
  id: Generated<number>;
  name: string;
  claim_de: string;
  claim_en: string;
  idea_de: string;
  idea_en: string;
  goals_de: string;
  goals_en: string;
  carrier: string;
  carrier_short: string;
  initiator: string;
  programme: string;
  website: string;
  start_year: number;
  end_year: number | null;
  status: 'planned' | 'running' | 'completed';
  image_alt_de: string | null;
  image_alt_en: string | null;
  image_credit: string | null;
  updated_at: Generated<Date>;
}

export interface InitiativeMilestonesTable {
  id: Generated<number>;
  slug: string;
  year: number;
  sort: number;
  format_kind: string | null;
  place: string | null;
  title_de: string;
  title_en: string;
  text_de: string;
  text_en: string;
  credit: string | null;
}

declare module '../../platform/db/types.js' {
  interface Database {
    initiative: InitiativeTable;
    initiative_milestones: InitiativeMilestonesTable;
  }
}

export type InitiativeRow = Omit<InitiativeTable, 'id' | 'updated_at'> & { updated_at: Date };
export type MilestoneRow = Omit<InitiativeMilestonesTable, 'id'>;

export async function selectInitiative(db: DbOrTx) {
  return db.selectFrom('initiative').selectAll().where('id', '=', 1).executeTakeFirst();
}

export async function selectMilestones(db: DbOrTx) {
  return db.selectFrom('initiative_milestones').selectAll().orderBy('year').orderBy('sort').execute();
}

export async function upsertInitiative(db: DbOrTx, row: Omit<InitiativeRow, 'updated_at'>) {
  await db
    .insertInto('initiative')
    .values({ id: 1, ...row })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

export async function upsertMilestones(db: DbOrTx, rows: MilestoneRow[]) {
  if (rows.length === 0) return;
  await db
    .insertInto('initiative_milestones')
    .values(rows)
    .onConflict((oc) => oc.column('slug').doNothing())
    .execute();
}
