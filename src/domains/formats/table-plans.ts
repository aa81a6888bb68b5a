import { inTransaction, type Context } from '../../platform/context.js';
import { AppError, notFound, ValidationError } from '../../platform/errors/index.js';
import { translator } from '../../platform/i18n/index.js';
import { Validator } from '../../platform/validation.js';
import type { Sector } from '../actors/service.js';
import { tiesAmong } from '../partnering/service.js';
import { messages } from './messages.js';
import { loadEditableFormat } from './policy.js';
import type { FormatRow } from './queries.js';
import type { TablePin } from './queries-tables.js';
import { selectRegistrationsOfFormat, type RegistrationRow } from './registration-queries.js';
import { selectTablePlan, updateSeats, upsertTablePlan } from './table-plan-queries.js';
import { bestOfRandom, crossSectorUpperBound, planSeating, scoreSeating, SeatingInputError, MAX_ROUNDS, type SeatingInput, type SeatingPlan, type SeatingScore } from './seating/index.js';

/**
 * Table plans: seat a format's registered people over rounds so that as many new cross-sector
 * pairs as possible meet, nobody twice, people who know each other apart. Hand edits are pins the
 * generator keeps. The plan is stored with its score, the best of 100 random plans and the bound.
 */

export interface Seat {
  id: number;
  name: string;
  organisation: string | null;
  sector: Sector;
}

export interface Bound {
  share: number;
  pairs: number;
}

export interface TablePlanView {
  format: FormatRow;
  people: number;
  plan: {
    rounds: number;
    tables: number;
    /** seats[round][table] = people, in table order. */
    seats: Seat[][][];
    pins: TablePin[];
    score: SeatingScore;
    baseline: SeatingScore | null;
    bound: Bound | null;
    generatedAt: Date;
    /** People registered now who have no seat, or seated people no longer registered. */
    outdated: boolean;
  } | null;
}

const key = (id: number) => String(id);

async function seatingInput(ctx: Context, registered: RegistrationRow[], rounds: number, tables: number, pins: TablePin[]): Promise<SeatingInput> {
  const actorIds = registered.flatMap((r) => (r.actor_id === null ? [] : [r.actor_id]));
  const byActor = new Map<number, string[]>();
  for (const r of registered) if (r.actor_id !== null) byActor.set(r.actor_id, [...(byActor.get(r.actor_id) ?? []), key(r.id)]);
  const knownPairs: [string, string][] = [];
  for (const [a, b] of await tiesAmong(ctx, actorIds)) for (const x of byActor.get(a) ?? []) for (const y of byActor.get(b) ?? []) knownPairs.push([x, y]);
  return {
    people: registered.map((r) => ({ id: key(r.id), sector: r.sector, ...(r.actor_id === null ? {} : { group: `actor:${r.actor_id}` }) })),
    tables,
    rounds,
    knownPairs,
    pins: pins.map((p) => ({ personId: key(p.registrationId), round: p.round, table: p.table })),
    seed: 1,
  };
}

function seatingError(ctx: Context, error: unknown): never {
  if (error instanceof SeatingInputError) throw new ValidationError({ tables: translator(messages, ctx.locale)('plan.impossible', { code: error.code }) });
  throw error;
}

/** The format's plan as pages show it (null when none was generated). */
export async function getTablePlan(ctx: Context, ref: string | number): Promise<TablePlanView> {
  const format = await loadEditableFormat(ctx, ref);
  const [registered, row] = await Promise.all([selectRegistrationsOfFormat(ctx.db, format.id, ['registered']), selectTablePlan(ctx.db, format.id)]);
  if (!row) return { format, people: registered.length, plan: null };
  const byId = new Map(registered.map((r) => [r.id, r]));
  const seated = new Set(row.seats.flat(2));
  const seats = row.seats.map((round) => round.map((table) => table.flatMap((id) => (byId.has(id) ? [seatOf(byId.get(id)!)] : []))));
  const outdated = registered.some((r) => !seated.has(r.id)) || [...seated].some((id) => !byId.has(id));
  return {
    format,
    people: registered.length,
    plan: { rounds: row.rounds, tables: row.tables, seats, pins: row.pins, score: row.score as SeatingScore, baseline: row.baseline as SeatingScore | null, bound: row.bound as Bound | null, generatedAt: row.generated_at, outdated },
  };
}

const seatOf = (r: RegistrationRow): Seat => ({ id: r.id, name: r.name, organisation: r.organisation, sector: r.sector });

