import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { analyzeChange } from '@/lib/core/engine';
import { documentFromMarkdown } from '@/lib/core/page/markdown';
import type { Comparison } from '@/lib/extension/views';
import { ComparisonView } from './ComparisonView';
import { WordsProvider } from './words';

const doc = (text: string) => documentFromMarkdown(text, { url: 'https://example.com/privacy', language: 'en' });
const older = doc('# Privacy\n\n## Sharing\n\nWe share data with service providers. They host our servers.\n');
const newer = doc('# Privacy\n\n## Sharing\n\nWe share data with advertising partners. They host our servers.\n');

function render(mode: 'inline' | 'side-by-side'): string {
  const comparison: Comparison = {
    older: { versionId: 'v1', firstSeen: Date.UTC(2026, 0, 1), document: older },
    newer: { versionId: 'v2', firstSeen: Date.UTC(2026, 5, 1), document: newer },
    analysis: analyzeChange(older, newer),
  };
  return renderToString(
    <WordsProvider locale="en">
      <ComparisonView comparison={comparison} mode={mode} onModeChange={() => {}} onCopyMarkdown={() => {}} status="" />
    </WordsProvider>,
  );
}

/** The HTML from the text view's element on, which comes after the findings. */
function textView(html: string, marker: string): string {
  const at = html.indexOf(marker);
  expect(at).toBeGreaterThan(0);
  return html.slice(at);
}

describe('the text of a comparison', () => {
  it('marks the words a modified block changed, which the analysis leaves to the page', () => {
    expect(analyzeChange(older, newer).changes.find((c) => c.type === 'modified')?.spans).toEqual([]);
    // Only the text view (the finding cards above it quote the changed sentence with its own marks).
    const inline = textView(render('inline'), 'class="changes"');
    const sideBySide = textView(render('side-by-side'), 'class="side-by-side"');
    for (const html of [inline, sideBySide]) expect(html).toMatch(/<ins>[^<]*advertising partners[^<]*<\/ins>/);
    expect(inline).toMatch(/<del>[^<]*service providers[^<]*<\/del>/);
  });
});

describe('side by side, the same paragraph in two sections', () => {
  const TWIN = 'We keep this data for two years after your last purchase.';
  const before = doc(`# Privacy\n\n## Orders\n\n${TWIN}\n\n## Payment\n\n${TWIN}\n`);
  const after = doc(`# Privacy\n\n## Orders\n\n${TWIN}\n\n## Payment\n\n${TWIN.replace('two years', 'ten years')}\n`);
  it('marks only the one that changed, in both columns', () => {
    const analysis = analyzeChange(before, after);
    expect(analysis.changes.filter((c) => c.type === 'modified')).toHaveLength(1);
    const html = renderToString(
      <WordsProvider locale="en">
        <ComparisonView comparison={{ older: { versionId: 'v1', firstSeen: Date.UTC(2026, 0, 1), document: before }, newer: { versionId: 'v2', firstSeen: Date.UTC(2026, 5, 1), document: after }, analysis }} mode="side-by-side" onModeChange={() => {}} onCopyMarkdown={() => {}} status="" />
      </WordsProvider>,
    );
    const columns = textView(html, 'class="side-by-side"').split('<section').slice(1);
    expect(columns).toHaveLength(2);
    for (const column of columns) {
      expect(column.match(/doc-block changed/g)).toHaveLength(1);
      // The marked one is the Payment paragraph: the last block of the column.
      const blocks = column.split('<p class="doc-block');
      expect(blocks.at(-1)).toMatch(/^ changed/);
    }
  });
});

describe('two versions with the same text', () => {
  // A policy that changed and changed back keeps both identical versions, and the history page compares any two.
  it('reads as no change at all, not as a formatting change', () => {
    const comparison: Comparison = {
      older: { versionId: 'v1', firstSeen: Date.UTC(2026, 0, 1), document: older },
      newer: { versionId: 'v3', firstSeen: Date.UTC(2026, 5, 1), document: older },
      analysis: analyzeChange(older, older),
    };
    const html = renderToString(
      <WordsProvider locale="en">
        <ComparisonView comparison={comparison} mode="inline" onModeChange={() => {}} onCopyMarkdown={() => {}} status="" />
      </WordsProvider>,
    );
    expect(html).toContain('The two versions have the same text: nothing changed.');
    expect(html).toContain('No differences in the text.');
    expect(html).not.toContain('Only formatting or wording changed');
  });
});
