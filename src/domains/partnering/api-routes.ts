import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { problemResponses, problemSchema } from '../../platform/http/api-schemas.js';
import {
  answerBody,
  brokerBody,
  dismissalBody,
  endTieBody,
  idParams,
  introductionBody,
  introductionListsSchema,
  introductionSchema,
  networkSchema,
  actorRefParams,
  preferencesBody,
  preferencesSchema,
  suggestionListSchema,
  suggestionsQuery,
  tieBody,
  tieSchema,
  weightsBody,
  weightsSchema,
} from './schemas.js';
import {
  answerIntroduction,
  brokerIntroduction,
  confirmTie,
  declineTie,
  dismissSuggestion,
  endTie,
  getIntroduction,
  getNetwork,
  getPreferences,
  getWeights,
  listIntroductions,
  listSuggestions,
  proposeTie,
  readFilters,
  reasonText,
  requestIntroduction,
  setPreferences,
  setWeights,
  withdrawIntroduction,
} from './service.js';

const tags = ['partnering'];
const security = [{ accessToken: [] }];
const errors = { ...problemResponses, 409: problemSchema };
const noContent = Type.Null({ description: 'Done; no content' });
type Id = { Params: Static<typeof idParams> };
type Ref = { Params: Static<typeof actorRefParams> };

