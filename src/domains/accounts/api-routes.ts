import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { problemResponses } from '../../platform/http/api-schemas.js';
import { translator, type Locale } from '../../platform/i18n/index.js';
import type { AccountLimits } from './limits.js';
import { messages } from './messages.js';
import {
  accessTokenCreate,
  accessTokenCreated,
  accessTokenList,
  accessTokenParams,
  accountSchema,
  checkMailSchema,
  emailBody,
  emailChangeBody,
  myDataSchema,
  noContent,
  passwordBody,
  passwordChangeBody,
  profilePatch,
  registerBody,
} from './schemas.js';
import {
  changePassword,
  createAccessToken,
  deleteAccount,
  exportMyData,
  getAccount,
  listAccessTokens,
  logOutEverywhere,
  registerAccount,
  requestEmailChange,
  requestPasswordReset,
  revokeAccessToken,
  updateProfile,
} from './service.js';
import { present } from './present.js';
import { clearSessionCookie } from './session-cookie.js';

const tags = ['accounts'];
const security = [{ accessToken: [] }];
const member = { access: 'member' } as const;

/** The neutral answer of requests that mail a link. */
const checkMail = (locale: Locale, key: 'register.sent' | 'forgot.sent' | 'notice.email', email: string) => ({
  status: 'check_mail' as const,
  detail: translator(messages, locale)(key, { email }),
});

/** The accounts API under /api/v1: the same use cases as the pages, presented as JSON. */
export function accountApi(app: FastifyInstance, limits: AccountLimits) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.post(
    '/api/v1/accounts',
    {
      config: { access: 'public' },
      preHandler: limits.register,
      schema: { tags, summary: 'Register; a confirmation link is mailed', body: registerBody, response: { 202: checkMailSchema, ...problemResponses } },
    },
    async (request, reply) => {
      const result = await registerAccount(request.ctx, request.body);
      return reply.code(202).send(checkMail(request.locale, 'register.sent', result.email));
    },
  );
  api.post(
    '/api/v1/password-reset',
    {
      config: { access: 'public' },
      preHandler: limits.mailLink,
      schema: { tags, summary: 'Mail a password reset link (same answer for unknown addresses)', body: emailBody, response: { 202: checkMailSchema, ...problemResponses } },
    },
    async (request, reply) => {
      const result = await requestPasswordReset(request.ctx, request.body);
      return reply.code(202).send(checkMail(request.locale, 'forgot.sent', result.email));
    },
  );

  api.get('/api/v1/me', { config: member, schema: { tags, security, summary: 'The signed-in account', response: { 200: accountSchema, ...problemResponses } } }, async (request) =>
    present(await getAccount(request.ctx)),
  );
  api.patch(
    '/api/v1/me',
    { config: member, schema: { tags, security, summary: 'Change name and/or language', body: profilePatch, response: { 200: accountSchema, ...problemResponses } } },
    async (request) => present(await updateProfile(request.ctx, request.body)),
  );
  api.delete(
    '/api/v1/me',
    {
      config: member,
      preHandler: limits.passwordConfirmed,
      schema: { tags, security, summary: 'Delete the account (confirm with the password)', body: passwordBody, response: { 204: noContent, ...problemResponses } },
    },
    async (request, reply) => {
      await deleteAccount(request.ctx, request.body);
      if (request.user?.sessionId) clearSessionCookie(request, reply);
      return reply.code(204).send(null);
    },
  );
  api.get(
    '/api/v1/me/export',
    { config: member, schema: { tags, security, summary: 'Everything stored about me', response: { 200: myDataSchema, ...problemResponses } } },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      return present(await exportMyData(request.ctx));
    },
  );
  api.post(
    '/api/v1/me/password',
    {
      config: member,
      preHandler: limits.passwordConfirmed,
      schema: { tags, security, summary: 'Change the password; other sessions end', body: passwordChangeBody, response: { 204: noContent, ...problemResponses } },
    },
    async (request, reply) => {
      await changePassword(request.ctx, request.body);
      return reply.code(204).send(null);
    },
  );
  api.post(
    '/api/v1/me/email',
    {
      config: member,
      preHandler: limits.passwordConfirmed,
      schema: { tags, security, summary: 'Change the email address (link to the new address)', body: emailChangeBody, response: { 202: checkMailSchema, ...problemResponses } },
    },
    async (request, reply) => {
      const result = await requestEmailChange(request.ctx, request.body);
      return reply.code(202).send(checkMail(request.locale, 'notice.email', result.email));
    },
  );
  api.delete(
    '/api/v1/me/sessions',
    { config: member, schema: { tags, security, summary: 'Log out on all devices', response: { 204: noContent, ...problemResponses } } },
    async (request, reply) => {
      await logOutEverywhere(request.ctx);
      if (request.user?.sessionId) clearSessionCookie(request, reply);
      return reply.code(204).send(null);
    },
  );

  api.get(
    '/api/v1/me/tokens',
    { config: member, schema: { tags, security, summary: 'My personal access tokens', response: { 200: accessTokenList, ...problemResponses } } },
    async (request) => present({ items: await listAccessTokens(request.ctx) }),
  );
  api.post(
    '/api/v1/me/tokens',
    { config: member, schema: { tags, security, summary: 'Create a personal access token', body: accessTokenCreate, response: { 201: accessTokenCreated, ...problemResponses } } },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      return reply.code(201).send(present(await createAccessToken(request.ctx, request.body)));
    },
  );
  api.delete(
    '/api/v1/me/tokens/:id',
    { config: member, schema: { tags, security, summary: 'Revoke one of my tokens', params: accessTokenParams, response: { 204: noContent, ...problemResponses } } },
    async (request, reply) => {
      await revokeAccessToken(request.ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );
}
