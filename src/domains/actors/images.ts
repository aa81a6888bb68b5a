import { inTransaction, type Context } from '../../platform/context.js';
import type { DbOrTx } from '../../platform/db/index.js';
import { forbidden, notFound, ValidationError } from '../../platform/errors/index.js';
import { inspectImage, type ImageLimits } from '../../platform/files/images.js';
import { imageProblemText } from '../../platform/files/messages.js';
import type { FileAudience } from '../../platform/files/serve.js';
import { deleteFile, insertFile, readFile, type StoredFile } from '../../platform/files/store.js';
import type { Upload } from '../../platform/files/uploads.js';
import { Validator } from '../../platform/validation.js';
import { canEdit, canView, viewerOf, type ActorAccessFacts } from './policy.js';

/** An actor's logo or photo: stored in `files`, shown with alt text and a visible credit. */

/** 5 MB, and a bomb guard: a 10,000 px side or 40 megapixels would take hundreds of MB to decode. */
export const IMAGE_LIMITS: ImageLimits = { maxBytes: 5 * 1024 * 1024, maxPixels: 40_000_000, maxSide: 10_000 };
export const IMAGE_ALT_MAX = 300;
export const IMAGE_CREDIT_MAX = 200;

export interface ActorImage {
  fileId: number;
  url: string;
  alt: string;
  credit: string;
  width: number | null;
  height: number | null;
}

/** The actor an image form is about. */
export interface ImageTarget {
  id: number;
  slug: string;
  name: string;
  image: ActorImage | null;
}

export type ActorRef = { id: number } | { slug: string };

export const fileUrl = (fileId: number) => `/dateien/${fileId}`;

interface ActorFacts extends ActorAccessFacts, ImageTarget {}

async function actorFacts(db: DbOrTx, ref: ActorRef, userId: number | null, options: { lock?: boolean } = {}): Promise<ActorFacts | null> {
  let query = db
    .selectFrom('actors')
    .leftJoin('actor_members as m', (join) => join.onRef('m.actor_id', '=', 'actors.id').on('m.user_id', '=', userId ?? 0).on('m.status', '=', 'active'))
    .leftJoin('files', 'files.id', 'actors.image_file_id')
    .select(['actors.id', 'actors.slug', 'actors.name', 'actors.status', 'actors.visibility', 'actors.merged_into', 'm.role'])
    .select(['actors.image_file_id', 'actors.image_alt', 'actors.image_credit', 'files.width', 'files.height']);
  query = 'id' in ref ? query.where('actors.id', '=', ref.id) : query.where('actors.slug', '=', ref.slug);
  const row = await (options.lock ? query.forUpdate(['actors']) : query).executeTakeFirst();
  if (!row) return null;
  const image =
    row.image_file_id !== null
      ? { fileId: row.image_file_id, url: fileUrl(row.image_file_id), alt: row.image_alt ?? '', credit: row.image_credit ?? '', width: row.width, height: row.height }
      : null;
  return { id: row.id, slug: row.slug, name: row.name, status: row.status, visibility: row.visibility, mergedInto: row.merged_into, membership: row.role, image };
}

/** The actor if the viewer may change its image: not found when they may not even see it, forbidden otherwise. */
async function editableActor(ctx: Context, ref: ActorRef, options: { lock?: boolean } = {}): Promise<ActorFacts> {
  const viewer = viewerOf(ctx);
  const facts = await actorFacts(ctx.db, ref, viewer.userId, options);
  if (!facts || !canView(viewer, facts)) throw notFound();
  if (!canEdit(viewer, facts)) throw forbidden();
  return facts;
}

/** What the image page shows: the actor's name and its current image. */
export async function getImageTarget(ctx: Context, ref: ActorRef): Promise<ImageTarget> {
  const { id, slug, name, image } = await editableActor(ctx, ref);
  return { id, slug, name, image };
}

export interface ImageInput {
  /** Null keeps the current file and changes only alt text and credit. */
  upload: Upload | null;
  alt: unknown;
  credit: unknown;
}

