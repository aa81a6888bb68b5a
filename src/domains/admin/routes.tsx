import type { FastifyInstance, FastifyRequest } from 'fastify';
import { notFound } from '../../platform/errors/index.js';
import { formValues, page } from '../../platform/http/routes.js';
import { localePath, translator } from '../../platform/i18n/index.js';
import { adminApiRoutes } from './api-routes.js';
import { messages } from './messages.js';
import { readId, readPage, readRoleFilter, readText } from './schemas.js';
import { changeUserRole, deleteUser, getOutboxMail, getOverview, getUser, listAuditLog, listFeedback, listOutboxMails, listUsers } from './service.js';
import { AuditPage, FeedbackPage } from './views/log-pages.js';
import { OutboxMailPage, OutboxPage } from './views/outbox-pages.js';
import { OverviewPage } from './views/overview-page.js';
import { UserPage, type UserNotice } from './views/user-page.js';
import { UsersPage } from './views/users-page.js';

const t = (request: FastifyRequest) => translator(messages, request.locale);

/** The path id of a detail page; anything that is not an id is simply not found. */
function pathId(request: FastifyRequest): number {
  const id = readId(request.params);
  if (id === null) throw notFound();
  return id;
}

const redirectNotices = new Set<UserNotice>(['role-changed', 'role-unchanged']);

export async function adminRoutes(app: FastifyInstance) {
  page(app, {
    path: '/admin',
    access: 'admin',
    handler: async (request, reply) => reply.page(t(request)('overview.title'), <OverviewPage locale={request.locale} overview={await getOverview(request.ctx)} />),
  });

  page(app, {
    path: '/admin/benutzer',
    access: 'admin',
    handler: async (request, reply) => {
      const filter = { search: readText(request.query, 'q', 200), role: readRoleFilter(request.query) };
      const users = await listUsers(request.ctx, { ...filter, page: readPage(request.query) });
      const deleted = readText(request.query, 'status', 20) === 'deleted';
      return reply.page(t(request)('users.title'), <UsersPage locale={request.locale} users={users} filter={filter} deleted={deleted} />);
    },
  });

  page(app, {
    path: '/admin/benutzer/:id',
    access: 'admin',
    handler: async (request, reply) => {
      const user = await getUser(request.ctx, pathId(request));
      const status = readText(request.query, 'status', 20) as UserNotice | undefined;
      const notice = status && redirectNotices.has(status) ? status : undefined;
      return reply.page(t(request)('user.title', { name: user.name }), <UserPage locale={request.locale} user={user} csrf={request.csrfToken()} notice={notice} />);
    },
  });

  page(app, {
    method: 'POST',
    path: '/admin/benutzer/:id/rolle',
    access: 'admin',
    handler: async (request, reply) => {
      const id = pathId(request);
      const result = await changeUserRole(request.ctx, id, { role: formValues(request).role });
      if (result.status === 'last_admin') {
        return reply.code(409).page(t(request)('user.title', { name: result.user.name }), <UserPage locale={request.locale} user={result.user} csrf={request.csrfToken()} notice="last-admin" />);
      }
      const lostAccess = id === request.user?.id && result.user.role !== 'admin';
      const target = lostAccess ? '/' : `/admin/benutzer/${id}?status=${result.status === 'changed' ? 'role-changed' : 'role-unchanged'}`;
      return reply.redirect(localePath(request.locale, target), 303);
    },
  });

  page(app, {
    method: 'POST',
    path: '/admin/benutzer/:id/loeschen',
    access: 'admin',
    handler: async (request, reply) => {
      const result = await deleteUser(request.ctx, pathId(request), { confirmed: formValues(request).confirm === 'yes' });
      if (result.status === 'deleted') return reply.redirect(localePath(request.locale, result.self ? '/' : '/admin/benutzer?status=deleted'), 303);
      const notice = result.status === 'last_admin' ? 'last-admin' : 'unconfirmed';
      return reply
        .code(result.status === 'last_admin' ? 409 : 400)
        .page(t(request)('user.title', { name: result.user.name }), <UserPage locale={request.locale} user={result.user} csrf={request.csrfToken()} notice={notice} />);
    },
  });

  page(app, {
    path: '/admin/postausgang',
    access: 'admin',
    handler: async (request, reply) => {
      const recipient = readText(request.query, 'recipient', 254);
      const mails = await listOutboxMails(request.ctx, { recipient, page: readPage(request.query) });
      return reply.page(t(request)('outbox.title'), <OutboxPage locale={request.locale} mails={mails} recipient={recipient} />);
    },
  });

  page(app, {
    path: '/admin/postausgang/:id',
    access: 'admin',
    handler: async (request, reply) => {
      const mail = await getOutboxMail(request.ctx, pathId(request));
      return reply.page(t(request)('outbox.mailTitle', { subject: mail.subject }), <OutboxMailPage locale={request.locale} mail={mail} />);
    },
  });

  page(app, {
    path: '/admin/protokoll',
    access: 'admin',
    handler: async (request, reply) => reply.page(t(request)('audit.title'), <AuditPage locale={request.locale} entries={await listAuditLog(request.ctx, { page: readPage(request.query) })} />),
  });

  page(app, {
    path: '/admin/rueckmeldungen',
    access: 'admin',
    handler: async (request, reply) =>
      reply.page(t(request)('feedback.title'), <FeedbackPage locale={request.locale} feedback={await listFeedback(request.ctx, { page: readPage(request.query) })} />),
  });

  await adminApiRoutes(app);
}
