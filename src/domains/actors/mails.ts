import type { Context } from '../../platform/context.js';
import { localePath, translator, type Locale } from '../../platform/i18n/index.js';
import { composeMail, queueMail } from '../../platform/mail/index.js';
import { mailMessages } from './mail-messages.js';

export interface Recipient {
  email: string;
  name: string;
  locale: Locale;
}

type Key = keyof typeof mailMessages.de;

/** Each mail: its texts (optional ones only when their parameter is given) and where its button leads. */
const mails = {
  approved: { subject: 'approved.subject', text: ['approved.text'], action: { label: 'approved.action', path: (slug: string) => `/akteure/${slug}` } },
  rejected: { subject: 'rejected.subject', text: ['rejected.text', 'rejected.note', 'rejected.next'], action: { label: 'rejected.action', path: (slug: string) => `/akteure/${slug}/bearbeiten` } },
  requested: { subject: 'requested.subject', text: ['requested.text', 'requested.message'], action: { label: 'requested.action', path: (slug: string) => `/akteure/${slug}/mitglieder` } },
  accepted: { subject: 'accepted.subject', text: ['accepted.text'], action: { label: 'accepted.action', path: (slug: string) => `/akteure/${slug}` } },
  declined: { subject: 'declined.subject', text: ['declined.text'], action: null },
} satisfies Record<string, { subject: Key; text: Key[]; action: { label: Key; path: (slug: string) => string } | null }>;

const optional: Partial<Record<Key, 'note' | 'message'>> = { 'rejected.note': 'note', 'requested.message': 'message' };

/** Queues one of the actor mails in the recipient's language (inside the caller's transaction). */
export async function sendActorMail(
  ctx: Context,
  to: Recipient,
  kind: keyof typeof mails,
  params: { actor: string; slug: string; note?: string | null; message?: string | null; requester?: string },
) {
  const t = translator(mailMessages, to.locale);
  const spec = mails[kind];
  const values = { actor: params.actor, note: params.note ?? '', message: params.message ?? '', requester: params.requester ?? '' };
  const paragraphs = (spec.text as Key[]).filter((key) => !optional[key] || values[optional[key]]).map((key) => t(key, values));
  const mail = composeMail(to.email, {
    locale: to.locale,
    subject: t(spec.subject, values),
    greeting: t('greeting', { name: to.name }),
    paragraphs,
    action: spec.action ? { label: t(spec.action.label), url: `${ctx.config.publicUrl}${localePath(to.locale, spec.action.path(params.slug))}` } : undefined,
    closing: t('closing'),
  });
  await queueMail(ctx.db, mail);
}
