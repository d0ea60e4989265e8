/**
 * Logistic regression for every head at once, by AdaGrad stochastic gradient descent over sparse hashed
 * features, in a fixed order drawn from a seeded generator: the same data gives the same weights, to
 * the bit, on any machine.
 */
import { eachFeature, featurize, glossOf, prepare, words } from '../../lib/core/engine/model/features';
import { HEADS, type Head } from '../../lib/core/engine/model/heads';
import { linearModel, type LinearModel } from '../../lib/core/engine/model/linear';
import type { Sample } from './data';
import { mulberry32 } from '../lib/random';

export interface FitOptions {
  buckets: number;
  epochs: number;
  /** AdaGrad base step. */
  rate: number;
  /** L2 penalty, applied to the weights a sample touches. */
  l2: number;
  seed: number;
  /** Positive-class weight exponent: positives weigh (negatives/positives)^balance. */
  balance: number;
  /** Weight of each source's samples (default 1). */
  sourceWeight?: Partial<Record<Sample['source'], number>>;
  /** Averaged SGD: the weights returned are the mean over the SGD steps of the last `average` epochs (0: the last step's). */
  average?: number;
  /** Fits with this many shuffle seeds, weights averaged (still one linear model of the same size). */
  bags?: number;
  /** Buckets present in fewer than this many of the fit's samples are left out of the fit (weight 0). */
  minCount?: number;
  /** Target for an OPP-115 sentence one annotator of three tied to a practice (Sample.oneVote); undefined: left out. */
  oneVote?: number;
  /** Weight of those one-vote samples (default 1). */
  oneVoteWeight?: number;
  /** Heads the one-vote targets apply to (default: every head with one-vote samples). */
  oneVoteHeads?: Head[];
  /** C3PA passages' sentences as sharing-head samples (data.ts c3paSamples; their weight: sourceWeight.c3pa). */
  c3pa?: 'all' | 'negatives' | 'collected';
  /**
   * Our sharing labels of C3PA sentences (data/sharing-c3pa-labels.jsonl): fitted on ('fit', shipped),
   * measured on only ('eval'), or 'fit-positives' (an experiment, worse on every measure: only the sentences
   * that speak of sharing fitted, the others measured).
   */
  sharingC3pa?: 'fit' | 'fit-positives' | 'eval';
  /** Of those labels, the draws up to this one are used as above; later ones are only measured on (default: all used). */
  sharingC3paDraws?: number;
  /**
   * Our sharing labels of the Open Terms Archive AI candidates (data/sharing-ota-labels.jsonl): measured on
   * ('eval', shipped), or fitted on ('fit', an experiment that cost sharing alerts).
   */
  sharingOta?: 'fit' | 'eval';
  /** Sharing sentences we wrote ourselves (data.ts loadWrittenSharing): measured on ('eval', shipped) or fitted on; weight: sourceWeight['written-sharing'] and ['written-sharing-multi']. */
  writtenSharing?: 'fit' | 'fit-english' | 'eval';
  /**
   * Sources whose samples move only their own language's features (prepareAll): not English words, the
   * English glosses, the cues or the bias, so that they teach the model their language without changing how
   * it reads English.
   */
  nativeOnly?: Sample['source'][];
  /** Our sharing labels of the corpus's French and German policy pages (data/sharing-multi-labels.jsonl): measured on ('eval') or fitted on; weight: sourceWeight['sharing-multi-labels']. */
  sharingMulti?: 'fit' | 'eval';
  /** Our sharing labels of the change pairs' sentences about AI (data/sharing-ai-pair-labels.jsonl): fitted on or measured on. */
  sharingAiPairs?: 'fit' | 'eval';
  /**
   * Naive-Bayes feature scaling (NBSVM, Wang and Manning 2012), with this smoothing: each feature of head k
   * is scaled by the log ratio of its frequency among k's positives to that among its negatives, counted on
   * the samples in use; the scale is folded into the weights at the end, so the model keeps its form.
   */
  nb?: number;
  /** The scales above raised to this power (default 1). */
  nbPower?: number;
  /**
   * The mean of the weights fitted without and with naive-Bayes scaling (`nb` = this smoothing): one linear
   * model of the same form. Shipped since the fifteenth session (experiments/2026-fit-variants.md).
   */
  nbBlend?: number;
}

