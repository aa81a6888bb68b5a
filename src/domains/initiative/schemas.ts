import { Type } from 'typebox';

export const milestoneSchema = Type.Object({
  slug: Type.String(),
  year: Type.Integer(),
  title: Type.String(),
  text: Type.String(),
  place: Type.Union([Type.String(), Type.Null()]),
  formatKind: Type.Union([Type.String(), Type.Null()]),
  credit: Type.Union([Type.String(), Type.Null()]),
});

export const initiativeSchema = Type.Object(
  {
    name: Type.String(),
    claim: Type.String(),
    idea: Type.String(),
    goals: Type.String(),
    carrier: Type.String(),
    carrierShort: Type.String(),
    initiator: Type.String(),
    programme: Type.String(),
    website: Type.String({ format: 'uri' }),
    period: Type.Object({ startYear: Type.Integer(), endYear: Type.Union([Type.Integer(), Type.Null()]) }),
    status: Type.Union([Type.Literal('planned'), Type.Literal('running'), Type.Literal('completed')]),
    image: Type.Union([Type.Object({ alt: Type.String(), credit: Type.Union([Type.String(), Type.Null()]) }), Type.Null()]),
    updatedAt: Type.String({ format: 'date-time' }),
    timeline: Type.Array(milestoneSchema),
  },
  { description: 'The initiative’s public profile, in the language of Accept-Language (de or en)' },
);
