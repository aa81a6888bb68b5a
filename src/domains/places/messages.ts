import { defineMessages } from '../../platform/i18n/index.js';

export const messages = defineMessages({
  de: {
    'field.hint': 'Ort oder Postleitzahl',
    'field.candidates': 'Meinten Sie …?',
    'field.candidatesHint': 'Mehrere Orte passen zu Ihrer Eingabe. Bitte wählen Sie einen aus.',
    'field.population': '{count} Einwohner',
    'suggestions.label': 'Vorschläge',
    'suggestions.count': '{count} Vorschläge. Mit den Pfeiltasten auswählen, mit der Eingabetaste übernehmen.',
    'suggestions.one': 'Ein Vorschlag. Mit der Pfeiltaste auswählen, mit der Eingabetaste übernehmen.',
    'suggestions.none': 'Kein Ort gefunden.',
    'suggestions.postcode': 'PLZ {postcode}',
    'field.ambiguous': 'Mehrere Orte heißen so. Bitte wählen Sie einen aus.',
    'field.none': 'Diesen Ort kennen wir nicht. Bitte prüfen Sie die Schreibweise oder geben Sie die Postleitzahl ein.',
  },
  en: {
    'field.hint': 'Place or postcode',
    'field.candidates': 'Did you mean …?',
    'field.candidatesHint': 'Several places match what you typed. Please choose one.',
    'field.population': '{count} inhabitants',
    'suggestions.label': 'Suggestions',
    'suggestions.count': '{count} suggestions. Use the arrow keys to choose, Enter to accept.',
    'suggestions.one': 'One suggestion. Use the arrow key to choose, Enter to accept.',
    'suggestions.none': 'No place found.',
    'suggestions.postcode': 'postcode {postcode}',
    'field.ambiguous': 'Several places have this name. Please choose one.',
    'field.none': 'We do not know this place. Please check the spelling or enter the postcode.',
  },
});
