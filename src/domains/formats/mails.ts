import type { Context } from '../../platform/context.js';
import { formatDateTime, localePath, translator, type Locale } from '../../platform/i18n/index.js';
import { composeMail, queueMail } from '../../platform/mail/index.js';
import { getPlace } from '../places/service.js';
import { mailMessages } from './mail-messages.js';
import type { FormatRow } from './queries.js';
import { registrationPaths } from './registration-links.js';

/** The formats mails, each in the language its recipient registered in, queued in the caller's transaction. */

export interface FormatRecipient {
  email: string;
  name: string;
  locale: Locale;
  registrationId: number;
}

export type FormatMail = 'confirm' | 'registered' | 'waitlisted' | 'already' | 'promoted' | 'reminder' | 'changed' | 'cancelled';

/** What a format's mails need besides the format: its place's name and the registration links. */
export interface MailContext {
  place: string | null;
  links: (id: number) => string;
}

/** Read once, before a format's row lock is taken, so that the locked part does only what must be locked. */
export async function mailContext(ctx: Context, format: FormatRow): Promise<MailContext> {
  const [place, links] = await Promise.all([format.place_id ? getPlace(ctx, format.place_id) : null, registrationPaths(ctx)]);
  return { place: place?.name ?? null, links };
}

export async function sendFormatMails(ctx: Context, recipients: FormatRecipient[], kind: FormatMail, format: FormatRow, extra: { reason?: string } & Partial<MailContext> = {}) {
  if (recipients.length === 0) return;
  const { place, links: registrationPath } = extra.links ? (extra as MailContext) : await mailContext(ctx, format);
  for (const to of recipients) {
    const t = translator(mailMessages, to.locale);
    const where = format.mode === 'digital' ? t('online') : [format.venue, place].filter(Boolean).join(', ') || t('online');
    const values = { title: format.title, when: formatDateTime(to.locale, format.starts_at), where };
    const paragraphs = [t(`${kind}.text`, values), t('when', values)];
    if (kind === 'cancelled' && extra.reason) paragraphs.push(t('cancelled.reason', { reason: extra.reason }));
    if (kind !== 'confirm' && kind !== 'cancelled') paragraphs.push(t('manage'));
    const path = registrationPath(to.registrationId);
    await queueMail(
      ctx.db,
      composeMail(to.email, {
        locale: to.locale,
        subject: t(`${kind}.subject`, values),
        greeting: t('greeting', { name: to.name }),
        paragraphs,
        action: { label: t(kind === 'confirm' ? 'confirm.action' : 'action.registration'), url: `${ctx.config.publicUrl}${localePath(to.locale, path)}` },
        closing: t('closing'),
      }),
    );
  }
}