/** Suggestions, introductions, ties, preferences and weights under /api/v1: the same use cases as the pages. */
export function partneringApiRoutes(app: FastifyInstance, requestLimit: (request: FastifyRequest) => Promise<void>) {
  const schema = (summary: string, extra: object) => ({ tags, summary, security, ...extra });

  app.get<{ Querystring: Static<typeof suggestionsQuery> }>(
    '/api/v1/partnering/suggestions',
    { config: { access: 'member' }, schema: schema('Partner suggestions for one actor, with the parts of their score and their reason', { querystring: suggestionsQuery, response: { 200: suggestionListSchema, ...errors } }) },
    async (request) => {
      const { actor, limit, ...filters } = request.query;
      const list = await listSuggestions(request.ctx, actor, { filters: readFilters(request.ctx, filters), limit });
      return { ...list, suggestions: list.suggestions.map((s) => ({ ...s, reasonText: reasonText(request.locale, s.reason) })) };
    },
  );
  app.post<{ Body: Static<typeof dismissalBody> }>(
    '/api/v1/partnering/suggestions/dismissals',
    { config: { access: 'member' }, schema: schema('“Not relevant”: never suggest this candidate to this actor again', { body: dismissalBody, response: { 204: noContent, ...errors } }) },
    async (request, reply) => {
      await dismissSuggestion(request.ctx, request.body.actor, request.body.candidate);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/v1/partnering/introductions',
    { config: { access: 'member' }, schema: schema('The introductions of the caller’s organisations and those the caller asked for', { response: { 200: introductionListsSchema, ...errors } }) },
    async (request) => listIntroductions(request.ctx),
  );
  app.post<{ Body: Static<typeof introductionBody> }>(
    '/api/v1/partnering/introductions',
    {
      config: { access: 'member' },
      preHandler: requestLimit,
      schema: schema('Ask for an introduction on behalf of one of the caller’s organisations (rate-limited)', { body: introductionBody, response: { 201: introductionSchema, ...errors } }),
    },
    async (request, reply) => reply.code(201).send(await requestIntroduction(request.ctx, request.body)),
  );
  app.post<{ Body: Static<typeof brokerBody> }>(
    '/api/v1/partnering/introductions/brokered',
    { config: { access: 'coordinator' }, schema: schema('Coordinators: introduce two actors to each other (both sides are asked)', { body: brokerBody, response: { 201: introductionSchema, ...errors } }) },
    async (request, reply) => reply.code(201).send(await brokerIntroduction(request.ctx, request.body)),
  );
  app.get<Id>(
    '/api/v1/partnering/introductions/:id',
    { config: { access: 'member' }, schema: schema('One introduction (contact details once both sides accepted)', { params: idParams, response: { 200: introductionSchema, ...errors } }) },
    async (request) => getIntroduction(request.ctx, request.params.id),
  );
  app.post<Id & { Body: Static<typeof answerBody> }>(
    '/api/v1/partnering/introductions/:id/answer',
    { config: { access: 'member' }, schema: schema('Accept or decline for the caller’s side (its admins)', { params: idParams, body: answerBody, response: { 200: introductionSchema, ...errors } }) },
    async (request) => answerIntroduction(request.ctx, request.params.id, request.body),
  );
  app.post<Id>(
    '/api/v1/partnering/introductions/:id/withdraw',
    { config: { access: 'member' }, schema: schema('Withdraw a pending request the caller’s side made', { params: idParams, response: { 200: introductionSchema, ...errors } }) },
    async (request) => withdrawIntroduction(request.ctx, request.params.id),
  );

  app.get<Ref>(
    '/api/v1/actors/:ref/ties',
    { config: { access: 'public' }, schema: schema('An actor’s network as the caller may see it', { params: actorRefParams, response: { 200: networkSchema, ...errors } }) },
    async (request) => getNetwork(request.ctx, request.params.ref),
  );
  app.post<{ Body: Static<typeof tieBody> }>(
    '/api/v1/partnering/ties',
    { config: { access: 'member' }, schema: schema('“We work together”: propose a tie; the other side confirms', { body: tieBody, response: { 201: tieSchema, ...errors } }) },
    async (request, reply) => reply.code(201).send(await proposeTie(request.ctx, request.body)),
  );
  app.post<Id>(
    '/api/v1/partnering/ties/:id/confirm',
    { config: { access: 'member' }, schema: schema('Confirm a proposed tie (the other side’s admins, never the proposer)', { params: idParams, response: { 200: tieSchema, ...errors } }) },
    async (request) => confirmTie(request.ctx, request.params.id),
  );
  app.post<Id>(
    '/api/v1/partnering/ties/:id/decline',
    { config: { access: 'member' }, schema: schema('Decline (or withdraw) a proposed tie', { params: idParams, response: { 204: noContent, ...errors } }) },
    async (request, reply) => {
      await declineTie(request.ctx, request.params.id);
      return reply.code(204).send();
    },
  );
  app.post<Id & { Body: Static<typeof endTieBody> }>(
    '/api/v1/partnering/ties/:id/end',
    { config: { access: 'member' }, schema: schema('End an active tie (either side’s admins, coordinators)', { params: idParams, body: endTieBody, response: { 200: tieSchema, ...errors } }) },
    async (request) => endTie(request.ctx, request.params.id, request.body ?? {}),
  );

  app.get<Ref>(
    '/api/v1/actors/:ref/partnering-preferences',
    { config: { access: 'member' }, schema: schema('Whether the actor may be suggested and contacted, and who sees its ties (its admins)', { params: actorRefParams, response: { 200: preferencesSchema, ...errors } }) },
    async (request) => (await getPreferences(request.ctx, request.params.ref)).preferences,
  );
  app.put<Ref & { Body: Static<typeof preferencesBody> }>(
    '/api/v1/actors/:ref/partnering-preferences',
    { config: { access: 'member' }, schema: schema('Change the preferences; fields not given stay', { params: actorRefParams, body: preferencesBody, response: { 200: preferencesSchema, ...errors } }) },
    async (request) => setPreferences(request.ctx, request.params.ref, request.body),
  );

  app.get(
    '/api/v1/partnering/weights',
    { config: { access: 'coordinator' }, schema: schema('The weights of the suggestion score', { response: { 200: weightsSchema, ...errors } }) },
    async (request) => getWeights(request.ctx),
  );
  app.put<{ Body: Static<typeof weightsBody> }>(
    '/api/v1/partnering/weights',
    { config: { access: 'coordinator' }, schema: schema('Change weights (0–10); those not given stay', { body: weightsBody, response: { 200: weightsSchema, ...errors } }) },
    async (request) => setWeights(request.ctx, request.body),
  );
}
