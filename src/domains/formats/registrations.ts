import { inTransaction, type Context } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors/index.js';
import { translator } from '../../platform/i18n/index.js';
import { enqueueJob } from '../../platform/jobs/runner.js';
import { Validator } from '../../platform/validation.js';
import { listMyActors, SECTORS, type Sector } from '../actors/service.js';
import { mailContext, sendFormatMails, type FormatRecipient, type MailContext } from './mails.js';
import { messages } from './messages.js';
import { CONFIRM_HOURS, HOUR_MS, NAME_MAX, ORGANISATION_MAX, type RegistrationStatus } from './model.js';
import { loadEditableFormat, loadOpenFormat, requireUser } from './policy.js';
import { registrationState, toOwnRegistration, type OwnRegistration, type RegistrationState } from './present.js';
import { selectFormat, type FormatRow } from './queries.js';
import {
  insertRegistration,
  selectRegistration,
  selectRegistrationsOfFormat,
  selectRegistrationsOfUser,
  selectSectorCounts,
  selectStandingRegistration,
  selectWaitlist,
  selectWaitlistPosition,
  selectWaitlistPositions,
  updateRegistration,
  type RegistrationRow,
} from './registration-queries.js';
import { verifyRegistrationLink } from './registration-links.js';
import { decideSeat } from './seats.js';

/**
 * Registering for a format, the waitlist and its promotions. Every change that could take or free
 * a seat runs in one transaction holding the format's row lock, so registrations for the same
 * format queue up; the seat count itself is kept by a trigger and a check constraint (0012).
 */

export const LAPSE_JOB = 'formats.registration.lapse';

/** What a registration attempt came to; the page and the API branch on it. */
export type RegistrationOutcome =
  | { kind: 'registered' | 'waitlisted'; registration: OwnRegistration }
  | { kind: 'confirmation_sent' }
  | { kind: 'already'; registration: OwnRegistration | null }
  | { kind: 'refused'; reason: Exclude<RegistrationState, 'open' | 'full'> };

async function own(ctx: Context, row: RegistrationRow): Promise<OwnRegistration> {
  return toOwnRegistration(row, row.status === 'waitlisted' ? await selectWaitlistPosition(ctx.db, row) : null);
}

/** A seat, or a place on the waitlist, for someone of this sector now (format row locked by the caller). */
async function placeFor(ctx: Context, format: FormatRow, sector: Sector): Promise<'registered' | 'waitlisted'> {
  if (format.capacity !== null && format.seats_taken >= format.capacity) return 'waitlisted';
  // The counts per sector matter only with a mix rule: without one, no query under the lock.
  return decideSeat(format, format.max_sector_share === null ? new Map() : await selectSectorCounts(ctx.db, format.id), sector);
}

/** Registration is possible (open, or full with a waitlist)? Otherwise why not. */
function refusal(format: FormatRow, now: Date): RegistrationOutcome | null {
  const state = registrationState(format, now);
  return state === 'open' || state === 'full' ? null : { kind: 'refused', reason: state };
}

async function mailOutcome(ctx: Context, format: FormatRow, row: RegistrationRow, mail: MailContext) {
  const recipient: FormatRecipient = { email: row.email, name: row.name, locale: row.locale, registrationId: row.id };
  await sendFormatMails(ctx, [recipient], row.status === 'registered' ? 'registered' : 'waitlisted', format, mail);
}

export interface MemberRegistrationInput {
  /** Slug of the organisation the member represents; empty: as a person. */
  actor?: unknown;
  /** Needed when registering as a person. */
  sector?: unknown;
}

/** A member registers with one click, for one of their organisations or as a person. */
export async function registerMember(ctx: Context, ref: string | number, input: MemberRegistrationInput): Promise<RegistrationOutcome> {
  const user = requireUser(ctx);
  const v = new Validator(ctx.locale);
  const t = translator(messages, ctx.locale);
  const mine = (await listMyActors(ctx)).filter((a) => a.membership === 'active' && a.status !== 'rejected');
  const actorSlug = typeof input.actor === 'string' ? input.actor : '';
  const actor = actorSlug ? mine.find((a) => a.slug === actorSlug) : undefined;
  if (actorSlug && !actor) v.add('actor', t('input.choice'));
  const sector = actor ? actor.sector : v.choice('sector', input.sector, SECTORS);
  v.check();
  // Everything that can be read before taking the format's lock (every registration for this
  // format waits for it) is read before: the format, an earlier registration, links, the place.
  const open = await loadOpenFormat(ctx, ref);
  const earlier = await selectStandingRegistration(ctx.db, open.id, { userId: user.id, email: user.email });
  if (earlier) return { kind: 'already', registration: await own(ctx, earlier) };
  const mail = await mailContext(ctx, open);
  try {
    return await inTransaction(ctx, async (tx) => {
      const format = (await selectFormat(tx.db, { id: open.id }, { lock: true }))!;
      const refused = refusal(format, tx.clock.now());
      if (refused) return refused;
      const status = await placeFor(tx, format, sector!);
      const now = tx.clock.now();
      const row = await insertRegistration(tx.db, {
        format_id: format.id,
        user_id: user.id,
        actor_id: actor?.id ?? null,
        name: user.name,
        email: user.email,
        organisation: actor?.name ?? null,
        sector: sector!,
        status,
        locale: user.locale,
        waitlisted_at: status === 'waitlisted' ? now : null,
      });
      await mailOutcome(tx, format, row, mail);
      return { kind: status, registration: await own(tx, row) };
    });
  } catch (error) {
    // The same person twice at the same moment: the unique index lets one through.
    if ((error as { code?: string }).code !== '23505') throw error;
    const standing = await selectStandingRegistration(ctx.db, open.id, { userId: user.id, email: user.email });
    return { kind: 'already', registration: standing ? await own(ctx, standing) : null };
  }
}

