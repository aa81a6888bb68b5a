import type { ColumnType, Generated } from 'kysely';
import type { ActionField, ActorKind, ActorStatus, MemberRole, Sector, Visibility } from './model.js';

export interface TagsTable {
  id: Generated<number>;
  label: string;
  label_en: string | null;
  normalized: string;
  curated: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface ActorsTable {
  id: Generated<number>;
  slug: string;
  kind: ActorKind;
  name: string;
  sector: Sector;
  action_fields: ColumnType<ActionField[], ActionField[] | undefined, ActionField[]>;
  place_id: number | null;
  state_code: string | null;
  latitude: number | null;
  longitude: number | null;
  summary: Generated<string>;
  description: Generated<string>;
  expertise: Generated<string>;
  website: string | null;
  links: ColumnType<string[], string[] | undefined, string[]>;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  image_file_id: number | null;
  image_alt: string | null;
  image_credit: string | null;
  visibility: Generated<Visibility>;
  status: Generated<ActorStatus>;
  review_note: string | null;
  external_id: string | null;
  offer_ids: ColumnType<number[], number[] | undefined, number[]>;
  need_ids: ColumnType<number[], number[] | undefined, number[]>;
  /** Maintained by the trigger actors_search_refresh: never written by the app. */
  search_text: ColumnType<string, never, never>;
  search_vector: ColumnType<string, never, never>;
  merged_into: number | null;
  created_by: number | null;
  approved_by: number | null;
  approved_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ActorMembersTable {
  actor_id: number;
  user_id: number;
  role: Generated<MemberRole>;
  status: Generated<'active' | 'pending'>;
  message: string | null;
  decided_by: number | null;
  decided_at: Date | null;
  created_at: Generated<Date>;
}

declare module '../../platform/db/types.js' {
  interface Database {
    tags: TagsTable;
    actors: ActorsTable;
    actor_members: ActorMembersTable;
  }
}
