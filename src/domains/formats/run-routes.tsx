import type { FastifyInstance, FastifyRequest } from 'fastify';
import { notFound, type AppError } from '../../platform/errors/index.js';
import { errorMessage, formStrings, queryText, redirectTo, slugParam } from '../../platform/http/route-helpers.js';
import { page } from '../../platform/http/routes.js';
import { localePath, translator } from '../../platform/i18n/index.js';
import { listParticipants, participantsCsv, setAttendance } from './attendance.js';
import { formatCalendar, formatsFeed } from './calendar.js';
import { messages } from './messages.js';
import { FORMAT_KINDS, type FormatKind } from './model.js';
import { cancelRegistrationForParticipant } from './service.js';
import { generateTablePlan, getTablePlan, moveSeat } from './table-plans.js';
import { noticeOf } from './views/notices.js';
import { AttendancePage, BadgesPage, ParticipantsPage, SignInPage } from './views/participants-pages.js';
import { TablePlanPage, type PlanFormState } from './views/table-plan-page.js';

const t = (request: FastifyRequest) => translator(messages, request.locale);
const notice = (request: FastifyRequest) => noticeOf(queryText(request, 'hinweis'));
const stateOf = (request: FastifyRequest, error: AppError): PlanFormState => ({ values: formStrings(request), errors: error.fields ?? {}, message: errorMessage(error, request.locale) });

