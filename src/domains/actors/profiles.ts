import { recordAudit } from '../../platform/audit.js';
import { AppError, forbidden, notFound } from '../../platform/errors/index.js';
import { inTransaction, requireUser, type Context } from '../../platform/context.js';
import type { DbOrTx } from '../../platform/db/index.js';
import { translator } from '../../platform/i18n/index.js';
import { getPlace } from '../places/service.js';
import { messages } from './messages.js';
import type { MemberRole } from './model.js';
import { contactAccess } from './contact-access.js';
import { canEdit, canView, viewerOf } from './policy.js';
import { presentActor, toTagRef, type ActorProfile } from './present.js';
import { ActorInputError, readActorInput, type ActorInput, type RawActorInput, type TagChoice } from './profile-input.js';
import { deleteActorRow, insertActor, insertMember, ownPersonProfileExists, selectActor, selectMembership, selectTagsByIds, updateActor, type ActorRow, type ActorValues } from './queries.js';
import { actorRef, freeSlug } from './slugs.js';
import { findOrCreateTagIds } from './tags.js';

/** Profiles: create, show, edit, delete — each use case checks policy.ts first. */

export { requireUser };

interface Loaded {
  row: ActorRow;
  membership: MemberRole | null;
  requested: boolean;
}

/** The actor as the viewer may see it; "not there" and "not for you" are the same 404. */
export async function loadVisibleActor(ctx: Context, ref: string | number, options: { lock?: boolean } = {}): Promise<Loaded> {
  const row = await selectActor(ctx.db, actorRef(ref), options);
  if (!row) throw notFound();
  const member = ctx.user ? await selectMembership(ctx.db, row.id, ctx.user.id) : undefined;
  const membership = member?.status === 'active' ? member.role : null;
  if (!canView(viewerOf(ctx), { status: row.status, visibility: row.visibility, mergedInto: row.merged_into, membership })) throw notFound();
  return { row, membership, requested: member?.status === 'pending' };
}

/** As loadVisibleActor, then 403 unless the viewer edits this profile (its admins, coordinators). */
export async function loadEditableActor(ctx: Context, ref: string | number, options: { lock?: boolean } = {}): Promise<Loaded> {
  const loaded = await loadVisibleActor(ctx, ref, options);
  const { row, membership } = loaded;
  if (!canEdit(viewerOf(ctx), { status: row.status, visibility: row.visibility, mergedInto: row.merged_into, membership })) throw forbidden();
  return loaded;
}

async function present(ctx: Context, loaded: Loaded): Promise<ActorProfile> {
  const { row } = loaded;
  const [place, tags, access] = await Promise.all([
    row.place_id === null ? null : getPlace(ctx, row.place_id),
    selectTagsByIds(ctx.db, [...row.offer_ids, ...row.need_ids]),
    contactAccess(ctx),
  ]);
  return presentActor(ctx, row, { ...loaded, place, tags: new Map(tags.map((tag) => [tag.id, toTagRef(tag)])), contactVisible: access(row.id) });
}

/** One actor by id or slug as the viewer may see it (page, API, vCard, JSON-LD); 404 otherwise. */
export async function getActorForViewer(ctx: Context, ref: string | number): Promise<ActorProfile> {
  return present(ctx, await loadVisibleActor(ctx, ref));
}

/** The profile for its edit form: 404 when not visible, 403 when visible but not the viewer's to edit. */
export async function getActorForEdit(ctx: Context, ref: string | number): Promise<ActorProfile> {
  return present(ctx, await loadEditableActor(ctx, ref));
}

/** A profile page: the actor, or where a merged duplicate lives on now. */
export async function openActorPage(ctx: Context, slug: string): Promise<{ kind: 'profile'; actor: ActorProfile } | { kind: 'moved'; slug: string }> {
  const row = await selectActor(ctx.db, { slug });
  // Only to a survivor the viewer may see: the old address reveals nothing else.
  if (row?.merged_into != null) return { kind: 'moved', slug: (await loadVisibleActor(ctx, row.merged_into)).row.slug };
  const actor = await getActorForViewer(ctx, slug);
  // "/akteure/42" (an id) leads to the profile's one address.
  return actor.slug === slug ? { kind: 'profile', actor } : { kind: 'moved', slug: actor.slug };
}

/** Vocabulary ids plus the free labels, found or created, without duplicates. */
async function tagIds(db: DbOrTx, choice: TagChoice): Promise<number[]> {
  return [...new Set([...choice.ids, ...(await findOrCreateTagIds(db, choice.labels))])];
}

