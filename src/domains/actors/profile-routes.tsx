import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppError } from '../../platform/errors/index.js';
import { formValues, page } from '../../platform/http/routes.js';
import { localePath, translator } from '../../platform/i18n/index.js';
import { profileApiRoutes } from './profile-api-routes.js';
import { curationPages } from './profile-curation-routes.js';
import { memberPages } from './profile-member-routes.js';
import { actorInputFromForm, errorMessage, formBody, queryText, redirectTo, slugParam } from './profile-route-helpers.js';
import { ProfileExports } from './jsonld-script.js';
import { messages } from './messages.js';
import { ActorInputError } from './profile-input.js';
import { profileSections } from './profile-sections.js';
import { createActorProfile, deleteActorProfile, getActorForEdit, listActorMembers, listVocabulary, openActorPage, updateActorProfile } from './service.js';
import { ActorFormPage, formValuesOf, type ActorFormState } from './views/actor-form.js';
import { DeletePage } from './views/profile-confirm.js';
import { isProfileNotice, ProfilePage } from './views/profile-page.js';

const t = (request: FastifyRequest) => translator(messages, request.locale);

/** The profile form again, with what was typed and what went wrong (the place's candidates included). */
function formState(request: FastifyRequest, error: AppError): ActorFormState {
  return {
    values: formBody(request),
    errors: error.fields ?? {},
    message: errorMessage(error, request.locale),
    placeCandidates: error instanceof ActorInputError ? error.placeCandidates : [],
  };
}

/** Profiles as pages: create, show, edit, delete; members and curation pages; the JSON API. */
export async function profileRoutes(app: FastifyInstance) {
  page(app, {
    path: '/akteure/neu',
    access: 'member',
    handler: async (request, reply) => {
      const state: ActorFormState = { values: { visibility: 'public' }, errors: {} };
      return reply.page(t(request)('form.createTitle'), <ActorFormPage locale={request.locale} csrf={request.csrfToken()} state={state} vocabulary={await listVocabulary(request.ctx)} />);
    },
  });
  page(app, {
    method: 'POST',
    path: '/akteure/neu',
    access: 'member',
    form: async (request, error) => ({
      title: t(request)('form.createTitle'),
      body: <ActorFormPage locale={request.locale} csrf={request.csrfToken()} state={formState(request, error)} vocabulary={await listVocabulary(request.ctx)} />,
    }),
    handler: async (request, reply) => {
      const actor = await createActorProfile(request.ctx, actorInputFromForm(formBody(request)));
      return redirectTo(request, reply, `/akteure/${actor.slug}`, 'angelegt');
    },
  });

  page(app, {
    path: '/akteure/:slug',
    access: 'public',
    handler: async (request, reply) => {
      const opened = await openActorPage(request.ctx, slugParam(request));
      if (opened.kind === 'moved') return reply.redirect(localePath(request.locale, `/akteure/${opened.slug}`), 301);
      const { actor } = opened;
      const members = actor.viewer.membership !== null || actor.viewer.coordinator ? (await listActorMembers(request.ctx, actor.id)).members : undefined;
      const notice = queryText(request, 'hinweis');
      const csrf = request.csrfToken();
      const sections = await profileSections(request.ctx, actor, csrf);
      return reply.page(
        actor.name,
        <ProfilePage locale={request.locale} csrf={csrf} actor={actor} members={members} notice={isProfileNotice(notice) ? notice : undefined}>
          {sections}
          <ProfileExports actor={actor} locale={request.locale} publicUrl={request.ctx.config.publicUrl} />
        </ProfilePage>,
        { description: actor.summary || undefined },
      );
    },
  });

  page(app, {
    path: '/akteure/:slug/bearbeiten',
    access: 'member',
    handler: async (request, reply) => {
      const [actor, vocabulary] = await Promise.all([getActorForEdit(request.ctx, slugParam(request)), listVocabulary(request.ctx)]);
      const state = { values: formValuesOf(actor), errors: {} };
      return reply.page(t(request)('form.editTitle', { name: actor.name }), <ActorFormPage locale={request.locale} csrf={request.csrfToken()} state={state} vocabulary={vocabulary} actor={actor} />);
    },
  });
  page(app, {
    method: 'POST',
    path: '/akteure/:slug/bearbeiten',
    access: 'member',
    form: async (request, error) => {
      const [actor, vocabulary] = await Promise.all([getActorForEdit(request.ctx, slugParam(request)), listVocabulary(request.ctx)]);
      return {
        title: t(request)('form.editTitle', { name: actor.name }),
        body: <ActorFormPage locale={request.locale} csrf={request.csrfToken()} state={formState(request, error)} vocabulary={vocabulary} actor={actor} />,
      };
    },
    handler: async (request, reply) => {
      const actor = await updateActorProfile(request.ctx, slugParam(request), actorInputFromForm(formBody(request)));
      return redirectTo(request, reply, `/akteure/${actor.slug}`, 'gespeichert');
    },
  });

  page(app, {
    path: '/akteure/:slug/loeschen',
    access: 'member',
    handler: async (request, reply) => {
      const actor = await getActorForEdit(request.ctx, slugParam(request));
      return reply.page(t(request)('delete.title', { name: actor.name }), <DeletePage locale={request.locale} csrf={request.csrfToken()} actor={actor} />);
    },
  });
  page(app, {
    method: 'POST',
    path: '/akteure/:slug/loeschen',
    access: 'member',
    handler: async (request, reply) => {
      const result = await deleteActorProfile(request.ctx, slugParam(request), { confirmed: formValues(request).confirm === 'yes' });
      if (result.status === 'deleted') return redirectTo(request, reply, '/konto/organisationen', 'geloescht');
      const { actor } = result;
      return reply.code(400).page(t(request)('delete.title', { name: actor.name }), <DeletePage locale={request.locale} csrf={request.csrfToken()} actor={actor} unconfirmed />);
    },
  });

  memberPages(app);
  curationPages(app);
  profileApiRoutes(app);
}
