export { extractPolicy } from './extract';
export type { ExtractResult, ExtractOptions } from './extract';
export { findStatedDate } from '../../text/dates';

/**
 * Which extractor made a stored text. Every capture records it beside its version, and when it changes
 * the background re-extracts the raw captures it kept (lib/history/reextract.ts), so a text that changed
 * only because Clausewatch extracts differently is never reported as a change of the policy.
 *
 * Bump it (by one) in the change that can make the page pipeline return a different document for the
 * same HTML: detection's verdict on a policy, Readability's options or the fallback, what is revealed or
 * removed before extraction, block splitting, kinds, levels or sections, text normalisation, the title,
 * the language or the stated date. Do not bump it for changes that give byte-identical documents (speed,
 * refactoring; check with the corpus, as `npm run eval -- detection` does), nor for changes to the change
 * engine, which reads texts and never stores them. Never reuse or lower a number: stored versions compare
 * their number with this one, and only a higher one triggers re-extraction.
 */
export const EXTRACTOR_VERSION = 12;
// 2 (5 December 2026): the fallback leaves out the heading that repeats the page's title, as Readability does.
// 3 (6 December 2026): Readability no longer weighs elements by the words of their class and id (extract.ts).
// 4 (6 December 2026): a hidden element in another language than the page's is not revealed (reveal.ts).
// 5 (6 December 2026): an element with the heading role is read as a heading (extract.ts realHeadings).
// 6 (6 December 2026): such a heading keeps its other attributes (a hidden one stays hidden); the fallback removes
//   only hidden translations; shallow pages have their own element-levels bound.
// 7 (6 December 2026): a small table (2-9 rows, 2-4 columns, none inside) is a data table to Readability.
// 8 (6 December 2026): a section named "gdpr", "social", "extra"… is not dropped as page furniture (keepNamedSections).
// 9 (6 December 2026): a collapsed earlier edition of the policy ("Previous version", named by its summary, heading,
//   label or opening control) stays out (reveal.ts hiddenEarlierVersion); where the page does not say its language,
//   a hidden element in another language than one the page declares elsewhere is a translation (hiddenTranslation).
// 10 (6 December 2026): such an earlier edition or translation stays out when only a zero height or `inert` closes it
//   (Readability reads both), and the fallback looks for them in the same elements as Readability's route (FOLDABLE).
// 11 (7 December 2026): a button that is the whole content of a heading (an accordion's title) is read as the heading's
//   text (reveal.ts headingButtonsAsText), and the heading is not dropped for an "unlikely" class ("accordion-header").
// 12 (7 December 2026): a numeric stated date after a non-English label ("Stand: 01.02.2024") is read day first even on
//   a page declaring US English (dates.ts).
