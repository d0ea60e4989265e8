import { describe, expect, it } from 'vitest';
import { documentFromMarkdown } from './page/markdown';
import { analyzeChange } from './engine';
import { hasReviewableChange, pendingChange } from './review';
import { digestOf } from './schema';

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

describe('hasReviewableChange', () => {
  const doc = (text: string) => documentFromMarkdown(text, { url: 'https://example.com/privacy', language: 'en' });
  const v1 = '# Privacy\n\nLast updated: March 3, 2024\n\nWe share your email address with service providers who host our servers.\n';

  it('is false for a date and typography update, which offers nothing to review', () => {
    const dateOnly = v1.replace('March 3, 2024', 'May 9, 2025').replace('email', 'e-mail');
    expect(hasReviewableChange(analyzeChange(doc(v1), doc(dateOnly)))).toBe(false);
  });

  it('answers the same for a change’s digest (what the history page has) as for its analysis', () => {
    const dateOnly = v1.replace('March 3, 2024', 'May 9, 2025');
    const wider = v1.replace('who host our servers.', 'who host our servers, and with advertising partners.');
    for (const [newer, reviewable] of [[dateOnly, false], [wider, true]] as const) {
      expect(hasReviewableChange(digestOf(analyzeChange(doc(v1), doc(newer))))).toBe(reviewable);
    }
  });

  it('is true for new sharing', () => {
    const wider = v1.replace('who host our servers.', 'who host our servers, and with advertising partners.');
    expect(hasReviewableChange(analyzeChange(doc(v1), doc(wider)))).toBe(true);
  });
});
