import { Type, type TSchema } from 'typebox';
import { ACTION_FIELDS, ACTOR_KINDS, ACTOR_STATUSES, MEMBER_ROLES, SECTORS, VISIBILITIES } from './model.js';

// Bodies declare types only; lengths, formats and vocabularies are checked by the use cases, which
// answer with translated messages per field (the same as the HTML forms).

const literals = (values: readonly string[], description?: string) => Type.Union(values.map((v) => Type.Literal(v)), description ? { description } : {});
const dateTime = Type.String({ format: 'date-time' });
// Null first: with type coercion on, ajv would otherwise turn a null into 0 or '' for the first branch.
const nullable = <T extends TSchema>(schema: T) => Type.Union([Type.Null(), schema]);

export const actorRefParams = Type.Object({ ref: Type.String({ minLength: 1, maxLength: 200, description: 'Numeric id or slug of the actor' }) });
export const memberParams = Type.Object({ ref: actorRefParams.properties.ref, userId: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) });
export const tagParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) });

const actorFields = {
  name: Type.Optional(Type.String({ description: 'Required on create: 2–160 characters' })),
  sector: Type.Optional(Type.String({ description: `Required on create: one of ${SECTORS.join(', ')}` })),
  actionFields: Type.Optional(Type.Array(Type.String(), { description: `Any of ${ACTION_FIELDS.join(', ')}` })),
  placeId: Type.Optional(nullable(Type.Integer({ description: 'Gazetteer id of the place (see the places API); null removes the place' }))),
  place: Type.Optional(Type.String({ description: 'The place as a person would type it ("Mannheim", "68159"); ambiguous names are refused with a 400' })),
  summary: Type.Optional(Type.String({ description: 'Short description, at most 300 characters' })),
  description: Type.Optional(Type.String({ description: 'Plain text, paragraphs separated by an empty line, at most 10,000 characters' })),
  expertise: Type.Optional(Type.String({ description: 'Plain text, at most 2,000 characters' })),
  website: Type.Optional(nullable(Type.String({ description: 'http(s) URL' }))),
  links: Type.Optional(Type.Array(Type.String(), { description: 'Further http(s) URLs, at most 10' })),
  contact: Type.Optional(nullable(Type.Object({ name: Type.Optional(Type.String()), email: Type.Optional(Type.String()), phone: Type.Optional(Type.String()) }, { additionalProperties: false }))),
  visibility: Type.Optional(Type.String({ description: `One of ${VISIBILITIES.join(', ')} (default public)` })),
  offers: Type.Optional(Type.Array(Type.String(), { description: 'Offer labels: vocabulary terms by their German label, other labels become free tags (≤ 60 characters each, ≤ 20 with offerIds)' })),
  offerIds: Type.Optional(Type.Array(Type.Integer(), { description: 'Offer tag ids (see /api/v1/vocabulary)' })),
  needs: Type.Optional(Type.Array(Type.String(), { description: 'Need labels, as offers' })),
  needIds: Type.Optional(Type.Array(Type.Integer(), { description: 'Need tag ids' })),
};

/** Required: kind, name, sector — checked by the use case, so that the answer names them in the caller's language. */
export const actorCreateBody = Type.Object({ kind: Type.Optional(Type.String({ description: `Required: one of ${ACTOR_KINDS.join(', ')}` })), ...actorFields }, { additionalProperties: false });
export const actorPatchBody = Type.Object(actorFields, { additionalProperties: false, description: 'Only the fields given change; offers/offerIds (and needs/needIds) replace the list' });

const tagSchema = Type.Object({ id: Type.Integer(), label: Type.String(), labelEn: nullable(Type.String()), curated: Type.Boolean() });

