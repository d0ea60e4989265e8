/** Spanish. See index.ts. */
import type { Language } from './index';

export const gateWords = ['privacidad', 'datos personales', 'protección de datos', 'proteccion de datos', 'aviso legal', 'términos'];

export const es: Language = {
  code: 'es',
  voice: ['nosotros', 'nuestr[oa]s?', 'usted'],
  adjacentPath: [],
  trackerWords: [],
  gateWords,
  policyTitle: [
    // Also "politica sobre privacidade": privacidad has no word boundary after it.
    'politica (de|sobre) (privacidad|proteccion de datos|datos)',
    'aviso de privacidad',
    'declaracion de privacidad',
  ],
  privacyWord: ['privacidad', 'datos personales', 'proteccion de datos'],
  adjacentTitle: ['encargado del tratamiento'],
  otherLegalTitle: ['terminos', 'condiciones', 'aviso legal'],
  policyPath: ['privacidad'],
  otherPath: ['aviso legal', 'condiciones'],
  bodyTerms: [
    [/\bdatos personales\b/g, 2],
    [/\bresponsable del tratamiento\b/g, 2],
    [/\b(recopilamos|tratamos|recogemos|compartimos)\b/g, 1.5],
    [/\bterceros/g, 0.7],
    // These two once shared one pattern with Portuguese and kept its cross spellings (acesso, dados):
    // dropping them would change what matches.
    [/\bderechos? (de|a) (acceso|acesso|rectificacion|supresion|oposicion|portabilidad|eliminacao|correcao)/g, 2],
    [/\binteres legitimo/g, 1.5],
    // Also Portuguese.
    [/\bcontrolador\b/g, 1],
    [/\b(sus|tus) (datos|dados)\b/g, 1],
    [/\btratamiento de (sus |tus )?datos/g, 1.5],
    // destinatarios: also Portuguese.
    [/\b(finalidad|destinatarios|conservacion)\b/g, 0.8],
  ],
  sectionHeadings: [
    'datos que (recopilamos|recogemos|tratamos)', 'finalidad', 'sus derechos', 'tus derechos', 'destinatarios', 'conservacion',
    'legitimacion',
  ],
  stopwords: ['el', 'los', 'las', 'y', 'de', 'que', 'nosotros', 'usted', 'para', 'con', 'una', 'del', 'su', 'sus'],
  linkLabels: ['politica de privacidad', 'aviso de privacidad', 'privacidad'],
  hrefWords: ['privacidad'],
  months: [
    ['enero', 'ene'], ['febrero', 'feb'], ['marzo', 'mar'], ['abril', 'abr'], ['mayo'], ['junio', 'jun'], ['julio', 'jul'],
    ['agosto', 'ago'], ['septiembre', 'setiembre', 'sep', 'sept'], ['octubre', 'oct'], ['noviembre', 'nov'], ['diciembre', 'dic'],
  ],
  dateLabels: [
    'ultima (actualizacion|modificacion|revision)', 'actualizad[ao]( el| en)?',
    'fecha de (entrada en vigor|actualizacion|ultima actualizacion)', 'vigente (desde|a partir de)',
  ],
  dateFillers: ['el'],
};
