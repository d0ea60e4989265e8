/**
 * HTML string + page address → a jsdom `Document`, as the extension would see the page before any
 * script ran. Scripts are never executed and no sub-resource (images, stylesheets, frames) is fetched:
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

export function loadHtml(html: string, url: string): LoadedPage {
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
