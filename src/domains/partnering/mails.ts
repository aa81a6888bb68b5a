import type { Context } from '../../platform/context.js';
import { localePath, translator, type Locale } from '../../platform/i18n/index.js';
import { composeMail, queueMail } from '../../platform/mail/index.js';
import { mailMessages } from './mail-messages.js';

/** The partnering mails, each in its recipient's language, queued in the caller's transaction. */

export interface Recipient {
  email: string;
  name: string;
  locale: Locale;
}

type Key = keyof typeof mailMessages.de;

const mails = {
  requested: { subject: 'requested.subject', text: ['requested.text', 'message', 'requested.answer'], action: 'requested.action' },
  brokered: { subject: 'brokered.subject', text: ['brokered.text', 'message', 'requested.answer'], action: 'requested.action' },
  reminder: { subject: 'reminder.subject', text: ['reminder.text', 'message'], action: 'requested.action' },
  accepted: { subject: 'accepted.subject', text: ['accepted.text', 'reply', 'accepted.contact'], action: 'accepted.action' },
  declined: { subject: 'declined.subject', text: ['declined.text', 'reply'], action: 'declined.action' },
  expired: { subject: 'expired.subject', text: ['expired.text'], action: 'declined.action' },
  tieProposed: { subject: 'tieProposed.subject', text: ['tieProposed.text'], action: 'tieProposed.action' },
  tieConfirmed: { subject: 'tieConfirmed.subject', text: ['tieConfirmed.text'], action: 'tieConfirmed.action' },
} satisfies Record<string, { subject: Key; text: Key[]; action: Key }>;

export type PartneringMail = keyof typeof mails;

export interface MailParams {
  /** The recipient's side and the other side (actor names). */
  own: string;
  other: string;
  /** Where the button leads (path without language prefix). */
  path: string;
  message?: string | null;
  reply?: string | null;
  /** The other side's contact details, one per line (accepted introductions only). */
  contact?: string;
  kind?: string;
}

/** Paragraphs that are only there when their value is. */
const optional: Partial<Record<Key, keyof MailParams>> = { message: 'message', reply: 'reply', 'accepted.contact': 'contact' };

export async function sendPartneringMail(ctx: Context, to: Recipient, kind: PartneringMail, params: MailParams) {
  const t = translator(mailMessages, to.locale);
  const spec = mails[kind];
  const values: Record<string, string> = {
    own: params.own,
    other: params.other,
    message: params.message ?? '',
    reply: params.reply ?? '',
    contact: params.contact ?? '',
    kind: params.kind ?? '',
  };
  const paragraphs = (spec.text as Key[]).filter((key) => !optional[key] || values[optional[key]!]).map((key) => t(key, values));
  await queueMail(
    ctx.db,
    composeMail(to.email, {
      locale: to.locale,
      subject: t(spec.subject, values),
      greeting: t('greeting', { name: to.name }),
      paragraphs,
      action: { label: t(spec.action), url: `${ctx.config.publicUrl}${localePath(to.locale, params.path)}` },
      closing: t('closing'),
    }),
  );
}
