import { randomBytes } from 'node:crypto';
import type { CurrentUser, Role } from '../../src/platform/context.js';
import { hashPassword } from '../../src/platform/auth/passwords.js';
import { createSession } from '../../src/platform/auth/sessions.js';
import type { Locale } from '../../src/platform/i18n/index.js';
import type { TestApp } from './test-app.js';

export interface TestUser {
  id: number;
  email: string;
  name: string;
  password: string;
  role: Role;
  /** Session token for the cookie (null when not verified). */
  session: string | null;
  current: CurrentUser;
}

const defaultPassword = 'Stadtlabor-Bernburg-2023!';
let hashed: Promise<string> | null = null;

/** A user row (verified by default) with a live session, for tests of any domain. */
export async function createUser(
  t: TestApp,
  options: { role?: Role; email?: string; name?: string; password?: string; verified?: boolean; locale?: Locale } = {},
): Promise<TestUser> {
  const role = options.role ?? 'member';
  const email = options.email ?? `${role}-${randomBytes(4).toString('hex')}@example.org`;
  const name = options.name ?? `Test ${role}`;
  const password = options.password ?? defaultPassword;
  const passwordHash = options.password ? await hashPassword(password) : await (hashed ??= hashPassword(defaultPassword));
  const verified = options.verified ?? true;
  const row = await t.db
    .insertInto('users')
    .values({ email, name, password_hash: passwordHash, role, locale: options.locale ?? 'de', email_verified_at: verified ? new Date() : null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const session = verified ? (await createSession(t.db, row.id, 'test', new Date())).token : null;
  return { id: row.id, email, name, password, role, session, current: { id: row.id, email, name, role, locale: options.locale ?? 'de', sessionId: null } };
}
