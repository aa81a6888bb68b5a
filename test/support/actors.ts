import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import type { Db } from '../../src/platform/db/index.js';
import type { ActionField, ActorKind, ActorStatus, MemberRole, Sector, StateCode, Visibility } from '../../src/domains/actors/model.js';
import { slugBase } from '../../src/domains/actors/slugs.js';
import { findOrCreateTagIds, normalizeTagLabel } from '../../src/domains/actors/tags.js';
import { ACCESS_TOKEN_PREFIX, SESSION_COOKIE } from '../../src/platform/auth/sessions.js';
import { newToken } from '../../src/platform/auth/tokens.js';
import { csrfFrom, type TestApp } from './test-app.js';

/**
 * Actor rows for any domain's tests, written straight into the database (no pages, no mails).
 * Defaults: an approved, public organisation of civil society without a place.
 */
export interface ActorOverrides {
  name?: string;
  /** Default: from the name plus a random suffix, so names may repeat across tests. */
  slug?: string;
  kind?: ActorKind;
  sector?: Sector;
  actionFields?: ActionField[];
  status?: ActorStatus;
  visibility?: Visibility;
  summary?: string;
  description?: string;
  expertise?: string;
  website?: string | null;
  links?: string[];
  contact?: { name?: string; email?: string; phone?: string };
  /** A gazetteer place: its state and coordinates are copied onto the actor (unless given below). */
  placeId?: number | null;
  stateCode?: StateCode | null;
  latitude?: number | null;
  longitude?: number | null;
  /** Tag labels, found or created (curated ones by their spelling, e.g. 'Zwischennutzung'). */
  offers?: string[];
  needs?: string[];
  /** People of the actor: role defaults to 'member', status to 'active'. */
  members?: { userId: number; role?: MemberRole; status?: 'active' | 'pending'; message?: string }[];
  /** Shortcut: this user is the actor's active admin and its creator. */
  admin?: { id: number };
  externalId?: string | null;
  mergedInto?: number | null;
  createdAt?: Date;
}

export interface TestActor {
  id: number;
  slug: string;
  name: string;
  offerIds: number[];
  needIds: number[];
}

/** Inserts one actor (with tags and members) and returns its id, slug and tag ids. */
export async function createActor(target: TestApp | Db, overrides: ActorOverrides = {}): Promise<TestActor> {
  const db = 'db' in target ? target.db : target;
  const suffix = randomBytes(3).toString('hex');
  const name = overrides.name ?? `Testakteur ${suffix}`;
  const slug = overrides.slug ?? (overrides.name === undefined ? slugBase(name) : `${slugBase(name)}-${suffix}`);
  // Raw SQL: the places domain owns the table's Kysely types.
  const place = overrides.placeId
    ? (await sql<{ state_code: string; latitude: number; longitude: number }>`select state_code, latitude, longitude from places where id = ${overrides.placeId}`.execute(db)).rows[0]
    : undefined;
  const [offerIds, needIds] = [await findOrCreateTagIds(db, overrides.offers ?? []), await findOrCreateTagIds(db, overrides.needs ?? [])];
  const status = overrides.status ?? 'approved';
  const createdAt = overrides.createdAt ?? new Date();
  const row = await db
    .insertInto('actors')
    .values({
      slug,
      kind: overrides.kind ?? 'organisation',
      name,
      sector: overrides.sector ?? 'civil_society',
      action_fields: overrides.actionFields ?? [],
      place_id: overrides.placeId ?? null,
      state_code: overrides.stateCode !== undefined ? overrides.stateCode : (place?.state_code ?? null),
      latitude: overrides.latitude !== undefined ? overrides.latitude : (place?.latitude ?? null),
      longitude: overrides.longitude !== undefined ? overrides.longitude : (place?.longitude ?? null),
      summary: overrides.summary ?? '',
      description: overrides.description ?? '',
      expertise: overrides.expertise ?? '',
      website: overrides.website ?? null,
      links: overrides.links ?? [],
      contact_name: overrides.contact?.name ?? null,
      contact_email: overrides.contact?.email ?? null,
      contact_phone: overrides.contact?.phone ?? null,
      visibility: overrides.visibility ?? 'public',
      status,
      external_id: overrides.externalId ?? null,
      offer_ids: offerIds,
      need_ids: needIds,
      merged_into: overrides.mergedInto ?? null,
      created_by: overrides.admin?.id ?? null,
      approved_at: status === 'approved' ? createdAt : null,
      created_at: createdAt,
      updated_at: createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const members = [...(overrides.admin ? [{ userId: overrides.admin.id, role: 'admin' as const }] : []), ...(overrides.members ?? [])];
  if (members.length > 0) {
    await db
      .insertInto('actor_members')
      .values(members.map((m) => ({ actor_id: row.id, user_id: m.userId, role: m.role ?? 'member', status: m.status ?? 'active', message: m.message ?? null })))
      .execute();
  }
  return { id: row.id, slug, name, offerIds, needIds };
}

/** The id of a tag by its label (curated vocabulary terms come with the seed). */
export async function tagId(target: TestApp | Db, label: string): Promise<number> {
  const db = 'db' in target ? target.db : target;
  const row = await db.selectFrom('tags').select('id').where('normalized', '=', normalizeTagLabel(label)).executeTakeFirst();
  if (!row) throw new Error(`no tag "${label}"`);
  return row.id;
}

/**
 * Submits an HTML form like a browser, repeated fields (checkboxes) included: loads the page for its
 * CSRF token, then posts url-encoded with the session cookie.
 */
export async function submit(
  app: FastifyInstance,
  options: { page: string; action?: string; fields: Record<string, string | string[]>; session?: string | null },
): Promise<LightMyRequestResponse> {
  const cookies = options.session ? { [SESSION_COOKIE]: options.session } : undefined;
  const page = await app.inject({ method: 'GET', url: options.page, cookies });
  if (page.statusCode !== 200) throw new Error(`GET ${options.page} answered ${page.statusCode}: ${page.body.slice(0, 300)}`);
  const body = new URLSearchParams({ _csrf: csrfFrom(page.body) });
  for (const [name, value] of Object.entries(options.fields)) for (const item of Array.isArray(value) ? value : [value]) body.append(name, item);
  return app.inject({ method: 'POST', url: options.action ?? options.page, cookies, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: body.toString() });
}

/** A personal access token for API tests. */
export async function accessToken(t: TestApp, userId: number): Promise<string> {
  const { token, hash } = newToken(ACCESS_TOKEN_PREFIX);
  await t.db.insertInto('access_tokens').values({ token_hash: hash, user_id: userId, name: 'test' }).execute();
  return token;
}

/** An active tie between two actors (as an accepted introduction leaves it): their people see each other's contact details. */
export async function connectActors(target: TestApp | Db, a: number, b: number, options: { kind?: 'introduction' | 'cooperation'; since?: string } = {}) {
  const db = 'db' in target ? target.db : target;
  await db
    .insertInto('ties')
    .values({ actor_a: Math.min(a, b), actor_b: Math.max(a, b), kind: options.kind ?? 'introduction', origin: 'self_initiated', status: 'active', since: options.since ?? '2025-01-15' })
    .execute();
}