async function columns(ctx: Context, input: ActorInput) {
  return {
    name: input.name,
    sector: input.sector,
    action_fields: input.actionFields,
    place_id: input.place?.id ?? null,
    state_code: input.place?.stateCode ?? null,
    latitude: input.place?.latitude ?? null,
    longitude: input.place?.longitude ?? null,
    summary: input.summary,
    description: input.description,
    expertise: input.expertise,
    website: input.website,
    links: input.links,
    contact_name: input.contactName,
    contact_email: input.contactEmail,
    contact_phone: input.contactPhone,
    visibility: input.visibility,
    offer_ids: await tagIds(ctx.db, input.offers),
    need_ids: await tagIds(ctx.db, input.needs),
    updated_at: ctx.clock.now(),
  };
}

/**
 * A member creates a profile and becomes its admin. Organisations wait for a coordinator's
 * approval (unless a coordinator creates them); a person's own profile — one per account — is
 * approved at once.
 */
export async function createActorProfile(ctx: Context, raw: RawActorInput): Promise<ActorProfile> {
  const user = requireUser(ctx);
  const input = await readActorInput(ctx, raw);
  const id = await inTransaction(ctx, async (tx) => {
    if (input.kind === 'person' && (await ownPersonProfileExists(tx.db, user.id))) {
      throw new ActorInputError({ kind: translator(messages, ctx.locale)('input.personExists') }, []);
    }
    const now = tx.clock.now();
    const approved = input.kind === 'person' || viewerOf(tx).coordinator;
    const values: ActorValues = {
      ...(await columns(tx, input)),
      slug: '',
      kind: input.kind,
      status: approved ? 'approved' : 'pending',
      approved_at: approved ? now : null,
      approved_by: approved ? user.id : null,
      created_by: user.id,
      created_at: now,
    };
    // A concurrent profile may take the same slug between the check and the insert: take the next.
    for (let attempt = 0; attempt < 5; attempt++) {
      const inserted = await insertActor(tx.db, { ...values, slug: await freeSlug(tx.db, input.name) });
      if (inserted !== undefined) {
        await insertMember(tx.db, { actor_id: inserted, user_id: user.id, role: 'admin', status: 'active', created_at: now });
        return inserted;
      }
    }
    throw new AppError('conflict');
  });
  return getActorForViewer(ctx, id);
}

/** The stored profile as input, so that an API PATCH changes only the fields it names. */
function currentInput(row: ActorRow): RawActorInput {
  return {
    kind: row.kind,
    name: row.name,
    sector: row.sector,
    actionFields: row.action_fields,
    placeId: row.place_id ?? undefined,
    summary: row.summary,
    description: row.description,
    expertise: row.expertise,
    website: row.website ?? '',
    links: row.links,
    contactName: row.contact_name ?? '',
    contactEmail: row.contact_email ?? '',
    contactPhone: row.contact_phone ?? '',
    visibility: row.visibility,
    offerIds: row.offer_ids,
    needIds: row.need_ids,
  };
}

/**
 * Changes a profile (its admins and coordinators). The kind stays; a rejected profile that its
 * own people revise goes back to the review queue.
 */
export async function updateActorProfile(ctx: Context, ref: string | number, raw: RawActorInput): Promise<ActorProfile> {
  const { row } = await loadEditableActor(ctx, ref);
  const given = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== undefined));
  const input = await readActorInput(ctx, { ...currentInput(row), ...given, kind: row.kind });
  await inTransaction(ctx, async (tx) => {
    const resubmitted = row.status === 'rejected' && !viewerOf(tx).coordinator;
    await updateActor(tx.db, row.id, { ...(await columns(tx, input)), ...(resubmitted ? { status: 'pending' as const } : {}) });
  });
  return getActorForViewer(ctx, row.id);
}

export type ActorDeletion = { status: 'deleted'; name: string } | { status: 'unconfirmed'; actor: ActorProfile };

/** Deletes a profile with its memberships, after an explicit confirmation. */
export async function deleteActorProfile(ctx: Context, ref: string | number, input: { confirmed: boolean }): Promise<ActorDeletion> {
  const loaded = await loadEditableActor(ctx, ref);
  if (!input.confirmed) return { status: 'unconfirmed', actor: await present(ctx, loaded) };
  await inTransaction(ctx, async (tx) => {
    await deleteActorRow(tx.db, loaded.row.id);
    await recordAudit(tx, { action: 'actor.deleted', subjectUserId: null, subjectLabel: actorLabel(loaded.row), details: { actorId: loaded.row.id } });
  });
  return { status: 'deleted', name: loaded.row.name };
}

/** How an actor appears in the audit log: kept as text, so entries outlive the profile. */
export const actorLabel = (row: Pick<ActorRow, 'name' | 'slug'>) => `${row.name} (/akteure/${row.slug})`;
