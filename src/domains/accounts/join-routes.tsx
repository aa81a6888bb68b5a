import type { FastifyInstance, FastifyRequest } from 'fastify';
import { formValues, page } from '../../platform/http/routes.js';
import { localePath } from '../../platform/i18n/index.js';
import type { AccountLimits } from './limits.js';
import { linkStatus, safeNext, show } from './route-helpers.js';
import { checkResetLink, logIn, logOut, registerAccount, requestPasswordReset, resendVerification, resetPassword, verifyEmail } from './service.js';
import { clearSessionCookie, sessionCookie, setSessionCookie } from './session-cookie.js';
import { checkMailView, loginView, registerView } from './views/join.js';
import { linkProblemView, requestLinkView, resetDoneView, resetView, verifiedView } from './views/links.js';
import { emptyForm, formState, viewContext } from './views/shared.js';

const token = (request: FastifyRequest) => (request.query as { token?: unknown }).token;
const newConfirmation = { path: '/konto/bestaetigen/neu', label: 'resend.title' } as const;
const newReset = { path: '/passwort-vergessen', label: 'reset.requestNew' } as const;

/** Pages for people who are not (yet) signed in. */
export function joinPages(app: FastifyInstance, limits: AccountLimits) {
  page(app, { path: '/registrieren', access: 'public', handler: async (request, reply) => show(reply, registerView(viewContext(request), emptyForm)) });
  page(app, {
    method: 'POST',
    path: '/registrieren',
    access: 'public',
    preHandler: limits.register,
    form: (request, error) => registerView(viewContext(request), formState(request, error)),
    handler: async (request, reply) => {
      const result = await registerAccount(request.ctx, formValues(request));
      return show(reply, checkMailView(viewContext(request), 'register.sent', result.email));
    },
  });

  page(app, {
    path: '/konto/bestaetigen',
    access: 'public',
    handler: async (request, reply) => {
      const result = await verifyEmail(request.ctx, token(request));
      if (result.kind === 'invalid') return show(reply, linkProblemView(viewContext(request), result.problem, newConfirmation), linkStatus(result.problem));
      return show(reply, verifiedView(viewContext(request)));
    },
  });

  for (const kind of ['resend', 'forgot'] as const) {
    const path = kind === 'resend' ? '/konto/bestaetigen/neu' : '/passwort-vergessen';
    const requestLink = kind === 'resend' ? resendVerification : requestPasswordReset;
    page(app, { path, access: 'public', handler: async (req, reply) => show(reply, requestLinkView(viewContext(req), emptyForm, kind)) });
    page(app, {
      method: 'POST',
      path,
      access: 'public',
      preHandler: limits.mailLink,
      form: (req, error) => requestLinkView(viewContext(req), formState(req, error), kind),
      handler: async (req, reply) => {
        const result = await requestLink(req.ctx, formValues(req));
        return show(reply, checkMailView(viewContext(req), `${kind}.sent`, result.email));
      },
    });
  }

  page(app, {
    path: '/passwort-zuruecksetzen',
    access: 'public',
    handler: async (request, reply) => {
      const link = await checkResetLink(request.ctx, token(request));
      if (link.kind === 'invalid') return show(reply, linkProblemView(viewContext(request), link.problem, newReset), linkStatus(link.problem));
      return show(reply, resetView(viewContext(request), { values: { token: String(token(request)) }, errors: {} }));
    },
  });
  page(app, {
    method: 'POST',
    path: '/passwort-zuruecksetzen',
    access: 'public',
    form: (request, error) => resetView(viewContext(request), formState(request, error)),
    handler: async (request, reply) => {
      const result = await resetPassword(request.ctx, formValues(request));
      if (result.kind === 'invalid') return show(reply, linkProblemView(viewContext(request), result.problem, newReset), 400);
      clearSessionCookie(request, reply);
      request.user = null;
      return show(reply, resetDoneView(viewContext(request)));
    },
  });

  page(app, {
    path: '/anmelden',
    access: 'public',
    handler: async (request, reply) => {
      const next = safeNext((request.query as { next?: unknown }).next) ?? '';
      return show(reply, loginView(viewContext(request), { values: { next }, errors: {} }));
    },
  });
  page(app, {
    method: 'POST',
    path: '/anmelden',
    access: 'public',
    preHandler: limits.login,
    form: (request, error) => loginView(viewContext(request), formState(request, error)),
    handler: async (request, reply) => {
      const values = formValues(request);
      const result = await logIn(request.ctx, values, { userAgent: request.headers['user-agent'], previousToken: sessionCookie(request) });
      if (result.kind !== 'logged_in') return show(reply, loginView(viewContext(request), formState(request), result.kind), 400);
      setSessionCookie(request, reply, result.token);
      return reply.redirect(safeNext(values.next) ?? localePath(request.locale, '/konto'), 303);
    },
  });

  page(app, {
    method: 'POST',
    path: '/abmelden',
    access: 'public',
    handler: async (request, reply) => {
      await logOut(request.ctx);
      clearSessionCookie(request, reply);
      return reply.redirect(localePath(request.locale, '/'), 303);
    },
  });
}