export interface GuestRegistrationInput {
  name?: unknown;
  email?: unknown;
  organisation?: unknown;
  sector?: unknown;
}

/**
 * A guest registers with name, address, organisation and sector and confirms by mail; the seat is
 * decided at confirmation. The answer never tells whether the address was registered already: that
 * address gets a mail with its registration's link instead.
 */
export async function registerGuest(ctx: Context, ref: string | number, input: GuestRegistrationInput): Promise<RegistrationOutcome> {
  const v = new Validator(ctx.locale);
  const name = v.text('name', input.name, { required: true, max: NAME_MAX });
  const email = v.email('email', input.email);
  const organisation = v.text('organisation', input.organisation, { max: ORGANISATION_MAX }) || null;
  const sector = v.choice('sector', input.sector, SECTORS);
  v.check();
  const mail = await mailContext(ctx, await loadOpenFormat(ctx, ref));
  return inTransaction(ctx, async (tx) => {
    const format = await loadOpenFormat(tx, ref, { lock: true });
    const refused = refusal(format, tx.clock.now());
    if (refused) return refused;
    const existing = await selectStandingRegistration(tx.db, format.id, { userId: null, email });
    if (existing) {
      await sendFormatMails(tx, [{ email: existing.email, name: existing.name, locale: existing.locale, registrationId: existing.id }], 'already', format, mail);
      return { kind: 'confirmation_sent' };
    }
    const expires = new Date(tx.clock.now().getTime() + CONFIRM_HOURS * HOUR_MS);
    const row = await insertRegistration(tx.db, { format_id: format.id, user_id: null, actor_id: null, name, email, organisation, sector: sector!, status: 'unconfirmed', confirm_expires_at: expires, locale: tx.locale });
    await enqueueJob(tx.db, LAPSE_JOB, { id: row.id }, { runAt: expires });
    await sendFormatMails(tx, [{ email, name, locale: tx.locale, registrationId: row.id }], 'confirm', format, mail);
    return { kind: 'confirmation_sent' };
  });
}

/** A registration opened by its mail link (id and signature); 404 for a wrong link. */
export async function registrationByLink(ctx: Context, id: number, signature: string): Promise<{ registration: RegistrationRow; format: FormatRow; own: OwnRegistration; onlineLink: string | null }> {
  if (!(await verifyRegistrationLink(ctx, id, signature))) throw notFound();
  const registration = await selectRegistration(ctx.db, id);
  if (!registration) throw notFound();
  const format = await loadOpenFormat({ ...ctx, user: null }, registration.format_id);
  // The signed link proves whose registration it is: a registered guest gets the access link here.
  const onlineLink = registration.status === 'registered' && format.mode !== 'on_site' ? format.online_link : null;
  return { registration, format, own: await own(ctx, registration), onlineLink };
}

/** The guest follows the mail's link: a seat or a place on the waitlist now. */
export async function confirmRegistration(ctx: Context, id: number, signature: string): Promise<RegistrationOutcome> {
  const { registration, format: open } = await registrationByLink(ctx, id, signature);
  const mail = await mailContext(ctx, open);
  return inTransaction(ctx, async (tx) => {
    const format = await loadOpenFormat({ ...tx, user: null }, registration.format_id, { lock: true });
    const row = (await selectRegistration(tx.db, registration.id, { lock: true }))!;
    if (row.status !== 'unconfirmed') return { kind: 'already', registration: await own(tx, row) };
    const now = tx.clock.now();
    if (row.confirm_expires_at! < now) return { kind: 'refused', reason: 'closed' };
    const refused = refusal(format, now);
    if (refused) return refused;
    const status = await placeFor(tx, format, row.sector);
    const confirmed = await updateRegistration(tx.db, row.id, { status, waitlisted_at: status === 'waitlisted' ? now : null, confirm_expires_at: null });
    await mailOutcome(tx, format, confirmed, mail);
    return { kind: status, registration: await own(tx, confirmed) };
  });
}