/** Generates (or regenerates) the plan for the registered people; hand edits of a plan of the same shape are kept. */
export async function generateTablePlan(ctx: Context, ref: string | number, raw: { rounds?: unknown; tables?: unknown }): Promise<void> {
  const t = translator(messages, ctx.locale);
  const v = new Validator(ctx.locale);
  const number = (field: 'rounds' | 'tables', value: unknown, max: number) => {
    const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
    if (!/^\d{1,4}$/.test(text) || Number(text) < 1 || Number(text) > max) v.add(field, t('input.number', { min: 1, max }));
    return Number(text);
  };
  const rounds = number('rounds', raw.rounds, MAX_ROUNDS);
  const tables = number('tables', raw.tables, 500);
  v.check();
  await inTransaction(ctx, async (tx) => {
    const format = await loadEditableFormat(tx, ref, { lock: true });
    const registered = await selectRegistrationsOfFormat(tx.db, format.id, ['registered']);
    if (registered.length < 2) throw new AppError('conflict', { detail: t('plan.tooFew') });
    if (tables > registered.length) throw new ValidationError({ tables: t('plan.tooManyTables', { people: registered.length }) });
    const previous = await selectTablePlan(tx.db, format.id);
    const stillHere = new Set(registered.map((r) => r.id));
    const pins = previous && previous.rounds === rounds && previous.tables === tables ? previous.pins.filter((p) => stillHere.has(p.registrationId)) : [];
    const input = await seatingInput(tx, registered, rounds, tables, pins);
    let result;
    try {
      result = planSeating(input);
    } catch (error) {
      seatingError(tx, error);
    }
    const baseline = bestOfRandom(input, 100).score;
    const bound = crossSectorUpperBound(input);
    await upsertTablePlan(tx.db, format.id, { rounds, tables, seats: toIds(result.plan), pins, score: result.score, baseline, bound, updatedBy: tx.user!.id });
  });
}

const toIds = (plan: SeatingPlan) => plan.rounds.map((round) => round.map((table) => table.map(Number)));

/**
 * A hand edit: a person sits at another table in one round. When that table is full, the last
 * person there who was not placed by hand takes the freed seat. The edit is kept as a pin.
 */
export async function moveSeat(ctx: Context, ref: string | number, raw: { registration?: unknown; round?: unknown; table?: unknown }): Promise<void> {
  const t = translator(messages, ctx.locale);
  const registrationId = Number(raw.registration);
  const round = Number(raw.round) - 1;
  const table = Number(raw.table) - 1;
  await inTransaction(ctx, async (tx) => {
    const format = await loadEditableFormat(tx, ref, { lock: true });
    const row = await selectTablePlan(tx.db, format.id);
    if (!row) throw notFound();
    if (!Number.isInteger(round) || round < 0 || round >= row.rounds) throw new ValidationError({ round: t('input.number', { min: 1, max: row.rounds }) });
    if (!Number.isInteger(table) || table < 0 || table >= row.tables) throw new ValidationError({ table: t('input.number', { min: 1, max: row.tables }) });
    // People who cancelled since the plan was made leave it (their seats and pins) before the edit.
    const registered = await selectRegistrationsOfFormat(tx.db, format.id, ['registered']);
    const stillHere = new Set(registered.map((r) => r.id));
    const seats = row.seats.map((r) => r.map((people) => people.filter((id) => stillHere.has(id))));
    const from = seats[round]!.findIndex((people) => people.includes(registrationId));
    if (from < 0) throw notFound();
    const pins = row.pins.filter((p) => stillHere.has(p.registrationId) && !(p.registrationId === registrationId && p.round === round));
    if (from !== table) {
      const size = Math.max(...seats[round]!.map((people) => people.length));
      const target = seats[round]![table]!;
      seats[round]![from] = seats[round]![from]!.filter((id) => id !== registrationId);
      if (target.length >= size) {
        const pinned = new Set(pins.filter((p) => p.round === round).map((p) => p.registrationId));
        const swapped = [...target].reverse().find((id) => !pinned.has(id));
        if (swapped === undefined) throw new AppError('conflict', { detail: t('plan.tableFull') });
        seats[round]![table] = target.filter((id) => id !== swapped);
        seats[round]![from]!.push(swapped);
      }
      seats[round]![table]!.push(registrationId);
    }
    pins.push({ registrationId, round, table });
    const seatedNow = new Set(seats.flat(2));
    const input = await seatingInput(tx, registered.filter((r) => seatedNow.has(r.id)), row.rounds, row.tables, pins);
    const size = Math.max(...seats.flatMap((r) => r.map((people) => people.length)));
    let score: SeatingScore;
    try {
      score = scoreSeating({ ...input, tableSizes: Array.from({ length: row.tables }, () => size) }, { rounds: seats.map((r) => r.map((people) => people.map(key))) });
    } catch (error) {
      seatingError(tx, error);
    }
    await updateSeats(tx.db, format.id, { seats, pins, score, updatedBy: tx.user!.id });
  });
}
