import { recordAudit } from '../../platform/audit.js';
import { findUsersByIds } from '../../platform/auth/users.js';
import { berlinParts, fromBerlin } from '../../platform/berlin-time.js';
import { inTransaction, type Context } from '../../platform/context.js';
import { AppError, ValidationError } from '../../platform/errors/index.js';
import { translator } from '../../platform/i18n/index.js';
import { freeSlug } from '../../platform/slugs.js';
import type { ActionField } from '../actors/service.js';
import { getPlace, getPlaces } from '../places/service.js';
import { documentationOf } from './documentation.js';
import { readFormatInput, type FormatInput, type RawFormatInput } from './format-input.js';
import { hostCards } from './hosts.js';
import { sendFormatMails } from './mails.js';
import { messages } from './messages.js';
import { RESERVED_SLUGS, type FormatKind, type FormatMode, type ListState } from './model.js';
import { isCoordinator, loadEditableFormat, loadVisibleFormat, requireCoordinator } from './policy.js';
import { toSummary, type FormatDetail, type FormatSummary, type OwnRegistration } from './present.js';
import { insertFormat, replaceEditors, replaceHosts, selectEditorIds, selectFormatPage, selectFormatsByIds, selectHostIds, updateFormatRow, type FormatRow } from './queries.js';
import { listMyRegistrations, ownRegistration, promoteWaitlisted, recipientsOf } from './registrations.js';
import { resetReminders } from './registration-queries.js';
import { scheduleReminders } from './reminders.js';
import { scheduleTies } from './attendance.js';

/** Planning a format: create, change, publish, cancel; reading one or a list as the viewer may. */

function columns(input: FormatInput) {
  return {
    kind: input.kind,
    title: input.title,
    teaser: input.teaser,
    description: input.description,
    agenda: JSON.stringify(input.agenda),
    starts_at: input.startsAt,
    ends_at: input.endsAt,
    mode: input.mode,
    venue: input.venue,
    place_id: input.place?.id ?? null,
    online_link: input.onlineLink,
    action_fields: input.actionFields,
    capacity: input.capacity,
    registration_opens_at: input.registrationOpensAt,
    registration_closes_at: input.registrationClosesAt,
    max_sector_share: input.maxSectorShare,
  };
}

/** A coordinator plans a new format; it stays a draft (seen by coordinators and its editors) until published. */
export async function createFormat(ctx: Context, raw: RawFormatInput): Promise<FormatRow> {
  const user = requireCoordinator(ctx);
  const input = await readFormatInput(ctx, raw);
  return inTransaction(ctx, async (tx) => {
    // "Praxiswerkstatt Mannheim 2022": the year keeps next year's format of the same name apart.
    const year = String(berlinParts(input.startsAt).year);
    const slug = await freeSlug(tx.db, 'formats', input.title.includes(year) ? input.title : `${input.title} ${year}`, { fallback: 'format', reserved: RESERVED_SLUGS });
    const row = await insertFormat(tx.db, { ...columns(input), slug, created_by: user.id, updated_by: user.id });
    await replaceHosts(tx.db, row.id, input.hostIds);
    await replaceEditors(tx.db, row.id, input.editorIds);
    return row;
  });
}

/** Changes a calendar shows: they raise SEQUENCE and are mailed to everyone registered or waiting. */
function calendarChanged(before: FormatRow, after: FormatRow): boolean {
  return (
    before.starts_at.getTime() !== after.starts_at.getTime() ||
    before.ends_at.getTime() !== after.ends_at.getTime() ||
    before.title !== after.title ||
    before.venue !== after.venue ||
    before.place_id !== after.place_id ||
    before.mode !== after.mode ||
    before.online_link !== after.online_link
  );
}

/**
 * Those who run the format change it. Editors are named by coordinators only. A capacity below the
 * seats already taken is refused (the database would refuse it too); more seats promote waiting people.
 */
