/**
 * The change engine: what changed between two versions of a policy, and does it matter to the user.
 *
 * Design, in the order the work happens:
 * - Alignment (diff.ts). Blocks are compared by a canonical key that ignores case, punctuation, quote and
 *   dash styles, list numbering and link tracking parameters, so cosmetic edits never become changes.
 *   Identical blocks are matched in order (a bounded Myers LCS from jsdiff); the same key at another
 *   position is `moved`; what is left is paired by word-set Dice similarity inside each gap between
 *   anchors, within a window, so pairing stays O(n·w). Inside changed blocks, sentences (Intl.Segmenter)
 *   are aligned the same way and only changed sentences get a word diff (jsdiff, bounded edit length).
 *   A sentence that exists anywhere in the other version is "reflowed", not added: a document that was
 *   only re-blocked yields nothing. Edited sentences that also moved are paired across blocks through an
 *   inverted word index.
 * - Classification (rules.ts, classify.ts). Regular expressions over the lower-cased sentence, per clause,
 *   each rule with examples that a test checks. Negations and opt-outs make a clause `restricts`.
 * - Judgement (analyze.ts). An edit is judged by what it adds: concepts (recipients, data, purposes) in the
 *   inserted words that the old sentence lacked → expanded; a limit ("only", "aggregated", "not") deleted
 *   → expanded; "do not" → "may" → new; an added denial/opt-out → restricted; otherwise reworded. A new
 *   sentence is compared with everything the older version said in that category (same concepts →
 *   reworded, more → expanded, nothing before → new). A removed AI-training denial, with no AI denial
 *   left, widens the practice (expanded). List items are read together with the sentence that introduces
 *   the list ("We may share your data with:").
 * - Severity: AI training and sharing new/expanded are major; new sensitive data is major; other
 *   categories minor; restrictions and new user rights are good news; rewording is minor for AI/sharing
 *   and cosmetic elsewhere, and never alerts.
 * - Bounds: a time budget (default 200 ms, injectable clock; alignment gets 60% of it) plus edit-length
 *   and window limits; when a bound is hit alignment falls back to coarser answers (greedy block matching,
 *   no similarity pairing, whole-text spans, punctuation sentence split) and `truncated` is set.
 *   Classification counts against the whole budget: once it is spent, only sentences with a sharing, AI
 *   or sensitive-data word are classified, at most LATE_CLASSIFICATION_CAP of them, then none
 *   (`truncated`). Rule patterns use a word class that cannot swallow dashes, so no sentence backtracks.
 */
export { analyzeChange, describePolicy, explain, severityOf, summarize, type AnalyzeOptions } from './analyze';
export { boundedClassifier, classifySentence, firingRules, LATE_CLASSIFICATION_CAP, SALIENT, type Classification, type Polarity } from './classify';
export { diffDocuments, alignDocuments, Budget, DEFAULT_BUDGET_MS, type DiffOptions, type SentenceEdit, type Alignment } from './diff';
export { splitSentences, canonicalKey } from './sentences';
export { RULES, RESTRICTORS, type Rule } from './rules';
