import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { notFound } from '../../platform/errors/index.js';
import { page } from '../../platform/http/routes.js';
import { translator } from '../../platform/i18n/index.js';
import { messages } from './messages.js';
import { errorMessage, formStrings, idParam, queryText, redirectTo, slugParam } from './profile-route-helpers.js';
import { changeMemberRole, decideMembership, getActorForViewer, leaveActor, listActorMembers, listMyActors, removeMember, requestMembership, type MemberChange } from './service.js';
import { MyActorsPage } from './views/members-mine.js';
import { isMemberNotice, JoinPage, MembersPage } from './views/members-page.js';

const t = (request: FastifyRequest) => translator(messages, request.locale);

/** The members page, with a notice; 409 when the last admin would have gone. */
async function showMembers(request: FastifyRequest, reply: FastifyReply, notice?: string, status = 200) {
  const data = await listActorMembers(request.ctx, slugParam(request));
  return reply
    .code(status)
    .page(
      t(request)('members.title', { name: data.actor.name }),
      <MembersPage locale={request.locale} csrf={request.csrfToken()} data={data} userId={request.user!.id} notice={isMemberNotice(notice) ? notice : undefined} />,
    );
}

/** After a change: back to the members page, or the same page with 409 when the last admin would go. */
function afterChange(request: FastifyRequest, reply: FastifyReply, result: MemberChange, notice: string) {
  if (result.status === 'last_admin') return showMembers(request, reply, 'letzte-verwaltung', 409);
  return redirectTo(request, reply, `/akteure/${slugParam(request)}/mitglieder`, notice);
}

/** Joining an organisation, its members and requests, leaving; "my organisations". */
export function memberPages(app: FastifyInstance) {
  page(app, {
    path: '/konto/organisationen',
    access: 'member',
    handler: async (request, reply) => {
      const notice = queryText(request, 'hinweis');
      const shown = notice === 'geloescht' ? 'deleted' : notice === 'ausgetreten' ? 'left' : undefined;
      return reply.page(
        t(request)('mine.title'),
        <MyActorsPage locale={request.locale} actors={await listMyActors(request.ctx)} notice={shown} />,
      );
    },
  });

  page(app, {
    path: '/akteure/:slug/mitglied-werden',
    access: 'member',
    handler: async (request, reply) => {
      const actor = await getActorForViewer(request.ctx, slugParam(request));
      if (actor.kind !== 'organisation') throw notFound();
      return reply.page(t(request)('join.title', { name: actor.name }), <JoinPage locale={request.locale} csrf={request.csrfToken()} actor={actor} />);
    },
  });
  page(app, {
    method: 'POST',
    path: '/akteure/:slug/mitglied-werden',
    access: 'member',
    form: async (request, error) => {
      const actor = await getActorForViewer(request.ctx, slugParam(request));
      return {
        title: t(request)('join.title', { name: actor.name }),
        body: (
          <JoinPage
            locale={request.locale}
            csrf={request.csrfToken()}
            actor={actor}
            message={formStrings(request).message}
            errors={error.fields}
            text={errorMessage(error, request.locale)}
          />
        ),
      };
    },
    handler: async (request, reply) => {
      const result = await requestMembership(request.ctx, slugParam(request), { message: formStrings(request).message });
      return redirectTo(request, reply, `/akteure/${slugParam(request)}`, result.status === 'already_member' ? undefined : 'angefragt');
    },
  });

  page(app, {
    method: 'POST',
    path: '/akteure/:slug/austreten',
    access: 'member',
    handler: async (request, reply) => {
      const result = await leaveActor(request.ctx, slugParam(request));
      if (result.status === 'last_admin') return showMembers(request, reply, 'letzte-verwaltung', 409);
      return redirectTo(request, reply, '/konto/organisationen', 'ausgetreten');
    },
  });

  page(app, { path: '/akteure/:slug/mitglieder', access: 'member', handler: (request, reply) => showMembers(request, reply, queryText(request, 'hinweis')) });
  page(app, {
    method: 'POST',
    path: '/akteure/:slug/mitglieder/:userId/entscheiden',
    access: 'member',
    handler: async (request, reply) => {
      const decision = formStrings(request).decision;
      const result = await decideMembership(request.ctx, slugParam(request), idParam(request, 'userId'), { decision });
      return afterChange(request, reply, result, decision === 'accept' ? 'angenommen' : 'abgelehnt');
    },
  });
  page(app, {
    method: 'POST',
    path: '/akteure/:slug/mitglieder/:userId/rolle',
    access: 'member',
    handler: async (request, reply) => {
      const result = await changeMemberRole(request.ctx, slugParam(request), idParam(request, 'userId'), { role: formStrings(request).role });
      return afterChange(request, reply, result, 'rolle');
    },
  });
  page(app, {
    method: 'POST',
    path: '/akteure/:slug/mitglieder/:userId/entfernen',
    access: 'member',
    handler: async (request, reply) => {
      const result = await removeMember(request.ctx, slugParam(request), idParam(request, 'userId'));
      return afterChange(request, reply, result, 'entfernt');
    },
  });
}
