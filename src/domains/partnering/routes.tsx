import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { AppError, ValidationError } from '../../platform/errors/index.js';
import { errorMessage, formBody, formStrings, idParam, queryText, redirectTo, slugParam } from '../../platform/http/route-helpers.js';
import { page } from '../../platform/http/routes.js';
import { requestLimit as limitRequests } from '../../platform/http/request-limit.js';
import { localePath, translator } from '../../platform/i18n/index.js';
import { isCoordinator } from './access.js';
import { getConnections, prepareIntroductionRequest } from './connections.js';
import { messages } from './messages.js';
import { REQUEST_LIMIT } from './model.js';
import {
  answerIntroduction,
  brokerIntroduction,
  confirmTie,
  declineTie,
  dismissSuggestion,
  endTie,
  getIntroduction,
  getWeights,
  listIntroductions,
  mySuggestions,
  proposeTie,
  readFilters,
  requestIntroduction,
  setPreferences,
  setWeights,
  withdrawIntroduction,
  type SuggestionFilters,
} from './service.js';
import { DashboardPage, noticeOf } from './views/dashboard.js';
import { BrokerPage, IntroductionPage, RequestPage, type FormState } from './views/introduction-pages.js';
import { TiesPage } from './views/ties-page.js';
import { WeightsPage } from './views/weights-page.js';

const t = (request: FastifyRequest) => translator(messages, request.locale);
const notice = (request: FastifyRequest) => noticeOf(queryText(request, 'hinweis'));

type View = { title: string; body: VNode };
/** A GET handler that renders a view function's page. */
const show = (view: (request: FastifyRequest) => View | Promise<View>) => async (request: FastifyRequest, reply: FastifyReply) => {
  const { title, body } = await view(request);
  return reply.page(title, body);
};

/** The form again with what was typed and what went wrong. */
const stateOf = (request: FastifyRequest, error: AppError): FormState => ({ values: formStrings(request), errors: error.fields ?? {}, message: errorMessage(error, request.locale) });

/** Query-string filters; invalid ones are shown by their field and left out. */
function filtersOf(request: FastifyRequest): { filters: SuggestionFilters; values: Record<string, string>; errors?: Record<string, string> } {
  const query = (request.query ?? {}) as Record<string, unknown>;
  const values = Object.fromEntries(['sector', 'actionField', 'maxKm'].flatMap((k) => (typeof query[k] === 'string' && query[k] !== '' ? [[k, query[k] as string]] : [])));
  try {
    return { filters: readFilters(request.ctx, values), values };
  } catch (error) {
    if (error instanceof ValidationError) return { filters: {}, values, errors: error.fields };
    throw error;
  }
}

/** Where a form on several pages returns to: only our own partnering pages. */
function backTo(request: FastifyRequest): string {
  const back = formStrings(request).zurueck ?? '';
  return /^\/(vernetzung|akteure\/[a-z0-9-]{1,200}\/verbindungen)$/.test(back) ? back : '/vernetzung';
}

