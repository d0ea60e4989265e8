import { describe, expect, it } from 'vitest';
import { pendingChange } from './review';

const v = (id: string, reviewed = false) => ({ versionId: id, firstSeen: Number(id.slice(1)), reviewed });

describe('pendingChange', () => {
  it('has nothing pending for a policy seen once', () => {
    expect(pendingChange([v('v1')])).toBeNull();
  });

  it('compares the first version with the latest when nothing was reviewed', () => {
    const p = pendingChange([v('v1'), v('v2'), v('v3')]);
    expect(p?.baseline.versionId).toBe('v1');
    expect(p?.latest.versionId).toBe('v3');
    expect(p?.versions.map((x) => x.versionId)).toEqual(['v2', 'v3']);
  });

  it('starts from the last reviewed version', () => {
    const p = pendingChange([v('v1'), v('v2', true), v('v3'), v('v4')]);
    expect(p?.baseline.versionId).toBe('v2');
    expect(p?.versions.map((x) => x.versionId)).toEqual(['v3', 'v4']);
  });

  it('has nothing pending once the latest is reviewed', () => {
    expect(pendingChange([v('v1'), v('v2'), v('v3', true)])).toBeNull();
  });
});
