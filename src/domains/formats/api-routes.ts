import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { AppError, ValidationError } from '../../platform/errors/index.js';
import { problemResponses, problemSchema } from '../../platform/http/api-schemas.js';
import { translator } from '../../platform/i18n/index.js';
import { API_FILTERS, readFilters } from './filters.js';
import { messages } from './messages.js';
import { LIST_PAGE_SIZE } from './model.js';
import { cancelBody, formatBody, formatDetailSchema, formatListSchema, formatRefParams, idParams, listQuery, myRegistrationsSchema, outcomeSchema, registrationBody } from './schemas.js';
import { cancelFormat, cancelOwnRegistration, createFormat, getFormat, listFormats, myRegistrations, publishFormat, registerGuest, registerMember, updateFormat, type RegistrationOutcome } from './service.js';

const tags = ['formats'];
const security = [{ accessToken: [] }];
const errors = { ...problemResponses, 409: problemSchema };
const noContent = Type.Null({ description: 'Done; no content' });
type Ref = { Params: Static<typeof formatRefParams> };

/** Formats and registrations under /api/v1: the same use cases as the pages. */
export function formatsApiRoutes(app: FastifyInstance, guestLimit: (request: FastifyRequest) => Promise<void>) {
  const schema = (summary: string, extra: object) => ({ tags, summary, security, ...extra });

  app.get<{ Querystring: Static<typeof listQuery> }>(
    '/api/v1/formats',
    { config: { access: 'public' }, schema: schema('Formats (upcoming by default), filtered and paged', { querystring: listQuery, response: { 200: formatListSchema, ...errors } }) },
    async (request) => {
      const { when, pageSize, ...query } = request.query;
      const size = pageSize ?? LIST_PAGE_SIZE;
      const { filters, errors: invalid } = readFilters(query, API_FILTERS, when ?? 'upcoming', size, request.locale);
      if (invalid) throw new ValidationError(invalid);
      const { total, items } = await listFormats(request.ctx, filters);
      return { total, page: filters.page, pageSize: size, items };
    },
  );
  app.get<Ref>(
    '/api/v1/formats/:ref',
    { config: { access: 'public' }, schema: schema('One format as the caller may see it (drafts: coordinators and editors)', { params: formatRefParams, response: { 200: formatDetailSchema, ...errors } }) },
    async (request) => getFormat(request.ctx, request.params.ref),
  );
  app.post<{ Body: Static<typeof formatBody> }>(
    '/api/v1/formats',
    { config: { access: 'coordinator' }, schema: schema('Coordinators: plan a format (a draft until published)', { body: formatBody, response: { 201: formatDetailSchema, ...errors } }) },
    async (request, reply) => reply.code(201).send(await getFormat(request.ctx, (await createFormat(request.ctx, request.body)).id)),
  );
  app.put<Ref & { Body: Static<typeof formatBody> }>(
    '/api/v1/formats/:ref',
    { config: { access: 'member' }, schema: schema('Those who run the format: replace its details (SEQUENCE rises when a calendar would show the change)', { params: formatRefParams, body: formatBody, response: { 200: formatDetailSchema, ...errors } }) },
    async (request) => getFormat(request.ctx, (await updateFormat(request.ctx, request.params.ref, request.body)).id),
  );
  app.post<Ref>(
    '/api/v1/formats/:ref/publish',
    { config: { access: 'member' }, schema: schema('Publish a draft', { params: formatRefParams, response: { 200: formatDetailSchema, ...errors } }) },
    async (request) => getFormat(request.ctx, (await publishFormat(request.ctx, request.params.ref)).id),
  );
  app.post<Ref & { Body: Static<typeof cancelBody> }>(
    '/api/v1/formats/:ref/cancel',
    { config: { access: 'member' }, schema: schema('Cancel the format; everyone registered or waiting gets a mail', { params: formatRefParams, body: cancelBody, response: { 200: formatDetailSchema, ...errors } }) },
    async (request) => getFormat(request.ctx, (await cancelFormat(request.ctx, request.params.ref, request.body.reason)).id),
  );

  const answer = (request: FastifyRequest, outcome: RegistrationOutcome) => {
    if (outcome.kind === 'refused') {
      const t = translator(messages, request.locale);
      throw new AppError('conflict', { detail: t('register.closed', { state: t(`state.${outcome.reason}`) }) });
    }
    return { outcome: outcome.kind, registration: 'registration' in outcome ? outcome.registration : null };
  };
  app.post<Ref & { Body: Static<typeof registrationBody> }>(
    '/api/v1/formats/:ref/registrations',
    {
      config: { access: 'public' },
      preHandler: async (request) => {
        if (!request.user) await guestLimit(request);
      },
      schema: schema('Register: members with one call (for an own organisation or as a person), guests with name, email and sector (they confirm by mail; rate-limited)', {
        params: formatRefParams,
        body: registrationBody,
        response: { 200: outcomeSchema, 201: outcomeSchema, 202: outcomeSchema, ...errors },
      }),
    },
    async (request, reply) => {
      const outcome = request.user ? await registerMember(request.ctx, request.params.ref, request.body) : await registerGuest(request.ctx, request.params.ref, request.body);
      const body = answer(request, outcome);
      return reply.code(outcome.kind === 'confirmation_sent' ? 202 : outcome.kind === 'already' ? 200 : 201).send(body);
    },
  );
  app.get(
    '/api/v1/me/registrations',
    { config: { access: 'member' }, schema: schema('The caller’s registrations with their formats', { response: { 200: myRegistrationsSchema, ...errors } }) },
    async (request) => ({ items: await myRegistrations(request.ctx) }),
  );
  app.delete<{ Params: Static<typeof idParams> }>(
    '/api/v1/me/registrations/:id',
    { config: { access: 'member' }, schema: schema('Cancel one of the caller’s registrations (the next fitting person on the waiting list moves up)', { params: idParams, response: { 204: noContent, ...errors } }) },
    async (request, reply) => {
      await cancelOwnRegistration(request.ctx, request.params.id);
      return reply.code(204).send();
    },
  );
}
