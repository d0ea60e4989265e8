/** Dutch. See index.ts. */
import type { Language } from './index';

export const gateWords = ['privacyverklaring', 'privacybeleid', 'persoonsgegevens', 'gegevensbescherming', 'voorwaarden'];

export const nl: Language = {
  code: 'nl',
  voice: ['wij', 'onze', 'uw', 'jouw'],
  adjacentPath: [],
  trackerWords: [],
  gateWords,
  policyTitle: ['privacy ?(verklaring|beleid|statement|reglement)'],
  privacyWord: ['persoonsgegevens', 'gegevensbescherming'],
  adjacentTitle: ['verwerkersovereenkomst'],
  otherLegalTitle: ['voorwaarden', 'gebruiksvoorwaarden', 'colofon'],
  policyPath: ['persoonsgegevens', 'privacybeleid', 'privacyverklaring'],
  otherPath: ['voorwaarden'],
  bodyTerms: [
    [/\bpersoonsgegevens\b/g, 2],
    [/\bverwerkingsverantwoordelijke\b/g, 2],
    [/\b(wij|we) (verzamelen|verwerken|bewaren|delen)\b/g, 1.5],
    [/\bderde(n| partijen)\b/g, 0.7],
    [/\brecht op (inzage|rectificatie|verwijdering|bezwaar|overdraagbaarheid)/g, 2],
    [/\bgerechtvaardigd belang\b/g, 1.5],
    [/\b(uw|je|jouw) gegevens\b/g, 1],
    [/\b(verwerking|bewaartermijn|verwerkers?|doeleinden)\b/g, 0.8],
  ],
  sectionHeadings: ['welke gegevens', 'doeleinden', 'uw rechten', 'bewaartermijn', 'ontvangers'],
  stopwords: ['de', 'het', 'en', 'een', 'wij', 'we', 'uw', 'je', 'van', 'voor', 'met', 'zijn', 'worden', 'niet'],
  linkLabels: ['privacyverklaring', 'privacybeleid', 'privacyverklaring en cookies'],
  hrefWords: ['privacybeleid', 'privacyverklaring'],
  months: [
    ['januari'], ['februari'], ['maart', 'mrt'], ['april', 'apr'], ['mei'], ['juni'], ['juli'], ['augustus'], ['september', 'sep'],
    ['oktober', 'okt'], ['november', 'nov'], ['december', 'dec'],
  ],
  dateLabels: [
    'laatst (bijgewerkt|gewijzigd|herzien)', 'bijgewerkt (op)?', 'datum van (inwerkingtreding|laatste wijziging)',
    'van kracht (vanaf|per)',
  ],
  dateFillers: ['op', 'sinds'],
};
