/** Facts the legal pages state; change them together with the texts they appear in. */
export const LEGAL_UPDATED = { de: '25. November 2026', en: '25 November 2026', iso: '2026-11-25' } as const;

/** How long the operator keeps server logs (the privacy statement promises this; set log rotation to match). */
export const LOG_RETENTION_DAYS = 14;
