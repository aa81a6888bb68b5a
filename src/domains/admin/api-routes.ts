import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import { Type } from 'typebox';
import { AppError } from '../../platform/errors/index.js';
import { problemResponses, problemSchema } from '../../platform/http/api-schemas.js';
import { translator } from '../../platform/i18n/index.js';
import { messages } from './messages.js';
import {
  auditPageSchema,
  feedbackPageSchema,
  idParams,
  outboxMailSchema,
  outboxPageSchema,
  outboxQuery,
  pageOnlyQuery,
  roleBody,
  userDetailSchema,
  usersPageSchema,
  usersQuery,
} from './schemas.js';
import { changeUserRole, deleteUser, getOutboxMail, getUser, listAuditLog, listFeedback, listOutboxMails, listUsers } from './service.js';

const admin = { access: 'admin' as const };
const errors = { ...problemResponses, 409: problemSchema };
type Id = { Params: Static<typeof idParams> };

/** Refused because it would leave no admin who can log in. */
const lastAdmin = (request: FastifyRequest) => new AppError('conflict', { detail: translator(messages, request.locale)('user.lastAdmin') });

/** The admin area as JSON: the same service functions as the HTML pages. */
export async function adminApiRoutes(app: FastifyInstance) {
  const schema = (summary: string, extra: object) => ({ tags: ['admin'], summary, security: [{ accessToken: [] }], ...extra });

  app.get<{ Querystring: Static<typeof usersQuery> }>(
    '/api/v1/admin/users',
    { config: admin, schema: schema('Users, filtered by name/email and role, 50 per page', { querystring: usersQuery, response: { 200: usersPageSchema, ...errors } }) },
    async (request) => listUsers(request.ctx, { search: request.query.q, role: request.query.role, page: request.query.page }),
  );

  app.get<Id>(
    '/api/v1/admin/users/:id',
    { config: admin, schema: schema('One user', { params: idParams, response: { 200: userDetailSchema, ...errors } }) },
    async (request) => getUser(request.ctx, request.params.id),
  );

  app.patch<Id & { Body: Static<typeof roleBody> }>(
    '/api/v1/admin/users/:id',
    { config: admin, schema: schema('Change a user’s role (applies at once)', { params: idParams, body: roleBody, response: { 200: userDetailSchema, ...errors } }) },
    async (request) => {
      const result = await changeUserRole(request.ctx, request.params.id, request.body);
      if (result.status === 'last_admin') throw lastAdmin(request);
      return result.user;
    },
  );

  app.delete<Id>(
    '/api/v1/admin/users/:id',
    { config: admin, schema: schema('Delete a user with their sessions and tokens', { params: idParams, response: { 204: Type.Null(), ...errors } }) },
    async (request, reply) => {
      const result = await deleteUser(request.ctx, request.params.id, { confirmed: true });
      if (result.status !== 'deleted') throw lastAdmin(request);
      return reply.code(204).send();
    },
  );

  app.get<{ Querystring: Static<typeof outboxQuery> }>(
    '/api/v1/admin/outbox',
    { config: admin, schema: schema('Mails in the outbox, newest first', { querystring: outboxQuery, response: { 200: outboxPageSchema, ...errors } }) },
    async (request) => listOutboxMails(request.ctx, request.query),
  );

  app.get<Id>(
    '/api/v1/admin/outbox/:id',
    { config: admin, schema: schema('One mail of the outbox, text and HTML source', { params: idParams, response: { 200: outboxMailSchema, ...errors } }) },
    async (request) => getOutboxMail(request.ctx, request.params.id),
  );

  app.get<{ Querystring: Static<typeof pageOnlyQuery> }>(
    '/api/v1/admin/audit',
    { config: admin, schema: schema('Audit log of role changes and deletions, newest first', { querystring: pageOnlyQuery, response: { 200: auditPageSchema, ...errors } }) },
    async (request) => listAuditLog(request.ctx, request.query),
  );

  app.get<{ Querystring: Static<typeof pageOnlyQuery> }>(
    '/api/v1/admin/feedback',
    { config: admin, schema: schema('Accessibility feedback, newest first', { querystring: pageOnlyQuery, response: { 200: feedbackPageSchema, ...errors } }) },
    async (request) => listFeedback(request.ctx, request.query),
  );
}
