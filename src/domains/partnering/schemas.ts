import { Type, type TSchema } from 'typebox';
import { ACTION_FIELDS, SECTORS } from '../actors/service.js';
import { DECLARED_TIE_KINDS, DISTANCE_MAX_KM, INTRODUCTION_STATUSES, SUGGESTIONS_MAX, TIE_KINDS, TIE_ORIGINS, TIE_STATUSES, TIES_VISIBILITIES } from './model.js';
import { WEIGHT_KEYS, WEIGHT_MAX } from './scoring.js';

// Bodies declare types only; lengths, vocabularies and dates are checked by the use cases, which
// answer with translated messages per field (the same as the HTML forms).

const literals = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));
const nullable = <T extends TSchema>(schema: T) => Type.Union([Type.Null(), schema]);
const dateTime = Type.String({ format: 'date-time' });
const ref = (description: string) => Type.Union([Type.String({ minLength: 1, maxLength: 200 }), Type.Integer({ minimum: 1 })], { description });

export const actorRefParams = Type.Object({ ref: Type.String({ minLength: 1, maxLength: 200, description: 'Numeric id or slug of the actor' }) });
export const idParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) });

export const suggestionsQuery = Type.Object(
  {
    actor: Type.String({ minLength: 1, maxLength: 200, description: 'Id or slug of the actor to find partners for (one of the caller’s own; coordinators: any)' }),
    sector: Type.Optional(Type.String({ description: `Only partners of this sector: ${SECTORS.join(', ')}` })),
    actionField: Type.Optional(Type.String({ description: `Only partners in this action field: ${ACTION_FIELDS.join(', ')}` })),
    maxKm: Type.Optional(Type.String({ description: `At most this far away (1–${DISTANCE_MAX_KM} km)` })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: SUGGESTIONS_MAX, description: `How many (default 10, at most ${SUGGESTIONS_MAX})` })),
  },
  { additionalProperties: false },
);

const tagRef = Type.Object({ id: Type.Integer(), label: Type.String() });
const components = Type.Object(Object.fromEntries(WEIGHT_KEYS.map((k) => [k, Type.Number({ minimum: 0, maximum: 1 })])), { description: 'Each part of the score in [0, 1]; the score is their sum weighted as in /api/v1/partnering/weights' });
export const suggestionSchema = Type.Object({
  actor: Type.Object({ id: Type.Integer(), slug: Type.String(), name: Type.String(), sector: literals(SECTORS) }),
  score: Type.Number(),
  components,
  reason: Type.Object({
    offersYouNeed: Type.Array(tagRef),
    needsYouOffer: Type.Array(tagRef),
    similarWords: Type.Array(Type.String()),
    sectors: nullable(Type.Array(literals(SECTORS), { minItems: 2, maxItems: 2 })),
    rareSectorPair: Type.Boolean(),
    sharedActionFields: Type.Array(literals(ACTION_FIELDS)),
    distanceKm: nullable(Type.Number()),
    commonContact: nullable(Type.Object({ slug: Type.String(), name: Type.String() })),
    recentlyActive: Type.Boolean(),
  }),
  reasonText: Type.String({ description: 'The reason in plain language, in the caller’s language' }),
});
export const suggestionListSchema = Type.Object({
  actor: Type.Object({ id: Type.Integer(), slug: Type.String(), name: Type.String(), sector: literals(SECTORS) }),
  filters: Type.Object({ sector: Type.Optional(Type.String()), actionField: Type.Optional(Type.String()), maxKm: Type.Optional(Type.Number()) }),
  suggestions: Type.Array(suggestionSchema),
});
export const dismissalBody = Type.Object(
  { actor: ref('The actor (one of the caller’s own)'), candidate: Type.Integer({ minimum: 1, description: 'Id of the suggested actor that is not relevant' }) },
  { additionalProperties: false },
);

