import type { Context } from '../../platform/context.js';
import { notFound } from '../../platform/errors/index.js';
import { readCache } from '../../platform/read-cache.js';
import type { Locale } from '../../platform/i18n/index.js';
import { selectInitiative, selectMilestones, upsertInitiative, upsertMilestones } from './queries.js';
import { initiativeSeed, milestoneSeed } from './seed.js';

export interface Milestone {
  slug: string;
  year: number;
  title: string;
  text: string;
  place: string | null;
  formatKind: string | null;
  credit: string | null;
}

export interface InitiativeProfile {
  name: string;
  claim: string;
  idea: string;
  goals: string;
  carrier: string;
  carrierShort: string;
  initiator: string;
  programme: string;
  website: string;
  period: { startYear: number; endYear: number | null };
  status: 'planned' | 'running' | 'completed';
  image: { alt: string; credit: string | null } | null;
  updatedAt: Date;
  timeline: Milestone[];
}

const pick = (locale: Locale, de: string, en: string) => (locale === 'de' ? de : en);

// The profile is on the start page and in the API on every request, and changes only by seeding.
const profileCache = readCache<[Awaited<ReturnType<typeof selectInitiative>>, Awaited<ReturnType<typeof selectMilestones>>]>(5000);

/** The initiative's public profile with its timeline, in the caller's language. */
export async function getInitiative(ctx: Context): Promise<InitiativeProfile> {
  const [row, milestones] = await profileCache.get(ctx.db, () => Promise.all([selectInitiative(ctx.db), selectMilestones(ctx.db)]));
  if (!row) throw notFound();
  const { locale } = ctx;
  return {
    name: row.name,
    claim: pick(locale, row.claim_de, row.claim_en),
    idea: pick(locale, row.idea_de, row.idea_en),
    goals: pick(locale, row.goals_de, row.goals_en),
    carrier: row.carrier,
    carrierShort: row.carrier_short,
    initiator: row.initiator,
    programme: row.programme,
    website: row.website,
    period: { startYear: row.start_year, endYear: row.end_year },
    status: row.status,
    image: row.image_alt_de ? { alt: pick(locale, row.image_alt_de, row.image_alt_en ?? row.image_alt_de), credit: row.image_credit } : null,
    updatedAt: row.updated_at,
    timeline: milestones.map((m) => ({
      slug: m.slug,
      year: m.year,
      title: pick(locale, m.title_de, m.title_en),
      text: pick(locale, m.text_de, m.text_en),
      place: m.place,
      formatKind: m.format_kind,
      credit: m.credit,
    })),
  };
}

/** Loads the initiative's public facts; leaves existing rows as they are. */
export async function seedInitiative(ctx: Context) {
  await upsertInitiative(ctx.db, initiativeSeed);
  await upsertMilestones(ctx.db, milestoneSeed);
  profileCache.clear(ctx.db);
}
