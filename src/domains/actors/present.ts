import type { Context } from '../../platform/context.js';
import type { Place } from '../places/service.js';
import type { ActionField, ActorKind, ActorStatus, MemberRole, Sector, StateCode, Visibility } from './model.js';
import { canEdit, viewerOf, type Viewer } from './policy.js';
import type { ActorRow, TagRow } from './queries.js';

/** The view models of the profile use cases: what pages, API and other domains get, never a row. */

export interface TagRef {
  id: number;
  label: string;
  labelEn: string | null;
  curated: boolean;
}

export interface ActorViewerFacts {
  /** The viewer's active role in this actor. */
  membership: MemberRole | null;
  /** The viewer asked to join and waits for an answer. */
  requested: boolean;
  canEdit: boolean;
  coordinator: boolean;
  signedIn: boolean;
}

export interface ActorProfile {
  id: number;
  slug: string;
  kind: ActorKind;
  name: string;
  sector: Sector;
  actionFields: ActionField[];
  place: Place | null;
  stateCode: StateCode | null;
  latitude: number | null;
  longitude: number | null;
  summary: string;
  description: string;
  expertise: string;
  website: string | null;
  links: string[];
  /**
   * The contact person: for the actor's own people, coordinators and members of organisations
   * connected with it (an accepted introduction or a tie: contact-access.ts) — never for the public.
   */
  contact: { name: string | null; email: string | null; phone: string | null } | null;
  /** There are contact details, but not for this viewer (yet): the page says how to get them. */
  contactWithheld: boolean;
  image: { fileId: number; alt: string; credit: string } | null;
  visibility: Visibility;
  status: ActorStatus;
  /** The coordinator's note of the last review: only for the actor's editors. */
  reviewNote: string | null;
  offers: TagRef[];
  needs: TagRef[];
  createdAt: Date;
  updatedAt: Date;
  approvedAt: Date | null;
  viewer: ActorViewerFacts;
}

export const toTagRef = (row: TagRow): TagRef => ({ id: row.id, label: row.label, labelEn: row.label_en, curated: row.curated });

/** The tag's label in a language (English falls back to the German label). */
export const tagLabel = (tag: Pick<TagRef, 'label' | 'labelEn'>, locale: 'de' | 'en') => (locale === 'en' && tag.labelEn ? tag.labelEn : tag.label);

export function presentActor(
  ctx: Context,
  row: ActorRow,
  facts: { membership: MemberRole | null; requested: boolean; place: Place | null; tags: Map<number, TagRef>; contactVisible: boolean },
): ActorProfile {
  const viewer: Viewer = viewerOf(ctx);
  const editable = canEdit(viewer, { status: row.status, visibility: row.visibility, mergedInto: row.merged_into, membership: facts.membership });
  const hasContact = row.contact_name || row.contact_email || row.contact_phone;
  const pick = (ids: number[]) => ids.flatMap((id) => facts.tags.get(id) ?? []);
  return {
    id: row.id,
    slug: row.slug,
    kind: row.kind,
    name: row.name,
    sector: row.sector,
    actionFields: row.action_fields,
    place: facts.place,
    stateCode: row.state_code as StateCode | null,
    latitude: row.latitude,
    longitude: row.longitude,
    summary: row.summary,
    description: row.description,
    expertise: row.expertise,
    website: row.website,
    links: row.links,
    contact: facts.contactVisible && hasContact ? { name: row.contact_name, email: row.contact_email, phone: row.contact_phone } : null,
    contactWithheld: Boolean(hasContact) && !facts.contactVisible,
    image: row.image_file_id !== null && row.image_alt !== null && row.image_credit !== null ? { fileId: row.image_file_id, alt: row.image_alt, credit: row.image_credit } : null,
    visibility: row.visibility,
    status: row.status,
    reviewNote: editable ? row.review_note : null,
    offers: pick(row.offer_ids),
    needs: pick(row.need_ids),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    approvedAt: row.approved_at,
    viewer: { membership: facts.membership, requested: facts.requested, canEdit: editable, coordinator: viewer.coordinator, signedIn: viewer.member },
  };
}