export const introductionBody = Type.Object(
  { from: ref('The caller’s organisation that asks'), to: ref('The actor to be introduced to'), message: Type.Optional(Type.String({ description: 'Why, what for: 10–2,000 characters, plain text' })) },
  { additionalProperties: false },
);
export const brokerBody = Type.Object({ a: ref('First actor'), b: ref('Second actor'), message: Type.Optional(Type.String({ description: '10–2,000 characters' })) }, { additionalProperties: false });
export const answerBody = Type.Object(
  { decision: Type.String({ description: 'accept or decline' }), reply: Type.Optional(Type.String({ description: 'Optional reply, at most 2,000 characters' })) },
  { additionalProperties: false },
);

const side = Type.Object({
  actor: Type.Object({ id: Type.Integer(), slug: nullable(Type.String()), name: Type.String(), sector: nullable(Type.String()) }),
  accepted: Type.Boolean(),
  mine: Type.Boolean(),
  contact: nullable(
    Type.Object({
      person: nullable(Type.String()),
      email: nullable(Type.String()),
      phone: nullable(Type.String()),
      answeredBy: nullable(Type.Object({ name: Type.String(), email: Type.String() })),
    }),
  ),
});
export const introductionSchema = Type.Object({
  id: Type.Integer(),
  origin: literals(TIE_ORIGINS),
  status: literals(INTRODUCTION_STATUSES),
  message: Type.String(),
  requester: side,
  target: side,
  requesterReply: nullable(Type.String()),
  targetReply: nullable(Type.String()),
  requestedBy: nullable(Type.Object({ name: Type.String() })),
  createdAt: dateTime,
  expiresAt: dateTime,
  decidedAt: nullable(dateTime),
  canAnswer: Type.Boolean(),
  canWithdraw: Type.Boolean(),
});
export const introductionListsSchema = Type.Object({ toAnswer: Type.Array(introductionSchema), others: Type.Array(introductionSchema) });

export const tieBody = Type.Object(
  {
    from: ref('The caller’s organisation (its admins)'),
    to: ref('The partner'),
    kind: Type.String({ description: `One of ${DECLARED_TIE_KINDS.join(', ')}` }),
    since: Type.String({ description: 'Start date YYYY-MM-DD, not in the future' }),
  },
  { additionalProperties: false },
);
export const endTieBody = Type.Object({ endedOn: Type.Optional(Type.String({ description: 'End date YYYY-MM-DD (default today)' })) }, { additionalProperties: false });
export const tieSchema = Type.Object({
  id: Type.Integer(),
  kind: literals(TIE_KINDS),
  origin: literals(TIE_ORIGINS),
  status: literals(TIE_STATUSES),
  since: Type.String(),
  endedOn: nullable(Type.String()),
  partner: Type.Object({ id: Type.Integer(), slug: Type.String(), name: Type.String(), sector: Type.String() }),
  canConfirm: Type.Boolean(),
  canDecline: Type.Boolean(),
  canEnd: Type.Boolean(),
  proposedByUs: Type.Boolean(),
});
export const networkSchema = Type.Object({ actor: Type.Object({ id: Type.Integer(), slug: Type.String(), name: Type.String() }), manage: Type.Boolean(), ties: Type.Array(tieSchema) });

export const preferencesSchema = Type.Object({ suggestible: Type.Boolean(), contactable: Type.Boolean(), tiesVisibility: literals(TIES_VISIBILITIES) });
export const preferencesBody = Type.Object(
  { suggestible: Type.Optional(Type.Boolean()), contactable: Type.Optional(Type.Boolean()), tiesVisibility: Type.Optional(Type.String({ description: TIES_VISIBILITIES.join(', ') })) },
  { additionalProperties: false },
);

export const weightsSchema = Type.Object(Object.fromEntries(WEIGHT_KEYS.map((k) => [k, Type.Number()])));
export const weightsBody = Type.Object(Object.fromEntries(WEIGHT_KEYS.map((k) => [k, Type.Optional(Type.Number({ description: `0–${WEIGHT_MAX}` }))])), { additionalProperties: false });
