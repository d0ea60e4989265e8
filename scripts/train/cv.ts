/**
 * Grouped cross-validation: every service (across all sources, see data.ts serviceKey) falls in one of
 * K folds by a hash of its key; fold k's model is fitted on the other folds only, and every figure is
 * computed from the predictions of the model that never saw that service.
 */
import { HEADS, type Head } from '../../lib/core/engine/model/heads';
import type { LinearModel } from '../../lib/core/engine/model/linear';
import { FNV_OFFSET, hashString, prepare } from '../../lib/core/engine/model/features';
import type { Sample } from './data';
import { asModel, fit, type FitOptions, type Prepared } from './fit';

export const FOLDS = 5;

export function foldOf(group: string, folds = FOLDS): number {
  return hashString(FNV_OFFSET, group) % folds;
}

export const DEFAULT_THRESHOLDS = HEADS.map(() => 0.5);

const GRID = Array.from({ length: 15 }, (_, i) => 0.2 + i * 0.05);

/**
 * How much more a head's threshold values recall than precision (the beta of F-beta). A missed "we may
 * train AI on your content" fails the user silently, whereas a false alarm costs a glance at a quoted
 * sentence; #17's own targets ask more recall than precision of both alert categories.
 */
export const RECALL_WEIGHT: Partial<Record<Head, number>> = { 'ai-training': 1.5 };

function fBeta(tp: number, fp: number, fn: number, beta: number): number {
  const b2 = beta * beta;
  const d = (1 + b2) * tp + b2 * fn + fp;
  return d ? ((1 + b2) * tp) / d : 0;
}

/**
 * Per head, the threshold with the best F1 on out-of-fold predictions made inside the samples in use
 * (an inner grouped cross-validation), so a threshold is never chosen on the data it is judged on.
 */
export function chooseThresholds(samples: Sample[], features: Prepared[], include: (i: number) => boolean, opts: FitOptions, salt: string): number[] {
  const INNER = 4;
  const innerFold = (i: number) => foldOf(`${salt}|${samples[i]?.group ?? ''}`, INNER);
  const probs: Array<Float64Array | undefined> = new Array(samples.length);
  for (let k = 0; k < INNER; k++) {
    const fitted = fit(samples, features, (i) => include(i) && innerFold(i) !== k, opts);
    const model = asModel(fitted, opts.buckets, DEFAULT_THRESHOLDS);
    samples.forEach((s, i) => {
      if (include(i) && innerFold(i) === k) probs[i] = model.scoreFeatures(features[i] as Prepared);
    });
  }
  return HEADS.map((head, k) => {
    let best = 0.5;
    let bestF1 = -1;
    for (const t of GRID) {
      let tp = 0;
      let fp = 0;
      let fn = 0;
      samples.forEach((s, i) => {
        // A threshold only matters where the head's gate is open.
        // A nativeOnly source moves neither the bias nor the threshold: both are shared with English.
        const y = s.gated?.includes(head) || s.evalOnly || s.fitOnly || opts.nativeOnly?.includes(s.source) ? undefined : s.labels[head];
        const p = probs[i];
        if (y === undefined || !p) return;
        const yes = (p[k] ?? 0) >= t;
        if (yes && y === 1) tp++;
        else if (yes) fp++;
        else if (y === 1) fn++;
      });
      const f1 = fBeta(tp, fp, fn, RECALL_WEIGHT[head] ?? 1);
      if (f1 > bestF1 + 1e-9) {
        bestF1 = f1;
        best = Math.round(t * 100) / 100;
      }
    }
    return best;
  });
}

/** One model per fold, each fitted (weights and thresholds) without that fold's services. */
export function foldModels(samples: Sample[], features: Prepared[], opts: FitOptions): LinearModel[] {
  const models: LinearModel[] = [];
  for (let k = 0; k < FOLDS; k++) {
    const include = (i: number) => foldOf(samples[i]?.group ?? '') !== k;
    const thresholds = chooseThresholds(samples, features, include, opts, `fold-${k}`);
    const fitted = fit(samples, features, include, opts);
    models.push(asModel(fitted, opts.buckets, thresholds, `cv-fold-${k}`));
  }
  return models;
}

export interface Prf {
  tp: number;
  fp: number;
  fn: number;
  p: number;
  r: number;
  f1: number;
}
export function prf(tp: number, fp: number, fn: number): Prf {
  const p = tp + fp ? tp / (tp + fp) : 1;
  const r = tp + fn ? tp / (tp + fn) : 1;
  return { tp, fp, fn, p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}
/** Precision, recall and F1 of `said` against `gold` over the items whose gold is known. */
export function tally<T>(items: Iterable<T>, said: (x: T) => boolean, gold: (x: T) => boolean | undefined): Prf {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const x of items) {
    const g = gold(x);
    if (g === undefined) continue;
    const yes = said(x);
    if (yes && g) tp++;
    else if (yes) fp++;
    else if (g) fn++;
  }
  return prf(tp, fp, fn);
}

export const fmt = (x: Prf) => `P ${x.p.toFixed(3)} R ${x.r.toFixed(3)} F1 ${x.f1.toFixed(3)} (tp ${x.tp}, fp ${x.fp}, fn ${x.fn})`;

/** Out-of-fold probabilities for every sample: oof[i][k] for head k. */
export function outOfFold(samples: Sample[], models: LinearModel[]): Float64Array[] {
  return samples.map((s) => {
    const p = models[foldOf(s.group)]?.score(prepare(s.text)) ?? new Float64Array(HEADS.length);
    // Behind a closed gate the head says no, as the classifier does.
    for (const h of s.gated ?? []) p[HEADS.indexOf(h)] = 0;
    return p;
  });
}

/** Sentence-level P/R/F1 of one head over the samples that carry its label (optionally one source). */
export function headFigures(samples: Sample[], probs: Float64Array[], head: Head, thresholdOf: (i: number) => number, source?: Sample['source'], where?: (s: Sample) => boolean): Prf {
  const k = HEADS.indexOf(head);
  return tally(
    samples.keys(),
    (i) => (probs[i]?.[k] ?? 0) >= thresholdOf(i),
    (i) => {
      const s = samples[i];
      const y = s?.labels[head];
      // Without a source: every sample but the fit-only ones and those reported on a line of their own.
      return !s || (source ? s.source !== source : s.fitOnly || s.ownLine) || (where && !where(s)) || y === undefined ? undefined : y === 1;
    },
  );
}