export async function updateFormat(ctx: Context, ref: string | number, raw: RawFormatInput): Promise<FormatRow> {
  // Who may change it first: the input's checks (hosts, editors' addresses) tell things about others.
  await loadEditableFormat(ctx, ref);
  const input = await readFormatInput(ctx, raw);
  const t = translator(messages, ctx.locale);
  return inTransaction(ctx, async (tx) => {
    const before = await loadEditableFormat(tx, ref, { lock: true });
    if (input.capacity !== null && input.capacity < before.seats_taken) throw new ValidationError({ capacity: t('input.capacityBelowTaken', { taken: before.seats_taken }) });
    if (before.status === 'cancelled') throw new AppError('conflict', { detail: t('error.cancelled') });
    let after = await updateFormatRow(tx.db, before.id, { ...columns(input), updated_by: tx.user!.id });
    const changed = calendarChanged(before, after);
    if (before.status === 'published' && changed) after = await updateFormatRow(tx.db, before.id, { sequence: before.sequence + 1 });
    await replaceHosts(tx.db, before.id, input.hostIds);
    if (isCoordinator(tx)) await replaceEditors(tx.db, before.id, input.editorIds);
    if (after.status === 'published') {
      await promoteWaitlisted(tx, after);
      if (changed) await sendFormatMails(tx, await recipientsOf(tx, after, ['registered', 'waitlisted']), 'changed', after);
      if (before.starts_at.getTime() !== after.starts_at.getTime()) {
        await resetReminders(tx.db, after.id);
        await scheduleReminders(tx, after);
      }
      if (before.ends_at.getTime() !== after.ends_at.getTime()) await scheduleTies(tx, after);
    }
    return after;
  });
}

export async function publishFormat(ctx: Context, ref: string | number): Promise<FormatRow> {
  return inTransaction(ctx, async (tx) => {
    const row = await loadEditableFormat(tx, ref, { lock: true });
    if (row.status !== 'draft') throw new AppError('conflict', { detail: translator(messages, tx.locale)('error.notDraft') });
    const published = await updateFormatRow(tx.db, row.id, { status: 'published', published_at: tx.clock.now(), updated_by: tx.user!.id });
    await scheduleReminders(tx, published);
    await scheduleTies(tx, published);
    await recordAudit(tx, { action: 'format.published', subjectUserId: null, subjectLabel: row.title, details: { formatId: row.id } });
    return published;
  });
}

/** Cancels a published format: everyone registered, waiting or confirming hears of it. A draft is never public, so it is not cancelled (it may stay a draft). */
export async function cancelFormat(ctx: Context, ref: string | number, reason: unknown): Promise<FormatRow> {
  const t = translator(messages, ctx.locale);
  const note = typeof reason === 'string' ? reason.trim() : '';
  if (note.length > 2000 || /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(note)) throw new ValidationError({ reason: t('input.reasonInvalid', { max: 2000 }) });
  return inTransaction(ctx, async (tx) => {
    const row = await loadEditableFormat(tx, ref, { lock: true });
    if (row.status === 'cancelled') throw new AppError('conflict', { detail: t('error.cancelled') });
    if (row.status === 'draft') throw new AppError('conflict', { detail: t('error.draftNotCancelled') });
    const cancelled = await updateFormatRow(tx.db, row.id, { status: 'cancelled', cancelled_at: tx.clock.now(), sequence: row.sequence + 1, updated_by: tx.user!.id });
    await sendFormatMails(tx, await recipientsOf(tx, cancelled, ['registered', 'waitlisted', 'unconfirmed']), 'cancelled', cancelled, { reason: note });
    await recordAudit(tx, { action: 'format.cancelled', subjectUserId: null, subjectLabel: row.title, details: { formatId: row.id, reason: note } });
    return cancelled;
  });
}

/** One format with everything its page shows the viewer. */
export async function getFormat(ctx: Context, ref: string | number): Promise<FormatDetail> {
  const { row, canEdit } = await loadVisibleFormat(ctx, ref);
  const [hosts, place, registration, documentation] = await Promise.all([
    hostCards(ctx, await selectHostIds(ctx.db, [row.id])),
    row.place_id ? getPlace(ctx, row.place_id) : null,
    ownRegistration(ctx, row),
    documentationOf(ctx, row, canEdit),
  ]);
  const summary = toSummary(row, hosts.get(row.id) ?? [], place, ctx.clock.now());
  const seesLink = canEdit || registration?.status === 'registered';
  return {
    ...summary,
    place,
    description: row.description,
    agenda: row.agenda,
    registrationOpensAt: row.registration_opens_at,
    registrationClosesAt: row.registration_closes_at,
    maxSectorShare: row.max_sector_share,
    onlineLink: seesLink ? row.online_link : null,
    createdAt: row.created_at,
    viewer: { canEdit, registration },
    documentation,
  };
}

