import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { ValidationError } from '../../platform/errors/index.js';
import { translator } from '../../platform/i18n/index.js';
import { messages } from './messages.js';
import { problemResponses, problemSchema } from '../../platform/http/api-schemas.js';
import { lastAdminError } from './memberships.js';
import type { RawActorInput } from './profile-input.js';
import {
  actorCreateBody,
  actorPatchBody,
  actorRefParams,
  actorSchema,
  joinBody,
  joinSchema,
  memberParams,
  memberPatchBody,
  membersSchema,
  mergeBody,
  myActorsSchema,
  reviewBody,
  reviewQuery,
  reviewQueueSchema,
  reviewSchema,
  tagMergeBody,
  tagParams,
  tagSchema,
  vocabularyCreateBody,
  vocabularyCreatedSchema,
  vocabularyPatchBody,
  vocabularySchema,
} from './schemas.js';
import {
  addVocabularyTerm,
  changeMemberRole,
  createActorProfile,
  decideMembership,
  deleteActorProfile,
  getActorForViewer,
  listActorMembers,
  listMyActors,
  listReviewQueue,
  listVocabulary,
  mergeActors,
  mergeTags,
  removeMember,
  requestMembership,
  reviewActor,
  updateActorProfile,
  updateVocabularyTerm,
} from './service.js';

const tags = ['actors'];
const vocabularyTags = ['vocabulary'];
const security = [{ accessToken: [] }];
const errors = { ...problemResponses, 409: problemSchema };
const noContent = Type.Null({ description: 'Done; no content' });
type Ref = { Params: Static<typeof actorRefParams> };
type Member = { Params: Static<typeof memberParams> };
type Tag = { Params: Static<typeof tagParams> };

/** An API body as use-case input: a list given as labels and/or ids replaces that list. */
function actorInput(body: Static<typeof actorPatchBody> & { kind?: string }): RawActorInput {
  const list = (labels: string[] | undefined, ids: number[] | undefined) => (labels === undefined && ids === undefined ? { labels, ids } : { labels: labels ?? [], ids: ids ?? [] });
  const offers = list(body.offers, body.offerIds);
  const needs = list(body.needs, body.needIds);
  return {
    kind: body.kind,
    name: body.name,
    sector: body.sector,
    actionFields: body.actionFields,
    place: body.place,
    placeId: body.placeId,
    summary: body.summary,
    description: body.description,
    expertise: body.expertise,
    website: body.website === null ? '' : body.website,
    links: body.links,
    contactName: body.contact === null ? '' : body.contact?.name,
    contactEmail: body.contact === null ? '' : body.contact?.email,
    contactPhone: body.contact === null ? '' : body.contact?.phone,
    visibility: body.visibility,
    offerIds: offers.ids,
    offerLabels: offers.labels,
    needIds: needs.ids,
    needLabels: needs.labels,
  };
}

/**
 * Actor profiles, memberships, review, merging and the vocabulary under /api/v1: the same use cases
 * as the pages. (The listing GET /api/v1/actors and the GeoJSON belong to the directory.)
 */
