import { describe, expect, it } from 'vitest';
import type { HistoryView } from '@/lib/extension/views';
import { defaultSelection, focusGone, orderedPair } from './history-selection';

const version = (versionId: string, firstSeen: number, contentHash = versionId.padEnd(64, '0')) => ({ versionId, firstSeen, lastSeen: firstSeen, contentHash, statedDate: null, reviewed: true, digest: null, major: 0, extractorVersion: 1, reextractedFrom: null });
const VIEW: HistoryView = {
  site: 'example.com',
  policies: [
    { policyId: 'cookies', kind: 'privacy-adjacent', url: 'https://example.com/cookies', title: 'Cookies', versions: [version('c1', 1)] },
    { policyId: 'privacy', kind: 'privacy-policy', url: 'https://example.com/privacy', title: 'Privacy', versions: [version('p1', 1), version('p2', 2), version('p3', 3)] },
  ],
};

describe('which versions the history page compares', () => {
  it('is the latest against the one before it, or the version a link names against its predecessor', () => {
    expect(defaultSelection(VIEW, null)).toEqual({ policyId: 'privacy', ids: ['p2', 'p3'] });
    expect(defaultSelection(VIEW, 'p2')).toEqual({ policyId: 'privacy', ids: ['p1', 'p2'] });
    expect(focusGone(VIEW, 'p2')).toBe(false);
  });

  it('a policy’s first version, with none before it, is picked alone: the reader picks what to compare it with', () => {
    expect(defaultSelection(VIEW, 'p1')).toEqual({ policyId: 'privacy', ids: ['p1'] });
    expect(defaultSelection(VIEW, 'c1')).toEqual({ policyId: 'cookies', ids: ['c1'] });
    expect(focusGone(VIEW, 'p1')).toBe(false);
  });

  it('a version no longer stored gives way to the latest change, which the page says it shows instead', () => {
    // Removed to free space when storage ran out (or replaced by an imported history): comparing nothing
    // would leave the reader with an empty page.
    expect(defaultSelection(VIEW, 'gone')).toEqual({ policyId: 'privacy', ids: ['p2', 'p3'] });
    expect(focusGone(VIEW, 'gone')).toBe(true);
    expect(focusGone(VIEW, null)).toBe(false);
  });

  it('puts a pick of two in time order, and needs two of one policy', () => {
    expect(orderedPair(VIEW, { policyId: 'privacy', ids: ['p3', 'p1'] })).toEqual({ olderId: 'p1', newerId: 'p3' });
    expect(orderedPair(VIEW, { policyId: 'privacy', ids: ['p3'] })).toBeNull();
    expect(orderedPair(VIEW, { policyId: 'cookies', ids: ['c1', 'p1'] })).toBeNull();
  });

  it('orders two versions of one time by their texts, as the store lists them, whichever is picked first and whatever their ids', () => {
    // Imported from another browser: two texts first seen at the same moment, listed oldest first by the store.
    const tied: HistoryView = { site: 'example.com', policies: [{ ...VIEW.policies[1]!, versions: [version('zz', 5, 'a'.repeat(64)), version('aa', 5, 'b'.repeat(64))] }] };
    expect(orderedPair(tied, { policyId: 'privacy', ids: ['aa', 'zz'] })).toEqual({ olderId: 'zz', newerId: 'aa' });
    expect(orderedPair(tied, { policyId: 'privacy', ids: ['zz', 'aa'] })).toEqual({ olderId: 'zz', newerId: 'aa' });
    expect(defaultSelection(tied, null)).toEqual({ policyId: 'privacy', ids: ['zz', 'aa'] });
    expect(defaultSelection({ ...tied, policies: [{ ...tied.policies[0]!, versions: [...tied.policies[0]!.versions].reverse() }] }, null)).toEqual({ policyId: 'privacy', ids: ['zz', 'aa'] });
  });
});
