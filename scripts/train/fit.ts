/**
 * Logistic regression for every head at once, by AdaGrad stochastic gradient descent over sparse hashed
 * features, in a fixed order drawn from a seeded generator: the same data gives the same weights, to
 * the bit, on any machine.
 */
import { featurize, prepare } from '../../lib/core/engine/model/features';
import { HEADS, type Head } from '../../lib/core/engine/model/heads';
import { linearModel, type LinearModel } from '../../lib/core/engine/model/linear';
import type { Sample } from './data';

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
}

export const DEFAULT_FIT: FitOptions = { buckets: 1 << 18, epochs: 4, rate: 0.2, l2: 2e-6, seed: 20261204, balance: 0.5 };

export interface Prepared {
  index: Uint32Array;
  value: number;
}

/** Features of every sample, computed once (training and every fold share them). */
export function prepareAll(samples: Sample[], buckets: number): Prepared[] {
  return samples.map((s) => featurize(prepare(s.text), buckets));
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Fitted {
  weights: Float32Array;
  bias: Float64Array;
}

export function fit(samples: Sample[], features: Prepared[], include: (i: number) => boolean, opts: FitOptions): Fitted {
  const H = HEADS.length;
  const weights = new Float32Array(opts.buckets * H);
  const grad2 = new Float32Array(opts.buckets * H);
  const bias = new Float64Array(H);
  const biasG2 = new Float64Array(H);
  const order: number[] = [];
  for (let i = 0; i < samples.length; i++) if (include(i) && !samples[i]?.evalOnly) order.push(i);
  // Class balance per head, from the samples in use.
  const pos = new Float64Array(H);
  const neg = new Float64Array(H);
  for (const i of order) {
    const s = samples[i];
    if (!s) continue;
    HEADS.forEach((h, k) => {
      const y = s.gated?.includes(h) ? undefined : s.labels[h];
      if (y === 1) pos[k] = (pos[k] ?? 0) + 1;
      else if (y === 0) neg[k] = (neg[k] ?? 0) + 1;
    });
  }
  const posWeight = HEADS.map((_, k) => ((pos[k] ?? 0) > 0 ? Math.max(1, ((neg[k] ?? 0) / (pos[k] ?? 1)) ** opts.balance) : 1));
  const rand = mulberry32(opts.seed);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
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
      const sw = s.weight * (opts.sourceWeight?.[s.source] ?? 1);
      for (let k = 0; k < H; k++) {
        const y = s.labels[HEADS[k] as Head];
        if (y === undefined || s.gated?.includes(HEADS[k] as Head)) continue;
        let z = bias[k] ?? 0;
        for (let n = 0; n < f.index.length; n++) z += (weights[(f.index[n] ?? 0) * H + k] ?? 0) * f.value;
        const p = 1 / (1 + Math.exp(-z));
        const g = (p - y) * sw * (y === 1 ? (posWeight[k] ?? 1) : 1);
        for (let n = 0; n < f.index.length; n++) {
          const at = (f.index[n] ?? 0) * H + k;
          const w = weights[at] ?? 0;
          const gi = g * f.value + opts.l2 * w;
          const g2 = (grad2[at] ?? 0) + gi * gi;
          grad2[at] = g2;
          weights[at] = w - (opts.rate * gi) / Math.sqrt(g2 + 1e-8);
        }
        const bg2 = (biasG2[k] ?? 0) + g * g;
        biasG2[k] = bg2;
        bias[k] = (bias[k] ?? 0) - (opts.rate * g) / Math.sqrt(bg2 + 1e-8);
      }
    }
  }
  return { weights, bias };
}

export function asModel(f: Fitted, buckets: number, threshold: number[], version = 'cv'): LinearModel {
  return linearModel({ version, buckets, heads: HEADS, bias: f.bias, threshold, weights: f.weights });
}