export function profileApiRoutes(app: FastifyInstance) {
  const schema = (summary: string, extra: object, tagList = tags) => ({ tags: tagList, summary, security, ...extra });

  app.post<{ Body: Static<typeof actorCreateBody> }>(
    '/api/v1/actors',
    { config: { access: 'member' }, schema: schema('Create a profile; the caller becomes its admin (organisations wait for review)', { body: actorCreateBody, response: { 201: actorSchema, ...errors } }) },
    async (request, reply) => reply.code(201).send(await createActorProfile(request.ctx, actorInput(request.body))),
  );
  app.get<Ref>(
    '/api/v1/actors/:ref',
    { config: { access: 'public' }, schema: schema('One actor by id or slug, as the caller may see it (404 when not visible)', { params: actorRefParams, response: { 200: actorSchema, ...errors } }) },
    async (request) => getActorForViewer(request.ctx, request.params.ref),
  );
  app.patch<Ref & { Body: Static<typeof actorPatchBody> }>(
    '/api/v1/actors/:ref',
    { config: { access: 'member' }, schema: schema('Change a profile (its admins and coordinators)', { params: actorRefParams, body: actorPatchBody, response: { 200: actorSchema, ...errors } }) },
    async (request) => updateActorProfile(request.ctx, request.params.ref, actorInput(request.body)),
  );
  app.delete<Ref>(
    '/api/v1/actors/:ref',
    { config: { access: 'member' }, schema: schema('Delete a profile with its memberships (its admins and coordinators)', { params: actorRefParams, response: { 204: noContent, ...errors } }) },
    async (request, reply) => {
      await deleteActorProfile(request.ctx, request.params.ref, { confirmed: true });
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/v1/me/actors',
    { config: { access: 'member' }, schema: schema('The caller’s actors: memberships and open requests to join', { response: { 200: myActorsSchema, ...errors } }) },
    async (request) => ({ items: await listMyActors(request.ctx) }),
  );
  app.get<Ref>(
    '/api/v1/actors/:ref/members',
    { config: { access: 'member' }, schema: schema('Members (and, for admins and coordinators, open requests) of an actor', { params: actorRefParams, response: { 200: membersSchema, ...errors } }) },
    async (request) => listActorMembers(request.ctx, request.params.ref),
  );
  app.post<Ref & { Body: Static<typeof joinBody> }>(
    '/api/v1/actors/:ref/members',
    { config: { access: 'member' }, schema: schema('Ask to join an organisation; its admins get a mail', { params: actorRefParams, body: joinBody, response: { 200: joinSchema, ...errors } }) },
    async (request) => requestMembership(request.ctx, request.params.ref, request.body),
  );
  app.patch<Member & { Body: Static<typeof memberPatchBody> }>(
    '/api/v1/actors/:ref/members/:userId',
    {
      config: { access: 'member' },
      schema: schema('Accept a request (status "active") or change a role (admins and coordinators)', { params: memberParams, body: memberPatchBody, response: { 200: membersSchema, ...errors } }),
    },
    async (request) => {
      const { ref, userId } = request.params;
      if (request.body.status === undefined && request.body.role === undefined) throw new ValidationError({ role: translator(messages, request.locale)('input.memberPatch') });
      if (request.body.status === 'active') await decideMembership(request.ctx, ref, userId, { decision: 'accept' });
      if (request.body.role !== undefined && (await changeMemberRole(request.ctx, ref, userId, { role: request.body.role })).status === 'last_admin') throw lastAdminError(request.ctx);
      return listActorMembers(request.ctx, ref);
    },
  );
  app.delete<Member>(
    '/api/v1/actors/:ref/members/:userId',
    {
      config: { access: 'member' },
      schema: schema('Decline a request, remove a member, or leave (your own user id)', { params: memberParams, response: { 204: noContent, ...errors } }),
    },
    async (request, reply) => {
      const { ref, userId } = request.params;
      const members = userId === request.user?.id ? null : await listActorMembers(request.ctx, ref);
      if (members?.requests.some((r) => r.userId === userId)) await decideMembership(request.ctx, ref, userId, { decision: 'decline' });
      else if ((await removeMember(request.ctx, ref, userId)).status === 'last_admin') throw lastAdminError(request.ctx);
      return reply.code(204).send();
    },
  );

  app.get<{ Querystring: Static<typeof reviewQuery> }>(
    '/api/v1/review/actors',
    { config: { access: 'coordinator' }, schema: schema('Profiles waiting for review, oldest first, 50 per page', { querystring: reviewQuery, response: { 200: reviewQueueSchema, ...errors } }) },
    async (request) => listReviewQueue(request.ctx, request.query),
  );
  app.post<Ref & { Body: Static<typeof reviewBody> }>(
    '/api/v1/review/actors/:ref',
    { config: { access: 'coordinator' }, schema: schema('Approve or reject (with a note) a pending profile; the creator gets a mail', { params: actorRefParams, body: reviewBody, response: { 200: reviewSchema, ...errors } }) },
    async (request) => reviewActor(request.ctx, request.params.ref, request.body),
  );
  app.post<Ref & { Body: Static<typeof mergeBody> }>(
    '/api/v1/actors/:ref/merge',
    {
      config: { access: 'coordinator' },
      schema: schema('Merge this actor (a duplicate) into the survivor: members, tags and other records move; answers the survivor', {
        params: actorRefParams,
        body: mergeBody,
        response: { 200: actorSchema, ...errors },
      }),
    },
    async (request) => mergeActors(request.ctx, { duplicate: request.params.ref, survivor: request.body.survivor }),
  );

  app.get(
    '/api/v1/vocabulary',
    { config: { access: 'public' }, schema: schema('The curated offers/needs vocabulary, alphabetically', { response: { 200: vocabularySchema, ...errors } }, vocabularyTags) },
    async (request) => ({ items: await listVocabulary(request.ctx) }),
  );
  app.post<{ Body: Static<typeof vocabularyCreateBody> }>(
    '/api/v1/vocabulary',
    {
      config: { access: 'coordinator' },
      schema: schema('Add a curated term (a free tag of the same spelling is promoted)', { body: vocabularyCreateBody, response: { 201: vocabularyCreatedSchema, ...errors } }, vocabularyTags),
    },
    async (request, reply) => reply.code(201).send(await addVocabularyTerm(request.ctx, request.body)),
  );
  app.patch<Tag & { Body: Static<typeof vocabularyPatchBody> }>(
    '/api/v1/vocabulary/:id',
    {
      config: { access: 'coordinator' },
      schema: schema('Rename a tag, set its English label, or move it into/out of the vocabulary', { params: tagParams, body: vocabularyPatchBody, response: { 200: tagSchema, ...errors } }, vocabularyTags),
    },
    async (request) => updateVocabularyTerm(request.ctx, request.params.id, { ...request.body, labelEn: request.body.labelEn === null ? '' : request.body.labelEn }),
  );
  app.post<Tag & { Body: Static<typeof tagMergeBody> }>(
    '/api/v1/vocabulary/:id/merge',
    {
      config: { access: 'coordinator' },
      schema: schema('Merge this tag into another; every profile’s offers and needs are rewritten', { params: tagParams, body: tagMergeBody, response: { 200: tagSchema, ...errors } }, vocabularyTags),
    },
    async (request) => mergeTags(request.ctx, request.params.id, request.body),
  );
}