export const actorSchema = Type.Object(
  {
    id: Type.Integer(),
    slug: Type.String(),
    kind: literals(ACTOR_KINDS),
    name: Type.String(),
    sector: literals(SECTORS),
    actionFields: Type.Array(literals(ACTION_FIELDS)),
    place: nullable(Type.Object({ id: Type.Integer(), name: Type.String(), municipalityKey: nullable(Type.String()), stateCode: Type.String(), district: nullable(Type.String()) })),
    stateCode: nullable(Type.String()),
    latitude: nullable(Type.Number()),
    longitude: nullable(Type.Number()),
    summary: Type.String(),
    description: Type.String(),
    expertise: Type.String(),
    website: nullable(Type.String()),
    links: Type.Array(Type.String()),
    contact: nullable(Type.Object({ name: nullable(Type.String()), email: nullable(Type.String()), phone: nullable(Type.String()) }, { description: 'Only for signed-in members' })),
    image: nullable(Type.Object({ fileId: Type.Integer(), alt: Type.String(), credit: Type.String() })),
    visibility: literals(VISIBILITIES),
    status: literals(ACTOR_STATUSES),
    reviewNote: nullable(Type.String({ description: 'Only for the actor’s editors' })),
    offers: Type.Array(tagSchema),
    needs: Type.Array(tagSchema),
    createdAt: dateTime,
    updatedAt: dateTime,
    approvedAt: nullable(dateTime),
    viewer: Type.Object(
      {
        membership: nullable(literals(MEMBER_ROLES)),
        requested: Type.Boolean(),
        canEdit: Type.Boolean(),
        coordinator: Type.Boolean(),
        signedIn: Type.Boolean(),
      },
      { description: 'What the caller may do with this actor' },
    ),
  },
  { description: 'An actor (organisation or person) as the caller may see it' },
);

const memberSchema = Type.Object({
  userId: Type.Integer(),
  name: Type.String(),
  email: nullable(Type.String({ description: 'Only for the actor’s admins and coordinators' })),
  role: literals(MEMBER_ROLES),
  status: literals(['active', 'pending']),
  message: nullable(Type.String()),
  since: dateTime,
});
/** Who an actor is, in lists: the fields every short entry starts with. */
const actorBrief = { id: Type.Integer(), slug: Type.String(), name: Type.String(), kind: literals(ACTOR_KINDS) };

export const membersSchema = Type.Object({
  actor: Type.Object(actorBrief),
  manage: Type.Boolean({ description: 'The caller decides requests and changes roles' }),
  members: Type.Array(memberSchema),
  requests: Type.Array(memberSchema, { description: 'Open requests to join; only for those who decide them' }),
});
export const joinBody = Type.Object({ message: Type.Optional(Type.String({ description: 'To the admins, at most 1,000 characters' })) }, { additionalProperties: false });
export const joinSchema = Type.Object({ status: literals(['requested', 'already_member', 'already_requested']) });
export const memberPatchBody = Type.Object(
  { role: Type.Optional(Type.String({ description: 'admin or member' })), status: Type.Optional(Type.Literal('active', { description: 'Accepts a pending request' })) },
  { additionalProperties: false },
);

export const myActorsSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      ...actorBrief,
      status: literals(ACTOR_STATUSES),
      visibility: literals(VISIBILITIES),
      role: literals(MEMBER_ROLES),
      membership: literals(['active', 'pending']),
    }),
  ),
});

export const reviewQuery = Type.Object({ page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1 })) }, { additionalProperties: false });
export const reviewQueueSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      ...actorBrief,
      sector: literals(SECTORS),
      summary: Type.String(),
      createdAt: dateTime,
      creatorName: nullable(Type.String()),
    }),
  ),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  pages: Type.Integer(),
});
export const reviewBody = Type.Object(
  { decision: Type.String({ description: 'approve or reject' }), note: Type.Optional(Type.String({ description: 'Required when rejecting; mailed to the creator' })) },
  { additionalProperties: false },
);
export const reviewSchema = Type.Object({ status: literals(['approved', 'rejected']) });

export const mergeBody = Type.Object(
  { survivor: Type.Union([Type.Integer({ minimum: 1 }), Type.String({ minLength: 1, maxLength: 200 })], { description: 'Id or slug of the actor that remains' }) },
  { additionalProperties: false },
);

export const vocabularySchema = Type.Object({ items: Type.Array(tagSchema) });
export const vocabularyCreateBody = Type.Object({ label: Type.String({ description: 'German label, at most 60 characters' }), labelEn: Type.Optional(Type.String()) }, { additionalProperties: false });
export const vocabularyCreatedSchema = Type.Object({ status: literals(['created', 'promoted']), tag: tagSchema });
export const vocabularyPatchBody = Type.Object(
  { label: Type.Optional(Type.String()), labelEn: Type.Optional(nullable(Type.String())), curated: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
export const tagMergeBody = Type.Object({ into: Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: 'The tag that remains' }) }, { additionalProperties: false });
export { tagSchema };
