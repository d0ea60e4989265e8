/** Korean. See index.ts. */
import type { Language } from './index';

export const gateWords = ['개인정보'];

export const ko: Language = {
  code: 'ko',
  voice: [],
  adjacentPath: [],
  trackerWords: [],
  gateWords,
  policyTitle: ['개인정보 ?처리방침'],
  privacyWord: ['개인정보'],
  // No word boundaries: each hit counts once.
  bodyTerms: [
    [/개인정보/g, 2],
    [/제3자/g, 1],
    [/수집/g, 1.5],
  ],
  // Read only in titles and body text: no URL or heading words, no stopwords (not guessed), no link labels or dates.
  adjacentTitle: [], otherLegalTitle: [], policyPath: [], otherPath: [], sectionHeadings: [],
  stopwords: [], linkLabels: [], hrefWords: [], months: [], dateLabels: [], dateFillers: [],
};
