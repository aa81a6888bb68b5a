/**
 * The actor profiles' use cases, for this domain's routes and for other domains (which never touch
 * the actor tables directly). Listing, search, map and exports live in their own modules.
 */
export { createActorProfile, deleteActorProfile, getActorForEdit, getActorForViewer, openActorPage, updateActorProfile, type ActorDeletion } from './profiles.js';
export { actorIdsOfUser, changeMemberRole, decideMembership, leaveActor, listActorMembers, listMyActors, removeMember, requestMembership } from './memberships.js';
export type { ActorMember, ActorMembers, JoinRequest, MemberChange, MyActor } from './memberships.js';
export { listReviewQueue, reviewActor, type ReviewItem, type ReviewQueue } from './review.js';
export { mergeActors, prepareMerge, registerActorMergeStep, type ActorMerge, type ActorMergeStep, type MergeCandidate } from './curation.js';
export { addVocabularyTerm, listVocabulary, listVocabularyForCuration, mergeTags, updateVocabularyTerm, type TagUse } from './vocabulary.js';
export { tagLabel, type ActorProfile, type TagRef } from './present.js';
export { ActorInputError, type RawActorInput } from './profile-input.js';
export { freeSlug, slugBase } from './slugs.js';
export { findOrCreateTagIds, normalizeTagLabel } from './tags.js';
export { loadMatchingActors, loadMatchingTags, matchingChangesSince, type MatchingActor, type MatchingFeed, type MatchingTag } from './matching-feed.js';
export { registerProfileSection, type ProfileSection } from './profile-sections.js';
export { actorAdmins, actorCardForViewer, actorCards, actorCardsBySlugs, type ActorCard } from './cards.js';
export { modelLabels } from './model-messages.js';
export { ACTION_FIELDS, SECTORS, type ActionField, type ActorKind, type Sector, type Visibility } from './model.js';
export { registerContactAccess, type ConnectedActors } from './contact-access.js';