/** Cancels a registration (seat, waitlist place or unconfirmed); a freed seat goes to the next fitting person. */
async function cancel(ctx: Context, registrationId: number, allowed: (row: RegistrationRow) => boolean): Promise<RegistrationRow> {
  const first = await selectRegistration(ctx.db, registrationId);
  if (!first || !allowed(first)) throw notFound();
  return inTransaction(ctx, async (tx) => {
    // Format first, then the registration: the same lock order as registering, so no deadlock.
    const format = (await selectFormat(tx.db, { id: first.format_id }, { lock: true }))!;
    const row = (await selectRegistration(tx.db, registrationId, { lock: true }))!;
    if (row.status === 'cancelled') return row;
    if (format.ends_at <= tx.clock.now()) throw new AppError('conflict', { detail: translator(messages, tx.locale)('error.past') });
    const cancelled = await updateRegistration(tx.db, row.id, { status: 'cancelled', cancelled_at: tx.clock.now(), waitlisted_at: null });
    if (row.status === 'registered') await promoteWaitlisted(tx, (await selectFormat(tx.db, { id: format.id }))!);
    return cancelled;
  });
}

/** A member cancels their own registration (from their account or the format page). */
export async function cancelOwnRegistration(ctx: Context, registrationId: number): Promise<RegistrationRow> {
  const user = requireUser(ctx);
  return cancel(ctx, registrationId, (row) => row.user_id === user.id);
}

/** Anyone with the mail's link cancels that registration. */
export async function cancelRegistrationByLink(ctx: Context, id: number, signature: string): Promise<RegistrationRow> {
  if (!(await verifyRegistrationLink(ctx, id, signature))) throw notFound();
  return cancel(ctx, id, () => true);
}

/** Those who run the format cancel someone's registration (e.g. asked by phone). */
export async function cancelRegistrationForParticipant(ctx: Context, ref: string | number, registrationId: number): Promise<RegistrationRow> {
  const format = await loadEditableFormat(ctx, ref);
  return cancel(ctx, registrationId, (row) => row.format_id === format.id);
}

/**
 * Gives free seats to waiting people in the order they came, skipping those whose sector has
 * reached its share, and mails each promoted person. The caller holds the format's row lock.
 */
export async function promoteWaitlisted(ctx: Context, format: FormatRow): Promise<number> {
  // Until the end: someone who cancels during a long format frees a seat for the next in line.
  if (format.status !== 'published' || format.ends_at <= ctx.clock.now()) return 0;
  const waitlist = await selectWaitlist(ctx.db, format.id);
  if (waitlist.length === 0) return 0;
  const counts = await selectSectorCounts(ctx.db, format.id);
  let taken = format.seats_taken;
  const promoted: RegistrationRow[] = [];
  for (const person of waitlist) {
    if (format.capacity !== null && taken >= format.capacity) break;
    if (decideSeat({ ...format, seats_taken: taken }, counts, person.sector) !== 'registered') continue;
    promoted.push(await updateRegistration(ctx.db, person.id, { status: 'registered', promoted_at: ctx.clock.now(), waitlisted_at: null }));
    counts.set(person.sector, (counts.get(person.sector) ?? 0) + 1);
    taken++;
  }
  await sendFormatMails(ctx, promoted.map((r) => ({ email: r.email, name: r.name, locale: r.locale, registrationId: r.id })), 'promoted', format);
  return promoted.length;
}

/** The signed-in member's standing registration for a format, if any. */
export async function ownRegistration(ctx: Context, format: FormatRow): Promise<OwnRegistration | null> {
  if (!ctx.user) return null;
  const row = await selectStandingRegistration(ctx.db, format.id, { userId: ctx.user.id, email: ctx.user.email });
  return row ? own(ctx, row) : null;
}

/** Mail recipients among a format's registrations of these statuses. */
export async function recipientsOf(ctx: Context, format: FormatRow, statuses: RegistrationStatus[]): Promise<FormatRecipient[]> {
  const rows = await selectRegistrationsOfFormat(ctx.db, format.id, statuses);
  return rows.map((r) => ({ email: r.email, name: r.name, locale: r.locale, registrationId: r.id }));
}

/** Background job: a guest's registration that was never confirmed lapses. */
export const registrationJobs = {
  [LAPSE_JOB]: async (ctx: Context, payload: unknown) => {
    const id = Number((payload as { id?: unknown })?.id);
    if (!Number.isSafeInteger(id)) return;
    await inTransaction(ctx, async (tx) => {
      const row = await selectRegistration(tx.db, id, { lock: true });
      if (!row || row.status !== 'unconfirmed' || row.confirm_expires_at! > tx.clock.now()) return;
      await updateRegistration(tx.db, row.id, { status: 'cancelled', cancelled_at: tx.clock.now() });
    });
  },
};

/** The signed-in member's registrations (newest first, cancelled ones left out), with their formats. */
export async function listMyRegistrations(ctx: Context): Promise<{ registration: OwnRegistration; formatId: number }[]> {
  const user = requireUser(ctx);
  const rows = (await selectRegistrationsOfUser(ctx.db, user.id)).filter((r) => r.status !== 'cancelled');
  const positions = await selectWaitlistPositions(ctx.db, rows.filter((r) => r.status === 'waitlisted').map((r) => r.id));
  return rows.map((row) => ({ registration: toOwnRegistration(row, positions.get(row.id) ?? null), formatId: row.format_id }));
}