/** The values of the edit form: the format as typed into it. */
export async function getFormatForEdit(ctx: Context, ref: string | number): Promise<{ row: FormatRow; hostSlugs: string[]; editorEmails: string[]; placeName: string }> {
  const row = await loadEditableFormat(ctx, ref);
  const [hosts, editors, place] = await Promise.all([hostCards(ctx, await selectHostIds(ctx.db, [row.id])), selectEditorIds(ctx.db, row.id), row.place_id ? getPlace(ctx, row.place_id) : null]);
  const people = await findUsersByIds(ctx.db, editors);
  return { row, hostSlugs: (hosts.get(row.id) ?? []).map((h) => h.slug), editorEmails: people.map((p) => p.email), placeName: place?.name ?? '' };
}

export interface FormatFilters {
  when: 'upcoming' | 'past' | 'all';
  kind?: FormatKind;
  mode?: FormatMode;
  state?: ListState;
  actionField?: ActionField;
  /** "2025-06": formats starting in that month (German time). */
  month?: string;
  page: number;
  pageSize: number;
}

/** The month's first instant and the next month's, in German time. */
export function monthRange(month: string): [Date, Date] {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return [fromBerlin(year, number, 1), number === 12 ? fromBerlin(year + 1, 1, 1) : fromBerlin(year, number + 1, 1)];
}

/** A page of formats as the list page, the calendar and the API show them. */
export async function listFormats(ctx: Context, filters: FormatFilters): Promise<{ total: number; items: FormatSummary[] }> {
  const drafts = isCoordinator(ctx) ? 'all' : ctx.user ? { editor: ctx.user.id } : 'none';
  const now = ctx.clock.now();
  const { total, rows } = await selectFormatPage(ctx.db, {
    when: filters.when,
    kind: filters.kind,
    mode: filters.mode,
    state: filters.state === 'draft' && drafts === 'none' ? undefined : filters.state,
    actionField: filters.actionField,
    between: filters.month ? monthRange(filters.month) : undefined,
    drafts,
    now,
    offset: (filters.page - 1) * filters.pageSize,
    limit: filters.pageSize,
  });
  return { total, items: await summariesOf(ctx, rows) };
}

/** Rows as summaries, with their hosts and places in two queries. */
async function summariesOf(ctx: Context, rows: FormatRow[]): Promise<FormatSummary[]> {
  const [hosts, places] = await Promise.all([hostCards(ctx, await selectHostIds(ctx.db, rows.map((r) => r.id))), getPlaces(ctx, rows.flatMap((r) => (r.place_id ? [r.place_id] : [])))]);
  const placeById = new Map(places.map((p) => [p.id, { id: p.id, name: p.name }]));
  const now = ctx.clock.now();
  return rows.map((row) => toSummary(row, hosts.get(row.id) ?? [], row.place_id ? (placeById.get(row.place_id) ?? null) : null, now));
}

/** The signed-in member's registrations with their formats (upcoming first by start). */
export async function myRegistrations(ctx: Context): Promise<{ registration: OwnRegistration; format: FormatSummary }[]> {
  const mine = await listMyRegistrations(ctx);
  const summaries = new Map((await summariesOf(ctx, await selectFormatsByIds(ctx.db, [...new Set(mine.map((m) => m.formatId))]))).map((f) => [f.id, f]));
  return mine
    .flatMap((m) => (summaries.has(m.formatId) ? [{ registration: m.registration, format: summaries.get(m.formatId)! }] : []))
    .sort((a, b) => b.format.startsAt.getTime() - a.format.startsAt.getTime());
}
