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
      <ComparisonView comparison={comparison} mode={mode} onModeChange={() => {}} onCopyMarkdown={() => {}} copyStatus="" />
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
