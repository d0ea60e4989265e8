/**
 * The training material, read from the evaluation corpus (../shared/corpus) and from our own labels
 * (data/ai-training-labels.jsonl, keyed by sentence hash), turned into sentence samples with a label per
 * head where the source says something about that head.
 *
 * Every sample carries its service's group key. A service's key is the same in every source (OPP-115's
 * "1017_foxnews.com", Open Terms Archive's "Fox News" and a C3PA policy at foxnews.com are one service),
 * so a cross-validation fold holds a whole service, whichever source mentions it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { splitSentences } from '../../lib/core/engine/sentences';
import { documentFromMarkdown } from '../../lib/core/page/markdown';
import { normalizeText } from '../../lib/core/text/normalize';
import { gateOpen, HEADS, type Head } from '../../lib/core/engine/model/heads';
import { prepare } from '../../lib/core/engine/model/features';
import { extractPolicy } from '../../lib/core/page/extract/extract';
import { loadHtmlFile } from '../lib/dom';

export type Source = 'opp115' | 'ai-labels' | 'ai-pair-labels' | 'ai-c3pa-labels' | 'sharing-labels' | 'sharing-c3pa-labels' | 'sharing-c3pa-test' | 'sharing-ota-labels' | 'sharing-ai-pair-labels' | 'written-sharing' | 'written-sharing-multi' | 'sharing-multi-labels' | 'changes' | 'c3pa';

export interface Sample {
  text: string;
  source: Source;
  /** Service key, for grouping. */
  group: string;
  /** 1, 0, or absent (the source says nothing about this head for this sentence). */
  labels: Partial<Record<Head, 0 | 1>>;
  /** Measured on, never fitted on (our single-reading sharing labels: with them in training the grouped
   *  validation was no better, so they serve as a test of the model on modern policy sentences). */
  evalOnly?: boolean;
  /** Fitted on (when the fit asks for the source), never measured on: the sentence figures leave it out. */
  fitOnly?: boolean;
  /**
   * Reported on a line of its own, left out of the overall sentence figures (our sharing labels of C3PA
   * sentences and of the AI candidates, added in the sixteenth session: so the overall figures stay
   * comparable with earlier runs).
   */
  ownLine?: boolean;
  /** OPP-115 heads for which exactly one of the three annotators tied a practice to the sentence (no label). */
  oneVote?: Head[];
  /** Heads whose gate is closed on this sentence (applyGates). */
  gated?: Head[];
  /** How the sentence stands on the practice it states, where the source says (for the stance figures). */
  stance?: 'does' | 'does-not' | 'choice';
  weight: number;
  /** Where it came from, for reports: OPP-115 "policy#segment", a change pair id, a C3PA policy id. */
  origin: string;
}

export const sentenceHash = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex').slice(0, 16);

