import type { ComponentChildren } from 'preact';
import type { Context } from '../../platform/context.js';
import type { ActorProfile } from './present.js';

/**
 * Sections other domains add to a profile page (e.g. its network), after the actor's own ones.
 * A domain registers its section once when it is loaded; the actors domain needs to know nothing
 * about it.
 */
export type ProfileSection = (ctx: Context, actor: ActorProfile, csrf: string) => Promise<ComponentChildren>;

const sections = new Map<string, ProfileSection>();

/** Registers a section under a name (a second call with the same name replaces it). */
export function registerProfileSection(name: string, section: ProfileSection) {
  sections.set(name, section);
}

/** The registered sections for one profile, in registration order. */
export async function profileSections(ctx: Context, actor: ActorProfile, csrf: string): Promise<ComponentChildren[]> {
  return Promise.all([...sections.values()].map((section) => section(ctx, actor, csrf)));
}
