import { randomBytes } from 'node:crypto';
import type { DbOrTx } from './db/index.js';

interface AppSettingsTable {
  key: string;
  value: string;
  updated_at: Date;
}

declare module './db/types.js' {
  interface Database {
    app_settings: AppSettingsTable;
  }
}

/** A secret generated once and kept in the database, so every app instance shares it. */
export async function ensureSecret(db: DbOrTx, key: string): Promise<string> {
  await db
    .insertInto('app_settings')
    .values({ key, value: randomBytes(32).toString('base64url'), updated_at: new Date() })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db.selectFrom('app_settings').select('value').where('key', '=', key).executeTakeFirstOrThrow();
  return row.value;
}

export async function getSetting(db: DbOrTx, key: string): Promise<string | null> {
  const row = await db.selectFrom('app_settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}

export async function setSetting(db: DbOrTx, key: string, value: string) {
  await db
    .insertInto('app_settings')
    .values({ key, value, updated_at: new Date() })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: new Date() }))
    .execute();
}
