import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { berlinMonth } from '../../platform/berlin-time.js';
import { AppError } from '../../platform/errors/index.js';
import { errorMessage, formBody, formStrings, idParam, queryText, redirectTo, slugParam } from '../../platform/http/route-helpers.js';
import { page } from '../../platform/http/routes.js';
import { requestLimit } from '../../platform/http/request-limit.js';
import { translator } from '../../platform/i18n/index.js';
import { listMyActors } from '../actors/service.js';
import { PAGE_FILTERS, readFilters } from './filters.js';
import { messages } from './messages.js';
import { GUEST_LIMIT, LIST_PAGE_SIZE } from './model.js';
import { isCoordinator } from './policy.js';
import {
  cancelFormat,
  cancelOwnRegistration,
  cancelRegistrationByLink,
  confirmRegistration,
  createFormat,
  FormatInputError,
  getFormat,
  getFormatForEdit,
  listFormats,
  myRegistrations,
  publishFormat,
  registerGuest,
  registerMember,
  registrationByLink,
  updateFormat,
  type RegistrationOutcome,
} from './service.js';
import { CalendarPage } from './views/calendar-page.js';
import { FormatForm, formValuesOf, type FormatFormState } from './views/format-form.js';
import { FormatPage, type FormState } from './views/format-page.js';
import { ListPage } from './views/list-page.js';
import { NoticeAlert, noticeOf, type Notice } from './views/notices.js';
import { MyRegistrationsPage, RegistrationLinkPage } from './views/registration-pages.js';

const t = (request: FastifyRequest) => translator(messages, request.locale);
const notice = (request: FastifyRequest) => noticeOf(queryText(request, 'hinweis'));
const stateOf = (request: FastifyRequest, error: AppError): FormState => ({ values: formStrings(request), errors: error.fields ?? {}, message: errorMessage(error, request.locale) });

/** Where an outcome sends the browser: the format page with a notice. */
const outcomeNotice: Record<RegistrationOutcome['kind'], Notice | null> = { registered: 'angemeldet', waitlisted: 'warteliste', confirmation_sent: 'bestaetigen', already: 'bereits', refused: null };

