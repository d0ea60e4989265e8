/** French. See index.ts. */
import type { Language } from './index';

export const gateWords = [
  'confidentialit', 'vie privée', 'vie privee', 'données personnelles', 'donnees personnelles',
  'données à caractère', 'protection des données', 'protection des donnees', 'rgpd', 'traceurs', 'mentions légales', 'juridique', 'conditions',
];

export const fr: Language = {
  code: 'fr',
  voice: ['nous', 'notre', 'nos', 'vous', 'votre', 'vos'],
  adjacentPath: [],
  trackerWords: ['traceurs'],
  gateWords,
  policyTitle: [
    'politique (de |relative a la |sur la )?(confidentialite|protection des (donnees|renseignements)|vie privee|donnees)',
    'charte (de )?(confidentialite|vie privee|(des )?donnees)',
    'declaration de confidentialite',
    'protection des donnees personnelles',
  ],
  privacyWord: ['confidentialite', 'vie privee', 'donnees personnelles', 'protection des donnees', '\\brgpd\\b'],
  adjacentTitle: ['\\btraceurs\\b', 'sous traitance'],
  otherLegalTitle: ['conditions generales', 'mentions legales', '\\bcgu\\b', '\\bcgv\\b', 'conditions d ?utilisation'],
  policyPath: ['confidentialite', 'vie privee', 'donnees personnelles', '\\brgpd\\b'],
  otherPath: ['\\bcgu\\b', '\\bcgv\\b', 'mentions legales'],
  bodyTerms: [
    [/\bdonnees (a caractere )?personnelles\b/g, 2],
    [/\bresponsable (du|de) traitement\b/g, 2],
    [/\b(nous )?(collectons|traitons|conservons|partageons)\b/g, 1.5],
    [/\btiers\b/g, 0.7],
    [/\bdroit (d acces|de rectification|a l effacement|d opposition|a la portabilite)/g, 2],
    [/\bbase legale|interet legitime\b/g, 1.5],
    [/\bduree de conservation\b/g, 1.5],
    [/\bvos donnees\b/g, 1],
    [/\btraitement (de |des |de vos )?donnees\b/g, 1.5],
    [/\b(finalites?|destinataires|sous traitants?|personnes concernees)\b/g, 1],
    [/\bcnil|rgpd\b/g, 1],
    [/\bconserv(ons|ees?|ation)\b/g, 0.7],
    [/\b(nous )?(recueillons|utilisons vos|communiquons)\b/g, 1],
  ],
  sectionHeadings: [
    'donnees que nous', 'partage', 'transferts?', 'combien de temps', 'conserv', 'qui sommes nous',
    'donnees (que nous )?collectees', 'finalites', 'vos droits', 'destinataires', 'duree de conservation', 'base legale',
    'responsable du traitement',
  ],
  stopwords: ['le', 'la', 'les', 'et', 'des', 'nous', 'vous', 'vos', 'est', 'pour', 'une', 'dans', 'avec'],
  linkLabels: ['politique de confidentialite', 'confidentialite', 'donnees personnelles', 'vie privee'],
  hrefWords: ['confidentialit', 'vie-privee'],
  months: [
    ['janvier', 'janv'], ['fevrier', 'fev', 'fevr'], ['mars'], ['avril', 'avr'], ['mai'], ['juin'], ['juillet', 'juil'], ['aout'],
    ['septembre', 'sept'], ['octobre', 'oct'], ['novembre', 'nov'], ['decembre', 'dec'],
  ],
  dateLabels: [
    's applique a partir (de|du)', 'applicable a partir (de|du)', 'valable a partir (de|du)',
    'derniere (mise a jour|modification|revision)', 'mis(e)? a jour (le)?', 'date d entree en vigueur', 'en vigueur (le|a compter du|au)',
  ],
  dateFillers: ['le', 'du'],
};
