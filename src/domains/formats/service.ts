/** The formats domain's use cases, for its routes, its API and other domains. */
export { cancelFormat, createFormat, getFormat, getFormatForEdit, listFormats, monthRange, myRegistrations, publishFormat, updateFormat, type FormatFilters } from './formats.js';
export { FormatInputError, type RawFormatInput } from './format-input.js';
export {
  cancelOwnRegistration,
  cancelRegistrationByLink,
  cancelRegistrationForParticipant,
  confirmRegistration,
  registerGuest,
  registerMember,
  registrationByLink,
  type RegistrationOutcome,
} from './registrations.js';
export type { FormatDetail, FormatSummary, OwnRegistration, RegistrationState } from './present.js';
