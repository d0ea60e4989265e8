/** English. Also the language-neutral acronyms (GDPR, CCPA, DPA, DPO). See index.ts. */
import type { Language } from './index';

export const gateWords = [
  'privacy', 'personal data', 'personal information', 'data protection', 'data policy', 'datapolicy', 'data processing',
  'data commitments', 'your data', 'how we use', 'gdpr', 'ccpa', 'cookie', 'tracker', 'legal', 'policy', 'policies', 'terms', 'dpa',
];

export const en: Language = {
  code: 'en',
  voice: ['we', 'us', 'our', 'you', 'your'],
  adjacentPath: ['\\bcookies?\\b', '\\btrackers?\\b', '\\bdpa\\b', 'data processing', 'processor terms'],
  trackerWords: ['cookies?', 'trackers?', 'local storage', 'pixels?', 'sdks?'],
  gateWords,
  policyTitle: [
    '\\b(privacy|data) (policy|notice|statement|commitments?|protection (policy|notice|statement|information))\\b',
    '\\bprivacy (and|&) cookies? (policy|notice)',
    '\\bprivacy\\b.{0,24}\\b(policy|notice|statement|center|centre|hub|information)\\b',
    '\\bpersonal (data|information) (policy|notice|protection)',
  ],
  privacyWord: ['your (personal )?(data|information)', 'how we use', '\\bprivacy\\b', '\\bgdpr\\b'],
  adjacentTitle: ['\\bcookies?\\b', '\\btrackers?\\b', 'data processing (agreement|addendum|terms)', '\\bdpa\\b'],
  otherLegalTitle: [
    'terms (of|and) (service|use|sale)', 'terms ?(&|and) conditions', '\\bterms\\b', 'conditions of', '\\btos\\b',
    'user agreement', 'imprint', 'legal notice', 'community (guidelines|standards|rules)', 'acceptable use', 'usage policy', 'use policy',
    'copyright', 'dmca', 'accessibility', 'brand (guidelines|assets)', 'developer (terms|policy|agreement)', 'api terms', 'guidelines',
    'code of conduct', 'refund', 'shipping', 'returns',
  ],
  policyPath: [
    'privacy', 'data policy', 'datapolicy', 'personal (data|information)', 'your data', 'how we use',
    '\\bgdpr\\b', '\\bccpa\\b', '\\bpp\\b',
  ],
  otherPath: [
    '\\bterms\\b', '\\btos\\b', 'imprint', 'guidelines', 'community', 'acceptable use', 'use policy', 'copyright', 'dmca',
    'accessibility', '\\bnews\\b', '\\bblog\\b', '\\barticles?\\b', '\\bstory\\b',
  ],
  bodyTerms: [
    [/\bpersonal (data|information)\b/g, 2],
    [/\b(we|may) (collect|process|use|share|disclose|retain|store)\b/g, 1.5],
    [/\binformation (we|that we) (collect|receive|obtain)\b/g, 2],
    [/\bthird part(y|ies)\b/g, 1],
    [/\bservice providers?\b/g, 0.7],
    [/\b(data )?controller\b/g, 1.5],
    [/\bretention|retain\b/g, 1],
    [/\bopt ?out\b/g, 1],
    [/\b(right|rights) to (access|rectif|erasure|delet|object|restrict|portab|correct|know|opt)/g, 2],
    [/\bdata (subject|protection|processing)\b/g, 1.5],
    [/\bprivacy (policy|notice|statement)\b/g, 1],
    [/\bcookies?\b/g, 0.5],
    [/\b(ip address|device identifiers?|browsing history|geolocation)\b/g, 1],
    [/\blegitimate interests?\b/g, 1.5],
    [/\bgdpr|ccpa|cpra|coppa\b/g, 1],
    [/\bchildren (under|younger)\b/g, 1],
    [/\byour (personal )?(data|information)\b/g, 1],
    [/\b(access|correct|delete|deletion of) your\b/g, 1],
  ],
  sectionHeadings: [
    '(information|data) (we|that we) (collect|process|receive)', 'what (personal )?(information|data)',
    'how (we|do we) (use|share|collect|protect|store)', 'sharing', 'disclos', 'your (rights|choices|privacy rights)', 'retention',
    'retain', 'how long', 'security', 'children', 'cookies', 'international (data )?transfer', 'contact (us|information)',
    '(information|data) (sharing|collection)', 'what we collect', 'changes to (this|our)', 'legal bas[ei]s', 'data controller',
    'who (we are|is responsible)', 'dpo',
  ],
  stopwords: ['the', 'and', 'of', 'to', 'we', 'you', 'your', 'with', 'for', 'is', 'that', 'this'],
  linkLabels: ['privacy policy', 'privacy notice', 'privacy statement', 'privacy', 'data protection', 'your privacy'],
  hrefWords: ['privacy', 'data-protection'],
  months: [
    ['january', 'jan'], ['february', 'feb'], ['march', 'mar'], ['april', 'apr'], ['may'], ['june', 'jun'], ['july', 'jul'],
    ['august', 'aug'], ['september', 'sep', 'sept'], ['october', 'oct'], ['november', 'nov'], ['december', 'dec'],
  ],
  dateLabels: [
    'last (updated|modified|revised|changed)', 'applies (from|as of)', 'updated( on| as of)?', 'effective( date| as of| from| on)?',
    'date of (last )?(update|revision)', 'revised( on)?', 'version (date|of)', 'in (force|effect) (from|as of|since)',
    'valid (from|as of)',
  ],
  dateFillers: ['on', 'the', 'of', 'this', 'policy', 'date', 'since', 'as'],
};
