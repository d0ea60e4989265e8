/**
 * Multilingual vocabulary shared by the gate and the detector. Everything is matched against text
 * folded by `foldForMatch` (lower case, accents stripped), so the patterns carry no accents.
 *
 * The words are every language's in lib/core/lang (one file per language), joined here in its order.
 */
import { LANGUAGES, type Language } from '../../lang';
import { stripAccents } from '../../text/normalize';

/** Lower case, accents removed, separators (-, _, /, .) turned into spaces: one form for URLs and text. */
export function foldForMatch(input: string): string {
  return collapseSeparators(stripAccents(input).toLowerCase());
}

/** ASCII separators: whitespace and - _ / . + % : | , ; ( ) [ ] " ' */
const ASCII_SEPARATOR = new Uint8Array(128);
for (const ch of ' \t\n\r\f\v-_/.+%:|,;()[]"\'') ASCII_SEPARATOR[ch.charCodeAt(0)] = 1;
const UNICODE_SPACE = /\s/;

function isSeparator(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c < 128 ? ASCII_SEPARATOR[c] === 1 : UNICODE_SPACE.test(s[i]!);
}

/**
 * Every run of separators (as above, plus Unicode whitespace) becomes one space. The same as
 * `replace(/[\s\-_/.+%:|,;()[\]"']+/g, ' ')`, in one scan that copies runs of text whole, which
 * matters on the tens of thousands of characters detection folds per page.
 */
export function collapseSeparators(s: string): string {
  let out = '';
  let start = 0;
  const n = s.length;
  for (let i = 0; i < n; ) {
    if (!isSeparator(s, i)) {
      i++;
      continue;
    }
    out += `${s.slice(start, i)} `;
    i++;
    while (i < n && isSeparator(s, i)) i++;
    start = i;
  }
  return start === 0 ? s : out + s.slice(start);
}

/** One use's patterns, every language's, as one alternation. */
function alternation(use: (l: Language) => readonly string[]): string {
  return LANGUAGES.flatMap(use).join('|');
}

/** Titles or main headings that name a privacy policy outright. */
export const POLICY_TITLE = new RegExp(alternation((l) => l.policyTitle));

/** A bare privacy word: suggestive in a title, not conclusive (news articles use it too). */
export const PRIVACY_WORD = new RegExp(alternation((l) => l.privacyWord));

/** Cookie or tracker policies and data-processing agreements: privacy-adjacent documents. */
export const ADJACENT_TITLE = new RegExp(alternation((l) => l.adjacentTitle));

/** Titles or headings of other legal and ordinary documents that are not privacy policies. */
export const OTHER_LEGAL_TITLE = new RegExp(alternation((l) => l.otherLegalTitle));

/** URL path words that name a privacy policy. */
export const POLICY_PATH = new RegExp(alternation((l) => l.policyPath));

/** URL words of other pages, and a date in the path (news posts). */
export const OTHER_PATH = new RegExp(`${alternation((l) => l.otherPath)}|\\d{4} \\d{2} \\d{2}`);

/**
 * Phrases that are frequent in privacy policies and rare elsewhere, with a weight each. Body text is
 * scored by their density per thousand words.
 */
export const BODY_TERMS: ReadonlyArray<readonly [RegExp, number]> = LANGUAGES.flatMap((l) => l.bodyTerms);

/**
 * Section headings typical of privacy policies ("Information we collect", "Your rights"...). A page
 * with several of them is laid out like a policy, whatever its title.
 */
export const SECTION_HEADINGS = new RegExp(alternation((l) => l.sectionHeadings));
