import { describe, expect, it } from 'vitest';
import { documentFromMarkdown } from '../page/markdown';
import { Change } from '../schema';
import { Budget, changeSpans, diffDocuments, matchInOrder, MAX_LEAD_ITEMS, topVoted, unitAfter } from './diff';
import { canonicalKey, splitSentences } from './sentences';

const doc = (text: string) => documentFromMarkdown(text, { url: 'https://example.com/p', language: 'en' });

const BASE = `# Policy

## Sharing

We share data with service providers. They host our servers.

We do not sell data.

## Retention

We keep data for one year.
`;

describe('diffDocuments', () => {
  it('reports a modified block with word spans marking only the edit', () => {
    const changes = diffDocuments(doc(BASE), doc(BASE.replace('with service providers', 'with service providers and advertisers')));
    expect(changes).toHaveLength(1);
    const [c] = changes;
    expect(c?.type).toBe('modified');
    expect(c?.section).toEqual(['Policy', 'Sharing']);
    // The analysis leaves a modified block's word diff to whoever shows it.
    expect(c?.spans).toEqual([]);
    expect(c && changeSpans(c).filter((s) => s.op !== 'equal').map((s) => [s.op, s.text.trim()])).toEqual([['insert', 'and advertisers']]);
    expect(() => Change.array().parse(changes)).not.toThrow();
  });

  it('reports added and removed blocks', () => {
    const added = diffDocuments(doc(BASE), doc(`${BASE}\nWe may contact you about surveys.\n`));
    expect(added.map((c) => [c.type, c.after])).toEqual([['added', 'We may contact you about surveys.']]);
    const removed = diffDocuments(doc(BASE), doc(BASE.replace('We do not sell data.\n', '')));
    expect(removed.map((c) => [c.type, c.before])).toEqual([['removed', 'We do not sell data.']]);
  });

  it('reports a section moved elsewhere as moved', () => {
    const moved = BASE.replace('## Retention\n\nWe keep data for one year.\n', '').replace('## Sharing', '## Retention\n\nWe keep data for one year.\n\n## Sharing');
    const changes = diffDocuments(doc(BASE), doc(moved));
    expect(changes.every((c) => c.type === 'moved')).toBe(true);
    expect(changes.map((c) => c.after)).toContain('We keep data for one year.');
  });

  it.each([
    ['case', BASE, BASE.replace('We do not sell data.', 'WE DO NOT SELL DATA.')],
    ['curly quotes and dashes', BASE.replace('one year.', 'one year – “always”.'), BASE.replace('one year.', 'one year - "always".')],
    ['extra spaces', BASE, BASE.replace('We do not sell data.', 'We  do not   sell data.')],
    ['a paragraph split into two blocks', BASE, BASE.replace('We share data with service providers. They host our servers.', 'We share data with service providers.\n\nThey host our servers.')],
  ])('ignores %s', (_name, older, newer) => {
    expect(diffDocuments(doc(older), doc(newer))).toEqual([]);
  });
});

describe('sentences', () => {
  it.each([
    ['We share data with partners, e.g. Google and Meta. We do not sell it.', ['We share data with partners, e.g. Google and Meta.', 'We do not sell it.']],
    ['Acme Inc. shares data with affiliates. You may object.', ['Acme Inc. shares data with affiliates.', 'You may object.']],
    ['Short line', ['Short line']],
  ])('%s', (text, expected) => {
    expect(splitSentences(text, 'en')).toEqual(expected);
  });

  it.each([
    ['1. We share data.', 'We share data!'],
    ['“Quoted” text', '"quoted" TEXT'],
    ['e-mail address', 'email address'],
    ['see https://a.example/x?utm_source=y', 'see https://a.example/x'],
  ])('canonical keys of "%s" and "%s" are equal', (a, b) => {
    expect(canonicalKey(a)).toBe(canonicalKey(b));
  });
});

