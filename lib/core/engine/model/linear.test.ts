import { describe, expect, it } from 'vitest';
import file from './statement-model.json';
import { FEATURES, prepare } from './features';
import { decodeWeights, encodeWeights, loadModel, type ModelFile } from './linear';

const shipped = file as ModelFile;

describe('the statement model file', () => {
  it('is fitted on the features this code computes, and loads', () => {
    expect(shipped.features).toBe(FEATURES);
    const model = loadModel(shipped);
    const p = model.score(prepare('We may sell your personal information to data brokers.'));
    expect(p).toHaveLength(shipped.heads.length);
  });

  it('is refused when it was fitted on other features (its weights would be read against the wrong buckets)', () => {
    expect(() => loadModel({ ...shipped, features: 'words-bigrams-char4-1' })).toThrow(/npm run train/);
  });

  it('round-trips its weights through the file form up to 8-bit quantisation', () => {
    const heads = 2;
    const buckets = 16;
    const dense = new Float32Array(buckets * heads);
    dense[3 * heads] = 0.5;
    dense[3 * heads + 1] = -0.25;
    dense[11 * heads + 1] = 1;
    const enc = encodeWeights(dense, buckets, heads);
    const back = decodeWeights({ ...shipped, buckets, heads: ['a', 'b'], ...enc });
    for (let i = 0; i < dense.length; i++) expect(back[i]).toBeCloseTo(dense[i] ?? 0, 2);
  });
});
