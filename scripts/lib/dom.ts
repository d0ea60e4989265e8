/**
 * Load an HTML string or file into a jsdom `Document` with a given URL, for the evals and the CLI.
 *
 * Why jsdom rather than linkedom or happy-dom: jsdom's parser is parse5, a conformant implementation
 * of the WHATWG HTML parsing algorithm (the same tree construction Chromium performs, including
 * implied tags, foster parenting of misnested tables and error recovery), and it is the DOM that
 * @mozilla/readability's own test suite runs on. linkedom is faster but builds a simplified tree that
 * diverges from Chromium's on malformed markup; happy-dom's parser is also not spec-complete. Since
 * the evals should measure what the extension sees in Chromium, fidelity wins over speed.
 *
 * Scripts never run and no resource is fetched: jsdom does neither unless asked (`runScripts`,
 * `resources`), and a silent virtual console swallows CSS parse noise from real-world pages.
 */
import { readFileSync } from 'node:fs';
import { JSDOM, VirtualConsole } from 'jsdom';

/** A URL jsdom accepts: scheme-less corpus URLs ("example.com/privacy") get https://, empty ones a placeholder. */
export function normalizePageUrl(url: string | null | undefined): string {
  const u = (url ?? '').trim();
  if (!u) return 'https://page.invalid/';
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(u) ? u : `https://${u.replace(/^\/+/, '')}`;
  try {
    return new URL(withScheme).href;
  } catch {
    return 'https://page.invalid/';
  }
}

/**
 * Stylesheet bodies are emptied before parsing (the <style> elements stay): jsdom parses every
 * stylesheet, which dominates load time on real pages and crashes on some real-world CSS, while
 * nothing in lib/ reads computed styles.
 */
function emptyStyles(html: string): string {
  return html.replace(/(<style\b[^>]*>)[\s\S]*?(<\/style\s*>)/gi, '$1$2');
}

export function loadHtml(
  html: string,
  url: string | null | undefined,
  options: { keepStyles?: boolean } = {},
): { dom: JSDOM; document: Document; url: string } {
  const href = normalizePageUrl(url);
  const dom = new JSDOM(options.keepStyles ? html : emptyStyles(html), {
    url: href,
    contentType: 'text/html',
    virtualConsole: new VirtualConsole(),
    pretendToBeVisual: false,
  });
  return { dom, document: dom.window.document, url: href };
}

export function loadHtmlFile(path: string, url: string | null | undefined): { dom: JSDOM; document: Document; url: string } {
  return loadHtml(readFileSync(path, 'utf8'), url);
}