export async function partneringPages(app: FastifyInstance) {
  /** 10 requests in a minute: refused with a message of its own, for the page and the API alike. */
  const requestLimit = limitRequests(app, REQUEST_LIMIT, (request, minutes) => t(request)('error.rateLimited', { minutes }));

  const dashboard = async (request: FastifyRequest, reply: FastifyReply) => {
    const { filters, values, errors } = filtersOf(request);
    const [lists, introductions] = await Promise.all([mySuggestions(request.ctx, filters), listIntroductions(request.ctx)]);
    return reply
      .code(errors ? 400 : 200)
      .page(
        t(request)('dashboard.title'),
        <DashboardPage
          locale={request.locale}
          csrf={request.csrfToken()}
          lists={lists}
          introductions={introductions}
          filters={values}
          filterErrors={errors}
          coordinator={isCoordinator(request.ctx)}
          notice={notice(request)}
          back="/vernetzung"
        />,
      );
  };
  page(app, { path: '/vernetzung', access: 'member', handler: dashboard });

  page(app, {
    method: 'POST',
    path: '/vernetzung/ausblenden',
    access: 'member',
    handler: async (request, reply) => {
      const fields = formStrings(request);
      const candidate = Number(fields.vorschlag);
      await dismissSuggestion(request.ctx, fields.akteur ?? '', Number.isSafeInteger(candidate) ? candidate : 0);
      return redirectTo(request, reply, backTo(request), 'ausgeblendet');
    },
  });

  // Asking for an introduction.
  const requestView = async (request: FastifyRequest, state: FormState) => {
    const { target, own } = await prepareIntroductionRequest(request.ctx, state.values.an ?? '');
    return { title: t(request)('request.title', { name: target.name }), body: <RequestPage locale={request.locale} csrf={request.csrfToken()} target={target} own={own} state={state} /> };
  };
  page(app, {
    path: '/vernetzung/anfrage',
    access: 'member',
    handler: async (request, reply) => {
      // Without a partner there is nothing to ask for: the dashboard's suggestions (or a profile) lead here.
      const target = queryText(request, 'an');
      if (!target) return reply.redirect(localePath(request.locale, '/vernetzung'), 303);
      const view = await requestView(request, { values: { an: target, from: queryText(request, 'von') ?? '' }, errors: {} });
      return reply.page(view.title, view.body);
    },
  });
  page(app, {
    method: 'POST',
    path: '/vernetzung/anfrage',
    access: 'member',
    preHandler: requestLimit,
    form: (request, error) => requestView(request, stateOf(request, error)),
    handler: async (request, reply) => {
      const fields = formStrings(request);
      const introduction = await requestIntroduction(request.ctx, { from: fields.from ?? '', to: fields.an ?? '', message: fields.message });
      return redirectTo(request, reply, `/vernetzung/anbahnungen/${introduction.id}`, 'angefragt');
    },
  });

  // One introduction: its page, the answer, withdrawing.
  const introductionView = async (request: FastifyRequest, state?: FormState) => {
    const introduction = await getIntroduction(request.ctx, idParam(request, 'id'));
    return {
      title: t(request)('introduction.title', { a: introduction.requester.actor.name, b: introduction.target.actor.name }),
      body: <IntroductionPage locale={request.locale} csrf={request.csrfToken()} introduction={introduction} notice={state ? undefined : notice(request)} state={state} />,
    };
  };
  page(app, {
    path: '/vernetzung/anbahnungen/:id',
    access: 'member',
    handler: show((request) => introductionView(request)),
  });
  page(app, {
    method: 'POST',
    path: '/vernetzung/anbahnungen/:id/antwort',
    access: 'member',
    form: (request, error) => introductionView(request, stateOf(request, error)),
    handler: async (request, reply) => {
      const fields = formStrings(request);
      const introduction = await answerIntroduction(request.ctx, idParam(request, 'id'), { decision: fields.decision, reply: fields.reply });
      return redirectTo(request, reply, `/vernetzung/anbahnungen/${introduction.id}`, 'beantwortet');
    },
  });
  page(app, {
    method: 'POST',
    path: '/vernetzung/anbahnungen/:id/zurueckziehen',
    access: 'member',
    form: (request, error) => introductionView(request, stateOf(request, error)),
    handler: async (request, reply) => {
      const introduction = await withdrawIntroduction(request.ctx, idParam(request, 'id'));
      return redirectTo(request, reply, `/vernetzung/anbahnungen/${introduction.id}`, 'zurueckgezogen');
    },
  });

  // Coordination: brokering and the weights.
  const brokerView = (request: FastifyRequest, state: FormState) => ({ title: t(request)('broker.title'), body: <BrokerPage locale={request.locale} csrf={request.csrfToken()} state={state} /> });
  page(app, {
    path: '/vernetzung/vermitteln',
    access: 'coordinator',
    handler: show((request) => brokerView(request, { values: { a: queryText(request, 'a') ?? '', b: queryText(request, 'b') ?? '' }, errors: {} })),
  });
  page(app, {
    method: 'POST',
    path: '/vernetzung/vermitteln',
    access: 'coordinator',
    form: (request, error) => brokerView(request, stateOf(request, error)),
    handler: async (request, reply) => {
      const fields = formStrings(request);
      const introduction = await brokerIntroduction(request.ctx, { a: fields.a ?? '', b: fields.b ?? '', message: fields.message });
      return redirectTo(request, reply, `/vernetzung/anbahnungen/${introduction.id}`, 'vermittelt');
    },
  });

  const weightsView = async (request: FastifyRequest, state?: FormState) => ({
    title: t(request)('weights.title'),
    body: <WeightsPage locale={request.locale} csrf={request.csrfToken()} weights={await getWeights(request.ctx)} state={state} notice={state ? undefined : notice(request)} />,
  });
  page(app, {
    path: '/vernetzung/gewichte',
    access: 'coordinator',
    handler: show((request) => weightsView(request)),
  });
  page(app, {
    method: 'POST',
    path: '/vernetzung/gewichte',
    access: 'coordinator',
    form: (request, error) => weightsView(request, stateOf(request, error)),
    handler: async (request, reply) => {
      await setWeights(request.ctx, formStrings(request));
      return redirectTo(request, reply, '/vernetzung/gewichte', 'gewichte');
    },
  });

  // An actor's connections: suggestions, ties, "we work together", settings.
  const tiesView = async (request: FastifyRequest, forms: { propose?: FormState; settings?: FormState } = {}) => {
    const { filters, values, errors } = filtersOf(request);
    const connections = await getConnections(request.ctx, slugParam(request), filters);
    return {
      title: t(request)('ties.title', { name: connections.actor.name }),
      body: (
        <TiesPage
          locale={request.locale}
          csrf={request.csrfToken()}
          connections={connections}
          filters={values}
          filterErrors={errors}
          notice={forms.propose || forms.settings ? undefined : notice(request)}
          propose={forms.propose}
          settings={forms.settings}
        />
      ),
    };
  };
  page(app, {
    path: '/akteure/:slug/verbindungen',
    access: 'member',
    handler: show((request) => tiesView(request)),
  });
  page(app, {
    method: 'POST',
    path: '/akteure/:slug/verbindungen/vorschlagen',
    access: 'member',
    form: (request, error) => tiesView(request, { propose: stateOf(request, error) }),
    handler: async (request, reply) => {
      const fields = formStrings(request);
      await proposeTie(request.ctx, { from: slugParam(request), to: fields.to ?? '', kind: fields.kind, since: fields.since });
      return redirectTo(request, reply, `/akteure/${slugParam(request)}/verbindungen`, 'vorgeschlagen');
    },
  });
  page(app, {
    method: 'POST',
    path: '/akteure/:slug/verbindungen/einstellungen',
    access: 'member',
    form: (request, error) => tiesView(request, { settings: stateOf(request, error) }),
    handler: async (request, reply) => {
      const body = formBody(request);
      const flags = Array.isArray(body.flags) ? body.flags : body.flags ? [body.flags] : [];
      const tiesVisibility = Array.isArray(body.tiesVisibility) ? body.tiesVisibility[0] : body.tiesVisibility;
      await setPreferences(request.ctx, slugParam(request), { suggestible: flags.includes('suggestible'), contactable: flags.includes('contactable'), tiesVisibility: tiesVisibility ?? '' }, { form: true });
      return redirectTo(request, reply, `/akteure/${slugParam(request)}/verbindungen`, 'einstellungen');
    },
  });

  const tieAction = (verb: string, notice: string, run: (request: FastifyRequest, id: number) => Promise<unknown>) =>
    page(app, {
      method: 'POST',
      path: `/vernetzung/verbindungen/:id/${verb}`,
      access: 'member',
      handler: async (request, reply) => {
        await run(request, idParam(request, 'id'));
        return redirectTo(request, reply, backTo(request), notice);
      },
    });
  tieAction('bestaetigen', 'bestaetigt', (request, id) => confirmTie(request.ctx, id));
  tieAction('ablehnen', 'abgelehnt', (request, id) => declineTie(request.ctx, id));
  tieAction('beenden', 'beendet', (request, id) => endTie(request.ctx, id, { endedOn: formStrings(request).endedOn }));
  return requestLimit;
}
