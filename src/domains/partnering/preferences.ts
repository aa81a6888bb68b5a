import type { Context } from '../../platform/context.js';
import { Validator } from '../../platform/validation.js';
import { actingActor, requireUser } from './access.js';
import { TIES_VISIBILITIES, type TiesVisibility } from './model.js';
import { selectPreferences, upsertPreferences } from './queries.js';

/** What an organisation's admins decide: may it be suggested, be contacted, and who sees its ties. */
export interface PartnerPreferences {
  suggestible: boolean;
  contactable: boolean;
  tiesVisibility: TiesVisibility;
}

export const DEFAULT_PREFERENCES: PartnerPreferences = { suggestible: true, contactable: true, tiesVisibility: 'members' };

/** The stored preferences of actors (defaults for those without a row). */
export async function readPreferencesOf(ctx: Context, actorIds: number[]): Promise<Map<number, PartnerPreferences>> {
  const rows = await selectPreferences(ctx.db, [...new Set(actorIds)]);
  const found = new Map(rows.map((r) => [r.actor_id, { suggestible: r.suggestible, contactable: r.contactable, tiesVisibility: r.ties_visibility }]));
  return new Map(actorIds.map((id) => [id, found.get(id) ?? DEFAULT_PREFERENCES]));
}

export async function readPreferences(ctx: Context, actorId: number): Promise<PartnerPreferences> {
  return (await readPreferencesOf(ctx, [actorId])).get(actorId)!;
}

/** The preferences for their settings page (the actor's admins, coordinators). */
export async function getPreferences(ctx: Context, ref: string | number): Promise<{ actor: { id: number; slug: string; name: string }; preferences: PartnerPreferences }> {
  const actor = await actingActor(ctx, ref, { admin: true });
  return { actor: { id: actor.id, slug: actor.slug, name: actor.name }, preferences: await readPreferences(ctx, actor.id) };
}

/** A form sends checkboxes (present or not); the API sends booleans. */
function readFlag(value: unknown, current: boolean): boolean {
  if (value === undefined) return current;
  return value === true || value === 'yes' || value === 'on' || value === 'true';
}

/** Changes the preferences; fields not given keep their value (`form`: unchecked boxes mean no). */
export async function setPreferences(ctx: Context, ref: string | number, input: { suggestible?: unknown; contactable?: unknown; tiesVisibility?: unknown }, options: { form?: boolean } = {}): Promise<PartnerPreferences> {
  const user = requireUser(ctx);
  const actor = await actingActor(ctx, ref, { admin: true });
  const current = await readPreferences(ctx, actor.id);
  const v = new Validator(ctx.locale);
  const tiesVisibility = input.tiesVisibility === undefined ? current.tiesVisibility : v.choice('tiesVisibility', input.tiesVisibility, TIES_VISIBILITIES);
  v.check();
  const next: PartnerPreferences = {
    suggestible: options.form ? readFlag(input.suggestible ?? false, false) : readFlag(input.suggestible, current.suggestible),
    contactable: options.form ? readFlag(input.contactable ?? false, false) : readFlag(input.contactable, current.contactable),
    tiesVisibility: tiesVisibility!,
  };
  await upsertPreferences(ctx.db, { actor_id: actor.id, suggestible: next.suggestible, contactable: next.contactable, ties_visibility: next.tiesVisibility, updated_by: user.id });
  return next;
}
