import { Type } from 'typebox';

// Lengths are checked by the service, so that every caller gets the same translated messages.
export const feedbackBodySchema = Type.Object(
  {
    name: Type.Optional(Type.String({ description: 'Sender’s name, at most 200 characters' })),
    email: Type.Optional(Type.String({ description: 'Sender’s email address, for a reply' })),
    pageUrl: Type.Optional(Type.String({ description: 'Address or name of the page concerned, at most 500 characters' })),
    message: Type.String({ description: 'What does not work or is hard to use, 1 to 5000 characters' }),
  },
  { additionalProperties: false, description: 'Feedback on the accessibility of the platform; every admin is notified by mail' },
);

export const feedbackCreatedSchema = Type.Object({
  id: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
});