/**
 * The shipped fit. Our sharing labels of C3PA sentences (both draws) are fitted on at half weight since the
 * sixteenth session (experiments/2026-fit-variants.md: 0.5 and 1 compared on the change alerts at four seeds,
 * 0.25, 0.3 and 2 on sentence figures or fewer seeds). Each fit is the mean of three with consecutive shuffle
 * seeds (`bags` 3) since the seventeenth session: fewer verdicts that flip with the seed, change alerts the
 * same or better at four seeds (experiments/2026-fit-variants.md).
 */
export const DEFAULT_FIT: FitOptions = { buckets: 1 << 18, epochs: 4, rate: 0.2, l2: 2e-6, seed: 20261204, balance: 0.5, nbBlend: 3, bags: 3, sharingC3pa: 'fit', sharingC3paDraws: 2, sourceWeight: { 'sharing-c3pa-labels': 0.5 } };

export interface Prepared {
  index: Uint32Array;
  value: number;
  /** The buckets this sample may move (FitOptions.nativeOnly); absent: all of them, and the bias. */
  update?: Uint32Array;
}

/**
 * Features of every sample, computed once (training and every fold share them). For a sample of a
 * `nativeOnly` source, also the buckets it may move: those of its own language's words, not those it shares
 * with English (its English glosses, a bigram of two English-read words, English words, the cues), and no
 * bucket that an English sentence of any other source reads (hashing puts unrelated features in one bucket).
 * A sentence is English here when none of its words has a gloss (gloss.json's words are none of English).
 */
export function prepareAll(samples: Sample[], buckets: number, opts?: Pick<FitOptions, 'nativeOnly'>): Prepared[] {
  const native = new Set(opts?.nativeOnly ?? []);
  const prepared = samples.map((s) => prepare(s.text));
  const all = prepared.map((p) => featurize(p, buckets) as Prepared);
  if (native.size === 0 || !samples.some((s) => native.has(s.source))) return all;
  const english = new Set<string>();
  const read = new Uint8Array(buckets);
  samples.forEach((s, i) => {
    if (native.has(s.source)) return;
    const ws = words(prepared[i] ?? '');
    if (ws.some((w) => glossOf(w))) return;
    for (const w of ws) english.add(w);
    for (const b of all[i]?.index ?? []) read[b] = 1;
  });
  samples.forEach((s, i) => {
    const f = all[i];
    if (!f || !native.has(s.source)) return;
    const ws = words(prepared[i] ?? '');
    // The sentence as English reads it: glossed words as their English, English words as they are, the rest dropped.
    const shared = new Set(featurize(ws.flatMap((w) => glossOf(w) ?? (english.has(w) ? [w] : [])).join(' '), buckets).index);
    // The cues: the buckets that are not those of a word or a pair of words.
    const own = new Set<number>();
    eachFeature(ws, buckets, (b) => own.add(b));
    for (const b of f.index) if (!own.has(b)) shared.add(b);
    f.update = f.index.filter((b) => !shared.has(b) && read[b] !== 1);
  });
  return all;
}

export interface Fitted {
  weights: Float32Array;
  bias: Float64Array;
}

/** Fits once per bag (seeds seed, seed + 1, ...) and averages the weights and biases. */
export function fit(samples: Sample[], features: Prepared[], include: (i: number) => boolean, opts: FitOptions): Fitted {
  // An explicit `nb` is one scaled fit (experiments); the blend applies when it is not set.
  if (opts.nbBlend && opts.nb === undefined) {
    const a = fit(samples, features, include, { ...opts, nbBlend: undefined, nb: undefined });
    const b = fit(samples, features, include, { ...opts, nbBlend: undefined, nb: opts.nbBlend });
    for (let i = 0; i < a.weights.length; i++) a.weights[i] = ((a.weights[i] ?? 0) + (b.weights[i] ?? 0)) / 2;
    for (let k = 0; k < a.bias.length; k++) a.bias[k] = ((a.bias[k] ?? 0) + (b.bias[k] ?? 0)) / 2;
    return a;
  }
  const bags = Math.max(1, opts.bags ?? 1);
  if (bags === 1) return fitOnce(samples, features, include, opts);
  const sum: Fitted = { weights: new Float32Array(opts.buckets * HEADS.length), bias: new Float64Array(HEADS.length) };
  for (let b = 0; b < bags; b++) {
    const f = fitOnce(samples, features, include, { ...opts, seed: opts.seed + b });
    for (let i = 0; i < f.weights.length; i++) sum.weights[i] = (sum.weights[i] ?? 0) + (f.weights[i] ?? 0) / bags;
    for (let k = 0; k < f.bias.length; k++) sum.bias[k] = (sum.bias[k] ?? 0) + (f.bias[k] ?? 0) / bags;
  }
  return sum;
}

