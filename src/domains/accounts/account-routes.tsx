import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formValues, page } from '../../platform/http/routes.js';
import { localePath } from '../../platform/i18n/index.js';
import type { AccountLimits } from './limits.js';
import { linkStatus, show } from './route-helpers.js';
import {
  changePassword,
  confirmEmailChange,
  createAccessToken,
  deleteAccount,
  exportMyData,
  getAccount,
  listAccessTokens,
  logOutEverywhere,
  requestEmailChange,
  revokeAccessToken,
  updateProfile,
} from './service.js';
import { clearSessionCookie } from './session-cookie.js';
import { accountView, isNotice, profileView, type Notice } from './views/account.js';
import { emailChangedView, linkProblemView } from './views/links.js';
import { deletedView, deleteView, emailView, passwordView } from './views/settings.js';
import { emptyForm, formState, viewContext } from './views/shared.js';
import { tokensView } from './views/tokens.js';

const query = (request: FastifyRequest) => request.query as Record<string, unknown>;
const backToAccount = (request: FastifyRequest, reply: FastifyReply, notice: Notice) => reply.redirect(`${localePath(request.locale, '/konto')}?hinweis=${notice}`, 303);
const currentEmail = (request: FastifyRequest) => request.user?.email ?? '';

/** "My account": overview and everything a member changes about their own account. */
export function accountPages(app: FastifyInstance, limits: AccountLimits) {
  page(app, {
    path: '/konto',
    access: 'member',
    handler: async (request, reply) => {
      const notice = query(request).hinweis;
      return show(reply, accountView(viewContext(request), await getAccount(request.ctx), isNotice(notice) ? notice : null));
    },
  });
  page(app, {
    path: '/konto/profil',
    access: 'member',
    handler: async (request, reply) => {
      const { name, locale } = await getAccount(request.ctx);
      return show(reply, profileView(viewContext(request), { values: { name, locale }, errors: {} }));
    },
  });
  page(app, {
    method: 'POST',
    path: '/konto/profil',
    access: 'member',
    form: (request, error) => profileView(viewContext(request), formState(request, error)),
    handler: async (request, reply) => {
      await updateProfile(request.ctx, formValues(request));
      return backToAccount(request, reply, 'profil');
    },
  });
  page(app, {
    method: 'POST',
    path: '/konto/abmelden-ueberall',
    access: 'member',
    handler: async (request, reply) => {
      await logOutEverywhere(request.ctx);
      clearSessionCookie(request, reply);
      return reply.redirect(localePath(request.locale, '/'), 303);
    },
  });

  page(app, { path: '/konto/passwort', access: 'member', handler: async (request, reply) => show(reply, passwordView(viewContext(request), emptyForm)) });
  page(app, {
    method: 'POST',
    path: '/konto/passwort',
    access: 'member',
    preHandler: limits.passwordConfirmed,
    form: (request, error) => passwordView(viewContext(request), formState(request, error)),
    handler: async (request, reply) => {
      await changePassword(request.ctx, formValues(request));
      return backToAccount(request, reply, 'passwort');
    },
  });

  page(app, { path: '/konto/email', access: 'member', handler: async (request, reply) => show(reply, emailView(viewContext(request), emptyForm, currentEmail(request))) });
  page(app, {
    method: 'POST',
    path: '/konto/email',
    access: 'member',
    preHandler: limits.passwordConfirmed,
    form: (request, error) => emailView(viewContext(request), formState(request, error), currentEmail(request)),
    handler: async (request, reply) => {
      await requestEmailChange(request.ctx, formValues(request));
      return backToAccount(request, reply, 'email');
    },
  });
  page(app, {
    path: '/konto/email-bestaetigen',
    access: 'member',
    handler: async (request, reply) => {
      const result = await confirmEmailChange(request.ctx, query(request).token);
      if (result.kind === 'changed') return show(reply, emailChangedView(viewContext(request), result.email));
      const problem = result.kind === 'taken' ? 'taken' : result.problem;
      return show(reply, linkProblemView(viewContext(request), problem, { path: '/konto/email', label: 'account.changeEmail' }), linkStatus(problem));
    },
  });

  page(app, { path: '/konto/loeschen', access: 'member', handler: async (request, reply) => show(reply, deleteView(viewContext(request), emptyForm)) });
  page(app, {
    method: 'POST',
    path: '/konto/loeschen',
    access: 'member',
    preHandler: limits.passwordConfirmed,
    form: (request, error) => deleteView(viewContext(request), formState(request, error)),
    handler: async (request, reply) => {
      await deleteAccount(request.ctx, formValues(request));
      clearSessionCookie(request, reply);
      request.user = null; // the goodbye page is shown to someone no longer signed in
      return show(reply, deletedView(viewContext(request)));
    },
  });

  page(app, {
    path: '/konto/meine-daten.json',
    access: 'member',
    handler: async (request, reply) => {
      const data = await exportMyData(request.ctx);
      void reply.header('content-disposition', 'attachment; filename="quartiersnetz-meine-daten.json"').header('cache-control', 'no-store');
      return reply.type('application/json; charset=utf-8').send(JSON.stringify(data, null, 2));
    },
  });

  page(app, {
    path: '/konto/zugangsschluessel',
    access: 'member',
    handler: async (request, reply) => {
      const tokens = await listAccessTokens(request.ctx);
      return show(reply, tokensView(viewContext(request), { tokens, revoked: query(request).widerrufen === '1' }, emptyForm));
    },
  });
  page(app, {
    method: 'POST',
    path: '/konto/zugangsschluessel',
    access: 'member',
    form: (request, error) => tokensView(viewContext(request), { tokens: null }, formState(request, error)),
    handler: async (request, reply) => {
      const { token, accessToken } = await createAccessToken(request.ctx, formValues(request));
      const tokens = await listAccessTokens(request.ctx);
      void reply.header('cache-control', 'no-store');
      return show(reply, tokensView(viewContext(request), { tokens, created: { name: accessToken.name, token } }, emptyForm));
    },
  });
  page(app, {
    method: 'POST',
    path: '/konto/zugangsschluessel/:id/widerrufen',
    access: 'member',
    handler: async (request, reply) => {
      await revokeAccessToken(request.ctx, (request.params as { id: string }).id);
      return reply.redirect(`${localePath(request.locale, '/konto/zugangsschluessel')}?widerrufen=1`, 303);
    },
  });
}
