import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ValidationError, type AppError } from '../../platform/errors/index.js';
import { page } from '../../platform/http/routes.js';
import { translator } from '../../platform/i18n/index.js';
import { messages } from './messages.js';
import { errorMessage, formStrings, idParam, pageNumber, queryText, redirectTo, slugParam } from './profile-route-helpers.js';
import {
  addVocabularyTerm,
  getActorForViewer,
  listReviewQueue,
  listVocabularyForCuration,
  mergeActors,
  mergeTags,
  prepareMerge,
  reviewActor,
  updateVocabularyTerm,
} from './service.js';
import { MergePage, type MergeFormState } from './views/profile-confirm.js';
import { ProfilePage } from './views/profile-page.js';
import { ReviewPage } from './views/review-page.js';
import { isVocabularyNotice, VocabularyPage, type VocabularyState } from './views/vocabulary-page.js';

const t = (request: FastifyRequest) => translator(messages, request.locale);
const fromQueue = (request: FastifyRequest) => formStrings(request).zurueck === 'pruefung';

/** The other profile of a merge: a chosen candidate, or an address / slug typed in ("/akteure/x", "https://…/akteure/x"). */
function otherProfile(values: Record<string, string>): string {
  const typed = (values.otherRef ?? '').trim();
  if (typed) return typed.replace(/[?#].*$/, '').replace(/\/+$/, '').split('/').pop() ?? '';
  return values.other ?? '';
}

/** Reads the merge form of the page of `slug`: which is the duplicate, which survives. */
function mergeInput(request: FastifyRequest) {
  const values = formStrings(request);
  const tr = t(request);
  const other = otherProfile(values);
  const errors: Record<string, string> = {};
  if (!other) errors.other = tr('merge.otherMissing');
  if (values.survivor !== 'this' && values.survivor !== 'other') errors.survivor = tr('merge.survivorMissing');
  if (values.confirm !== 'yes') errors.confirm = tr('merge.unconfirmed');
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  const slug = slugParam(request);
  return values.survivor === 'this' ? { duplicate: other, survivor: slug } : { duplicate: slug, survivor: other };
}

async function vocabularyPage(request: FastifyRequest, state?: VocabularyState) {
  const search = queryText(request, 'q')?.trim() || undefined;
  const data = await listVocabularyForCuration(request.ctx, { search });
  const notice = queryText(request, 'hinweis');
  return {
    title: t(request)('vocabulary.title'),
    body: <VocabularyPage locale={request.locale} csrf={request.csrfToken()} {...data} search={search} state={state} notice={isVocabularyNotice(notice) ? notice : undefined} />,
  };
}

const vocabularyState = (request: FastifyRequest, error: AppError, target: VocabularyState['target']): VocabularyState => ({
  target,
  values: formStrings(request),
  errors: error.fields ?? {},
  message: errorMessage(error, request.locale),
});

/** Coordinators: the review queue, merging duplicates, the vocabulary. */
export function curationPages(app: FastifyInstance) {
  page(app, {
    path: '/akteure/pruefung',
    access: 'coordinator',
    handler: async (request, reply) => {
      const notice = queryText(request, 'hinweis');
      const shown = notice === 'freigegeben' ? 'approved' : notice === 'abgelehnt' ? 'rejected' : undefined;
      const queue = await listReviewQueue(request.ctx, { page: pageNumber(request) });
      return reply.page(t(request)('review.title'), <ReviewPage locale={request.locale} csrf={request.csrfToken()} queue={queue} notice={shown} />);
    },
  });
  page(app, {
    method: 'POST',
    path: '/akteure/:slug/pruefung',
    access: 'coordinator',
    form: async (request, error) => {
      const failed = { note: formStrings(request).note ?? '', error: error.fields?.note ?? error.fields?.decision ?? errorMessage(error, request.locale) ?? '' };
      if (fromQueue(request)) {
        const queue = await listReviewQueue(request.ctx);
        return { title: t(request)('review.title'), body: <ReviewPage locale={request.locale} csrf={request.csrfToken()} queue={queue} failed={{ ...failed, slug: slugParam(request) }} /> };
      }
      const actor = await getActorForViewer(request.ctx, slugParam(request));
      return { title: actor.name, body: <ProfilePage locale={request.locale} csrf={request.csrfToken()} actor={actor} review={failed} /> };
    },
    handler: async (request, reply) => {
      const values = formStrings(request);
      const result = await reviewActor(request.ctx, slugParam(request), { decision: values.decision, note: values.note });
      const notice = result.status === 'approved' ? 'freigegeben' : 'abgelehnt';
      return redirectTo(request, reply, fromQueue(request) ? '/akteure/pruefung' : `/akteure/${slugParam(request)}`, notice);
    },
  });

  page(app, {
    path: '/akteure/:slug/zusammenfuehren',
    access: 'coordinator',
    handler: async (request, reply) => {
      const { actor, candidates } = await prepareMerge(request.ctx, slugParam(request));
      const state: MergeFormState = { values: {}, errors: {} };
      return reply.page(t(request)('merge.title', { name: actor.name }), <MergePage locale={request.locale} csrf={request.csrfToken()} actor={actor} candidates={candidates} state={state} />);
    },
  });
  page(app, {
    method: 'POST',
    path: '/akteure/:slug/zusammenfuehren',
    access: 'coordinator',
    form: async (request, error) => {
      const { actor, candidates } = await prepareMerge(request.ctx, slugParam(request));
      const state: MergeFormState = { values: formStrings(request), errors: error.fields ?? {}, message: errorMessage(error, request.locale) };
      return { title: t(request)('merge.title', { name: actor.name }), body: <MergePage locale={request.locale} csrf={request.csrfToken()} actor={actor} candidates={candidates} state={state} /> };
    },
    handler: async (request, reply) => {
      const survivor = await mergeActors(request.ctx, mergeInput(request));
      return redirectTo(request, reply, `/akteure/${survivor.slug}`, 'zusammengefuehrt');
    },
  });

  page(app, {
    path: '/akteure/vokabular',
    access: 'coordinator',
    handler: async (request, reply) => {
      const view = await vocabularyPage(request);
      return reply.page(view.title, view.body);
    },
  });
  page(app, {
    method: 'POST',
    path: '/akteure/vokabular',
    access: 'coordinator',
    form: async (request, error) => vocabularyPage(request, vocabularyState(request, error, 'new')),
    handler: async (request, reply) => {
      const values = formStrings(request);
      const result = await addVocabularyTerm(request.ctx, { label: values.label, labelEn: values.labelEn });
      return redirectTo(request, reply, '/akteure/vokabular', result.status === 'created' ? 'angelegt' : 'uebernommen');
    },
  });
  page(app, {
    method: 'POST',
    path: '/akteure/vokabular/:id',
    access: 'coordinator',
    form: async (request, error) => vocabularyPage(request, vocabularyState(request, error, idParam(request, 'id'))),
    handler: async (request, reply) => {
      const values = formStrings(request);
      await updateVocabularyTerm(request.ctx, idParam(request, 'id'), { label: values.label, labelEn: values.labelEn, curated: values.curated });
      return redirectTo(request, reply, '/akteure/vokabular', values.curated === '1' ? 'uebernommen' : 'gespeichert');
    },
  });
  page(app, {
    method: 'POST',
    path: '/akteure/vokabular/:id/zusammenfuehren',
    access: 'coordinator',
    form: async (request, error) => vocabularyPage(request, vocabularyState(request, error, idParam(request, 'id'))),
    handler: async (request, reply) => {
      await mergeTags(request.ctx, idParam(request, 'id'), { into: formStrings(request).into });
      return redirectTo(request, reply, '/akteure/vokabular', 'zusammengefuehrt');
    },
  });
}
