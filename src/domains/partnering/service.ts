/** The partnering domain's use cases, for its routes and for other domains (formats, labs, analytics). */
export { dismissSuggestion, getWeights, listSuggestions, mySuggestions, readFilters, setWeights, type Suggestion, type SuggestionFilters, type SuggestionList } from './suggestions.js';
export { answerIntroduction, brokerIntroduction, countIntroductionsToAnswer, getIntroduction, listIntroductions, requestIntroduction, withdrawIntroduction, type Introduction, type IntroductionLists } from './introductions.js';
export { confirmTie, declineTie, endTie, getNetwork, proposeTie, recordTies, tieOriginCounts, tiesAmong, type Network, type Tie } from './ties.js';
export { getPreferences, setPreferences, type PartnerPreferences } from './preferences.js';
export { reasonParts, reasonText } from './reasons.js';
export { DEFAULT_WEIGHTS, WEIGHT_KEYS, type Weights } from './scoring.js';
