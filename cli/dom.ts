/**
 * HTML string + page address → a jsdom `Document`, as the extension would see the page before any
 * script ran. The one jsdom loader of the project: the CLI uses it, and the evals and unit tests reach
 * it through scripts/lib/dom.ts.
 *
 * Why jsdom rather than linkedom or happy-dom: its parser (parse5) implements the WHATWG HTML parsing
 * algorithm, the same tree construction Chromium performs on malformed markup, and it is the DOM that
 * @mozilla/readability's own tests run on. The others are faster but build trees that diverge from
 * Chromium's, and the evaluation should measure what the extension sees.
 * Scripts are never executed and no sub-resource (images, stylesheets, frames) is fetched:
 * jsdom does neither unless `runScripts`/`resources` are set, and they are deliberately left unset so
 * that reading an untrusted saved page is safe and works offline. A silent virtual console swallows
 * the CSS parse noise that real-world pages produce.
 */
import { JSDOM, VirtualConsole } from 'jsdom';

export interface LoadedPage {
  document: Document;
  /** Frees the window; batch runs call it after each page so memory stays flat. */
  close(): void;
}

const STYLE_BLOCK = /(<style\b[^>]*>)[\s\S]*?(<\/style\s*>)/gi;

function build(html: string, url: string): LoadedPage {
  const dom = new JSDOM(html, { url, contentType: 'text/html', virtualConsole: new VirtualConsole() });
  return { document: dom.window.document, close: () => dom.window.close() };
}

/**
 * `emptyStyles` empties every stylesheet body before parsing (the elements stay): nothing in lib/ reads
 * CSS, and parsing stylesheets dominates load time on real pages, which matters over a whole corpus.
 */
export function loadHtml(html: string, url: string, options: { emptyStyles?: boolean } = {}): LoadedPage {
  if (options.emptyStyles) return build(html.replace(STYLE_BLOCK, '$1$2'), url);
  try {
    return build(html, url);
  } catch (e) {
    // jsdom parses <style> blocks while building the tree, and its CSS library throws on some real
    // stylesheets (e.g. `border: inherit` shorthands). Nothing here reads CSS, so the page is parsed
    // again with empty style blocks rather than refused.
    const withoutCss = html.replace(STYLE_BLOCK, '$1$2');
    if (withoutCss === html) throw e;
    return build(withoutCss, url);
  }
}
