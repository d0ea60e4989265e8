/** Chinese, simplified and traditional. See index.ts. */
import type { Language } from './index';

export const gateWords = ['隐私', '隱私', '个人信息'];

export const zh: Language = {
  code: 'zh',
  voice: [],
  adjacentPath: [],
  trackerWords: [],
  gateWords,
  policyTitle: ['隐私政策', '隐私保护', '隱私權政策', '隱私政策'],
  privacyWord: ['隐私', '隱私', '个人信息'],
  // No word boundaries: each hit counts once.
  bodyTerms: [
    [/个人信息/g, 2],
    [/第三方/g, 1],
    [/收集/g, 1.5],
    [/隐私/g, 1],
  ],
  // Read only in titles and body text: no URL or heading words, no stopwords (not guessed), no link labels or dates.
  adjacentTitle: [], otherLegalTitle: [], policyPath: [], otherPath: [], sectionHeadings: [],
  stopwords: [], linkLabels: [], hrefWords: [], months: [], dateLabels: [], dateFillers: [],
};
