import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { problemResponses, problemSchema } from '../../platform/http/api-schemas.js';
import { listParticipants, setAttendance } from './attendance.js';
import { addInsight, removeInsight, removeMedia, setResults } from './documentation.js';
import { attendanceBody, attendanceParams, created, formatRefParams, generatePlanBody, insightBody, itemParams, moveSeatBody, participantSchema, participantsSchema, resultsBody, tablePlanSchema } from './schemas.js';
import { generateTablePlan, getTablePlan, moveSeat } from './table-plans.js';

const tags = ['formats'];
const security = [{ accessToken: [] }];
const errors = { ...problemResponses, 409: problemSchema };
const noContent = Type.Null({ description: 'Done; no content' });
type Ref = { Params: Static<typeof formatRefParams> };
type Item = { Params: Static<typeof itemParams> };

/** Running and documenting a format under /api/v1 (those who run it): participants, attendance, table plan, results, insights. */
export function formatsRunApiRoutes(app: FastifyInstance) {
  const schema = (summary: string, extra: object) => ({ tags, summary, security, ...extra });

  app.get<Ref>(
    '/api/v1/formats/:ref/participants',
    { config: { access: 'member' }, schema: schema('Registered and waitlisted people (in order), for those who run the format', { params: formatRefParams, response: { 200: participantsSchema, ...errors } }) },
    async (request) => {
      const { format: _format, ...list } = await listParticipants(request.ctx, request.params.ref);
      return list;
    },
  );
  app.put<{ Params: Static<typeof attendanceParams>; Body: Static<typeof attendanceBody> }>(
    '/api/v1/formats/:ref/attendance/:id',
    { config: { access: 'member' }, schema: schema('Check a registered person in (or undo it); after the end, attendance creates ties “met at format”', { params: attendanceParams, body: attendanceBody, response: { 200: participantSchema, ...errors } }) },
    async (request) => setAttendance(request.ctx, request.params.ref, request.params.id, request.body.attended),
  );

  app.get<Ref>(
    '/api/v1/formats/:ref/table-plan',
    { config: { access: 'member' }, schema: schema('The table plan with its score, the best of 100 random plans and the bound the sector mix allows', { params: formatRefParams, response: { 200: tablePlanSchema, ...errors } }) },
    async (request) => {
      const { format: _format, ...view } = await getTablePlan(request.ctx, request.params.ref);
      return view;
    },
  );
  app.post<Ref & { Body: Static<typeof generatePlanBody> }>(
    '/api/v1/formats/:ref/table-plan',
    { config: { access: 'member' }, schema: schema('Generate (again) the table plan for the registered people; hand edits of a plan of the same shape stay', { params: formatRefParams, body: generatePlanBody, response: { 200: tablePlanSchema, ...errors } }) },
    async (request) => {
      await generateTablePlan(request.ctx, request.params.ref, request.body);
      const { format: _format, ...view } = await getTablePlan(request.ctx, request.params.ref);
      return view;
    },
  );
  app.post<Ref & { Body: Static<typeof moveSeatBody> }>(
    '/api/v1/formats/:ref/table-plan/moves',
    { config: { access: 'member' }, schema: schema('A hand edit: seat a person at another table in one round (kept when regenerating)', { params: formatRefParams, body: moveSeatBody, response: { 200: tablePlanSchema, ...errors } }) },
    async (request) => {
      await moveSeat(request.ctx, request.params.ref, request.body);
      const { format: _format, ...view } = await getTablePlan(request.ctx, request.params.ref);
      return view;
    },
  );

  app.put<Ref & { Body: Static<typeof resultsBody> }>(
    '/api/v1/formats/:ref/documentation/results',
    { config: { access: 'member' }, schema: schema('Set the results (Markdown) and who sees them', { params: formatRefParams, body: resultsBody, response: { 204: noContent, ...errors } }) },
    async (request, reply) => {
      await setResults(request.ctx, request.params.ref, request.body);
      return reply.code(204).send();
    },
  );
  app.post<Ref & { Body: Static<typeof insightBody> }>(
    '/api/v1/formats/:ref/documentation/insights',
    { config: { access: 'member' }, schema: schema('Add an insight (a short statement)', { params: formatRefParams, body: insightBody, response: { 201: created, ...errors } }) },
    async (request, reply) => reply.code(201).send({ id: await addInsight(request.ctx, request.params.ref, request.body) }),
  );
  app.delete<Item>(
    '/api/v1/formats/:ref/documentation/insights/:id',
    { config: { access: 'member' }, schema: schema('Remove an insight', { params: itemParams, response: { 204: noContent, ...errors } }) },
    async (request, reply) => {
      await removeInsight(request.ctx, request.params.ref, request.params.id);
      return reply.code(204).send();
    },
  );
  app.delete<Item>(
    '/api/v1/formats/:ref/documentation/media/:id',
    { config: { access: 'member' }, schema: schema('Remove a photo, graphic recording or file (uploads: the documentation page’s form)', { params: itemParams, response: { 204: noContent, ...errors } }) },
    async (request, reply) => {
      await removeMedia(request.ctx, request.params.ref, request.params.id);
      return reply.code(204).send();
    },
  );
}
