import type { Context } from '../../platform/context.js';
import { localePath, translator, type Locale } from '../../platform/i18n/index.js';
import { composeMail, queueMail } from '../../platform/mail/index.js';
import { mailMessages } from './mail-messages.js';

interface Recipient {
  email: string;
  name: string;
  locale: Locale;
}

type Key = keyof typeof mailMessages.de;

/** Each mail: its texts, and where its button leads (the link carries the recipient's language). */
const mails = {
  verify: { subject: 'verify.subject', text: ['verify.text', 'verify.ignore'], action: { label: 'verify.action', path: '/konto/bestaetigen' } },
  duplicate: { subject: 'duplicate.subject', text: ['duplicate.text', 'duplicate.you', 'duplicate.notYou'], action: { label: 'duplicate.action', path: '/passwort-vergessen' } },
  reset: { subject: 'reset.subject', text: ['reset.text', 'reset.ignore'], action: { label: 'reset.action', path: '/passwort-zuruecksetzen' } },
  change: { subject: 'change.subject', text: ['change.text', 'change.ignore'], action: { label: 'change.action', path: '/konto/email-bestaetigen' } },
  notice: { subject: 'notice.subject', text: ['notice.text', 'notice.notYou'], action: null },
} satisfies Record<string, { subject: Key; text: Key[]; action: { label: Key; path: string } | null }>;

/** Queues one of the account mails; `token` goes into the link, `email` into the text. */
export async function sendAccountMail(ctx: Context, to: Recipient, kind: keyof typeof mails, options: { token?: string; email?: string } = {}) {
  const t = translator(mailMessages, to.locale);
  const spec = mails[kind];
  const query = options.token ? `?token=${encodeURIComponent(options.token)}` : '';
  const mail = composeMail(to.email, {
    locale: to.locale,
    subject: t(spec.subject),
    greeting: t('greeting', { name: to.name }),
    paragraphs: spec.text.map((key) => t(key, { email: options.email ?? '' })),
    action: spec.action ? { label: t(spec.action.label), url: `${ctx.config.publicUrl}${localePath(to.locale, spec.action.path)}${query}` } : undefined,
    closing: t('closing'),
  });
  await queueMail(ctx.db, mail);
}
