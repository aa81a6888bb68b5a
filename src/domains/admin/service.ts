import { countSessions } from '../../platform/auth/sessions.js';
import { listAudit, recordAudit, type AuditEntry } from '../../platform/audit.js';
import { hasRole, withDb, type Context, type Role } from '../../platform/context.js';
import { ValidationError, forbidden, notFound } from '../../platform/errors/index.js';
import { getOutboxEntry, listOutbox, type OutboxEntry } from '../../platform/mail/index.js';
import { Validator } from '../../platform/validation.js';
import { countAccessibilityFeedback, listAccessibilityFeedback, type FeedbackEntry } from '../pages/service.js';
import { countUsersByRole, deleteUserRow, lockVerifiedAdminIds, selectUser, selectUsers, updateUserRole, type UserRow } from './queries.js';

export const PAGE_SIZE = 50;
export const roles = ['member', 'coordinator', 'admin'] as const satisfies readonly Role[];

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  pages: number;
}

export interface AdminUser {
  id: number;
  name: string;
  email: string;
  role: Role;
  locale: 'de' | 'en';
  verified: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface AdminUserDetail extends AdminUser {
  verifiedAt: Date | null;
  activeSessions: number;
  history: AuditEntry[];
}

export type RoleChange = { status: 'changed' | 'unchanged' | 'last_admin'; user: AdminUserDetail };
export type UserDeletion = { status: 'deleted'; label: string; self: boolean } | { status: 'unconfirmed' | 'last_admin'; user: AdminUserDetail };

function assertAdmin(ctx: Context): asserts ctx is Context & { user: NonNullable<Context['user']> } {
  if (!hasRole(ctx.user, 'admin')) throw forbidden();
}

function paging(page = 1) {
  return { page, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
}

function toPage<T>(items: T[], total: number, page: number): Page<T> {
  return { items, total, page, pageSize: PAGE_SIZE, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

function toUser(row: UserRow): AdminUser {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    locale: row.locale,
    verified: row.email_verified_at !== null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const userLabel = (row: UserRow) => `${row.name} <${row.email}>`;

export async function getOverview(ctx: Context) {
  assertAdmin(ctx);
  const [byRole, outbox, audit, feedback] = await Promise.all([
    countUsersByRole(ctx.db),
    listOutbox(ctx.db, { limit: 0, offset: 0 }),
    listAudit(ctx.db, { limit: 0, offset: 0 }),
    countAccessibilityFeedback(ctx),
  ]);
  const users = byRole.member + byRole.coordinator + byRole.admin;
  return { users, byRole, outbox: outbox.total, audit: audit.total, feedback };
}

export async function listUsers(ctx: Context, query: { search?: string; role?: Role; page?: number }): Promise<Page<AdminUser>> {
  assertAdmin(ctx);
  const { page, limit, offset } = paging(query.page);
  const { total, rows } = await selectUsers(ctx.db, { search: query.search?.trim() || undefined, role: query.role, limit, offset });
  return toPage(rows.map(toUser), total, page);
}

export async function getUser(ctx: Context, id: number): Promise<AdminUserDetail> {
  assertAdmin(ctx);
  const row = await selectUser(ctx.db, id);
  if (!row) throw notFound();
  const [activeSessions, history] = await Promise.all([countSessions(ctx.db, id), listAudit(ctx.db, { subjectUserId: id, limit: 20, offset: 0 })]);
  return { ...toUser(row), verifiedAt: row.email_verified_at, activeSessions, history: history.items };
}

/** The last admin who can log in is never demoted; the new role applies on the next request. */
export async function changeUserRole(ctx: Context, id: number, input: { role: unknown }): Promise<RoleChange> {
  assertAdmin(ctx);
  const role = readRole(ctx, input.role);
  const status = await ctx.db.transaction().execute(async (trx) => {
    const admins = await lockVerifiedAdminIds(trx);
    const row = await selectUser(trx, id);
    if (!row) throw notFound();
    if (row.role === role) return 'unchanged' as const;
    if (isLastAdmin(admins, id)) return 'last_admin' as const;
    await updateUserRole(trx, id, role, ctx.clock.now());
    await recordAudit(withDb(ctx, trx), { action: 'user.role_changed', subjectUserId: id, subjectLabel: userLabel(row), details: { from: row.role, to: role } });
    return 'changed' as const;
  });
  return { status, user: await getUser(ctx, id) };
}

/** Deletes an account with its sessions and tokens; the audit log keeps who and whom as text. */
export async function deleteUser(ctx: Context, id: number, input: { confirmed: boolean }): Promise<UserDeletion> {
  assertAdmin(ctx);
  if (!input.confirmed) return { status: 'unconfirmed', user: await getUser(ctx, id) };
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    const admins = await lockVerifiedAdminIds(trx);
    const row = await selectUser(trx, id);
    if (!row) throw notFound();
    if (isLastAdmin(admins, id)) return null;
    await deleteUserRow(trx, id);
    await recordAudit(withDb(ctx, trx), { action: 'user.deleted', subjectUserId: id, subjectLabel: userLabel(row), details: { role: row.role } });
    return userLabel(row);
  });
  if (outcome === null) return { status: 'last_admin', user: await getUser(ctx, id) };
  return { status: 'deleted', label: outcome, self: ctx.user.id === id };
}

function readRole(ctx: Context, value: unknown): Role {
  const v = new Validator(ctx.locale);
  const role = v.choice('role', value, roles);
  if (!role) throw new ValidationError(v.errors);
  return role;
}

function isLastAdmin(verifiedAdminIds: number[], id: number): boolean {
  return verifiedAdminIds.length === 1 && verifiedAdminIds[0] === id;
}

export type OutboxSummary = Omit<OutboxEntry, 'textBody' | 'htmlBody'>;

export async function listOutboxMails(ctx: Context, query: { recipient?: string; page?: number }): Promise<Page<OutboxSummary>> {
  assertAdmin(ctx);
  const { page, limit, offset } = paging(query.page);
  const { total, items } = await listOutbox(ctx.db, { limit, offset, recipient: query.recipient?.trim() || undefined });
  return toPage(
    items.map(({ textBody: _text, htmlBody: _html, ...summary }) => summary),
    total,
    page,
  );
}

export async function getOutboxMail(ctx: Context, id: number): Promise<OutboxEntry> {
  assertAdmin(ctx);
  const mail = await getOutboxEntry(ctx.db, id);
  if (!mail) throw notFound();
  return mail;
}

export async function listAuditLog(ctx: Context, query: { page?: number }): Promise<Page<AuditEntry>> {
  assertAdmin(ctx);
  const { page, limit, offset } = paging(query.page);
  const { total, items } = await listAudit(ctx.db, { limit, offset });
  return toPage(items, total, page);
}

export async function listFeedback(ctx: Context, query: { page?: number }): Promise<Page<FeedbackEntry>> {
  assertAdmin(ctx);
  const { page, limit, offset } = paging(query.page);
  const { total, items } = await listAccessibilityFeedback(ctx, { limit, offset });
  return toPage(items, total, page);
}
