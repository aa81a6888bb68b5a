import type { ColumnType, Generated } from 'kysely';
import type { Locale } from '../../platform/i18n/index.js';
import type { ActionField, Sector } from '../actors/service.js';
import type { FormatKind, FormatMode, FormatStatus, RegistrationStatus } from './model.js';

/** The formats domain's tables (migration 0012) as Kysely sees them. */

type ReadOnly<T> = ColumnType<T, never, never>;

export interface AgendaItem {
  /** "HH:MM" in Europe/Berlin; a conference's later days start with their date: "2025-06-13 09:00". */
  time: string;
  title: string;
}

export interface FormatsTable {
  id: Generated<number>;
  uid: Generated<string>;
  slug: string;
  kind: FormatKind;
  title: string;
  teaser: Generated<string>;
  description: Generated<string>;
  agenda: ColumnType<AgendaItem[], string | undefined, string>;
  starts_at: Date;
  ends_at: Date;
  mode: FormatMode;
  venue: string | null;
  place_id: number | null;
  online_link: string | null;
  action_fields: ColumnType<ActionField[], ActionField[] | undefined, ActionField[]>;
  capacity: number | null;
  seats_taken: ReadOnly<number>;
  registration_opens_at: Date | null;
  registration_closes_at: Date | null;
  max_sector_share: number | null;
  status: Generated<FormatStatus>;
  sequence: Generated<number>;
  created_by: number | null;
  updated_by: number | null;
  published_at: Date | null;
  cancelled_at: Date | null;
  results: Generated<string>;
  results_visibility: Generated<'public' | 'members'>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface FormatHostsTable {
  format_id: number;
  actor_id: number;
}

export interface FormatEditorsTable {
  format_id: number;
  user_id: number;
}

export interface RegistrationsTable {
  id: Generated<number>;
  format_id: number;
  user_id: number | null;
  actor_id: number | null;
  name: string;
  email: string;
  organisation: string | null;
  sector: Sector;
  status: RegistrationStatus;
  confirm_expires_at: Date | null;
  locale: Generated<Locale>;
  waitlisted_at: Date | null;
  promoted_at: Date | null;
  attended_at: Date | null;
  cancelled_at: Date | null;
  reminded_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

declare module '../../platform/db/types.js' {
  interface Database {
    formats: FormatsTable;
    format_hosts: FormatHostsTable;
    format_editors: FormatEditorsTable;
    registrations: RegistrationsTable;
  }
}

export interface TablePlansTable {
  format_id: number;
  rounds: number;
  tables: number;
  seats: ColumnType<number[][][], string, string>;
  pins: ColumnType<TablePin[], string | undefined, string>;
  score: ColumnType<unknown, string, string>;
  baseline: ColumnType<unknown, string | null | undefined, string | null>;
  bound: ColumnType<unknown, string | null | undefined, string | null>;
  generated_at: Generated<Date>;
  updated_by: number | null;
  updated_at: Generated<Date>;
}

export interface TablePin {
  registrationId: number;
  round: number;
  table: number;
}

declare module '../../platform/db/types.js' {
  interface Database {
    table_plans: TablePlansTable;
  }
}

export interface FormatInsightsTable {
  id: Generated<number>;
  format_id: number;
  text: string;
  visibility: Generated<'public' | 'members'>;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface FormatMediaTable {
  id: Generated<number>;
  format_id: number;
  file_id: number;
  kind: 'photo' | 'graphic_recording' | 'file';
  title: Generated<string>;
  alt: string | null;
  credit: string | null;
  visibility: Generated<'public' | 'members'>;
  created_by: number | null;
  created_at: Generated<Date>;
}

declare module '../../platform/db/types.js' {
  interface Database {
    format_insights: FormatInsightsTable;
    format_media: FormatMediaTable;
  }
}