/** The training target of head h on sample s and the extra weight it carries, or undefined (not fitted there). */
function target(s: Sample, h: Head, opts: FitOptions): [number, number] | undefined {
  if (s.gated?.includes(h)) return undefined;
  const y = s.labels[h];
  if (y !== undefined) return [y, 1];
  if (opts.oneVote !== undefined && s.oneVote?.includes(h) && (!opts.oneVoteHeads || opts.oneVoteHeads.includes(h))) return [opts.oneVote, opts.oneVoteWeight ?? 1];
  return undefined;
}

function fitOnce(samples: Sample[], features: Prepared[], include: (i: number) => boolean, opts: FitOptions): Fitted {
  const H = HEADS.length;
  const weights = new Float32Array(opts.buckets * H);
  const grad2 = new Float32Array(opts.buckets * H);
  const bias = new Float64Array(H);
  const biasG2 = new Float64Array(H);
  const order: number[] = [];
  const pruned: Array<Uint32Array | undefined> = [];
  for (let i = 0; i < samples.length; i++) if (include(i) && !samples[i]?.evalOnly) order.push(i);
  // Class balance per head, from the samples in use (hard labels, counted by their source's weight); with
  // naive-Bayes scaling (opts.nb), also how many positive and negative samples each bucket is found in.
  const pos = new Float64Array(H);
  const neg = new Float64Array(H);
  const nb = opts.nb && opts.nb > 0 ? { pc: new Float32Array(opts.buckets * H), nc: new Float32Array(opts.buckets * H), pn: new Float64Array(H), nn: new Float64Array(H) } : undefined;
  for (const i of order) {
    const s = samples[i];
    if (!s) continue;
    const sw = s.weight * (opts.sourceWeight?.[s.source] ?? 1);
    // The class balance and the naive-Bayes totals are shared with English: a nativeOnly source moves neither.
    if (features[i]?.update) continue;
    HEADS.forEach((h, k) => {
      const y = s.gated?.includes(h) ? undefined : s.labels[h];
      if (y === 1) pos[k] = (pos[k] ?? 0) + sw;
      else if (y === 0) neg[k] = (neg[k] ?? 0) + sw;
      if (!nb || y === undefined) return;
      const [counts, totals] = y === 1 ? [nb.pc, nb.pn] : [nb.nc, nb.nn];
      totals[k] = (totals[k] ?? 0) + 1;
      for (const b of features[i]?.index ?? []) counts[b * H + k] = (counts[b * H + k] ?? 0) + 1;
    });
  }
  // Buckets seen in too few of the samples in use are not fitted.
  let keep: Uint8Array | undefined;
  if ((opts.minCount ?? 0) > 1) {
    const count = new Uint16Array(opts.buckets);
    // A nativeOnly sample does not make a bucket common enough to fit.
    for (const i of order) if (!features[i]?.update) for (const b of features[i]?.index ?? []) if ((count[b] ?? 0) < 65535) count[b] = (count[b] ?? 0) + 1;
    keep = new Uint8Array(opts.buckets);
    for (let b = 0; b < opts.buckets; b++) keep[b] = (count[b] ?? 0) >= (opts.minCount ?? 0) ? 1 : 0;
    for (const i of order) {
      const f = features[i];
      if (f) pruned[i] = f.index.filter((b) => keep?.[b] === 1);
    }
  }
  // Naive-Bayes scales (opts.nb): per bucket and head, the log ratio of document frequencies.
  let scale: Float32Array | undefined;
  if (nb) {
    const a = opts.nb ?? 0;
    scale = new Float32Array(opts.buckets * H);
    for (let b = 0; b < opts.buckets; b++)
      for (let k = 0; k < H; k++) {
        const at = b * H + k;
        scale[at] = Math.abs(Math.log(((nb.pc[at] ?? 0) + a) / ((nb.pn[k] ?? 0) + 2 * a)) - Math.log(((nb.nc[at] ?? 0) + a) / ((nb.nn[k] ?? 0) + 2 * a))) ** (opts.nbPower ?? 1);
      }
  }
  const posWeight = HEADS.map((_, k) => ((pos[k] ?? 0) > 0 ? Math.max(1, ((neg[k] ?? 0) / (pos[k] ?? 1)) ** opts.balance) : 1));
  const rand = mulberry32(opts.seed);
  // Averaged SGD, lazily: sum[at] gathers each weight times the steps it held its value since last[at].
  const avgFrom = opts.average && opts.average > 0 ? Math.max(0, opts.epochs - opts.average) : Number.POSITIVE_INFINITY;
  let sum: Float64Array | undefined;
  let last: Float64Array | undefined;
  const biasSum = new Float64Array(H);
  let step = 0;
  let step0 = 0;
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    if (epoch === avgFrom) {
      sum = new Float64Array(opts.buckets * H);
      last = new Float64Array(opts.buckets * H);
      step0 = step;
      last.fill(step0);
    }
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      const t = order[i] ?? 0;
      order[i] = order[j] ?? 0;
      order[j] = t;
    }
    for (const i of order) {
      const s = samples[i];
      const f = features[i];
      if (!s || !f) continue;
      const index = pruned[i] ?? f.index;
      const sw = s.weight * (opts.sourceWeight?.[s.source] ?? 1);
      for (let k = 0; k < H; k++) {
        const t = target(s, HEADS[k] as Head, opts);
        if (t === undefined) continue;
        const [y, extra] = t;
        let z = bias[k] ?? 0;
        for (let n = 0; n < index.length; n++) {
          const at = (index[n] ?? 0) * H + k;
          z += (weights[at] ?? 0) * f.value * (scale ? (scale[at] ?? 1) : 1);
        }
        const p = 1 / (1 + Math.exp(-z));
        // Gradient of the class-weighted log loss (positives weigh posWeight), for a target y in [0, 1].
        const pw = posWeight[k] ?? 1;
        const g = y === 1 ? (p - 1) * sw * pw * extra : y === 0 ? p * sw * extra : (p * (pw * y + 1 - y) - pw * y) * sw * extra;
        const moves = f.update ? (keep ? f.update.filter((b) => keep?.[b] === 1) : f.update) : index;
        for (let n = 0; n < moves.length; n++) {
          const at = (moves[n] ?? 0) * H + k;
          const w = weights[at] ?? 0;
          if (sum && last) {
            sum[at] = (sum[at] ?? 0) + w * (step - (last[at] ?? 0));
            last[at] = step;
          }
          // The penalty weighs as much as the sample does (a down-weighted source is not regularised at full strength).
          const gi = g * f.value * (scale ? (scale[at] ?? 1) : 1) + opts.l2 * sw * extra * w;
          const g2 = (grad2[at] ?? 0) + gi * gi;
          grad2[at] = g2;
          weights[at] = w - (opts.rate * gi) / Math.sqrt(g2 + 1e-8);
        }
        if (f.update) continue;
        const bg2 = (biasG2[k] ?? 0) + g * g;
        biasG2[k] = bg2;
        bias[k] = (bias[k] ?? 0) - (opts.rate * g) / Math.sqrt(bg2 + 1e-8);
      }
      step++;
      if (sum) for (let k = 0; k < H; k++) biasSum[k] = (biasSum[k] ?? 0) + (bias[k] ?? 0);
    }
  }
  if (sum && last && step > step0) {
    const n = step - step0;
    for (let at = 0; at < weights.length; at++) weights[at] = ((sum[at] ?? 0) + (weights[at] ?? 0) * (step - (last[at] ?? 0))) / n;
    for (let k = 0; k < H; k++) bias[k] = (biasSum[k] ?? 0) / n;
  }
  if (scale) for (let at = 0; at < weights.length; at++) weights[at] = (weights[at] ?? 0) * (scale[at] ?? 1);
  return { weights, bias };
}

export function asModel(f: Fitted, buckets: number, threshold: number[], version = 'cv'): LinearModel {
  return linearModel({ version, buckets, heads: HEADS, bias: f.bias, threshold, weights: f.weights });
}
