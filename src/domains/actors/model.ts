/** The actor domain's fixed vocabularies (DESIGN.md §2): code names here, German/English labels in messages. */

export const SECTORS = ['housing_industry', 'municipality', 'welfare', 'civil_society', 'creative_culture', 'other'] as const;
export type Sector = (typeof SECTORS)[number];

export const ACTION_FIELDS = ['neighbourhood', 'inner_city', 'small_towns', 'rural'] as const;
export type ActionField = (typeof ACTION_FIELDS)[number];

export const ACTOR_KINDS = ['organisation', 'person'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** public: everyone · members: signed-in members · hidden: only the actor's own people and coordinators. */
export const VISIBILITIES = ['public', 'members', 'hidden'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** New organisation profiles wait for a coordinator; a person's own profile is approved at once. */
export const ACTOR_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type ActorStatus = (typeof ACTOR_STATUSES)[number];

export const MEMBER_ROLES = ['admin', 'member'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** ISO 3166-2:DE state codes, in the order of the official state keys (01 Schleswig-Holstein … 16 Thüringen). */
export const STATES = ['SH', 'HH', 'NI', 'HB', 'NW', 'HE', 'RP', 'BW', 'BY', 'SL', 'BE', 'BB', 'MV', 'SN', 'ST', 'TH'] as const;
export type StateCode = (typeof STATES)[number];

/** Path words under /akteure that can never be a profile's slug. */
export const RESERVED_SLUGS = new Set(['karte', 'neu', 'export', 'import', 'pruefung', 'vokabular', 'suche', 'liste', 'zusammenfuehren']);
