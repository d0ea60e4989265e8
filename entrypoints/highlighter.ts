/**
 * "Show on page": injected into the policy's tab by the background right after it sets
 * `__clausewatchQuote`. Finds the passage and highlights it with the CSS Custom Highlight API, which
 * paints over the page's own text without adding a single node to the page.
 */
import { rangeForQuote } from '@/lib/locate';

export default defineUnlistedScript(() => {
  const holder = globalThis as { __clausewatchQuote?: unknown; __clausewatchFound?: boolean };
  const quote = typeof holder.__clausewatchQuote === 'string' ? holder.__clausewatchQuote : '';
  const range = quote ? rangeForQuote(document, quote) : null;
  holder.__clausewatchFound = range !== null;
  if (!range) return;
  const highlights = (CSS as unknown as { highlights?: Map<string, unknown> }).highlights;
  const HighlightCtor = (globalThis as { Highlight?: new (...ranges: Range[]) => unknown }).Highlight;
  if (highlights && HighlightCtor) highlights.set('clausewatch', new HighlightCtor(range));
  const target = range.startContainer.parentElement;
  target?.scrollIntoView({ block: 'center', behavior: 'smooth' });
});
