/** The formats domain's fixed vocabularies and limits (DESIGN.md §2: Format, Registration). */

export const FORMAT_KINDS = [
  'werkstattgespraech',
  'perspektivenwerkstatt',
  'praxiswerkstatt',
  'erfahrungsaustausch',
  'stadtlabor_session',
  'impulslabor',
  'fachkonferenz',
  'other',
] as const;
export type FormatKind = (typeof FORMAT_KINDS)[number];

export const FORMAT_MODES = ['on_site', 'digital', 'hybrid'] as const;
export type FormatMode = (typeof FORMAT_MODES)[number];

/** draft: only coordinators and the format's editors see it · published · cancelled: shown as cancelled. */
export const FORMAT_STATUSES = ['draft', 'published', 'cancelled'] as const;
export type FormatStatus = (typeof FORMAT_STATUSES)[number];

/** unconfirmed: a guest has not yet followed the mail's link · registered: has a seat · waitlisted · cancelled. */
export const REGISTRATION_STATUSES = ['unconfirmed', 'registered', 'waitlisted', 'cancelled'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** What the list's "state" filter offers: where a format stands for someone who wants to take part. */
export const LIST_STATES = ['open', 'full', 'closed', 'cancelled', 'draft'] as const;
export type ListState = (typeof LIST_STATES)[number];

export const TITLE_MAX = 200;
export const TEASER_MAX = 500;
export const DESCRIPTION_MAX = 20_000;
export const VENUE_MAX = 300;
export const LINK_MAX = 500;
export const AGENDA_MAX_ITEMS = 100;
export const AGENDA_TITLE_MAX = 300;
export const CAPACITY_MAX = 100_000;
export const HOSTS_MAX = 20;
export const EDITORS_MAX = 20;
/** A format lasts at most this long (a conference of several days, not a season). */
export const DURATION_MAX_DAYS = 14;
export const NAME_MAX = 200;
export const ORGANISATION_MAX = 200;

/** A guest's registration waits this long for the confirmation click, then lapses. */
export const CONFIRM_HOURS = 48;
/** Reminders go out this long before the start. */
export const REMIND_BEFORE_HOURS = 48;
/** Guest registrations per address or IP (rate limit, shared by the page and the API). */
export const GUEST_LIMIT = { max: 10, timeWindow: '10 minutes', nameSpace: 'formats-guests' };

export const LIST_PAGE_SIZE = 20;
export const API_PAGE_MAX = 200;

export const HOUR_MS = 3600 * 1000;
export const DAY_MS = 24 * HOUR_MS;

/** Path words under /formate that can never be a format's slug. */
export const RESERVED_SLUGS = new Set(['neu', 'kalender', 'anmeldung', 'art', 'meine', 'medien']);
