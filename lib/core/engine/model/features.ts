/**
 * The statement classifier's features: hashed word unigrams and bigrams, and cues (cues.ts: a verb of
 * handing over followed by a word for another party, and the like), over the lower-cased, typographically
 * normalised sentence. Pure, linear in the sentence's length, and bounded: at most MAX_WORDS words of a
 * sentence are read (a "sentence" of a hostile page can be a megabyte long; its first MAX_WORDS words decide).
 *
 * The same function builds the features when the model is trained (scripts/train) and when it runs, so
 * training and use can never disagree.
 */
import { foldFast } from '../sentences';
import { cues } from './cues';
import { GLOSS, glossOf } from './gloss';

export { glossOf };

/** Words of a sentence that are read; the rest is ignored (a work bound, never a time bound). */
export const MAX_WORDS = 160;
/** Characters of a sentence that are read before splitting into words (a bound on the folding work). */
export const MAX_CHARS = 2400;

export const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * What the features are. The model file records it, and a model fitted on other features is refused
 * (linear.ts loadModel): its weights would be read against the wrong buckets.
 *
 * Character 4-grams of each word were features until model 2: with the cues instead, the grouped
 * cross-validation gained on sharing at every seed tried and was unchanged on AI training
 * (scripts/train/experiments/2026-features.md). Model 3 adds the English glosses of other languages' words;
 * model 4 the cues' reading of a word the lists lack by its gloss (cues.ts), so those cues changed in other languages.
 */
export const FEATURES = 'words-bigrams-cues-gloss-4';

// One seed per kind of feature, so the word "give" and the cue "give" never share a bucket by construction.
const SEED_WORD = FNV_OFFSET;
const SEED_BIGRAM = 0x9e3779b9;
const SEED_CUE = 0x1b873593;
/**
 * Each cue is hashed into this many buckets: it weighs as much as that many words, where a sentence's
 * words are many and its cues few (two copies beat one and three on the grouped validation).
 */
const CUE_COPIES = 2;

/** 32-bit FNV-1a of a string's UTF-16 code units, from `seed` (the FNV offset basis by default). */
export function hashString(seed: number, s: string): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

/**
 * The words of a sentence: runs of letters and digits, lower-cased (the caller folds typography first).
 * A character scan, not a regular expression, so nothing here can backtrack.
 */
export function words(folded: string): string[] {
  const out: string[] = [];
  const text = folded.length > MAX_CHARS ? folded.slice(0, MAX_CHARS) : folded;
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    const isWord = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c > 127 && isLetterOrDigit(text[i] ?? ''));
    if (isWord) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out.push(text.slice(start, i));
      start = -1;
      if (out.length >= MAX_WORDS) break;
    }
  }
  return out;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;
function isLetterOrDigit(ch: string): boolean {
  return LETTER_OR_DIGIT.test(ch);
}

export interface FeatureVector {
  /** Bucket indices, sorted, without repeats. */
  index: Uint32Array;
  /** The value of every present feature: 1/sqrt(number of features), so every sentence has norm 1. */
  value: number;
}

/** One feature occurrence with the word it came from, for explaining a verdict. */
export interface FeatureSource {
  bucket: number;
  /** Index of the word (for a bigram: of its first word) the feature belongs to. */
  word: number;
  /** True for a bigram (it also belongs to word + 1). */
  bigram: boolean;
}

const bigramOf = (a: string, b: string) => hashString(hashString(SEED_BIGRAM, a) ^ 32, b);

/**
 * Calls `emit` for every feature of the words, in order (with repeats): each word, the English it is also
 * read as (glossOf), and each pair of neighbouring words as read (a glossed word's English in its place;
 * "an Werbepartner" gives "an advertising" and "advertising partners"). Every feature belongs to a word:
 * a bigram across two words to the first (`bigram` true), one inside a glossed word to that word.
 */
export function eachFeature(ws: string[], buckets: number, emit: (bucket: number, word: number, bigram: boolean) => void): void {
  const mask = buckets - 1;
  let previous = '';
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i] ?? '';
    emit(hashString(SEED_WORD, w) & mask, i, false);
    const gloss = GLOSS.get(w);
    if (i > 0) emit(bigramOf(previous, gloss?.[0] ?? w) & mask, i - 1, true);
    if (gloss) {
      for (let j = 0; j < gloss.length; j++) {
        emit(hashString(SEED_WORD, gloss[j] ?? '') & mask, i, false);
        if (j > 0) emit(bigramOf(gloss[j - 1] ?? '', gloss[j] ?? '') & mask, i, false);
      }
      previous = gloss[gloss.length - 1] ?? w;
    } else previous = w;
  }
}

/** The sparse, normalised feature vector of a folded sentence, for `buckets` (a power of two) buckets. */
export function featurize(folded: string, buckets: number): FeatureVector {
  const ws = words(folded);
  const raw: number[] = [];
  eachFeature(ws, buckets, (b) => raw.push(b));
  for (const cue of cues(ws)) for (let copy = 0; copy < CUE_COPIES; copy++) raw.push(hashString(SEED_CUE + copy, cue) & (buckets - 1));
  const sorted = Uint32Array.from(raw).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i] ?? 0;
  const index = sorted.slice(0, n);
  return { index, value: n > 0 ? 1 / Math.sqrt(n) : 0 };
}

/**
 * The form of a sentence the model reads: typographically normalised, lower-cased, without Markdown
 * emphasis or heading marks. Bounded: only the first MAX_CHARS characters are folded.
 */
export function prepare(sentence: string): string {
  const head = sentence.length > MAX_CHARS ? sentence.slice(0, MAX_CHARS) : sentence;
  return foldFast(head).replace(MARKDOWN_MARKS, ' ');
}
const MARKDOWN_MARKS = /[*_`#>]+/g;