/**
 * Sets the actor's image: checks the file by its bytes, stores it and points the actor to it in
 * one transaction, then removes the file it replaces. Nothing is written when anything is wrong.
 */
export async function setActorImage(ctx: Context, ref: ActorRef, input: ImageInput): Promise<ImageTarget & { image: ActorImage }> {
  const before = await editableActor(ctx, ref);
  const v = new Validator(ctx.locale);
  const alt = v.text('alt', input.alt, { required: true, max: IMAGE_ALT_MAX });
  const credit = v.text('credit', input.credit, { required: true, max: IMAGE_CREDIT_MAX });
  const problem = (kind: Parameters<typeof imageProblemText>[1]) => v.add('image', imageProblemText(ctx.locale, kind, IMAGE_LIMITS));
  let file: { contentType: string; bytes: Buffer; width: number; height: number } | null = null;
  if (input.upload?.truncated) problem('too_large');
  else if (input.upload) {
    const check = await inspectImage(input.upload.bytes, IMAGE_LIMITS);
    if (check.ok) file = { contentType: check.contentType, bytes: input.upload.bytes, width: check.width, height: check.height };
    else problem(check.problem);
  } else if (!before.image) problem('required');
  v.check();

  return inTransaction(ctx, async (tx) => {
    // Locked, so that two uploads at once cannot both replace the same old file and orphan one.
    const actor = await editableActor(tx, { id: before.id }, { lock: true });
    const fileId = file ? await insertFile(tx.db, { ...file, createdBy: ctx.user?.id ?? null }) : actor.image?.fileId;
    if (fileId === undefined) throw new ValidationError({ image: imageProblemText(ctx.locale, 'required', IMAGE_LIMITS) });
    await tx.db
      .updateTable('actors')
      .set({ image_file_id: fileId, image_alt: alt, image_credit: credit, updated_at: ctx.clock.now() })
      .where('id', '=', actor.id)
      .execute();
    if (actor.image && actor.image.fileId !== fileId) await deleteFile(tx.db, actor.image.fileId);
    const image = { fileId, url: fileUrl(fileId), alt, credit, width: file?.width ?? actor.image?.width ?? null, height: file?.height ?? actor.image?.height ?? null };
    return { id: actor.id, slug: actor.slug, name: actor.name, image };
  });
}

/** Removes the actor's image and its file. */
export async function removeActorImage(ctx: Context, ref: ActorRef): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const actor = await editableActor(tx, ref, { lock: true });
    if (!actor.image) return;
    await tx.db.updateTable('actors').set({ image_file_id: null, image_alt: null, image_credit: null, updated_at: ctx.clock.now() }).where('id', '=', actor.id).execute();
    await deleteFile(tx.db, actor.image.fileId);
  });
}

/**
 * A stored file for GET /dateien/:id, if it is the image of an actor the viewer may see; the
 * same not-found for a missing file and one the viewer may not see.
 */
export async function getImageFile(ctx: Context, fileId: number): Promise<{ file: StoredFile; audience: FileAudience }> {
  const viewer = viewerOf(ctx);
  const owner = await ctx.db
    .selectFrom('actors')
    .leftJoin('actor_members as m', (join) => join.onRef('m.actor_id', '=', 'actors.id').on('m.user_id', '=', viewer.userId ?? 0).on('m.status', '=', 'active'))
    .select(['actors.status', 'actors.visibility', 'actors.merged_into', 'm.role'])
    .where('actors.image_file_id', '=', fileId)
    .executeTakeFirst();
  const facts = owner && { status: owner.status, visibility: owner.visibility, mergedInto: owner.merged_into, membership: owner.role };
  if (!facts || !canView(viewer, facts)) throw notFound();
  const file = await readFile(ctx.db, fileId);
  if (!file) throw notFound();
  const everyone = facts.visibility === 'public' && facts.status === 'approved' && facts.mergedInto === null;
  return { file, audience: everyone ? 'public' : 'members' };
}
