import { forbidden, notFound } from '../../platform/errors/index.js';
import { hasRole, requireRole, requireUser, type Context, type CurrentUser } from '../../platform/context.js';
import { isFormatEditor, selectFormat, type FormatRow } from './queries.js';

/** Who may do what with a format: coordinators everything, the editors they named their format, everyone a published one. */

export { requireUser };

export const isCoordinator = (ctx: Context) => hasRole(ctx.user, 'coordinator');

export const requireCoordinator = (ctx: Context): CurrentUser => requireRole(ctx, 'coordinator');

/** May run this format (edit, publish, participants, attendance, table plan, documentation). */
export async function canEditFormat(ctx: Context, format: FormatRow): Promise<boolean> {
  if (!ctx.user) return false;
  return isCoordinator(ctx) || isFormatEditor(ctx.db, format.id, ctx.user.id);
}

/** How a path or API parameter names a format: a plain number is an id, anything else a slug. */
export function formatRef(ref: string | number): { id: number } | { slug: string } {
  if (typeof ref === 'number') return { id: ref };
  return /^[1-9]\d{0,14}$/.test(ref) ? { id: Number(ref) } : { slug: ref };
}

/** The format as the caller may see it: a draft only for those who run it, else the same 404 as for none. */
export async function loadVisibleFormat(ctx: Context, ref: string | number, options: { lock?: boolean } = {}): Promise<{ row: FormatRow; canEdit: boolean }> {
  const key = formatRef(ref);
  // Slugs are lower-case letters, digits and hyphens: anything else names no format (and never reaches SQL).
  if ('slug' in key && !/^[a-z0-9-]{1,200}$/.test(key.slug)) throw notFound();
  const row = await selectFormat(ctx.db, key, options);
  if (!row) throw notFound();
  const canEdit = await canEditFormat(ctx, row);
  if (row.status === 'draft' && !canEdit) throw notFound();
  return { row, canEdit };
}

/**
 * The format as a participant sees it, for registering: a draft counts as not there, except for
 * those who run it. Asks about editors only for drafts (this runs under the format's row lock).
 */
export async function loadOpenFormat(ctx: Context, ref: string | number, options: { lock?: boolean } = {}): Promise<FormatRow> {
  const key = formatRef(ref);
  if ('slug' in key && !/^[a-z0-9-]{1,200}$/.test(key.slug)) throw notFound();
  const row = await selectFormat(ctx.db, key, options);
  if (!row || (row.status === 'draft' && !(await canEditFormat(ctx, row)))) throw notFound();
  return row;
}

/** The format for those who run it: 404 when it is not visible, 403 when visible but not theirs. */
export async function loadEditableFormat(ctx: Context, ref: string | number, options: { lock?: boolean } = {}): Promise<FormatRow> {
  requireUser(ctx);
  const { row, canEdit } = await loadVisibleFormat(ctx, ref, options);
  if (!canEdit) throw forbidden();
  return row;
}
