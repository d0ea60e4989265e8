/**
 * The change engine: what changed between two versions of a policy, and does it matter to the user.
 *
 * Design, in the order the work happens:
 * - Alignment (diff.ts). Blocks are compared by a canonical key that ignores case (ß and SS, ligatures such as
 *   ﬁ), punctuation, quote and dash styles, invisible format characters, list numbering and link tracking
 *   parameters, so cosmetic edits never become changes.
 *   Identical blocks are matched in order (a bounded Myers LCS from jsdiff); the same key at another
 *   position is `moved`; what is left is paired by word-set Dice similarity inside each gap between
 *   anchors, within a window, so pairing stays O(n·w). Inside changed blocks, sentences (Intl.Segmenter)
 *   are aligned the same way and only changed sentences get a word diff (jsdiff, bounded edit length).
 *   A sentence that exists anywhere in the other version is "reflowed", not added: a document that was
 *   only re-blocked yields nothing. Edited sentences that also moved are paired across blocks through an
 *   inverted word index.
 * - Classification (classify.ts, model/, lexicon.ts, attributes.ts). A linear model over hashed word
 *   n-grams and cues (model/cues.ts; trained by `npm run train` on OPP-115 practices, our AI-training labels and the
 *   change pairs' evidence, validated by service-grouped cross-validation; model/DATA_CARD.md) says per
 *   sentence which of four categories it states; grammar says whether it denies the practice or leaves it to
 *   the user. Sensitive data and international transfers are recognised by their vocabulary. attributes.ts
 *   reads what a statement names: recipient kinds and company names, data kinds, purposes, limits.
 * - Judgement (analyze.ts), by attributes. An edited statement that gains a recipient kind, a named
 *   company, a data kind or a purpose, or loses a limit ("only", "aggregated", "with your consent") →
 *   expanded; "do not" → "may" → new; an added denial or opt-out → restricted; otherwise reworded. A new
 *   sentence is compared with everything the older version said in that category (nothing → new, more
 *   → expanded, the same → reworded) and quoted beside the closest older statement. A removed AI-training
 *   or sharing denial, with no denial of that practice left, widens the practice (expanded). List items are read together with the
 *   sentence that introduces the list ("We may share your data with:").
 * - Severity: AI training and sharing new/expanded are major; new sensitive data is major; other
 *   categories minor; restrictions and new user rights are good news; rewording is minor for AI/sharing
 *   and cosmetic elsewhere, and never alerts.
 * - Bounds are on work, never on time: MAX_VERSION_WORDS per version, edit lengths and windows in the
 *   alignment, MAX_WORDS per sentence in the classifier. Every changed sentence is classified; the same
 *   two versions give the same findings on any machine. `truncated` means a size bound was hit.
 */
export { analyzeChange, analyzeChangeYielding, describePolicy, SENTENCES_PER_STEP, gainedOf, MAX_VERSION_WORDS, severityOf, signalsOf, type AnalyzeOptions } from './analyze';
export { upgradeAnalysis } from './upgrade';
export { classifySentence, memoized, statementClassifier, type Classification, type Classify, type Polarity, type Stance } from './classify';
export { attributesOf, selfNames, type Attributes } from './attributes';
export { changeSpans, diffDocuments, alignDocuments, Budget, type DiffOptions, type SentenceEdit, type Alignment } from './diff';
export { splitSentences, canonicalKey } from './sentences';
export { shippedModel } from './model/shipped';
export { loadModel, type LinearModel, type ModelFile } from './model/linear';
