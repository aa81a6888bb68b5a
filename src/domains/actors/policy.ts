import type { ExpressionBuilder } from 'kysely';
import { hasRole, type Context } from '../../platform/context.js';
import type { Database } from '../../platform/db/index.js';
import type { ActorStatus, MemberRole, Visibility } from './model.js';

/**
 * Who may see and change an actor. Every page, API route, search, map and export asks these
 * functions, so visibility is decided in one place.
 */

export interface Viewer {
  userId: number | null;
  /** A signed-in member (any role): sees members-only profiles. */
  member: boolean;
  /** Coordinators and admins curate: they see and edit every profile. */
  coordinator: boolean;
}

export function viewerOf(ctx: Context): Viewer {
  return { userId: ctx.user?.id ?? null, member: ctx.user !== null, coordinator: hasRole(ctx.user, 'coordinator') };
}

/** The visibilities a viewer sees in listings (directory, map, search, exports, API). */
export function listedVisibilities(viewer: Viewer): Visibility[] {
  return viewer.member ? ['public', 'members'] : ['public'];
}

/**
 * Where-condition for listings: approved, not merged away, and visible to the viewer. Hidden
 * profiles are never listed — not even for coordinators, who find them in the curation pages.
 */
export function listedFor(viewer: Viewer) {
  const visibilities = listedVisibilities(viewer);
  return (eb: ExpressionBuilder<Database, 'actors'>) =>
    eb.and([eb('actors.status', '=', 'approved'), eb('actors.merged_into', 'is', null), eb('actors.visibility', 'in', visibilities)]);
}

/**
 * The same rule for an actor already in memory (the directory's facet index, ADR 0007): the
 * visibility under which it is listed, or null when it is listed for no one.
 */
export function listedAs(actor: { status: ActorStatus; visibility: Visibility; mergedInto: number | null }): Exclude<Visibility, 'hidden'> | null {
  if (actor.status !== 'approved' || actor.mergedInto !== null || actor.visibility === 'hidden') return null;
  return actor.visibility;
}

export interface ActorAccessFacts {
  status: ActorStatus;
  visibility: Visibility;
  mergedInto: number | null;
  /** The viewer's active role in this actor, if any. */
  membership: MemberRole | null;
}

/** Whether the viewer may open the profile page (or its API/vCard). */
export function canView(viewer: Viewer, actor: ActorAccessFacts): boolean {
  if (viewer.coordinator || actor.membership !== null) return true;
  if (actor.mergedInto !== null || actor.status !== 'approved') return false;
  return actor.visibility === 'public' || (actor.visibility === 'members' && viewer.member);
}

/** Organisation admins and coordinators edit a profile; plain members of it do not. */
export function canEdit(viewer: Viewer, actor: ActorAccessFacts): boolean {
  return viewer.coordinator || actor.membership === 'admin';
}
