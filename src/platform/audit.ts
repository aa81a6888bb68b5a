import type { Generated } from 'kysely';
import type { Context } from './context.js';
import type { DbOrTx } from './db/index.js';

export interface AuditLogTable {
  id: Generated<number>;
  actor_user_id: number | null;
  actor_label: string;
  action: string;
  subject_user_id: number | null;
  subject_label: string | null;
  details: unknown;
  created_at: Generated<Date>;
}

declare module './db/types.js' {
  interface Database {
    audit_log: AuditLogTable;
  }
}

export type AuditAction =
  | 'user.role_changed'
  | 'user.deleted'
  | 'user.created_admin'
  | 'actor.approved'
  | 'actor.rejected'
  | 'actor.merged'
  | 'actor.deleted'
  | 'actor.imported'
  | 'tag.merged'
  | 'partnering.weights_changed'
  | 'partnering.introduced'
  | 'format.published'
  | 'format.cancelled';

export interface AuditEntry {
  id: number;
  actorLabel: string;
  action: AuditAction;
  subjectLabel: string | null;
  details: Record<string, unknown>;
  createdAt: Date;
}

/** Records who did what to whom; labels are kept as text so entries outlive deleted accounts. */
export async function recordAudit(
  ctx: Context,
  entry: { action: AuditAction; subjectUserId: number | null; subjectLabel: string; details?: Record<string, unknown>; actorLabel?: string },
) {
  await ctx.db
    .insertInto('audit_log')
    .values({
      actor_user_id: ctx.user?.id ?? null,
      actor_label: entry.actorLabel ?? (ctx.user ? `${ctx.user.name} <${ctx.user.email}>` : 'system'),
      action: entry.action,
      subject_user_id: entry.subjectUserId,
      subject_label: entry.subjectLabel,
      details: JSON.stringify(entry.details ?? {}),
      created_at: ctx.clock.now(),
    })
    .execute();
}

export async function listAudit(db: DbOrTx, options: { limit: number; offset: number; subjectUserId?: number }): Promise<{ total: number; items: AuditEntry[] }> {
  let query = db.selectFrom('audit_log');
  if (options.subjectUserId) query = query.where('subject_user_id', '=', options.subjectUserId);
  const [count, rows] = await Promise.all([
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    query.selectAll().orderBy('id', 'desc').limit(options.limit).offset(options.offset).execute(),
  ]);
  return {
    total: Number(count.n),
    items: rows.map((r) => ({
      id: r.id,
      actorLabel: r.actor_label,
      action: r.action as AuditAction,
      subjectLabel: r.subject_label,
      details: (r.details ?? {}) as Record<string, unknown>,
      createdAt: r.created_at,
    })),
  };
}
