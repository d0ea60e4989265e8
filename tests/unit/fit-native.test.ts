/**
 * A source fitted `nativeOnly` (our labels of French and German pages) teaches the model its own
 * language's words and nothing it shares with English: not an English word, not an English gloss or a pair
 * of them, not a cue, not a bucket an English sentence reads, not the bias. (That it stays out of the class
 * balance, the naive-Bayes totals and the threshold's choice is read in fit.ts and cv.ts, not tested here:
 * any added sample changes the shuffle, so a fit with and without it cannot be compared weight for weight.)
 */
import { describe, expect, it } from 'vitest';
import { eachFeature, featurize, hashString, FNV_OFFSET, glossOf, prepare, words } from '../../lib/core/engine/model/features';
import { HEADS } from '../../lib/core/engine/model/heads';
import { DEFAULT_FIT, fit, prepareAll } from '../../scripts/train/fit';
import type { Sample } from '../../scripts/train/data';

const BUCKETS = 1 << 12;
const sample = (text: string, source: Sample['source'], y: 0 | 1): Sample => ({ text, source, group: source, labels: { 'third-party-sharing': y }, weight: 1, origin: source });
const english = sample('We share your email address with our advertising partners.', 'opp115', 1);
const french = sample('Nous partageons votre adresse électronique avec nos partenaires publicitaires.', 'sharing-multi-labels', 1);
const opts = { ...DEFAULT_FIT, buckets: BUCKETS, bags: 1, nbBlend: undefined, epochs: 3, nativeOnly: ['sharing-multi-labels' as const] };
const word = (w: string) => hashString(FNV_OFFSET, w) & (BUCKETS - 1);

describe('nativeOnly samples (FitOptions.nativeOnly)', () => {
  it('may move their own words, not their English glosses, English words or cues', () => {
    const [en, fr] = prepareAll([english, french], BUCKETS, opts);
    expect(en?.update).toBeUndefined();
    const update = new Set(fr?.update);
    expect(glossOf('partenaires')).toBeDefined();
    expect(update.has(word('partenaires'))).toBe(true);
    expect(update.has(word('partageons'))).toBe(true);
    for (const g of glossOf('partenaires') ?? []) expect(update.has(word(g))).toBe(false);
    // Cue buckets: those of the full vector that are not a word's or a pair's.
    const own = new Set<number>();
    eachFeature(words(prepare(french.text)), BUCKETS, (b) => own.add(b));
    const cueBuckets = [...featurize(prepare(french.text), BUCKETS).index].filter((b) => !own.has(b));
    expect(cueBuckets.length).toBeGreaterThan(0);
    for (const b of cueBuckets) expect(update.has(b)).toBe(false);
    // Without the option, the same sample moves everything.
    expect(prepareAll([english, french], BUCKETS, {})[1]?.update).toBeUndefined();
  });

  it('never move an English word, a pair of English-read words or any bucket an English sentence reads', () => {
    const mixed = sample('Nous partageons vos données avec nos partenaires marketing et nos annonceurs.', 'sharing-multi-labels', 1);
    const [, fr] = prepareAll([english, mixed], BUCKETS, opts);
    const update = new Set(fr?.update);
    // "marketing" is English (the English sentence below has it); "partenaires marketing" is read "partners marketing".
    const englishToo = sample('We use your data for marketing.', 'opp115', 0);
    const [, , fr2] = prepareAll([english, englishToo, mixed], BUCKETS, opts);
    expect(new Set(fr2?.update).has(word('marketing'))).toBe(false);
    const pair: number[] = [];
    eachFeature(['partners', 'marketing'], BUCKETS, (b, _w, bigram) => bigram && pair.push(b));
    expect(pair).toHaveLength(1);
    expect(new Set(fr2?.update).has(pair[0] ?? -1)).toBe(false);
    expect(update.has(word('partageons'))).toBe(true);
    // With few buckets, words collide: nothing an English sentence reads may move.
    const tiny = { ...opts, buckets: 64 };
    const [en64, , fr64] = prepareAll([english, englishToo, mixed], 64, tiny);
    const [, en64b] = prepareAll([english, englishToo], 64, tiny);
    const read = new Set([...(en64?.index ?? []), ...(en64b?.index ?? [])]);
    expect(fr64?.update?.length).toBeGreaterThan(0);
    for (const b of fr64?.update ?? []) expect(read.has(b)).toBe(false);
  });

  it('fitted alone, leave the bias and every bucket outside their own at zero', () => {
    const samples = [english, french];
    const features = prepareAll(samples, BUCKETS, opts);
    const fitted = fit(samples, features, (i) => i === 1, opts);
    const k = HEADS.indexOf('third-party-sharing');
    expect(fitted.bias[k]).toBe(0);
    const update = new Set(features[1]?.update);
    let moved = 0;
    for (let b = 0; b < BUCKETS; b++) {
      const w = fitted.weights[b * HEADS.length + k] ?? 0;
      if (w !== 0) {
        moved++;
        expect(update.has(b)).toBe(true);
      }
    }
    expect(moved).toBeGreaterThan(0);
    // Fitted as any other source, the same sentence moves its glosses too.
    const plain = fit(samples, prepareAll(samples, BUCKETS, {}), (i) => i === 1, { ...opts, nativeOnly: undefined });
    expect((glossOf('partenaires') ?? []).some((g) => (plain.weights[word(g) * HEADS.length + k] ?? 0) !== 0)).toBe(true);
  });
});