/** Pages for running a format (participants, check-in, table plan) and the calendar files. */
export function formatRunPages(app: FastifyInstance) {
  // Running the format: participants, badges, sign-in sheet, check-in.
  const participantsView = async (request: FastifyRequest, message?: string) => {
    const list = await listParticipants(request.ctx, slugParam(request));
    return { title: t(request)('participants.title', { title: list.format.title }), body: <ParticipantsPage locale={request.locale} csrf={request.csrfToken()} list={list} notice={message ? undefined : notice(request)} message={message} /> };
  };
  page(app, {
    path: '/formate/:slug/teilnehmende',
    access: 'member',
    handler: async (request, reply) => {
      const { title, body } = await participantsView(request);
      return reply.header('cache-control', 'private, no-store').page(title, body);
    },
  });
  page(app, {
    method: 'POST',
    path: '/formate/:slug/teilnehmende/stornieren',
    access: 'member',
    form: (request, error) => participantsView(request, errorMessage(error, request.locale)),
    handler: async (request, reply) => {
      const id = Number(formStrings(request).anmeldung);
      await cancelRegistrationForParticipant(request.ctx, slugParam(request), Number.isSafeInteger(id) && id > 0 ? id : 0);
      return redirectTo(request, reply, `/formate/${slugParam(request)}/teilnehmende`, 'storniert');
    },
  });
  page(app, {
    path: '/formate/:slug/teilnehmende.csv',
    access: 'member',
    handler: async (request, reply) => {
      const { slug, csv } = await participantsCsv(request.ctx, slugParam(request));
      return reply
        .header('content-disposition', `attachment; filename="teilnehmende-${slug}.csv"`)
        .header('cache-control', 'private, no-store')
        .type('text/csv; charset=utf-8')
        .send(csv);
    },
  });
  page(app, {
    path: '/formate/:slug/namensschilder',
    access: 'member',
    handler: async (request, reply) => {
      const list = await listParticipants(request.ctx, slugParam(request));
      return reply.header('cache-control', 'private, no-store').page(t(request)('badges.title', { title: list.format.title }), <BadgesPage locale={request.locale} list={list} />);
    },
  });
  page(app, {
    path: '/formate/:slug/unterschriften',
    access: 'member',
    handler: async (request, reply) => {
      const list = await listParticipants(request.ctx, slugParam(request));
      return reply.header('cache-control', 'private, no-store').page(t(request)('signIn.title', { title: list.format.title }), <SignInPage locale={request.locale} list={list} />);
    },
  });
  const attendanceView = async (request: FastifyRequest, message?: string) => {
    const list = await listParticipants(request.ctx, slugParam(request));
    const search = queryText(request, 'suche') ?? formStrings(request).suche ?? '';
    return { title: t(request)('attendance.title', { title: list.format.title }), body: <AttendancePage locale={request.locale} csrf={request.csrfToken()} list={list} search={search.slice(0, 100)} message={message} /> };
  };
  page(app, {
    path: '/formate/:slug/anwesenheit',
    access: 'member',
    handler: async (request, reply) => {
      const { title, body } = await attendanceView(request);
      return reply.header('cache-control', 'private, no-store').page(title, body);
    },
  });
  page(app, {
    method: 'POST',
    path: '/formate/:slug/anwesenheit',
    access: 'member',
    form: (request, error) => attendanceView(request, errorMessage(error, request.locale)),
    handler: async (request, reply) => {
      const fields = formStrings(request);
      const id = Number(fields.anmeldung);
      await setAttendance(request.ctx, slugParam(request), Number.isSafeInteger(id) && id > 0 ? id : 0, fields.anwesend);
      // Back to the same person in the list, with the search kept.
      const search = fields.suche ? `?suche=${encodeURIComponent(fields.suche.slice(0, 100))}` : '';
      return reply.redirect(`${localePath(request.locale, `/formate/${slugParam(request)}/anwesenheit`)}${search}#person-${id}`, 303);
    },
  });

  // The table plan: generate, edit by hand, print.
  const planView = async (request: FastifyRequest, form?: PlanFormState, printable = false) => {
    const view = await getTablePlan(request.ctx, slugParam(request));
    return { title: t(request)('plan.title', { title: view.format.title }), body: <TablePlanPage locale={request.locale} csrf={request.csrfToken()} view={view} form={form} notice={form ? undefined : notice(request)} printable={printable} /> };
  };
  page(app, {
    path: '/formate/:slug/tischplan',
    access: 'member',
    handler: async (request, reply) => {
      const { title, body } = await planView(request);
      return reply.header('cache-control', 'private, no-store').page(title, body);
    },
  });
  page(app, {
    path: '/formate/:slug/tischplan/druck',
    access: 'member',
    handler: async (request, reply) => {
      const { title, body } = await planView(request, undefined, true);
      return reply.header('cache-control', 'private, no-store').page(title, body);
    },
  });
  page(app, {
    method: 'POST',
    path: '/formate/:slug/tischplan',
    access: 'member',
    form: (request, error) => planView(request, stateOf(request, error)),
    handler: async (request, reply) => {
      await generateTablePlan(request.ctx, slugParam(request), formStrings(request));
      return redirectTo(request, reply, `/formate/${slugParam(request)}/tischplan`, 'tischplan');
    },
  });
  page(app, {
    method: 'POST',
    path: '/formate/:slug/tischplan/umsetzen',
    access: 'member',
    form: (request, error) => planView(request, { values: {}, errors: {}, message: errorMessage(error, request.locale) ?? Object.values(error.fields ?? {}).join(' ') }),
    handler: async (request, reply) => {
      await moveSeat(request.ctx, slugParam(request), formStrings(request));
      return redirectTo(request, reply, `/formate/${slugParam(request)}/tischplan`, 'umgesetzt');
    },
  });

  // Calendars: the subscribable feed (all public formats, or one kind) and one format's entry.
  app.get('/formate.ics', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const kind = queryText(request, 'art');
    if (kind !== undefined && !(FORMAT_KINDS as readonly string[]).includes(kind)) throw notFound();
    const { text, version } = await formatsFeed(request.ctx, kind as FormatKind | undefined);
    // Subscribed calendars ask every hour: an unchanged feed is answered with 304 and no body.
    const etag = `"${version.slice(0, 27)}"`;
    void reply.header('etag', etag).header('cache-control', 'public, max-age=300');
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.type('text/calendar; charset=utf-8').send(text);
  });
  page(app, {
    path: '/formate/:slug/kalender.ics',
    access: 'public',
    handler: async (request, reply) => {
      const { slug, text, personal } = await formatCalendar(request.ctx, slugParam(request));
      return reply
        .header('content-disposition', `attachment; filename="${slug}.ics"`)
        .header('cache-control', personal ? 'private, no-store' : 'public, max-age=300')
        .header('vary', 'Cookie, Authorization')
        .type('text/calendar; charset=utf-8')
        .send(text);
    },
  });

}
