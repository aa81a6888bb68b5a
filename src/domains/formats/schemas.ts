import { Type, type TSchema } from 'typebox';
import { ACTION_FIELDS, SECTORS } from '../actors/service.js';
import { API_PAGE_MAX, FORMAT_KINDS, FORMAT_MODES, FORMAT_STATUSES, LIST_STATES, REGISTRATION_STATUSES } from './model.js';

// Bodies declare types only; lengths, vocabularies and dates are checked by the use cases, which
// answer with translated messages per field (the same as the HTML forms).

const literals = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));
const nullable = <T extends TSchema>(schema: T) => Type.Union([Type.Null(), schema]);
const dateTime = Type.String({ format: 'date-time' });
const text = (description: string) => Type.Optional(Type.String({ description }));
const list = (description: string) => Type.Optional(Type.Union([Type.Array(Type.String()), Type.String()], { description }));

export const formatRefParams = Type.Object({ ref: Type.String({ minLength: 1, maxLength: 200, description: 'Numeric id or slug of the format' }) });
export const idParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) });

export const listQuery = Type.Object(
  {
    when: Type.Optional(Type.Union([Type.Literal('upcoming'), Type.Literal('past'), Type.Literal('all')], { description: 'upcoming (default: not yet ended), past, or all' })),
    kind: text(`One of ${FORMAT_KINDS.join(', ')}`),
    mode: text(`One of ${FORMAT_MODES.join(', ')}`),
    state: text(`Registration state: ${LIST_STATES.join(', ')} (draft: coordinators and editors)`),
    actionField: text(`One of ${ACTION_FIELDS.join(', ')}`),
    month: text('YYYY-MM: formats starting in that month (German time)'),
    page: text('Page number, from 1'),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: API_PAGE_MAX, description: `Items per page (default 20, at most ${API_PAGE_MAX})` })),
  },
  { additionalProperties: false },
);

export const formatBody = Type.Object(
  {
    kind: Type.String({ description: `One of ${FORMAT_KINDS.join(', ')}` }),
    title: Type.String({ description: 'At most 200 characters' }),
    teaser: text('At most 500 characters'),
    description: text('Plain text, paragraphs separated by an empty line; at most 20,000 characters'),
    agenda: Type.Optional(Type.Array(Type.Object({ time: Type.String({ description: 'HH:MM, HH:MM–HH:MM, or YYYY-MM-DD HH:MM' }), title: Type.String() }), { description: 'At most 100 items' })),
    startsAt: Type.String({ description: 'German local time YYYY-MM-DDTHH:MM, or an RFC 3339 instant with offset' }),
    endsAt: Type.String({ description: 'As startsAt; after it, at most 14 days later' }),
    mode: Type.String({ description: `One of ${FORMAT_MODES.join(', ')}` }),
    venue: text('Building and address'),
    place: text('Municipality name or postcode from the gazetteer'),
    placeId: Type.Optional(Type.Integer({ minimum: 1, description: 'Gazetteer id of the place (instead of place)' })),
    onlineLink: text('https URL; shown only to registered participants'),
    hosts: list('Slugs of host organisations'),
    editors: list('Email addresses of members who may run the format (coordinators only)'),
    actionFields: Type.Optional(Type.Array(Type.String(), { description: ACTION_FIELDS.join(', ') })),
    capacity: Type.Optional(Type.Union([Type.Integer(), Type.Null()], { description: 'Seats (1–100,000); null: no limit' })),
    registrationOpensAt: text('As startsAt; empty: open once published'),
    registrationClosesAt: text('As startsAt; empty: until the start'),
    maxSectorShare: Type.Optional(Type.Union([Type.Integer(), Type.Null()], { description: 'Per cent of the seats one sector may take (17–100: below, six sectors could not fill the room); needs capacity' })),
  },
  { additionalProperties: false },
);

export const cancelBody = Type.Object({ reason: text('A note to those registered, at most 2,000 characters') }, { additionalProperties: false });

export const registrationBody = Type.Object(
  {
    actor: text('Members: slug of the own organisation represented; empty: as a person'),
    sector: text(`Guests, and members as a person: ${SECTORS.join(', ')}`),
    name: text('Guests: name'),
    email: text('Guests: email address (a confirmation mail goes there)'),
    organisation: text('Guests: organisation (optional)'),
  },
  { additionalProperties: false },
);

