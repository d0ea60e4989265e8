/** German. See index.ts. */
import type { Language } from './index';

export const gateWords = ['datenschutz', 'dsgvo', 'privatsph', 'auftragsverarbeitung', 'rechtliche', 'rechtliches', 'agb', 'nutzungsbedingungen'];

export const de: Language = {
  code: 'de',
  voice: ['wir', 'uns', 'unsere[nmrs]?'],
  adjacentPath: ['auftragsverarbeitung'],
  trackerWords: [],
  gateWords,
  policyTitle: ['datenschutz ?(erklarung|hinweise?|richtlinie|bestimmungen|information(en)?|grundsatze|policy|bestimmung)'],
  privacyWord: ['datenschutz', '\\bdsgvo\\b'],
  adjacentTitle: ['auftragsverarbeitung'],
  otherLegalTitle: ['nutzungsbedingungen', '\\bagb\\b', 'geschaftsbedingungen', 'impressum', 'richtlinien', 'barrierefreiheit'],
  policyPath: ['datenschutz', 'dsgvo'],
  otherPath: ['\\bagb\\b', 'impressum'],
  bodyTerms: [
    [/\bpersonenbezogene(n|r)? daten\b/g, 2],
    [/\bverantwortliche(r|n)?\b/g, 1.5],
    [/\b(wir )?(erheben|verarbeiten|speichern)\b/g, 1.2],
    [/\bdritte(n)?\b/g, 0.7],
    [/\brechtsgrundlage\b/g, 1.5],
    [/\b(auskunft|loschung|berichtigung|widerspruch)\b/g, 1.2],
    [/\bdatenschutz/g, 1],
    [/\bspeicherdauer|aufbewahr/g, 1],
    [/\bihre daten\b/g, 1],
    [/\b(zweck|zwecke|empfanger|auftragsverarbeiter)\b/g, 0.8],
  ],
  sectionHeadings: ['welche daten', 'zweck', 'rechtsgrundlage', 'ihre rechte', 'speicherdauer', 'empfanger', 'weitergabe', 'verantwortliche'],
  stopwords: ['und', 'der', 'die', 'das', 'wir', 'sie', 'ihre', 'nicht', 'mit', 'fur', 'ist', 'werden', 'oder'],
  linkLabels: ['datenschutzerklarung', 'datenschutzhinweise', 'datenschutz'],
  hrefWords: ['datenschutz'],
  months: [
    ['januar', 'janner'], ['februar', 'feber'], ['marz', 'maerz'], ['april'], ['mai'], ['juni'], ['juli'], ['august'], ['september'],
    ['oktober', 'okt'], ['november'], ['dezember', 'dez'],
  ],
  dateLabels: [
    'zuletzt (aktualisiert|geandert|uberarbeitet)', 'letzte (aktualisierung|anderung)', 'aktualisiert am', 'stand', 'gultig ab',
    'version vom',
  ],
  dateFillers: ['am', 'datum', 'den', 'der', 'vom'],
};
