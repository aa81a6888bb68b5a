import type { ActorCard } from '../actors/service.js';
import type { IntroductionStatus, TieOrigin } from './model.js';
import type { IntroductionRow } from './queries.js';

/** An introduction as a viewer sees it: whether at all, which replies, contact details once both agreed. */

export interface IntroductionSide {
  actor: { id: number; slug: string | null; name: string; sector: string | null };
  accepted: boolean;
  /** The viewer administers this side (may answer for it). */
  mine: boolean;
  /** Contact details: only once both sides accepted. */
  contact: { person: string | null; email: string | null; phone: string | null; answeredBy: { name: string; email: string } | null } | null;
}

export interface Introduction {
  id: number;
  origin: TieOrigin;
  status: IntroductionStatus;
  message: string;
  requester: IntroductionSide;
  target: IntroductionSide;
  /** Replies are for the two sides (and coordinators). */
  requesterReply: string | null;
  targetReply: string | null;
  requestedBy: { name: string } | null;
  createdAt: Date;
  expiresAt: Date;
  decidedAt: Date | null;
  /** What the viewer may do now. */
  canAnswer: boolean;
  canWithdraw: boolean;
}

/** How the viewer is involved in an introduction. */
export interface Involvement {
  requesterAdmin: boolean;
  targetAdmin: boolean;
  requesterMember: boolean;
  targetMember: boolean;
  asked: boolean;
  coordinator: boolean;
}

/**
 * Who may see an introduction: the person who asked, members of either side, coordinators. A
 * decline only the side that declined, who asked and coordinators (never the asking side's peers).
 */
export function maySee(row: IntroductionRow, who: Involvement): boolean {
  if (who.coordinator || who.asked) return true;
  if (row.status === 'declined') {
    const declinedByRequester = row.declined_by_actor === row.requester_actor;
    return declinedByRequester ? who.requesterMember : who.targetMember;
  }
  return who.requesterMember || who.targetMember;
}

function side(card: ActorCard | undefined, id: number, accepted: boolean, mine: boolean, revealed: boolean, answeredBy: { name: string; email: string } | null): IntroductionSide {
  return {
    actor: card ? { id, slug: card.slug, name: card.name, sector: card.sector } : { id, slug: null, name: '–', sector: null },
    accepted,
    mine,
    contact: revealed && card ? { person: card.contact.name, email: card.contact.email, phone: card.contact.phone, answeredBy } : null,
  };
}

/** The view model: contact details only once both sides accepted. */
export function presentIntroduction(row: IntroductionRow, who: Involvement, cards: Map<number, ActorCard>, users: Map<number, { name: string; email: string }>, now: Date): Introduction {
  const revealed = row.status === 'accepted';
  const pending = row.status === 'pending' && row.expires_at > now;
  const requesterOpen = row.requester_accepted_at === null;
  const targetOpen = row.target_accepted_at === null;
  const inSide = who.requesterMember || who.targetMember || who.coordinator;
  return {
    id: row.id,
    origin: row.origin,
    status: row.status === 'pending' && !pending ? 'expired' : row.status,
    message: row.message,
    requester: side(cards.get(row.requester_actor), row.requester_actor, row.requester_accepted_at !== null, who.requesterAdmin, revealed, revealed && row.requester_answered_by ? (users.get(row.requester_answered_by) ?? null) : null),
    target: side(cards.get(row.target_actor), row.target_actor, row.target_accepted_at !== null, who.targetAdmin, revealed, revealed && row.target_answered_by ? (users.get(row.target_answered_by) ?? null) : null),
    // A reply is for its own side, who asked, coordinators — and, once accepted, for the other side.
    requesterReply: who.coordinator || who.asked || who.requesterMember || (revealed && inSide) ? row.requester_reply : null,
    targetReply: who.coordinator || who.asked || who.targetMember || (revealed && inSide) ? row.target_reply : null,
    requestedBy: row.requested_by ? { name: users.get(row.requested_by)?.name ?? '–' } : null,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    decidedAt: row.decided_at,
    canAnswer: pending && ((who.targetAdmin && targetOpen) || (who.requesterAdmin && requesterOpen)),
    canWithdraw: pending && row.origin === 'self_initiated' && (who.asked || who.requesterAdmin),
  };
}

