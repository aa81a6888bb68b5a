import nodemailer, { type Transporter } from 'nodemailer';
import { renderToString } from 'preact-render-to-string';
import type { Generated } from 'kysely';
import type { Config } from '../config.js';
import type { Context } from '../context.js';
import type { DbOrTx } from '../db/index.js';
import type { Locale } from '../i18n/index.js';
import { enqueueJob, type JobHandlers } from '../jobs/runner.js';

export interface MailOutboxTable {
  id: Generated<number>;
  recipient: string;
  subject: string;
  text_body: string;
  html_body: string;
  locale: string;
  created_at: Generated<Date>;
}

declare module '../db/types.js' {
  interface Database {
    mail_outbox: MailOutboxTable;
  }
}

export interface Mail {
  to: string;
  locale: Locale;
  subject: string;
  text: string;
  html: string;
}

export interface MailContent {
  locale: Locale;
  subject: string;
  greeting: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  closing: string;
}

/** Renders a mail as plain text and as simple, accessible HTML from the same parts. */
export function composeMail(to: string, content: MailContent): Mail {
  const textParts = [content.greeting, ...content.paragraphs];
  if (content.action) textParts.push(`${content.action.label}:\n${content.action.url}`);
  textParts.push(content.closing);
  const html =
    '<!doctype html>' +
    renderToString(
      <html lang={content.locale}>
        <head>
          <meta charSet="utf-8" />
          <title>{content.subject}</title>
        </head>
        <body style="font-family: 'Fira Sans', Arial, sans-serif; line-height: 1.5; color: #171a2b; max-width: 40em;">
          <p>{content.greeting}</p>
          {content.paragraphs.map((p) => (
            <p style="white-space: pre-line;">{p}</p>
          ))}
          {content.action && (
            <p>
              <a href={content.action.url} style="color: #0f4d8c; font-weight: bold;">
                {content.action.label}
              </a>
            </p>
          )}
          <p style="white-space: pre-line;">{content.closing}</p>
        </body>
      </html>,
    );
  return { to, locale: content.locale, subject: content.subject, text: textParts.join('\n\n') + '\n', html };
}

/** Queues a mail; a background job delivers it (SMTP, or the outbox when none is configured). */
export async function queueMail(db: DbOrTx, mail: Mail) {
  await enqueueJob(db, 'mail.send', mail, { maxAttempts: 10 });
}

let transport: Transporter | null = null;
function smtp(config: Config): Transporter {
  transport ??= nodemailer.createTransport(config.smtpUrl!);
  return transport;
}

async function deliver(ctx: Context, payload: unknown) {
  const mail = payload as Mail;
  if (ctx.config.smtpUrl) {
    await smtp(ctx.config).sendMail({ from: ctx.config.mailFrom, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
    ctx.log.info({ subject: mail.subject }, 'mail sent by SMTP');
    return;
  }
  await ctx.db.insertInto('mail_outbox').values({ recipient: mail.to, subject: mail.subject, text_body: mail.text, html_body: mail.html, locale: mail.locale }).execute();
  if (ctx.config.env === 'development') ctx.log.info({ to: mail.to, subject: mail.subject, text: mail.text }, 'mail stored in outbox (no SMTP_URL)');
}

export const mailJobs: JobHandlers = { 'mail.send': deliver };

export interface OutboxEntry {
  id: number;
  recipient: string;
  subject: string;
  textBody: string;
  htmlBody: string;
  locale: string;
  createdAt: Date;
}

export async function listOutbox(db: DbOrTx, options: { limit: number; offset: number; recipient?: string }): Promise<{ total: number; items: OutboxEntry[] }> {
  let query = db.selectFrom('mail_outbox');
  if (options.recipient) query = query.where('recipient', '=', options.recipient.toLowerCase());
  const [count, rows] = await Promise.all([
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    query.selectAll().orderBy('id', 'desc').limit(options.limit).offset(options.offset).execute(),
  ]);
  return { total: Number(count.n), items: rows.map(toEntry) };
}

export async function getOutboxEntry(db: DbOrTx, id: number): Promise<OutboxEntry | null> {
  const row = await db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toEntry(row) : null;
}

function toEntry(row: { id: number; recipient: string; subject: string; text_body: string; html_body: string; locale: string; created_at: Date }): OutboxEntry {
  return { id: row.id, recipient: row.recipient, subject: row.subject, textBody: row.text_body, htmlBody: row.html_body, locale: row.locale, createdAt: row.created_at };
}
