/** Italian. See index.ts. */
import type { Language } from './index';

export const gateWords = ['informativa', 'riservatezza', 'dati personali', 'protezione dei dati', 'protezione dati', 'note legali', 'termini', 'condizioni'];

export const it: Language = {
  code: 'it',
  voice: ['noi', 'nostr[oaie]', 'tuoi', 'tua', 'tue', 'tuo'],
  adjacentPath: [],
  trackerWords: [],
  gateWords,
  policyTitle: ['informativa (sulla |sul |per il |privacy|sulla protezione|ai sensi)', 'politica (sulla |della |di |per la )privacy'],
  privacyWord: ['dati personali'],
  adjacentTitle: ['accordo (sul|per il) trattamento'],
  otherLegalTitle: ['termini', 'condizioni', 'note legali'],
  policyPath: ['informativa'],
  otherPath: ['condizioni'],
  bodyTerms: [
    [/\bdati personali\b/g, 2],
    [/\btitolare del trattamento\b/g, 2],
    [/\b(raccogliamo|trattiamo|conserviamo|condividiamo)\b/g, 1.5],
    [/\bterze parti|terzi\b/g, 0.7],
    [/\bdiritto (di accesso|di rettifica|alla cancellazione|di opposizione|alla portabilita)/g, 2],
    [/\binteresse legittimo\b/g, 1.5],
    [/\b(tuoi|suoi) dati\b/g, 1],
    [/\btrattamento (dei )?dati\b/g, 1.5],
    [/\b(finalita|destinatari|conservazione|garante)\b/g, 0.8],
  ],
  sectionHeadings: ['dati (che )?raccolti', 'finalita', 'diritti', 'destinatari', 'conservazione', 'base giuridica', 'titolare'],
  stopwords: ['il', 'gli', 'e', 'di', 'che', 'noi', 'per', 'con', 'una', 'del', 'della', 'sono', 'dei', 'delle'],
  linkLabels: ['informativa sulla privacy', 'informativa privacy', 'privacy e cookie'],
  hrefWords: [],
  months: [
    ['gennaio', 'gen'], ['febbraio'], ['marzo', 'mar'], ['aprile', 'apr'], ['maggio', 'mag'], ['giugno', 'giu'], ['luglio', 'lug'],
    ['agosto', 'ago'], ['settembre', 'set'], ['ottobre', 'ott'], ['novembre', 'nov'], ['dicembre', 'dic'],
  ],
  dateLabels: ['ultimo aggiornamento', 'aggiornat[ao]( il| al)?', 'data di (entrata in vigore|aggiornamento)', 'in vigore (dal|da)'],
  dateFillers: ['il', 'al', 'dal'],
};
