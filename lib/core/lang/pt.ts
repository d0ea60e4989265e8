/** Portuguese. See index.ts. */
import type { Language } from './index';

export const gateWords = ['privacidade', 'dados pessoais', 'proteção de dados', 'protecao de dados', 'lgpd', 'termos'];

export const pt: Language = {
  code: 'pt',
  voice: ['nosso', 'nossa', 'nossos', 'nossas', 'voce'],
  adjacentPath: [],
  trackerWords: [],
  gateWords,
  policyTitle: ['politica (de|sobre) (privacidade|protecao de dados)', 'aviso de privacidade', 'declaracao de privacidade'],
  privacyWord: ['privacidade', 'dados pessoais', 'protecao de dados'],
  adjacentTitle: [],
  otherLegalTitle: ['termos', 'condicoes'],
  policyPath: ['privacidade'],
  otherPath: ['termos'],
  bodyTerms: [
    [/\bdados pessoais\b/g, 2],
    [/\b(coletamos|tratamos|compartilhamos)\b/g, 1.5],
    [/\bterceiros\b/g, 0.7],
    // These two once shared one pattern with Spanish and kept its cross spellings (acceso, datos;
    // portabilidad also matches portabilidade): dropping them would change what matches.
    [/\bdireitos? (de|a) (acceso|acesso|rectificacion|supresion|oposicion|portabilidad|eliminacao|correcao)/g, 2],
    [/\binteresse legitimo\b/g, 1.5],
    [/\b(seus|teus) (datos|dados)\b/g, 1],
    [/\btratamento de (seus )?dados\b/g, 1.5],
    [/\b(finalidade|conservacao|encarregado)\b/g, 0.8],
  ],
  sectionHeadings: [
    'dados (que )?coletados', 'finalidades', 'seus direitos', 'compartilhamento', 'retencao', 'base legal', 'encarregado',
  ],
  stopwords: ['o', 'os', 'as', 'e', 'de', 'que', 'nos', 'voce', 'para', 'com', 'uma', 'do', 'da', 'dos', 'seus'],
  linkLabels: ['politica de privacidade', 'aviso de privacidade', 'privacidade'],
  hrefWords: ['privacidade'],
  months: [
    ['janeiro'], ['fevereiro'], ['marco', 'mar'], ['abril', 'abr'], ['maio'], ['junho'], ['julho'], ['agosto', 'ago'],
    ['setembro', 'set'], ['outubro', 'out'], ['novembro', 'nov'], ['dezembro', 'dez'],
  ],
  dateLabels: [
    'ultima (atualizacao|alteracao)', 'atualizad[ao]( em)?', 'data (da ultima atualizacao|de vigencia|de entrada em vigor)',
    'em vigor (desde|a partir de)', 'vigente a partir de',
  ],
  dateFillers: ['em'],
};
