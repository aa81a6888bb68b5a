/** The partnering domain's fixed vocabularies and limits (DESIGN.md §2: Tie, Introduction). */

export const TIE_KINDS = ['introduction', 'met_at_format', 'cooperation', 'project_partnership', 'lab_partnership', 'co_authorship'] as const;
export type TieKind = (typeof TIE_KINDS)[number];
/** The kinds two actors declare themselves ("we work together"); the others come from introductions, formats and labs. */
export const DECLARED_TIE_KINDS = ['cooperation', 'project_partnership', 'lab_partnership'] as const satisfies readonly TieKind[];
export type DeclaredTieKind = (typeof DECLARED_TIE_KINDS)[number];

/** brokered: a coordinator (or a format) brought them together · self_initiated: one of them asked. */
export const TIE_ORIGINS = ['brokered', 'self_initiated'] as const;
export type TieOrigin = (typeof TIE_ORIGINS)[number];

export const TIE_STATUSES = ['proposed', 'active', 'ended', 'declined'] as const;
export type TieStatus = (typeof TIE_STATUSES)[number];

export const INTRODUCTION_STATUSES = ['pending', 'accepted', 'declined', 'expired', 'withdrawn'] as const;
export type IntroductionStatus = (typeof INTRODUCTION_STATUSES)[number];

/** Who sees an actor's ties: everyone, signed-in members, or no one but its own people and coordinators. */
export const TIES_VISIBILITIES = ['public', 'members', 'none'] as const;
export type TiesVisibility = (typeof TIES_VISIBILITIES)[number];

export const MESSAGE_MAX = 2000;
export const REPLY_MAX = 2000;
/** An unanswered introduction is reminded once after a week and expires after three. */
export const REMIND_AFTER_DAYS = 7;
export const EXPIRE_AFTER_DAYS = 21;
/** After a decline, the same pair cannot be asked again for this long (by a member). */
export const DECLINE_COOLDOWN_DAYS = 90;
/** Introduction requests per member (rate limit, shared by the page and the API). */
export const REQUEST_LIMIT = { max: 10, timeWindow: '1 minute', nameSpace: 'partnering-introductions' };
export const SUGGESTIONS_DEFAULT = 10;
export const SUGGESTIONS_MAX = 50;
export const DISTANCE_MAX_KM = 1000;

export const DAY_MS = 24 * 3600 * 1000;
