import { Type } from 'typebox';

// Bodies declare types only; lengths, formats and password strength are checked by the use cases,
// which answer with translated messages per field.

const locale = Type.Union([Type.Literal('de'), Type.Literal('en')], { description: 'Language of pages and mails' });
const role = Type.Union([Type.Literal('member'), Type.Literal('coordinator'), Type.Literal('admin')]);
const dateTime = Type.String({ format: 'date-time' });
const nullableDateTime = Type.Union([dateTime, Type.Null()]);

export const registerBody = Type.Object(
  {
    name: Type.String({ description: 'Display name, at most 100 characters' }),
    email: Type.String({ description: 'Email address, at most 254 characters' }),
    password: Type.String({ description: '10–256 characters, not easy to guess' }),
    locale: Type.Optional(locale),
  },
  { additionalProperties: false },
);

export const emailBody = Type.Object({ email: Type.String() }, { additionalProperties: false });

export const checkMailSchema = Type.Object(
  { status: Type.Literal('check_mail'), detail: Type.String() },
  { description: 'The same answer whether or not the address belongs to an account' },
);

export const accountSchema = Type.Object(
  {
    id: Type.Integer(),
    name: Type.String(),
    email: Type.String(),
    role,
    locale,
    createdAt: dateTime,
    activeSessions: Type.Integer({ description: 'Devices logged in with a session' }),
  },
  { description: 'The signed-in account' },
);

export const profilePatch = Type.Object({ name: Type.Optional(Type.String()), locale: Type.Optional(locale) }, { additionalProperties: false });

export const passwordChangeBody = Type.Object({ currentPassword: Type.String(), newPassword: Type.String() }, { additionalProperties: false });

export const emailChangeBody = Type.Object({ newEmail: Type.String(), password: Type.String() }, { additionalProperties: false });

export const passwordBody = Type.Object({ password: Type.String({ description: 'Current password, to confirm' }) }, { additionalProperties: false });

export const accessTokenSchema = Type.Object({ id: Type.Integer(), name: Type.String(), createdAt: dateTime, lastUsedAt: nullableDateTime });

export const accessTokenList = Type.Object({ items: Type.Array(accessTokenSchema) });

export const accessTokenCreate = Type.Object({ name: Type.String({ description: 'What the token is for, at most 100 characters' }) }, { additionalProperties: false });

export const accessTokenCreated = Type.Object(
  { token: Type.String({ description: 'The secret (qn_pat_…); shown only in this answer' }), accessToken: accessTokenSchema },
  { description: 'A new personal access token' },
);

export const accessTokenParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export const myDataSchema = Type.Object(
  {
    exportedAt: dateTime,
    profile: Type.Object({ name: Type.String(), email: Type.String(), role, locale, emailVerifiedAt: nullableDateTime, createdAt: dateTime }),
    sessions: Type.Array(Type.Object({ createdAt: dateTime, lastSeenAt: dateTime, expiresAt: dateTime, userAgent: Type.Union([Type.String(), Type.Null()]) })),
    accessTokens: Type.Array(Type.Object({ name: Type.String(), createdAt: dateTime, lastUsedAt: nullableDateTime, revokedAt: nullableDateTime })),
    auditLog: Type.Array(Type.Object({ action: Type.String(), actor: Type.String(), details: Type.Record(Type.String(), Type.Unknown()), createdAt: dateTime })),
  },
  { description: 'Everything stored about the signed-in person' },
);

export const noContent = Type.Null({ description: 'Done; no content' });
