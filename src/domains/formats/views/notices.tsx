import { defineNotices } from '../../../platform/layout/notices.js';
import { messages, type MessageKey } from '../messages.js';

/** Success notices after a change (?hinweis=…), shared by the formats pages. */
export const notices = {
  angelegt: 'outcome.created',
  gespeichert: 'outcome.saved',
  veroeffentlicht: 'outcome.published',
  abgesagt: 'outcome.formatCancelled',
  angemeldet: 'outcome.registered',
  warteliste: 'outcome.waitlistedNotice',
  bestaetigen: 'outcome.confirmation_sent',
  bereits: 'outcome.already',
  storniert: 'outcome.cancelled',
  tischplan: 'plan.generated',
  umgesetzt: 'plan.moved',
} as const satisfies Record<string, MessageKey>;
export type Notice = keyof typeof notices;
export const { noticeOf, NoticeAlert } = defineNotices(messages, notices);
