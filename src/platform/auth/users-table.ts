import type { Generated } from 'kysely';
import type { Role } from '../context.js';
import type { Locale } from '../i18n/index.js';

// Users, sessions and access tokens are read on every authenticated request, so the platform
// owns their tables; the accounts domain owns the flows that change them.
export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  password_hash: string;
  role: Generated<Role>;
  locale: Generated<Locale>;
  email_verified_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface SessionsTable {
  id: Generated<number>;
  token_hash: Buffer;
  user_id: number;
  csrf_secret: string;
  user_agent: string | null;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Date;
}

export interface AccessTokensTable {
  id: Generated<number>;
  token_hash: Buffer;
  user_id: number;
  name: string;
  created_at: Generated<Date>;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

declare module '../db/types.js' {
  interface Database {
    users: UsersTable;
    sessions: SessionsTable;
    access_tokens: AccessTokensTable;
  }
}