/** One key per service across sources: lower case, no numeric prefix, no www., no common TLD, letters and digits only. */
export function serviceKey(name: string | null | undefined): string {
  // C3PA writes some addresses as the page's canonical link: "html-canonical:https://…", "html-canonical://host/…",
  // or a bare path ("html-canonical:/privacy?hl=en"), which names no service (the caller falls back).
  let n = (name ?? '').toLowerCase().replace(/^html-canonical:/, '');
  if (n.startsWith('//')) n = `https:${n}`;
  else if (n.startsWith('/')) return '';
  try {
    if (/^https?:\/\//.test(n)) n = new URL(n).hostname;
  } catch {
    /* keep the name */
  }
  return n
    .replace(/^\d+_/, '')
    .replace(/^www\./, '')
    .replace(/\.(?:com|org|net|gov|edu|co\.uk|fr|de|io|ai|info|us|tv)$/, '')
    .replace(/[^a-z0-9]/g, '');
}

/**
 * The corpus files every fit reads (`loadAll`: the expert labels, the sentences our labels are keyed to,
 * the change pairs mined for statements, whose version files missingTraining checks too). Without one of them a fold model would be fitted on less than
 * the shipped model and its figures would not be the ones reported; the callers say which is missing and
 * fit nothing.
 */
export const TRAINING_FILES = ['clauses/opp115-dev.jsonl', 'clauses/opp115-dev-practices.jsonl', 'training/ota-ai-candidates.jsonl', 'training/c3pa.jsonl', 'changes/index.jsonl'] as const;

/**
 * What a corpus folder lacks to be fitted on: the TRAINING_FILES it does not hold, and the version files
 * its change index lists that are absent (our labels are read in them), as relative paths or a count.
 * Empty when it can be fitted on.
 */
export function missingTraining(corpus: string): string[] {
  const out: string[] = TRAINING_FILES.filter((f) => !existsSync(join(corpus, f)));
  const index = join(corpus, 'changes', 'index.jsonl');
  if (existsSync(index)) {
    const listed = [...new Set(readJsonl<ChangePair>(index).flatMap((p) => [p.older.file, p.newer.file]))];
    const absent = listed.filter((f) => !existsSync(join(corpus, f)));
    if (absent.length > 0) out.push(`${absent.length} of the ${listed.length} version files changes/index.jsonl lists (${absent[0]}${absent.length > 1 ? ', ...' : ''})`);
  }
  return out;
}

export const readJsonl = <T>(path: string): T[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);

/** Sentences of a text with their offsets in it, split exactly as the engine splits block text. */
export function sentencesWithOffsets(text: string): Array<{ text: string; start: number; end: number }> {
  const out: Array<{ text: string; start: number; end: number }> = [];
  let cursor = 0;
  for (const para of text.split(/\n+/)) {
    for (const s of splitSentences(para.trim(), 'en')) {
      const at = text.indexOf(s, cursor);
      const start = at >= 0 ? at : cursor;
      out.push({ text: s, start, end: start + s.length });
      if (at >= 0) cursor = at + s.length;
    }
  }
  return out;
}

export interface OppSegment {
  policy: string;
  segment: number;
  text: string;
  categories: string[];
}
export interface OppPractice {
  policy_name: string;
  segment_id: number;
  annotator: string;
  category: string;
  attributes: Record<string, { value: string; text: string | null }>;
}

/** What OPP-115 annotators said of one sentence: per practice kind, the annotators who tied a practice to it. */
type Links = Map<string, Set<string>>;
const TIE_SHARE = 0.5;

/** An OPP-115 segment's text as the training scripts read it (each paragraph normalised), and its sentences with offsets. */
export function segmentSentences(text: string): { norm: string; sentences: Array<{ text: string; start: number; end: number }> } {
  const norm = text
    .split(/\n+/)
    .map((p) => normalizeText(p))
    .join('\n');
  return { norm, sentences: sentencesWithOffsets(norm) };
}

/**
 * How many characters of an annotator's selected text (its first occurrence in the segment) lie in each
 * sentence; zeros for a text shorter than six characters ("ads", "IP": found anywhere) or not found.
 */
function spanOverlap(norm: string, sentences: ReadonlyArray<{ start: number; end: number }>, text: string | null): number[] {
  if (!text || text.length < 6) return sentences.map(() => 0);
  const span = normalizeText(text);
  const at = norm.indexOf(span);
  return sentences.map((s) => (at < 0 ? 0 : Math.max(0, Math.min(at + span.length, s.end) - Math.max(at, s.start))));
}

/** OPP-115's practices by segment (`policy#segment`), each list in file order. */
export function practicesBySegment(practices: Iterable<OppPractice>): Map<string, OppPractice[]> {
  const byKey = new Map<string, OppPractice[]>();
  for (const p of practices) {
    const k = `${p.policy_name}#${p.segment_id}`;
    const list = byKey.get(k);
    if (list) list.push(p);
    else byKey.set(k, [p]);
  }
  return byKey;
}

/**
 * The sentences a practice is tied to, and how much of each attribute's selected text lies in each sentence.
 * A practice is tied to the sentences holding at least half as much of its selected text as the one holding
 * most: a short generic span ("personal information") found first in another sentence does not tie that
 * sentence. Undefined when none of its text is found.
 */
export function practiceTies(norm: string, sentences: ReadonlyArray<{ start: number; end: number }>, p: OppPractice): { tied: boolean[]; overlaps: Array<{ name: string; value: string; overlap: number[] }> } | undefined {
  const total = sentences.map(() => 0);
  const overlaps = Object.entries(p.attributes).map(([name, attr]) => {
    const overlap = spanOverlap(norm, sentences, attr.text);
    overlap.forEach((o, i) => (total[i] = (total[i] ?? 0) + o));
    return { name, value: attr.value, overlap };
  });
  const most = Math.max(0, ...total);
  if (most <= 0) return undefined;
  return { tied: total.map((o) => o >= most * TIE_SHARE), overlaps };
}

/**
 * OPP-115 as sentences. An annotator ties a practice to a sentence when a text span they selected for
 * it lies (partly) in that sentence. A head's label is 1 when two or three of the three annotators tied
 * a practice of that kind to the sentence, 0 when none did, and absent when only one did.
 */
export function loadOpp115(corpus: string): { samples: Sample[] } {
  const segs = readJsonl<OppSegment>(join(corpus, 'clauses', 'opp115-dev.jsonl'));
  const byKey = practicesBySegment(readJsonl<OppPractice>(join(corpus, 'clauses', 'opp115-dev-practices.jsonl')));
  const samples: Sample[] = [];
  for (const seg of segs) {
    const key = `${seg.policy}#${seg.segment}`;
    const group = serviceKey(seg.policy);
    const { norm, sentences } = segmentSentences(seg.text);
    const links: Links[] = sentences.map(() => new Map());
    const tie = (i: number, kind: string, annotator: string) => {
      const m = links[i];
      if (!m) return;
      const set = m.get(kind);
      if (set) set.add(annotator);
      else m.set(kind, new Set([annotator]));
    };
    for (const p of byKey.get(key) ?? []) {
      const kinds = practiceKinds(p);
      practiceTies(norm, sentences, p)?.tied.forEach((tied, i) => {
        if (tied) for (const kind of kinds) tie(i, kind, p.annotator);
      });
    }
    sentences.forEach((s, i) => {
      const m = links[i] ?? new Map();
      const n = (kind: string) => m.get(kind)?.size ?? 0;
      const label = (kind: string): 0 | 1 | undefined => (n(kind) >= 2 ? 1 : n(kind) === 0 ? 0 : undefined);
      const labels: Partial<Record<Head, 0 | 1>> = {};
      const set = (head: Head, v: 0 | 1 | undefined) => {
        if (v !== undefined) labels[head] = v;
      };
      set('third-party-sharing', label('sharing'));

      set('user-rights', label('rights'));

      set('advertising-profiling', label('advertising'));
      const oneVote = (['third-party-sharing', 'user-rights', 'advertising-profiling'] as const).filter((h) => n(h === 'third-party-sharing' ? 'sharing' : h === 'user-rights' ? 'rights' : 'advertising') === 1);
      // 2015 policies: nothing in OPP-115 is about training AI on users' data.
      labels['ai-training'] = 0;
      // Stance only on sentences that state some practice (two annotators or more) and say clearly how.
      let stance: Sample['stance'];
      if (n('practice') >= 2) {
        if (n('does-not') >= 2 && n('choice') === 0) stance = 'does-not';
        else if (n('choice') >= 2 && n('does-not') === 0) stance = 'choice';
        else if (n('does-not') === 0 && n('choice') === 0) stance = 'does';
      }
      samples.push({ text: s.text, source: 'opp115', group, labels, weight: 1, origin: key, ...(stance ? { stance } : {}), ...(oneVote.length ? { oneVote: [...oneVote] } : {}) });
    });
  }
  return { samples };
}

const USER_CHOICES = new Set(['Opt-out link', 'Opt-out via contacting company', 'Opt-in', 'First-party privacy controls']);

function practiceKinds(p: OppPractice): string[] {
  const kinds = ['practice'];
  const a = (name: string) => p.attributes[name]?.value;
  if (p.category === 'Third Party Sharing/Collection') kinds.push('sharing');
  if (p.category === 'Data Retention') kinds.push('retention');
  // "Your rights" as the popup means it: access, correction, deletion, and the choices the service
  // offers (opt-outs, opt-ins, its own settings); not the browser's cookie controls or "don't use it".
  if (p.category === 'User Access, Edit and Deletion' || (p.category === 'User Choice/Control' && USER_CHOICES.has(a('Choice Type') ?? ''))) kinds.push('rights');
  if (p.category === 'User Choice/Control') kinds.push('choice');
  if (p.category === 'International and Specific Audiences' && a('Audience Type') === 'Children') kinds.push('children');
  if (a('Purpose') === 'Advertising') kinds.push('advertising');
  if (a('Does/Does Not') === 'Does Not') kinds.push('does-not');
  return kinds;
}

export interface AiLabel {
  h: string;
  /** null: three readings, three answers; left out. */
  ai: 'trains' | 'denies' | 'choice' | 'none' | null;
  states_too: boolean;
  whose: string | null;
}

/** How an AI-training label stands on the practice, for the stance figures (none: it says nothing of it). */
function aiStance(l: AiLabel): Sample['stance'] {
  return l.ai === 'denies' ? 'does-not' : l.ai === 'choice' ? 'choice' : l.ai === 'trains' ? 'does' : undefined;
}

/** Our own labels of Open Terms Archive's AI candidate sentences, joined to the corpus text by hash. */
export function loadAiLabels(corpus: string, labelsFile: string): Sample[] {
  const labels = new Map(readJsonl<AiLabel>(labelsFile).map((l) => [l.h, l]));
  const rows = readJsonl<{ service: string; sentence: string }>(join(corpus, 'training', 'ota-ai-candidates.jsonl'));
  const out: Sample[] = [];
  for (const r of rows) {
    const l = labels.get(sentenceHash(r.sentence));
    if (!l?.ai) continue;
    const yes = l.ai !== 'none';
    const stance = aiStance(l);
    out.push({ text: normalizeText(r.sentence), source: 'ai-labels', group: serviceKey(r.service), labels: { 'ai-training': yes ? 1 : 0 }, weight: 1, origin: r.service, ...(stance ? { stance } : {}) });
  }
  return out;
}

/**
 * Our sharing labels of the Open Terms Archive AI candidates (data/sharing-ota-labels.jsonl): the 778 of the
 * 1,265 sentences where the sharing head's gate opens, read under sharing-labelling-guidelines.md. Today's
 * policies of 176 services speaking of AI: AI providers and sub-processors as recipients, prompts sent to a
 * model's maker, providers' own use of the data. `fit`: training data (grouped by service); `eval`: measured on.
 */
export function loadSharingOtaLabels(corpus: string, labelsFile: string, use: 'fit' | 'eval'): Sample[] {
  if (!existsSync(labelsFile)) return [];
  const labels = new Map(readJsonl<SharingLabel>(labelsFile).filter((l) => l.tp !== null).map((l) => [l.h, l]));
  const rows = readJsonl<{ service: string; sentence: string }>(join(corpus, 'training', 'ota-ai-candidates.jsonl'));
  const out: Sample[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    const l = labels.get(sentenceHash(r.sentence));
    const text = normalizeText(r.sentence);
    // Once per text as the model reads it (two services' candidates can differ only in typography).
    if (!l || seen.has(text)) continue;
    seen.add(text);
    out.push(sharingSample(text, l, { source: 'sharing-ota-labels', group: serviceKey(r.service), origin: r.service }, { ownLine: true, evalOnly: use === 'eval' }));
  }
  return out;
}

/** One sentence of ours, written (not taken from any policy) and labelled as sharing-labelling-guidelines.md says. */
export interface WrittenSharing {
  text: string;
  lang: string;
  tp: 'shares' | 'denies' | 'choice' | 'none';
  kind?: string;
}

/**
 * Sharing sentences we wrote ourselves, not taken from any policy (data/written-sharing-en.jsonl, 700 in
 * English; data/written-sharing-multi.jsonl, 1,913 in German, French, Spanish and Italian;
 * data/written-sharing-multi-2.jsonl, 781 in Spanish, Italian, Portuguese and Dutch, a test set whatever the fit
 * asks), labelled as
 * sharing-labelling-guidelines.md says. Measured on ('eval', shipped: each on a line of its own, English
 * apart from the rest), or fitted on ('fit': both; 'fit-english': the English ones, the others measured).
 * Fitted on, they did not help on real policies (scripts/train/experiments/2026-fit-variants.md). Grouped in
 * blocks of 40 per language, so an inner validation never sees a block on both sides.
 */
export function loadWrittenSharing(files: readonly string[], use: 'fit' | 'fit-english' | 'eval'): Sample[] {
  const out: Sample[] = [];
  const seen = new Set<string>();
  for (const [f, file] of files.entries()) {
    if (!existsSync(file)) continue;
    // Groups are blocks of one file; the first two files keep their names of the twenty-fourth session, so
    // the experiments that fitted on them repeat.
    const of = f < 2 ? '' : `:${basename(file)}`;
    readJsonl<WrittenSharing>(file).forEach((r, i) => {
      const text = normalizeText(r.text);
      if (!text || seen.has(text)) return;
      seen.add(text);
      const english = r.lang === 'en';
      const source = english ? ('written-sharing' as const) : ('written-sharing-multi' as const);
      // Files after the first two are test sets only: no fit takes them.
      const fitted = f < 2 && (use === 'fit' || (use === 'fit-english' && english));
      const at = { source, group: `written:${r.lang}:${Math.floor(i / 40)}${of}`, origin: `${basename(file)}:${i + 1}` };
      out.push({ ...sharingSample(text, { h: '', tp: r.tp, confidence: 'high' }, at, { ownLine: true, evalOnly: !fitted }), ...(fitted ? { fitOnly: true } : {}) });
    });
  }
  return out;
}

/** A policy version's sentences (headings left out), split as the engine splits block text. */
export function markdownSentences(md: string, lang: string): string[] {
  const doc = documentFromMarkdown(md, { url: 'corpus:', language: lang });
  return doc.blocks.filter((b) => b.kind !== 'heading').flatMap((b) => splitSentences(normalizeText(b.text), lang));
}

/** A corpus version file's sentences (markdownSentences), read and split once per run: several loaders read the same versions. */
export function versionSentences(corpus: string, file: string, lang: string): readonly string[] {
  const key = `${corpus}\0${file}\0${lang}`;
  let sentences = VERSION_SENTENCES.get(key);
  if (!sentences) VERSION_SENTENCES.set(key, (sentences = markdownSentences(readFileSync(join(corpus, file), 'utf8'), lang)));
  return sentences;
}
const VERSION_SENTENCES = new Map<string, readonly string[]>();

export interface SharingLabel {
  h: string;
  /** null: the readings did not settle it (left out). */
  tp: 'shares' | 'denies' | 'choice' | 'none' | null;
  /** The first reader's confidence (data/sharing-labels.jsonl); in the doubly read files, that of the final label. */
  confidence: 'high' | 'low';
}

function sharingStance(l: SharingLabel): Sample['stance'] {
  return l.tp === 'denies' ? 'does-not' : l.tp === 'choice' ? 'choice' : l.tp === 'shares' ? 'does' : undefined;
}

/** A sharing-head sample from one of our sharing labels (any of the files read with SharingLabel). */
function sharingSample(text: string, l: SharingLabel, at: { source: Source; group: string; origin: string }, flags: { ownLine?: boolean; evalOnly?: boolean }): Sample {
  const stance = sharingStance(l);
  return { text, ...at, labels: { 'third-party-sharing': l.tp === 'none' ? 0 : 1 }, weight: 1, ...(flags.ownLine ? { ownLine: true } : {}), ...(flags.evalOnly ? { evalOnly: true } : {}), ...(stance ? { stance } : {}) };
}

/**
 * Our labels of sharing statements in modern policies (data/sharing-labels.jsonl): sentences of the
 * change pairs' versions, found again by splitting each version as the engine does and hashing. Only the
 * labels a reader gave with confidence are used (the doubtful ones had no second reading). They are a
 * test set, not training data (Sample.evalOnly).
 */
export function loadSharingLabels(corpus: string, labelsFile: string, pairs: ChangePair[]): Sample[] {
  if (!existsSync(labelsFile)) return [];
  const labels = new Map(readJsonl<SharingLabel>(labelsFile).filter((l) => l.confidence === 'high').map((l) => [l.h, l]));
  return [...labelledPairSentences(corpus, pairs, labels, 'newer-first')].map(({ text, pair: p, label: l }) =>
    sharingSample(text, l, { source: 'sharing-labels', group: serviceKey(p.service), origin: p.id }, { evalOnly: true }),
  );
}

/**
 * Our sharing labels of the change pairs' sentences about AI (data/sharing-ai-pair-labels.jsonl; drawn by
 * scripts/train/sample-ai-recipients.ts): sentences of either version that open the sharing gate and speak
 * of AI, model makers or prompts, outside the Open Terms Archive candidates (a test set) and the gold's
 * evidence (exact copies; 56 repeat such a text of their own service, which the grouped cross-validation
 * never fits in the fold that judges them). `fit`: training data, grouped by the pair's service; `eval`:
 * measured on only.
 */
export function loadSharingAiPairLabels(corpus: string, labelsFile: string, pairs: ChangePair[], use: 'fit' | 'eval'): Sample[] {
  if (!existsSync(labelsFile)) return [];
  const labels = new Map(readJsonl<SharingLabel>(labelsFile).filter((l) => l.tp !== null).map((l) => [l.h, l]));
  return [...labelledPairSentences(corpus, pairs, labels, 'older-first')].map(({ text, pair: p, label: l }) => sharingSample(text, l, { source: 'sharing-ai-pair-labels', group: serviceKey(p.service), origin: p.id }, { ownLine: true, evalOnly: use === 'eval' }));
}

/**
 * Our AI-training labels of the development change pairs' sentences (data/ai-pair-labels.jsonl): every
 * sentence of either version that opens the AI head's gate and was not already among the Open Terms
 * Archive candidates, found again by splitting each version as the engine does and hashing. Mostly the
 * near misses a keyword reader confuses with training ("learning more about you", "train our staff",
 * "algorithms that rank content"), and the pairs' own AI statements. Training data, grouped by service.
 */
export function loadAiPairLabels(corpus: string, labelsFile: string, pairs: ChangePair[]): Sample[] {
  if (!existsSync(labelsFile)) return [];
  const labels = new Map(readJsonl<AiLabel>(labelsFile).filter((l) => l.ai !== null).map((l) => [l.h, l]));
  return [...labelledPairSentences(corpus, pairs, labels, 'older-first')].map(({ text, pair: p, label: l }) => {
    const stance = aiStance(l);
    return { text, source: 'ai-pair-labels', group: serviceKey(p.service), labels: { 'ai-training': l.ai === 'none' ? 0 : 1 }, weight: 1, origin: p.id, ...(stance ? { stance } : {}) };
  });
}

/**
 * The labelled sentences of the change pairs' versions: each version file split as the engine splits it
 * (once, whichever pairs share it), each sentence hashed and looked up, each hash yielded once.
 */
function* labelledPairSentences<L>(corpus: string, pairs: ChangePair[], labels: ReadonlyMap<string, L>, order: 'older-first' | 'newer-first'): Generator<{ text: string; pair: ChangePair; label: L }> {
  const done = new Set<string>();
  const files = new Set<string>();
  for (const pair of pairs) {
    for (const side of order === 'older-first' ? [pair.older, pair.newer] : [pair.newer, pair.older]) {
      if (files.has(side.file)) continue;
      files.add(side.file);
      for (const text of versionSentences(corpus, side.file, pair.lang)) {
        const h = sentenceHash(text);
        const label = labels.get(h);
        if (label === undefined || done.has(h)) continue;
        done.add(h);
        yield { text, pair, label };
      }
    }
  }
}

export interface ChangePair {
  id: string;
  service: string;
  lang: string;
  older: { file: string; html: string[] };
  newer: { file: string; html: string[] };
  gold: { ai_training: string; third_party_sharing: string; ai_evidence: string[]; tp_evidence: string[]; capture_artifact?: boolean };
}

export function loadChangePairs(corpus: string): ChangePair[] {
  return readJsonl<ChangePair>(join(corpus, 'changes', 'index.jsonl'));
}

/**
 * Statements mined from the development change pairs: the sentences the gold labels quote as evidence
 * of a new, wider, reworded or restricted practice are statements of that practice.
 */
export function mineChangePairs(pairs: ChangePair[]): Sample[] {
  const out: Sample[] = [];
  const seen = new Set<string>();
  for (const p of pairs) {
    const group = serviceKey(p.service);
    const add = (evidence: string[], head: Head, gold: string) => {
      if (gold === 'none') return;
      for (const e of evidence) {
        for (const s of sentencesWithOffsets(normalizeText(e.replace(/[*_`#>]+/g, ' ')))) {
          const k = `${head}|${s.text}`;
          if (seen.has(k) || s.text.length < 20) continue;
          seen.add(k);
          const labels: Partial<Record<Head, 0 | 1>> = { [head]: 1 };
          out.push({ text: s.text, source: 'changes', group, labels, weight: 1, origin: p.id });
        }
      }
    };
    add(p.gold.ai_evidence, 'ai-training', p.gold.ai_training);
    add(p.gold.tp_evidence, 'third-party-sharing', p.gold.third_party_sharing);
  }
  return out;
}

export interface C3paPassage {
  set: string;
  policy_id: number;
  policy_url: string;
  label: string;
  text: string;
}

/**
 * C3PA passages, merged per (policy, text): whether any annotator marked it as shared/disclosed or sold.
 * A policy is its set and id together (ids repeat between C3PA's two sets, DB and WS). Its group is, in
 * order: the service of another source whose sentences it repeats (at least two of 40 characters or more,
 * word for word, found in no other policy: C3PA's Google policy is YouTube's, its NextRoll policy AdRoll's),
 * else its address's service, else a key of its own; so no service's text reaches a fold that judges it.
 */
export function loadC3pa(corpus: string): readonly C3paMerged[] {
  let passages = C3PA.get(corpus);
  if (!passages) C3PA.set(corpus, (passages = readC3pa(corpus)));
  return passages;
}
/** loadC3pa's passages per corpus: the training run asks for them three times, and grouping them reads every other source. */
const C3PA = new Map<string, readonly C3paMerged[]>();

function readC3pa(corpus: string): C3paMerged[] {
  const file = join(corpus, 'training', 'c3pa.jsonl');
  if (!existsSync(file)) return [];
  const merged = new Map<string, C3paMerged>();
  const urls = new Map<string, string>();
  for (const r of readJsonl<C3paPassage>(file)) {
    const policy = `${r.set}-${r.policy_id}`;
    if (r.policy_url && !urls.has(policy)) urls.set(policy, r.policy_url);
    const k = `${policy}|${r.text}`;
    const shared = /Shared \/ Disclosed|Sold/.test(r.label) && r.label.startsWith('Categories');
    const prev = merged.get(k);
    if (prev) {
      prev.sharedOrSold ||= shared;
      prev.labels.add(r.label);
    } else merged.set(k, { text: r.text, group: '', policy, policyId: r.policy_id, ...(r.policy_url ? { url: r.policy_url } : {}), sharedOrSold: shared, labels: new Set([r.label]) });
  }
  const passages = [...merged.values()];
  const elsewhere = otherSourcesSentences(corpus);
  // Legal boilerplate (the state laws' lists of categories) recurs in many policies: a sentence found in more
  // than one C3PA policy, or in more than one service elsewhere, says nothing about whose policy this is.
  const split = passages.map((p) => [...c3paSentences(p)].map((text) => ({ text, h: sentenceHash(text) })));
  const policiesOf = new Map<string, Set<string>>();
  passages.forEach((p, i) => {
    for (const { h } of split[i] ?? []) policiesOf.set(h, (policiesOf.get(h) ?? new Set()).add(p.policy));
  });
  const shared = new Map<string, Map<string, Set<string>>>();
  passages.forEach((p, i) => {
    for (const { text, h } of split[i] ?? []) {
      const service = text.length >= 40 && (policiesOf.get(h)?.size ?? 0) === 1 ? elsewhere.get(h) : undefined;
      if (!service) continue;
      const byService = shared.get(p.policy) ?? new Map<string, Set<string>>();
      byService.set(service, (byService.get(service) ?? new Set()).add(text));
      shared.set(p.policy, byService);
    }
  });
  const groupOf = new Map<string, string>();
  for (const policy of new Set(passages.map((p) => p.policy))) {
    const best = [...(shared.get(policy) ?? new Map<string, Set<string>>())].filter(([, t]) => t.size >= 2).sort((a, b) => b[1].size - a[1].size || (a[0] < b[0] ? -1 : 1))[0];
    groupOf.set(policy, best?.[0] ?? (serviceKey(urls.get(policy)) || `c3pa-${policy.toLowerCase()}`));
  }
  for (const p of passages) p.group = groupOf.get(p.policy) ?? '';
  return passages;
}

/** Sentence hash -> service key, for the sentences of the change pairs' versions, the AI candidates and OPP-115 (a sentence of several services left out). */
function otherSourcesSentences(corpus: string): Map<string, string> {
  const out = new Map<string, string>();
  const many = new Set<string>();
  const add = (text: string, service: string) => {
    if (text.length < 40 || !service) return;
    const h = sentenceHash(text);
    const known = out.get(h);
    if (known !== undefined && known !== service) many.add(h);
    else out.set(h, service);
  };
  const index = join(corpus, 'changes', 'index.jsonl');
  if (existsSync(index))
    for (const p of loadChangePairs(corpus))
      // (A version file the index lists but the folder lacks groups nothing: missingTraining names it.)
      for (const file of [p.older.file, p.newer.file]) if (existsSync(join(corpus, file))) for (const text of versionSentences(corpus, file, p.lang)) add(text, serviceKey(p.service));
  const candidates = join(corpus, 'training', 'ota-ai-candidates.jsonl');
  if (existsSync(candidates)) for (const r of readJsonl<{ service: string; sentence: string }>(candidates)) add(normalizeText(r.sentence), serviceKey(r.service));
  const opp = join(corpus, 'clauses', 'opp115-dev.jsonl');
  if (existsSync(opp))
    for (const seg of readJsonl<OppSegment>(opp))
      for (const para of seg.text.split(/\n+/)) for (const text of splitSentences(normalizeText(para.trim()), 'en')) add(text, serviceKey(seg.policy));
  for (const h of many) out.delete(h);
  return out;
}
/** A C3PA passage with every label its annotators gave it. */
export interface C3paMerged {
  text: string;
  group: string;
  /** The policy: C3PA's set and id ("WS-12"). */
  policy: string;
  /** C3PA's id alone (it repeats between the two sets; the first label draw went by it). */
  policyId: number;
  /** The policy's address, when C3PA gives it. */
  url?: string;
  /** Marked as categories shared/disclosed or sold. */
  sharedOrSold: boolean;
  labels: Set<string>;
}

/** The sentences of a C3PA passage, paragraph by paragraph, split as the engine splits English text. */
export function* c3paSentences(p: C3paMerged): Generator<string> {
  for (const para of p.text.split(/\n+/)) yield* splitSentences(normalizeText(para.trim()), 'en');
}

/**
 * C3PA passages as sharing-head training sentences (fitOnly: the sentence figures leave them out). Its
 * labels mark passages listing categories of data (collected, shared, sold), not sharing statements, so:
 * 'all': every sentence of a passage marked shared/disclosed or sold is a positive, every other a negative;
 * 'negatives': only the sentences of passages with no shared/sold label, as negatives;
 * 'collected': only the sentences of passages marked as data collected and nothing else, as negatives.
 */
export function c3paSamples(corpus: string, mode: 'all' | 'negatives' | 'collected'): Sample[] {
  const out: Sample[] = [];
  const seen = new Set<string>();
  for (const p of loadC3pa(corpus)) {
    const shared = p.sharedOrSold;
    if (mode !== 'all' && shared) continue;
    if (mode === 'collected' && [...p.labels].some((l) => l !== 'Categories of Personal Information Collected')) continue;
    for (const text of c3paSentences(p)) {
      const k = `${p.group}|${text}`;
      if (text.length < 20 || seen.has(k)) continue;
      seen.add(k);
      out.push({ text, source: 'c3pa', group: p.group, labels: { 'third-party-sharing': shared ? 1 : 0 }, weight: 1, origin: p.policy, fitOnly: true });
    }
  }
  return out;
}

/**
 * Our AI-training labels of C3PA's sentences (data/ai-c3pa-labels.jsonl): every sentence of a C3PA passage,
 * split as c3paSamples splits it, where the AI head's gate and action open (48: C3PA's 2023 policies
 * seldom speak of models). A test of the AI head on policies of other trades (insurance, recruiting,
 * B2B data), never fitted on (Sample.evalOnly): fitted on, they left every AI figure where it was.
 */
export function loadAiC3paLabels(corpus: string, labelsFile: string): Sample[] {
  if (!existsSync(labelsFile)) return [];
  const labels = new Map(readJsonl<AiLabel>(labelsFile).filter((l) => l.ai !== null).map((l) => [l.h, l]));
  return [...labelledC3paSentences(corpus, labels)].map(({ text, passage: p, label: l }) => {
    const stance = aiStance(l);
    return { text, source: 'ai-c3pa-labels', group: p.group, labels: { 'ai-training': l.ai === 'none' ? 0 : 1 }, weight: 1, origin: p.policy, evalOnly: true, ...(stance ? { stance } : {}) };
  });
}

/** The labelled sentences of C3PA's passages, split as c3paSamples splits them, each hash yielded once. */
function* labelledC3paSentences<L>(corpus: string, labels: ReadonlyMap<string, L>): Generator<{ text: string; passage: C3paMerged; label: L }> {
  const seen = new Set<string>();
  for (const passage of loadC3pa(corpus))
    for (const text of c3paSentences(passage)) {
      const h = sentenceHash(text);
      const label = labels.get(h);
      if (label === undefined || seen.has(h)) continue;
      seen.add(h);
      yield { text, passage, label };
    }
}

/**
 * Our sharing labels of C3PA sentences (data/sharing-c3pa-labels.jsonl, drawn by sample-c3pa-sharing.ts):
 * sentences of C3PA's 2023 policies where the sharing head's gate opens, read under
 * sharing-labelling-guidelines.md, a second reading where the first hesitated. Policies of trades the other
 * sources hardly cover, and of the years of the state privacy laws. The draws up to `draws` are
 * 'sharing-c3pa-labels' (`fit`: training data, grouped by the policy's service like every source; `eval`:
 * measured on only); later draws are 'sharing-c3pa-test', always measured on only.
 */
export function loadSharingC3paLabels(corpus: string, labelsFile: string, use: 'fit' | 'fit-positives' | 'eval', draws = Number.POSITIVE_INFINITY): Sample[] {
  if (!existsSync(labelsFile)) return [];
  const labels = new Map(readJsonl<SharingLabel & { draw?: number }>(labelsFile).filter((l) => l.tp !== null).map((l) => [l.h, l]));
  return [...labelledC3paSentences(corpus, labels)].map(({ text, passage: p, label: l }) => {
    const test = (l.draw ?? 1) > draws;
    const evalOnly = test || use === 'eval' || (use === 'fit-positives' && l.tp === 'none');
    return sharingSample(text, l, { source: test ? 'sharing-c3pa-test' : 'sharing-c3pa-labels', group: p.group, origin: p.policy }, { ownLine: true, evalOnly });
  });
}

export interface ForeignPolicySentence {
  text: string;
  /** The page's site (Open Terms Archive's service name). */
  service: string;
  lang: string;
  document: string;
  /** The page's file in the corpus. */
  page: string;
  /** The heading above the sentence, and the sentence before it in its block (for a reader). */
  section: string;
  context: string;
}

/**
 * The sentences of the corpus's privacy and trackers policies in a language other than English
 * (detection/pages from Open Terms Archive: French, and one German), extracted as the extension extracts a
 * page and split as the engine splits it, first occurrence of each text only, in the index's order.
 * `pages`: only these files (extracting every page takes half a minute; the labels name theirs).
 */
export function* foreignPolicySentences(corpus: string, pages?: ReadonlySet<string>): Generator<ForeignPolicySentence> {
  const index = join(corpus, 'detection', 'index.jsonl');
  if (!existsSync(index)) return;
  const seen = new Set<string>();
  for (const r of readJsonl<{ file: string; dataset: string; document_type: string; site: string; source_url: string | null }>(index)) {
    if (r.dataset !== 'open_terms_archive' || !/^(?:Privacy|Trackers) Policy$/.test(r.document_type) || (pages && !pages.has(r.file))) continue;
    const page = loadHtmlFile(join(corpus, r.file), r.source_url);
    const res = extractPolicy(page.document, page.url);
    if (!res.ok) continue;
    const lang = res.document.language;
    if (lang === 'en' || lang === 'und') continue;
    let section = '';
    for (const b of res.document.blocks) {
      if (b.kind === 'heading') {
        section = b.text.slice(0, 160);
        continue;
      }
      let context = '';
      for (const text of splitSentences(normalizeText(b.text), lang)) {
        const h = sentenceHash(text);
        if (!seen.has(h)) {
          seen.add(h);
          yield { text, service: r.site, lang, document: r.document_type, page: r.file, section, context: context.slice(0, 240) };
        }
        context = text;
      }
    }
  }
}

/**
 * Our sharing labels of those sentences (data/sharing-multi-labels.jsonl, drawn by
 * sample-multi-sharing.ts: every one of 30-600 characters where the sharing gate opens), grouped by the
 * page's service like every source. `fit`: training data; `eval`: measured on only.
 */
export function loadSharingMultiLabels(corpus: string, labelsFile: string, use: 'fit' | 'eval'): Sample[] {
  if (!existsSync(labelsFile)) return [];
  const rows = readJsonl<SharingLabel & { page: string }>(labelsFile).filter((l) => l.tp !== null);
  const labels = new Map(rows.map((l) => [l.h, l]));
  const out: Sample[] = [];
  for (const s of foreignPolicySentences(corpus, new Set(rows.map((l) => l.page)))) {
    const l = labels.get(sentenceHash(s.text));
    if (l) out.push(sharingSample(s.text, l, { source: 'sharing-multi-labels', group: serviceKey(s.service), origin: `${s.service}|${s.document}|${s.lang}` }, { ownLine: true, evalOnly: use === 'eval' }));
  }
  // Keyed to what the extractor and the splitter make of the pages: say so if they no longer find every label.
  if (out.length < labels.size) console.warn(`our French and German page labels: ${out.length} of ${labels.size} sentences found on the pages (extraction or splitting changed, or detection/ is missing)`);
  return out;
}

/**
 * Marks the heads whose gate (heads.ts) is closed on each sample: they are not fitted there, and the
 * figures count such a sample as a "no" (a positive behind a closed gate is a miss).
 */
export function applyGates(samples: Sample[]): Sample[] {
  for (const s of samples) {
    // On the sentence as the classifier reads it (prepared), so training and use open the same gates.
    const prepared = prepare(s.text);
    const closed = HEADS.filter((head) => (s.labels[head] !== undefined || s.oneVote?.includes(head)) && !gateOpen(head, prepared));
    if (closed.length) s.gated = closed;
  }
  return samples;
}

export { HEADS };

