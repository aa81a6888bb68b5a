import { berlinParts } from '../../platform/berlin-time.js';
import { inTransaction, type Context } from '../../platform/context.js';
import { csvTable } from '../../platform/csv.js';
import { AppError, notFound, ValidationError } from '../../platform/errors/index.js';
import { translator } from '../../platform/i18n/index.js';
import { enqueueJob } from '../../platform/jobs/runner.js';
import { modelLabels, type Sector } from '../actors/service.js';
import { recordTies } from '../partnering/service.js';
import { formatLabels, messages } from './messages.js';
import { loadEditableFormat } from './policy.js';
import type { FormatRow } from './queries.js';
import { selectFormat } from './queries.js';
import { selectRegistration, selectRegistrationsOfFormat, selectWaitlist, updateRegistration, type RegistrationRow } from './registration-queries.js';

/**
 * Running a format: the participant list (page, CSV, badges, sign-in sheet), checking people in,
 * and afterwards the ties "met at format" between the attending organisations of different sectors.
 */

export const TIES_JOB = 'formats.ties';
/** Attendance can still be corrected this long after the end (lists written on paper). */
const ATTENDANCE_AFTER_DAYS = 7;
const DAY_MS = 24 * 3600_000;

export interface Participant {
  id: number;
  name: string;
  email: string;
  organisation: string | null;
  sector: Sector;
  status: RegistrationRow['status'];
  /** Members registered with their account; guests by mail. */
  member: boolean;
  attended: boolean;
  waitlistPosition: number | null;
}

export interface ParticipantList {
  format: FormatRow;
  registered: Participant[];
  waitlisted: Participant[];
  unconfirmed: number;
  attended: number;
}

function participant(row: RegistrationRow, waitlistPosition: number | null): Participant {
  return { id: row.id, name: row.name, email: row.email, organisation: row.organisation, sector: row.sector, status: row.status, member: row.user_id !== null, attended: row.attended_at !== null, waitlistPosition };
}

/** Everyone registered (by name) and waiting (in order): for those who run the format only. */
export async function listParticipants(ctx: Context, ref: string | number): Promise<ParticipantList> {
  const format = await loadEditableFormat(ctx, ref);
  const [rows, waitlist] = await Promise.all([selectRegistrationsOfFormat(ctx.db, format.id, ['registered', 'unconfirmed']), selectWaitlist(ctx.db, format.id)]);
  const registered = rows.filter((r) => r.status === 'registered').map((r) => participant(r, null));
  return {
    format,
    registered,
    waitlisted: waitlist.map((r, i) => participant(r, i + 1)),
    unconfirmed: rows.filter((r) => r.status === 'unconfirmed').length,
    attended: registered.filter((p) => p.attended).length,
  };
}

/** The participant list as CSV for spreadsheets (formula cells neutralised). */
export async function participantsCsv(ctx: Context, ref: string | number): Promise<{ slug: string; csv: string }> {
  const list = await listParticipants(ctx, ref);
  const t = translator(messages, ctx.locale);
  const labels = formatLabels(ctx.locale);
  const model = modelLabels(ctx.locale);
  const header = [t('participants.name'), t('participants.email'), t('participants.organisation'), t('participants.sector'), t('participants.status'), t('participants.position'), t('participants.attended')];
  const rows = [...list.registered, ...list.waitlisted].map((p) => [
    p.name,
    p.email,
    p.organisation ?? '',
    model.sector(p.sector),
    labels.registrationStatus(p.status),
    p.waitlistPosition === null ? '' : String(p.waitlistPosition),
    p.attended ? t('participants.yes') : '',
  ]);
  return { slug: list.format.slug, csv: csvTable(header, rows) };
}

/** Check someone in (or undo it). From the start of the day until a week after the end. */
export async function setAttendance(ctx: Context, ref: string | number, registrationId: number, attended: unknown): Promise<Participant> {
  const t = translator(messages, ctx.locale);
  if (typeof attended !== 'boolean' && attended !== 'true' && attended !== 'false' && attended !== '1' && attended !== '0') throw new ValidationError({ attended: t('input.choice') });
  const value = attended === true || attended === 'true' || attended === '1';
  return inTransaction(ctx, async (tx) => {
    // The format's lock (before the registration's, as everywhere): two check-ins after the end
    // must not each miss the other when they record the ties.
    const format = await loadEditableFormat(tx, ref, { lock: true });
    if (format.status !== 'published') throw new AppError('conflict', { detail: t('error.cancelled') });
    const row = await selectRegistration(tx.db, registrationId, { lock: true });
    if (!row || row.format_id !== format.id) throw notFound();
    if (row.status !== 'registered') throw new AppError('conflict', { detail: t('error.notRegistered') });
    const now = tx.clock.now();
    const dayStart = new Date(format.starts_at.getTime() - 12 * 3600_000);
    if (now < dayStart) throw new AppError('conflict', { detail: t('error.tooEarly') });
    if (now.getTime() > format.ends_at.getTime() + ATTENDANCE_AFTER_DAYS * DAY_MS) throw new AppError('conflict', { detail: t('error.tooLate', { days: ATTENDANCE_AFTER_DAYS }) });
    const updated = await updateRegistration(tx.db, row.id, { attended_at: value ? (row.attended_at ?? now) : null });
    if (format.ends_at <= now) await recordFormatTies(tx, format);
    return participant(updated, null);
  });
}

/** The day of a format in German time, as a tie's "since". */
const dayOf = (date: Date) => {
  const p = berlinParts(date);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
};

/**
 * Ties "met at format" (origin: brokered — the format brought them together) between every two
 * attending organisations of different sectors. Idempotent: an open tie of that kind is kept.
 */
export async function recordFormatTies(ctx: Context, format: FormatRow): Promise<number> {
  const rows = await selectRegistrationsOfFormat(ctx.db, format.id, ['registered']);
  const attending = new Map<number, Sector>();
  for (const row of rows) if (row.attended_at && row.actor_id !== null) attending.set(row.actor_id, row.sector);
  const actors = [...attending];
  const ties = [];
  for (let i = 0; i < actors.length; i++) {
    for (let j = i + 1; j < actors.length; j++) {
      const [a, sectorA] = actors[i]!;
      const [b, sectorB] = actors[j]!;
      if (sectorA !== sectorB) ties.push({ a, b, kind: 'met_at_format' as const, origin: 'brokered' as const, since: dayOf(format.starts_at) });
    }
  }
  return ties.length === 0 ? 0 : recordTies(ctx, ties);
}

/** Queued for a format's end (again when it moves): the ties of those checked in by then. */
export async function scheduleTies(ctx: Context, format: FormatRow) {
  await enqueueJob(ctx.db, TIES_JOB, { id: format.id, endsAt: format.ends_at.toISOString() }, { runAt: format.ends_at });
}

export const attendanceJobs = {
  [TIES_JOB]: async (ctx: Context, payload: unknown) => {
    const { id, endsAt } = (payload ?? {}) as { id?: unknown; endsAt?: unknown };
    if (typeof id !== 'number') return;
    await inTransaction(ctx, async (tx) => {
      const format = await selectFormat(tx.db, { id }, { lock: true });
      if (!format || format.status !== 'published' || format.ends_at.toISOString() !== endsAt) return;
      await recordFormatTies(tx, format);
    });
  },
};
