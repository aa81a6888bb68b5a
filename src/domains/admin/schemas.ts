import { Type, type TSchema } from 'typebox';
import type { Role } from '../../platform/context.js';
import { roles } from './service.js';

const MAX_PAGE = 100_000;
const dateTime = Type.String({ format: 'date-time' });
const roleSchema = Type.Union(roles.map((r) => Type.Literal(r)), { description: 'member, coordinator or admin' });

/** Ids are bigint in the database; larger numbers are rejected (400) before they reach SQL. */
export const idParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) });
const pageQuery = { page: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: 1, description: '1-based page number, 50 entries per page' })) };

export const usersQuery = Type.Object(
  { q: Type.Optional(Type.String({ maxLength: 200, description: 'Part of the name or email address' })), role: Type.Optional(roleSchema), ...pageQuery },
  { additionalProperties: false },
);
export const outboxQuery = Type.Object({ recipient: Type.Optional(Type.String({ maxLength: 254, description: 'Exact recipient address' })), ...pageQuery }, { additionalProperties: false });
export const pageOnlyQuery = Type.Object(pageQuery, { additionalProperties: false });
export const roleBody = Type.Object({ role: roleSchema }, { additionalProperties: false });

const pageOf = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer(), pages: Type.Integer() });

export const userSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  email: Type.String(),
  role: roleSchema,
  locale: Type.Union([Type.Literal('de'), Type.Literal('en')]),
  verified: Type.Boolean(),
  createdAt: dateTime,
  updatedAt: dateTime,
});
export const userDetailSchema = Type.Object({
  ...userSchema.properties,
  verifiedAt: Type.Union([dateTime, Type.Null()]),
  activeSessions: Type.Integer(),
});
export const usersPageSchema = pageOf(userSchema);

const outboxSummary = { id: Type.Integer(), recipient: Type.String(), subject: Type.String(), locale: Type.String(), createdAt: dateTime };
export const outboxPageSchema = pageOf(Type.Object(outboxSummary));
export const outboxMailSchema = Type.Object({ ...outboxSummary, textBody: Type.String(), htmlBody: Type.String({ description: 'HTML source; never render it unsandboxed' }) });

export const auditPageSchema = pageOf(
  Type.Object({
    id: Type.Integer(),
    actorLabel: Type.String(),
    action: Type.String(),
    subjectLabel: Type.Union([Type.String(), Type.Null()]),
    details: Type.Record(Type.String(), Type.Unknown()),
    createdAt: dateTime,
  }),
);

export const feedbackPageSchema = pageOf(
  Type.Object({
    id: Type.Integer(),
    name: Type.Union([Type.String(), Type.Null()]),
    email: Type.Union([Type.String(), Type.Null()]),
    pageUrl: Type.Union([Type.String(), Type.Null()]),
    message: Type.String(),
    locale: Type.String(),
    createdAt: dateTime,
  }),
);

// HTML pages take their query leniently: a bad value falls back to the default instead of an error.
const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

export function readPage(query: unknown): number {
  const raw = first((query as Record<string, unknown> | undefined)?.page);
  const page = typeof raw === 'string' && /^\d{1,6}$/.test(raw) ? Number(raw) : 1;
  return page >= 1 && page <= MAX_PAGE ? page : 1;
}

export function readText(query: unknown, name: string, max: number): string | undefined {
  const raw = first((query as Record<string, unknown> | undefined)?.[name]);
  return typeof raw === 'string' && raw.trim() !== '' ? raw.trim().slice(0, max) : undefined;
}

export function readRoleFilter(query: unknown): Role | undefined {
  const raw = readText(query, 'role', 20);
  return roles.find((r) => r === raw);
}

/** A path id of an HTML page; anything but a plain positive integer is "not found". */
export function readId(params: unknown): number | null {
  const raw = (params as { id?: unknown } | undefined)?.id;
  return typeof raw === 'string' && /^[1-9]\d{0,14}$/.test(raw) ? Number(raw) : null;
}
