/**
 * "Show on page", the tab's side: the highlighter (entrypoints/highlighter.ts), injected into the policy's
 * tab, waits for the one message that names the passage, finds it and highlights it with the CSS Custom
 * Highlight API, which paints over the page's own text without adding a single node to the page. The
 * passage travels in that message (extension messaging, which no page can send or read), not in a global.
 */
import { browser, type Browser } from 'wxt/browser';
import { rangeForQuote } from '@/lib/core/page/locate';

/** What the background sends the highlighter it has just injected, and what it answers. */
export interface HighlightRequest {
  channel: 'highlighter';
  quote: string;
  /** The tail of a long sentence sent as head and tail (lib/core/page/locate.ts quoteParts). */
  quoteEnd?: string;
}
export interface HighlightReply {
  found: boolean;
}

function isHighlightRequest(raw: unknown): raw is HighlightRequest {
  const m = raw as Partial<HighlightRequest> | null;
  return typeof m === 'object' && m !== null && m.channel === 'highlighter' && typeof m.quote === 'string' && (m.quoteEnd === undefined || typeof m.quoteEnd === 'string');
}

/** Finds `quote` in `doc` and highlights it; false when it is not on the page. */
export function highlightQuote(doc: Document, quote: string, quoteEnd?: string): boolean {
  const range = quote ? rangeForQuote(doc, quote, quoteEnd) : null;
  if (!range) return false;
  const highlights = (CSS as unknown as { highlights?: Map<string, unknown> }).highlights;
  const HighlightCtor = (globalThis as { Highlight?: new (...ranges: Range[]) => unknown }).Highlight;
  if (highlights && HighlightCtor) highlights.set('clausewatch', new HighlightCtor(range));
  range.startContainer.parentElement?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
  return true;
}

/** Answers the next highlight request from our extension, then stops listening (one per injection). */
export function answerOneHighlight(doc: Document): void {
  const listener = (raw: unknown, sender: Browser.runtime.MessageSender, sendResponse: (reply: HighlightReply) => void) => {
    if (sender.id !== browser.runtime.id || !isHighlightRequest(raw)) return false;
    browser.runtime.onMessage.removeListener(listener);
    sendResponse({ found: highlightQuote(doc, raw.quote, raw.quoteEnd) });
    return false;
  };
  browser.runtime.onMessage.addListener(listener);
}
