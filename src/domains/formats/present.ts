import type { ActorCard } from '../actors/service.js';
import type { Documentation } from './documentation.js';
import type { Place } from '../places/service.js';
import type { FormatKind, FormatMode, FormatStatus, RegistrationStatus } from './model.js';
import type { FormatRow } from './queries.js';
import type { AgendaItem } from './queries-tables.js';
import type { RegistrationRow } from './registration-queries.js';

/** Formats and registrations as pages and the API show them: explicit shapes, never rows. */

/** Where registration stands for someone who wants to take part now. */
export type RegistrationState = 'open' | 'full' | 'not_yet_open' | 'closed' | 'cancelled' | 'draft' | 'no_registration';

export interface HostRef {
  slug: string;
  name: string;
}

export interface FormatSummary {
  id: number;
  uid: string;
  slug: string;
  kind: FormatKind;
  title: string;
  teaser: string;
  startsAt: Date;
  endsAt: Date;
  mode: FormatMode;
  status: FormatStatus;
  venue: string | null;
  place: { id: number; name: string } | null;
  actionFields: string[];
  capacity: number | null;
  seatsTaken: number;
  /** null: no limit. */
  seatsFree: number | null;
  registration: RegistrationState;
  hosts: HostRef[];
  sequence: number;
  updatedAt: Date;
}

export interface OwnRegistration {
  id: number;
  status: RegistrationStatus;
  /** Place on the waitlist (1 = next), when waitlisted. */
  waitlistPosition: number | null;
  organisation: string | null;
  attended: boolean;
}

export interface FormatDetail extends FormatSummary {
  description: string;
  agenda: AgendaItem[];
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
  maxSectorShare: number | null;
  /** Only for registered participants and those who run the format. */
  onlineLink: string | null;
  createdAt: Date;
  place: Place | null;
  viewer: {
    canEdit: boolean;
    registration: OwnRegistration | null;
  };
  /** What of the results, insights and media the viewer may see. */
  documentation: Documentation;
}

export function registrationState(row: FormatRow, now: Date): RegistrationState {
  if (row.status === 'draft') return 'draft';
  if (row.status === 'cancelled') return 'cancelled';
  const closes = row.registration_closes_at ?? row.starts_at;
  if (closes <= now) return 'closed';
  if (row.registration_opens_at && row.registration_opens_at > now) return 'not_yet_open';
  if (row.capacity !== null && row.seats_taken >= row.capacity) return 'full';
  return 'open';
}

export function toSummary(row: FormatRow, hosts: ActorCard[], place: { id: number; name: string } | null, now: Date): FormatSummary {
  return {
    id: row.id,
    uid: row.uid,
    slug: row.slug,
    kind: row.kind,
    title: row.title,
    teaser: row.teaser,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    mode: row.mode,
    status: row.status,
    venue: row.venue,
    place,
    actionFields: row.action_fields,
    capacity: row.capacity,
    seatsTaken: row.seats_taken,
    seatsFree: row.capacity === null ? null : Math.max(0, row.capacity - row.seats_taken),
    registration: registrationState(row, now),
    hosts: hosts.map((h) => ({ slug: h.slug, name: h.name })),
    sequence: row.sequence,
    updatedAt: row.updated_at,
  };
}

export function toOwnRegistration(row: RegistrationRow, waitlistPosition: number | null): OwnRegistration {
  return { id: row.id, status: row.status, waitlistPosition, organisation: row.organisation, attended: row.attended_at !== null };
}