export async function formatPages(app: FastifyInstance) {
  /** Guest registrations send mail: at most 10 in ten minutes from one address (page and API alike). */
  const guestLimit = requestLimit(app, GUEST_LIMIT, (request, minutes) => t(request)('error.rateLimited', { minutes }));

  page(app, {
    path: '/formate',
    access: 'public',
    handler: async (request, reply) => {
      const period = queryText(request, 'zeitraum');
      const when = period === 'vergangen' ? 'past' : period === 'alle' ? 'all' : 'upcoming';
      const query = (request.query ?? {}) as Record<string, unknown>;
      const { filters, errors } = readFilters(query, PAGE_FILTERS, when, LIST_PAGE_SIZE, request.locale);
      const { total, items } = await listFormats(request.ctx, filters);
      const values = Object.fromEntries(Object.values(PAGE_FILTERS).flatMap((k) => (typeof query[k] === 'string' && query[k] !== '' && k !== 'seite' ? [[k, query[k] as string]] : [])));
      const view = { when: when === 'past' ? ('past' as const) : ('upcoming' as const), filters: values, filterErrors: errors, total, items, page: filters.page, pages: Math.ceil(total / LIST_PAGE_SIZE), coordinator: isCoordinator(request.ctx), signedIn: request.user !== null };
      return reply.code(errors ? 400 : 200).page(t(request)('list.title'), <ListPage locale={request.locale} view={view} notice={<NoticeAlert locale={request.locale} notice={notice(request)} />} />);
    },
  });

  page(app, {
    path: '/formate/kalender',
    access: 'public',
    handler: async (request, reply) => {
      const query = (request.query ?? {}) as Record<string, unknown>;
      const { filters, errors } = readFilters(query, PAGE_FILTERS, 'all', 500, request.locale);
      const month = filters.month ?? berlinMonth(request.ctx.clock.now());
      const { items } = await listFormats(request.ctx, { ...filters, month, page: 1 });
      const values = Object.fromEntries(['art', 'durchfuehrung', 'anmeldung', 'handlungsfeld'].flatMap((k) => (typeof query[k] === 'string' && query[k] !== '' ? [[k, query[k] as string]] : [])));
      const view = { month, filters: values, filterErrors: errors, items, coordinator: isCoordinator(request.ctx) };
      return reply.code(errors ? 400 : 200).page(t(request)('list.calendar'), <CalendarPage locale={request.locale} view={view} />);
    },
  });

  page(app, {
    path: '/formate/meine',
    access: 'member',
    handler: async (request, reply) => reply.page(t(request)('mine.title'), <MyRegistrationsPage locale={request.locale} csrf={request.csrfToken()} items={await myRegistrations(request.ctx)} notice={notice(request)} />),
  });

  // Planning: new and existing formats.
  const formView = (request: FastifyRequest, state: FormatFormState, editing?: { slug: string; title: string }) => ({
    title: editing ? t(request)('form.editTitle', { title: editing.title }) : t(request)('form.newTitle'),
    body: <FormatForm locale={request.locale} csrf={request.csrfToken()} state={state} editing={editing} coordinator={isCoordinator(request.ctx)} />,
  });
  const formStateOf = (request: FastifyRequest, error: AppError): FormatFormState => ({
    values: formBody(request),
    errors: error.fields ?? {},
    message: errorMessage(error, request.locale),
    placeCandidates: error instanceof FormatInputError ? error.placeCandidates : [],
  });
  page(app, {
    path: '/formate/neu',
    access: 'coordinator',
    handler: async (request, reply) => {
      const { title, body } = formView(request, { values: { mode: 'on_site' }, errors: {} });
      return reply.page(title, body);
    },
  });
  page(app, {
    method: 'POST',
    path: '/formate/neu',
    access: 'coordinator',
    form: (request, error) => formView(request, formStateOf(request, error)),
    handler: async (request, reply) => {
      const format = await createFormat(request.ctx, formBody(request));
      return redirectTo(request, reply, `/formate/${format.slug}`, 'angelegt');
    },
  });
  const editing = async (request: FastifyRequest) => {
    const { row } = await getFormatForEdit(request.ctx, slugParam(request));
    return { slug: row.slug, title: row.title };
  };
  page(app, {
    path: '/formate/:slug/bearbeiten',
    access: 'member',
    handler: async (request, reply) => {
      const { row, hostSlugs, editorEmails, placeName } = await getFormatForEdit(request.ctx, slugParam(request));
      const values = formValuesOf(row, { hostSlugs, editorEmails, placeName });
      const { title, body } = formView(request, { values, errors: {} }, { slug: row.slug, title: row.title });
      return reply.page(title, body);
    },
  });
  page(app, {
    method: 'POST',
    path: '/formate/:slug/bearbeiten',
    access: 'member',
    form: async (request, error) => formView(request, formStateOf(request, error), await editing(request)),
    handler: async (request, reply) => {
      const format = await updateFormat(request.ctx, slugParam(request), formBody(request));
      return redirectTo(request, reply, `/formate/${format.slug}`, 'gespeichert');
    },
  });

  // One format: its page, publishing, cancelling, registering.
  const formatView = async (request: FastifyRequest, forms: { register?: FormState; guest?: FormState; cancel?: FormState } = {}) => {
    const format = await getFormat(request.ctx, slugParam(request));
    const organisations = request.user ? await listMyActors(request.ctx) : [];
    return {
      title: format.title,
      body: (
        <FormatPage
          locale={request.locale}
          csrf={request.csrfToken()}
          format={format}
          publicUrl={request.ctx.config.publicUrl}
          signedIn={request.user !== null}
          organisations={organisations}
          notice={forms.register || forms.guest || forms.cancel ? undefined : notice(request)}
          {...forms}
        />
      ),
    };
  };
  page(app, {
    path: '/formate/:slug',
    access: 'public',
    handler: async (request, reply) => {
      const { title, body } = await formatView(request);
      return reply.page(title, body);
    },
  });
  page(app, {
    method: 'POST',
    path: '/formate/:slug/veroeffentlichen',
    access: 'member',
    form: (request, error) => formatView(request, { cancel: stateOf(request, error) }),
    handler: async (request, reply) => {
      const format = await publishFormat(request.ctx, slugParam(request));
      return redirectTo(request, reply, `/formate/${format.slug}`, 'veroeffentlicht');
    },
  });
  page(app, {
    method: 'POST',
    path: '/formate/:slug/absagen',
    access: 'member',
    form: (request, error) => formatView(request, { cancel: stateOf(request, error) }),
    handler: async (request, reply) => {
      const format = await cancelFormat(request.ctx, slugParam(request), formStrings(request).reason);
      return redirectTo(request, reply, `/formate/${format.slug}`, 'abgesagt');
    },
  });

  const answer = (request: FastifyRequest, reply: FastifyReply, outcome: RegistrationOutcome, path: string) => {
    if (outcome.kind === 'refused') throw new AppError('conflict', { detail: t(request)('register.closed', { state: t(request)(`state.${outcome.reason}`) }) });
    return redirectTo(request, reply, path, outcomeNotice[outcome.kind]!);
  };
  page(app, {
    method: 'POST',
    path: '/formate/:slug/anmelden',
    access: 'public',
    preHandler: async (request) => {
      if (!request.user) await guestLimit(request);
    },
    form: (request, error) => formatView(request, request.user ? { register: stateOf(request, error) } : { guest: stateOf(request, error) }),
    handler: async (request, reply) => {
      const fields = formStrings(request);
      const slug = slugParam(request);
      const outcome = request.user ? await registerMember(request.ctx, slug, fields) : await registerGuest(request.ctx, slug, fields);
      return answer(request, reply, outcome, `/formate/${slug}`);
    },
  });
  page(app, {
    method: 'POST',
    path: '/formate/:slug/stornieren',
    access: 'member',
    form: (request, error) => formatView(request, { cancel: stateOf(request, error) }),
    handler: async (request, reply) => {
      const fields = formStrings(request);
      const id = Number(fields.anmeldung);
      await cancelOwnRegistration(request.ctx, Number.isSafeInteger(id) && id > 0 ? id : 0);
      return redirectTo(request, reply, fields.zurueck === 'meine' ? '/formate/meine' : `/formate/${slugParam(request)}`, 'storniert');
    },
  });

  // A registration's own page, from the link in its mails: see it, confirm it (guests), cancel it.
  const linkOf = (request: FastifyRequest) => ({ id: idParam(request, 'id'), signature: (request.params as { signature: string }).signature });
  const registrationView = async (request: FastifyRequest, message?: string) => {
    const { id, signature } = linkOf(request);
    const { format, own, onlineLink } = await registrationByLink(request.ctx, id, signature);
    const detail = await getFormat({ ...request.ctx, user: null }, format.id);
    return {
      title: t(request)('registration.title', { title: format.title }),
      body: <RegistrationLinkPage locale={request.locale} csrf={request.csrfToken()} path={`/formate/anmeldung/${id}/${signature}`} format={detail} registration={own} onlineLink={onlineLink} notice={message ? undefined : notice(request)} message={message} />,
    };
  };
  page(app, {
    path: '/formate/anmeldung/:id/:signature',
    access: 'public',
    handler: async (request, reply) => {
      const { title, body } = await registrationView(request);
      return reply.header('cache-control', 'private, no-store').header('referrer-policy', 'same-origin').page(title, body);
    },
  });
  page(app, {
    method: 'POST',
    path: '/formate/anmeldung/:id/:signature/bestaetigen',
    access: 'public',
    form: (request, error) => registrationView(request, errorMessage(error, request.locale)),
    handler: async (request, reply) => {
      const { id, signature } = linkOf(request);
      const outcome = await confirmRegistration(request.ctx, id, signature);
      return answer(request, reply, outcome, `/formate/anmeldung/${id}/${signature}`);
    },
  });
  page(app, {
    method: 'POST',
    path: '/formate/anmeldung/:id/:signature/stornieren',
    access: 'public',
    form: (request, error) => registrationView(request, errorMessage(error, request.locale)),
    handler: async (request, reply) => {
      const { id, signature } = linkOf(request);
      await cancelRegistrationByLink(request.ctx, id, signature);
      return redirectTo(request, reply, `/formate/anmeldung/${id}/${signature}`, 'storniert');
    },
  });

  return guestLimit;
}
