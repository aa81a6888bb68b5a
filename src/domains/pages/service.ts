import { findAdmins } from '../../platform/auth/users.js';
import type { OperatorConfig } from '../../platform/config.js';
import { hasRole, withDb, type Context } from '../../platform/context.js';
import { AppError, forbidden } from '../../platform/errors/index.js';
import { localePath, translator } from '../../platform/i18n/index.js';
import { composeMail, queueMail } from '../../platform/mail/index.js';
import { Validator } from '../../platform/validation.js';
import { getInitiative } from '../initiative/service.js';
import { messages } from './messages.js';
import { countFeedback, insertFeedback, selectFeedback, type FeedbackRow } from './queries.js';

export const FEEDBACK_MESSAGE_MAX = 5000;

export interface Operator extends OperatorConfig {
  /** Name, address and email are the minimum of § 5 DDG; without them the pages say so. */
  configured: boolean;
}

export function getOperator(ctx: Context): Operator {
  const o = ctx.config.operator;
  return { ...o, configured: Boolean(o.name && o.address.length > 0 && o.email) };
}

export interface ImageCredit {
  credit: string;
  subjects: string[];
}

export interface Impressum {
  operator: Operator;
  initiative: { carrier: string; carrierShort: string; initiator: string; programme: string; website: string } | null;
  credits: ImageCredit[];
}

/** The operator from config, the initiative behind the content and the image credits it carries. */
export async function getImpressum(ctx: Context): Promise<Impressum> {
  const initiative = await getInitiative(ctx).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') return null; // not seeded (SEED=false)
    throw error;
  });
  const credits = new Map<string, string[]>();
  const add = (credit: string | null, subject: string) => {
    if (credit) credits.set(credit, [...(credits.get(credit) ?? []), subject]);
  };
  for (const m of initiative?.timeline ?? []) add(m.credit, `${m.title} (${m.year})`);
  const hero = initiative?.image;
  if (hero?.credit && !credits.has(hero.credit)) add(hero.credit, hero.alt);
  return {
    operator: getOperator(ctx),
    initiative: initiative && {
      carrier: initiative.carrier,
      carrierShort: initiative.carrierShort,
      initiator: initiative.initiator,
      programme: initiative.programme,
      website: initiative.website,
    },
    credits: [...credits].map(([credit, subjects]) => ({ credit, subjects })),
  };
}

export interface FeedbackInput {
  name?: unknown;
  email?: unknown;
  pageUrl?: unknown;
  message?: unknown;
}

/**
 * Stores accessibility feedback and tells every admin by mail, in their language; the feedback
 * row and the mail jobs are written together or not at all.
 */
export async function submitAccessibilityFeedback(ctx: Context, input: FeedbackInput): Promise<{ id: number; createdAt: Date }> {
  const v = new Validator(ctx.locale);
  const feedback = {
    name: v.text('name', input.name, { max: 200 }) || null,
    email: v.email('email', input.email, { required: false }) || null,
    page_url: v.text('pageUrl', input.pageUrl, { max: 500 }) || null,
    message: v.text('message', input.message, { required: true, max: FEEDBACK_MESSAGE_MAX }),
    locale: ctx.locale,
    created_at: ctx.clock.now(),
  };
  v.check();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await insertFeedback(trx, feedback);
    await notifyAdmins(withDb(ctx, trx), feedback);
    return { id: row.id, createdAt: row.created_at };
  });
}

async function notifyAdmins(ctx: Context, feedback: Pick<FeedbackRow, 'name' | 'email' | 'page_url' | 'message'>) {
  for (const admin of await findAdmins(ctx.db)) {
    const t = translator(messages, admin.locale);
    const none = t('feedback.mail.none');
    const mail = composeMail(admin.email, {
      locale: admin.locale,
      subject: t('feedback.mail.subject'),
      greeting: t('feedback.mail.greeting', { name: admin.name }),
      paragraphs: [
        t('feedback.mail.intro'),
        t('feedback.mail.from', { name: feedback.name ?? none }),
        t('feedback.mail.email', { email: feedback.email ?? none }),
        t('feedback.mail.page', { page: feedback.page_url ?? none }),
        t('feedback.mail.message'),
        feedback.message,
        t('feedback.mail.answer'),
      ],
      action: { label: t('feedback.mail.action'), url: ctx.config.publicUrl + localePath(admin.locale, '/admin/rueckmeldungen') },
      closing: t('feedback.mail.closing'),
    });
    await queueMail(ctx.db, mail);
  }
}

export interface FeedbackEntry {
  id: number;
  name: string | null;
  email: string | null;
  pageUrl: string | null;
  message: string;
  locale: string;
  createdAt: Date;
}

function assertAdmin(ctx: Context) {
  if (!hasRole(ctx.user, 'admin')) throw forbidden();
}

/** Accessibility feedback, newest first (admins only). */
export async function listAccessibilityFeedback(ctx: Context, options: { limit: number; offset: number }): Promise<{ total: number; items: FeedbackEntry[] }> {
  assertAdmin(ctx);
  const { total, rows } = await selectFeedback(ctx.db, options);
  return {
    total,
    items: rows.map((r) => ({ id: r.id, name: r.name, email: r.email, pageUrl: r.page_url, message: r.message, locale: r.locale, createdAt: r.created_at })),
  };
}

export async function countAccessibilityFeedback(ctx: Context): Promise<number> {
  assertAdmin(ctx);
  return countFeedback(ctx.db);
}