describe('list items and their lead-in', () => {
  it('reads at most MAX_LEAD_ITEMS items of one list after its lead-in, then the items alone (a bound on work)', () => {
    let prev = unitAfter('paragraph', 'We share your information with:', undefined);
    const read: Array<string | undefined> = [];
    for (let i = 0; i < MAX_LEAD_ITEMS + 5; i++) {
      prev = unitAfter('list-item', `Partner ${i}`, prev);
      read.push(prev.leadIn);
    }
    expect(read.slice(0, MAX_LEAD_ITEMS).every((l) => l === 'We share your information with:')).toBe(true);
    expect(read.slice(MAX_LEAD_ITEMS)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    // A paragraph ends the list; the next list takes its own lead-in.
    prev = unitAfter('paragraph', 'We also share it with:', prev);
    expect(unitAfter('list-item', 'Advertisers', prev).leadIn).toBe('We also share it with:');
    expect(unitAfter('list-item', 'Advertisers', unitAfter('paragraph', 'We care about privacy.', prev)).leadIn).toBeUndefined();
  });
});

describe('matching blocks in order past the LCS bound', () => {
  /** The greedy match by its definition: each new key takes the first old position of that key after the last match. */
  const reference = (a: string[], b: string[]) => {
    const pairs: Array<[number, number]> = [];
    let last = -1;
    b.forEach((k, j) => {
      const i = a.findIndex((x, n) => n > last && x === k);
      if (i < 0) return;
      pairs.push([i, j]);
      last = i;
    });
    return pairs;
  };
  const letters = (n: number, seed: number, alphabet: string[]) => {
    let x = seed;
    return Array.from({ length: n }, () => {
      x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
      return alphabet[(x >>> 16) % alphabet.length] ?? 'a';
    });
  };

  // (Its cost, linear since fuzzing found it quadratic on 6 December 2026, is measured by the engine bench.)
  it('pairs thousands of one-word blocks as the greedy definition does, and says it was bounded', () => {
    const seed = 1;
    // Two random versions of 8,000 blocks over four words: more edits than the LCS is allowed (about 5,600).
    const a = letters(8_000, seed, ['a', 'b', 'c', 'd']);
    const b = letters(8_000, seed + 100, ['a', 'b', 'c', 'd']);
    const budget = new Budget();
    const pairs = matchInOrder(a, b, budget);
    expect(budget.truncated).toBe(true);
    expect(pairs).toEqual(reference(a, b));
    expect(pairs.length).toBeGreaterThan(1_500);
  });

  it('within the bound, returns a longest common subsequence (not the greedy one)', () => {
    const a = ['x', 'a', 'b', 'c'];
    const b = ['a', 'b', 'c', 'x'];
    const budget = new Budget();
    expect(matchInOrder(a, b, budget)).toEqual([[1, 0], [2, 1], [3, 2]]);
    expect(budget.truncated).toBe(false);
  });

  it('blocks found on one side only cost the LCS nothing: thousands of them leave it exact, not bounded', () => {
    // 3,000 blocks removed and 3,000 added around three kept ones: 6,000 edits, past the bound of 4,000,
    // yet none of them can pair, so the answer is exact.
    const removed = Array.from({ length: 3_000 }, (_, i) => `old ${i}`);
    const added = Array.from({ length: 3_000 }, (_, i) => `new ${i}`);
    const a = ['x', ...removed, 'y', 'z'];
    const b = [...added, 'y', 'x', 'z'];
    const budget = new Budget();
    const pairs = matchInOrder(a, b, budget);
    expect(budget.truncated).toBe(false);
    // A longest common subsequence of the kept blocks, at their own positions ("x" or "y", then "z").
    expect(pairs).toHaveLength(2);
    for (const [i, j] of pairs) expect(a[i]).toBe(b[j]);
    expect(pairs[1]).toEqual([3_002, 3_002]);
  });
});

describe('the removed sentences an added one is compared with', () => {
  it('are those with most votes, most first, ties in the order first voted for: a stable sort, cut', () => {
    let x = 7;
    const next = (n: number) => {
      x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
      return (x >>> 8) % n;
    };
    for (let round = 0; round < 200; round++) {
      const votes = Array.from({ length: 1 + next(40) }, () => next(5));
      const order = votes.map((_, i) => i);
      for (let i = order.length - 1; i > 0; i--) {
        const k = next(i + 1);
        [order[i], order[k]] = [order[k] ?? 0, order[i] ?? 0];
      }
      const k = 1 + next(10);
      const expected = [...order].sort((p, q) => (votes[q] ?? 0) - (votes[p] ?? 0)).slice(0, k);
      expect(topVoted(order, votes, k)).toEqual(expected);
    }
  });
});
