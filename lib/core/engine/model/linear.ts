/**
 * A linear model over hashed features (features.ts): one logistic-regression head per question ("is
 * this sentence about sharing with third parties", "...about training AI", ...).
 *
 * Weights are stored quantised to 8 bits per head, only for the buckets that some head uses, and
 * decoded once. Scoring a sentence is one pass over its features: a few hundred table reads.
 */
import { eachFeature, FEATURES, featurize, words, type FeatureVector } from './features';

/** The model file (lib/core/engine/model/statement-model.json), as `npm run train` writes it. */
export interface ModelFile {
  format: 'clausewatch-linear';
  /** Changes whenever the weights change; recorded with analyses that used it. */
  version: string;
  /** The features it was fitted on (features.ts FEATURES). */
  features: string;
  buckets: number;
  heads: string[];
  bias: number[];
  /** Per head: the weight of quantised value 1 (weights are int8 × scale). */
  scale: number[];
  /** Per head: the probability at or above which the head says yes. */
  threshold: number[];
  /** Used buckets, ascending, as base64 of unsigned LEB128 deltas. */
  index: string;
  /** For each used bucket, one int8 per head, as base64. */
  weights: string;
}

export interface LinearModel {
  version: string;
  heads: readonly string[];
  /** Probability per head. */
  score(folded: string): Float64Array;
  /** Probability per head from ready features (training uses this). */
  scoreFeatures(f: FeatureVector): Float64Array;
  readonly threshold: ArrayLike<number>;
  /** Whether each head says yes. */
  decide(probabilities: Float64Array): boolean[];
  /** The words that pushed `head` towards yes the most (at most `max`), in sentence order. */
  explain(folded: string, head: number, max?: number): string[];
}

function fromBase64(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) s += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(s);
}

/** Dense float weights (bucket-major: weights[bucket * heads + head]) from the file's sparse int8 form. */
export function decodeWeights(file: ModelFile): Float32Array {
  const h = file.heads.length;
  const dense = new Float32Array(file.buckets * h);
  const idx = fromBase64(file.index);
  const w = new Int8Array(fromBase64(file.weights).buffer);
  let bucket = 0;
  let p = 0;
  let row = 0;
  while (p < idx.length) {
    let delta = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = idx[p++] ?? 0;
      delta |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    bucket += delta;
    for (let k = 0; k < h; k++) dense[bucket * h + k] = (w[row * h + k] ?? 0) * (file.scale[k] ?? 0);
    row++;
  }
  return dense;
}

/** The sparse int8 file form of dense float weights (the inverse of decodeWeights, up to quantisation). */
export function encodeWeights(dense: Float32Array, buckets: number, heads: number): { index: string; weights: string; scale: number[] } {
  const scale: number[] = [];
  for (let k = 0; k < heads; k++) {
    let max = 0;
    for (let b = 0; b < buckets; b++) max = Math.max(max, Math.abs(dense[b * heads + k] ?? 0));
    scale.push(max > 0 ? max / 127 : 1);
  }
  const idx: number[] = [];
  const w: number[] = [];
  let last = 0;
  for (let b = 0; b < buckets; b++) {
    const q: number[] = [];
    let any = false;
    for (let k = 0; k < heads; k++) {
      const v = Math.round((dense[b * heads + k] ?? 0) / (scale[k] ?? 1));
      q.push(v);
      if (v !== 0) any = true;
    }
    if (!any) continue;
    let delta = b - last;
    last = b;
    do {
      let byte = delta & 0x7f;
      delta >>>= 7;
      if (delta) byte |= 0x80;
      idx.push(byte);
    } while (delta);
    for (const v of q) w.push(v & 0xff);
  }
  return { index: toBase64(Uint8Array.from(idx)), weights: toBase64(Uint8Array.from(w)), scale };
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** A model from dense weights (training and cross-validation use this directly, unquantised). */
export function linearModel(spec: { version: string; buckets: number; heads: readonly string[]; bias: ArrayLike<number>; threshold: ArrayLike<number>; weights: Float32Array }): LinearModel {
  const { buckets, heads, bias, threshold, weights } = spec;
  const h = heads.length;
  return {
    version: spec.version,
    heads,
    threshold,
    score(folded) {
      return this.scoreFeatures(featurize(folded, buckets));
    },
    scoreFeatures(f) {
      const out = new Float64Array(h);
      for (let k = 0; k < h; k++) out[k] = bias[k] ?? 0;
      for (let i = 0; i < f.index.length; i++) {
        const base = (f.index[i] ?? 0) * h;
        for (let k = 0; k < h; k++) out[k] = (out[k] ?? 0) + (weights[base + k] ?? 0) * f.value;
      }
      for (let k = 0; k < h; k++) out[k] = sigmoid(out[k] ?? 0);
      return out;
    },
    decide(p) {
      return Array.from(p, (v, k) => v >= (threshold[k] ?? 0.5));
    },
    explain(folded, head, max = 3) {
      const ws = words(folded);
      const contribution = new Float64Array(ws.length);
      eachFeature(ws, buckets, (bucket, word, bigram) => {
        const v = weights[bucket * h + head] ?? 0;
        if (bigram) {
          contribution[word] = (contribution[word] ?? 0) + v / 2;
          contribution[word + 1] = (contribution[word + 1] ?? 0) + v / 2;
        } else contribution[word] = (contribution[word] ?? 0) + v;
      });
      const ranked = [...contribution.keys()].filter((i) => (contribution[i] ?? 0) > 0 && (ws[i]?.length ?? 0) > 2).sort((a, b) => (contribution[b] ?? 0) - (contribution[a] ?? 0) || a - b);
      return ranked
        .slice(0, max)
        .sort((a, b) => a - b)
        .map((i) => ws[i] ?? '');
    },
  };
}

/** The model a file describes; an error for a file fitted on other features than this code computes. */
export function loadModel(file: ModelFile): LinearModel {
  if (file.features !== FEATURES) throw new Error(`statement model ${file.version} was fitted on features "${String(file.features)}", not "${FEATURES}": run npm run train`);
  return linearModel({ version: file.version, buckets: file.buckets, heads: file.heads, bias: file.bias, threshold: file.threshold, weights: decodeWeights(file) });
}
