import type { FastifyRequest } from 'fastify';
import { queryText } from '../../platform/http/route-helpers.js';
import type { RawActorInput } from './profile-input.js';
import type { FormValues } from './views/form-values.js';

/** What the profile pages' routes share (the generic helpers live in the platform). */
export { errorMessage, formBody, formStrings, idParam, queryText, redirectTo, slugParam } from '../../platform/http/route-helpers.js';

/** The profile form's fields as use-case input; unticked checkboxes mean "none", not "unchanged". */
export function actorInputFromForm(values: FormValues): RawActorInput {
  return {
    kind: values.kind,
    name: values.name ?? '',
    sector: values.sector ?? '',
    actionFields: values.actionFields ?? [],
    place: values.place ?? '',
    placeId: values.placeId,
    summary: values.summary ?? '',
    description: values.description ?? '',
    expertise: values.expertise ?? '',
    website: values.website ?? '',
    links: values.links ?? '',
    contactName: values.contactName ?? '',
    contactEmail: values.contactEmail ?? '',
    contactPhone: values.contactPhone ?? '',
    visibility: values.visibility ?? '',
    offerIds: values.offerIds ?? [],
    offerLabels: values.offerLabels ?? '',
    needIds: values.needIds ?? [],
    needLabels: values.needLabels ?? '',
  };
}

/** A lenient page number for HTML pages (?seite=2). */
export function pageNumber(request: FastifyRequest): number {
  const raw = queryText(request, 'seite');
  return raw && /^[1-9]\d{0,4}$/.test(raw) ? Number(raw) : 1;
}
