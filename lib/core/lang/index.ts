/**
 * The words Clausewatch reads pages with, one file per language: every word list of that language, for
 * each use (the gate, the detector's titles, paths, headings and body terms, the language guess, policy
 * link discovery, the "last updated" date reader). The modules that use them (lib/core/page/detect/gate.ts,
 * vocab.ts, text.ts and detect.ts there, lib/core/page/discover.ts, lib/core/text/dates.ts) join the languages' lists in
 * the order of LANGUAGES. Where that order shows, the earlier language wins: the first body term or
 * section heading that matches at a place, the first link label a text contains, the first language to
 * reach the most stopwords; so a new language goes at the end, after those it could overlap.
 *
 * To add a language: write lib/core/lang/<xx>.ts (copy a small one, nl.ts or it.ts), then add it to LANGUAGES
 * and to GATE_WORDS below. The gate's words are listed apart because the content script, which every page
 * pays for, carries only them (tests/e2e/bundle.e2e.test.ts holds it to 12 KB); lib/core/lang/index.test.ts
 * checks that the two lists name the same languages. Keep the language files plain literals (no calls,
 * tagged templates or spreads): the bundler keeps those as side effects, and the content script would carry
 * every language's words.
 *
 * Pure data: nothing here imports anything outside lib/core/lang. The detector's lists are regular-expression
 * sources matched against folded text (lower case, accents removed, separators turned into spaces: see
 * foldForMatch), so they carry no accents; keep them flat word alternations (tests/meta/redos.test.ts
 * checks every pattern built from them). The engine's lexicon (lib/core/engine) has its own, grammar-bound
 * word lists and does not read these.
 */
import { de, gateWords as deGate } from './de';
import { en, gateWords as enGate } from './en';
import { es, gateWords as esGate } from './es';
import { fr, gateWords as frGate } from './fr';
import { it, gateWords as itGate } from './it';
import { ja, gateWords as jaGate } from './ja';
import { ko, gateWords as koGate } from './ko';
import { nl, gateWords as nlGate } from './nl';
import { pt, gateWords as ptGate } from './pt';
import { zh, gateWords as zhGate } from './zh';

export interface Language {
  /** ISO 639-1 code: what guessLanguage answers. */
  code: string;
  /**
   * Gate (lib/core/page/detect/gate.ts): lower-case substrings that, in a URL, title or first heading, say "this
   * page may be a privacy policy or privacy-adjacent document". Recall matters most: a page matching
   * none is never looked at again. Plain lower-case text, not folded: accented and unaccented spellings
   * both listed; a space in a phrase also matches a hyphen or an underscore (the gate reads both as
   * spaces), so each phrase is listed once. A word of five ASCII letters or fewer ("legal", "terms", "dpa")
   * counts only where a word starts (gate.ts firstGateWord). Legal-hub words (legal, terms, policy...) are here too,
   * because some sites publish their privacy policy on a combined legal page; the detector sorts those out.
   */
  gateWords: readonly string[];
  /** Pronouns of a text that speaks to its reader about itself, "we" and "you" (detect.ts: a policy's voice). */
  voice: readonly string[];
  /** URL words of cookie or tracker policies and data-processing terms (detect.ts). */
  adjacentPath: readonly string[];
  /** Words for cookies and trackers, whose density marks a cookie policy (detect.ts). */
  trackerWords: readonly string[];
  /** Titles or main headings that name a privacy policy outright (vocab POLICY_TITLE). */
  policyTitle: readonly string[];
  /** A bare privacy word: suggestive in a title, not conclusive (vocab PRIVACY_WORD). */
  privacyWord: readonly string[];
  /** Cookie or tracker policies and data-processing agreements (vocab ADJACENT_TITLE). */
  adjacentTitle: readonly string[];
  /** Titles of other legal and ordinary documents (vocab OTHER_LEGAL_TITLE). */
  otherLegalTitle: readonly string[];
  /** URL words that name a privacy policy (vocab POLICY_PATH). */
  policyPath: readonly string[];
  /** URL words that name another kind of page (vocab OTHER_PATH). */
  otherPath: readonly string[];
  /** Phrases frequent in privacy policies and rare elsewhere, with a weight each (vocab BODY_TERMS). */
  bodyTerms: ReadonlyArray<readonly [RegExp, number]>;
  /** Section headings typical of privacy policies (vocab SECTION_HEADINGS). */
  sectionHeadings: readonly string[];
  /** Frequent short words that tell the language apart (lib/core/page/detect/text.ts guessLanguage); none: not guessed. */
  stopwords: readonly string[];
  /** Link texts that name a privacy policy, best first (lib/core/page/discover.ts); folded, accents removed. */
  linkLabels: readonly string[];
  /** Words in a link's raw address that name privacy (lib/core/page/discover.ts); matched case-insensitively. */
  hrefWords: readonly string[];
  /** Month names and abbreviations, January first (lib/core/text/dates.ts); empty: dates not read. */
  months: ReadonlyArray<readonly string[]>;
  /** Labels that introduce a "last updated" or "effective" date (lib/core/text/dates.ts). */
  dateLabels: readonly string[];
  /** Filler words that may sit between such a label and its date ("Last updated on:"). */
  dateFillers: readonly string[];
}

/** Every language, in the order their lists are joined. */
export const LANGUAGES: readonly Language[] = [en, de, fr, es, it, nl, pt, zh, ja, ko];

/** The gate's words, the languages in the order of LANGUAGES. */
export const GATE_WORDS: readonly string[] = [
  ...enGate,
  ...deGate,
  ...frGate,
  ...esGate,
  ...itGate,
  ...nlGate,
  ...ptGate,
  ...zhGate,
  ...jaGate,
  ...koGate,
];