const hostSchema = Type.Object({ slug: Type.String(), name: Type.String() });
const ownRegistration = Type.Object({
  id: Type.Integer(),
  status: literals(REGISTRATION_STATUSES),
  waitlistPosition: nullable(Type.Integer({ description: '1 = next to move up' })),
  organisation: nullable(Type.String()),
  attended: Type.Boolean(),
});
const summaryProperties = {
  id: Type.Integer(),
  uid: Type.String({ description: 'Permanent id (also in the iCalendar UID)' }),
  slug: Type.String(),
  kind: literals(FORMAT_KINDS),
  title: Type.String(),
  teaser: Type.String(),
  startsAt: dateTime,
  endsAt: dateTime,
  mode: literals(FORMAT_MODES),
  status: literals(FORMAT_STATUSES),
  venue: nullable(Type.String()),
  place: nullable(Type.Object({ id: Type.Integer(), name: Type.String() })),
  actionFields: Type.Array(literals(ACTION_FIELDS)),
  capacity: nullable(Type.Integer()),
  seatsTaken: Type.Integer(),
  seatsFree: nullable(Type.Integer()),
  registration: Type.String({ description: 'open, full, not_yet_open, closed, cancelled, draft' }),
  hosts: Type.Array(hostSchema),
  sequence: Type.Integer({ description: 'iCalendar SEQUENCE: raised with every change a calendar shows' }),
  updatedAt: dateTime,
};
export const formatSummarySchema = Type.Object(summaryProperties);
export const formatListSchema = Type.Object({ total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer(), items: Type.Array(formatSummarySchema) });
export const formatDetailSchema = Type.Object({
  ...summaryProperties,
  place: nullable(Type.Object({ id: Type.Integer(), name: Type.String(), stateCode: Type.String(), latitude: Type.Number(), longitude: Type.Number() })),
  description: Type.String(),
  agenda: Type.Array(Type.Object({ time: Type.String(), title: Type.String() })),
  registrationOpensAt: nullable(dateTime),
  registrationClosesAt: nullable(dateTime),
  maxSectorShare: nullable(Type.Integer()),
  onlineLink: nullable(Type.String({ description: 'Only for registered participants and those who run the format' })),
  createdAt: dateTime,
  viewer: Type.Object({ canEdit: Type.Boolean(), registration: nullable(ownRegistration) }),
  documentation: Type.Object({
    resultsHtml: Type.String({ description: 'The results as sanitised HTML (empty when none or not visible to the caller)' }),
    results: Type.String({ description: 'The Markdown source (only for those who run the format)' }),
    resultsVisibility: literals(['public', 'members']),
    insights: Type.Array(Type.Object({ id: Type.Integer(), text: Type.String(), visibility: literals(['public', 'members']) })),
    media: Type.Array(
      Type.Object({
        id: Type.Integer(),
        kind: literals(['photo', 'graphic_recording', 'file']),
        title: Type.String(),
        alt: nullable(Type.String()),
        credit: nullable(Type.String()),
        visibility: literals(['public', 'members']),
        url: Type.String(),
        contentType: Type.String(),
        byteSize: Type.Integer(),
        width: nullable(Type.Integer()),
        height: nullable(Type.Integer()),
      }),
    ),
  }),
});
export const outcomeSchema = Type.Object({
  outcome: Type.String({ description: 'registered, waitlisted, confirmation_sent (guests: see the mail), already' }),
  registration: nullable(ownRegistration),
});
export const myRegistrationsSchema = Type.Object({ items: Type.Array(Type.Object({ registration: ownRegistration, format: formatSummarySchema })) });

export const participantSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  email: Type.String(),
  organisation: nullable(Type.String()),
  sector: literals(SECTORS),
  status: literals(REGISTRATION_STATUSES),
  member: Type.Boolean({ description: 'Registered with an account (else a guest)' }),
  attended: Type.Boolean(),
  waitlistPosition: nullable(Type.Integer()),
});
export const participantsSchema = Type.Object({ registered: Type.Array(participantSchema), waitlisted: Type.Array(participantSchema), unconfirmed: Type.Integer(), attended: Type.Integer() });
export const attendanceParams = Type.Object({ ref: formatRefParams.properties.ref, id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'Registration id' }) });
export const attendanceBody = Type.Object({ attended: Type.Boolean() }, { additionalProperties: false });


const scoreSchema = Type.Object({ newCrossSectorPairs: Type.Integer(), crossSectorShare: Type.Number(), repeatedPairs: Type.Integer(), knownPairsMet: Type.Integer(), pinsKept: Type.Boolean() });
export const tablePlanSchema = Type.Object({
  people: Type.Integer(),
  plan: nullable(
    Type.Object({
      rounds: Type.Integer(),
      tables: Type.Integer(),
      seats: Type.Array(Type.Array(Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), organisation: nullable(Type.String()), sector: literals(SECTORS) }))), { description: 'seats[round][table]' }),
      pins: Type.Array(Type.Object({ registrationId: Type.Integer(), round: Type.Integer({ description: '0-based' }), table: Type.Integer({ description: '0-based' }) })),
      score: scoreSchema,
      baseline: nullable(scoreSchema),
      bound: nullable(Type.Object({ share: Type.Number(), pairs: Type.Integer() })),
      generatedAt: dateTime,
      outdated: Type.Boolean(),
    }),
  ),
});
export const generatePlanBody = Type.Object({ rounds: Type.Integer({ description: '1–12' }), tables: Type.Integer({ description: 'Tables per round, at most the number of registered people' }) }, { additionalProperties: false });
export const moveSeatBody = Type.Object(
  { registration: Type.Integer({ minimum: 1 }), round: Type.Integer({ description: '1-based' }), table: Type.Integer({ description: '1-based' }) },
  { additionalProperties: false },
);
export const resultsBody = Type.Object({ results: Type.String({ description: 'Markdown, at most 50,000 characters' }), visibility: Type.String({ description: 'public or members' }) }, { additionalProperties: false });
export const insightBody = Type.Object({ text: Type.String({ description: 'At most 1,000 characters' }), visibility: Type.String({ description: 'public or members' }) }, { additionalProperties: false });
export const created = Type.Object({ id: Type.Integer() });
export const itemParams = Type.Object({ ref: formatRefParams.properties.ref, id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) });
