/** Japanese. See index.ts. */
import type { Language } from './index';

export const gateWords = ['個人情報', 'プライバシー'];

export const ja: Language = {
  code: 'ja',
  voice: [],
  adjacentPath: [],
  trackerWords: [],
  gateWords,
  policyTitle: ['プライバシーポリシー', 'プライバシー ?ポリシー', '個人情報保護方針'],
  privacyWord: ['プライバシー'],
  // No word boundaries: each hit counts once.
  bodyTerms: [
    [/個人情報/g, 2],
    [/第三者/g, 1],
    [/プライバシー/g, 1],
  ],
  // Read only in titles and body text: no URL or heading words, no stopwords (not guessed), no link labels or dates.
  adjacentTitle: [], otherLegalTitle: [], policyPath: [], otherPath: [], sectionHeadings: [],
  stopwords: [], linkLabels: [], hrefWords: [], months: [], dateLabels: [], dateFillers: [],
};
