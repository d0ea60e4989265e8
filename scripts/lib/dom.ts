/**
 * Loads corpus pages and test pages into jsdom for the evals and unit tests, through the CLI's loader
 * (cli/dom.ts, which says why jsdom), with the lenient page addresses the corpus needs.
 */
import { readFileSync } from 'node:fs';
import { loadHtml as loadPage, type LoadedPage } from '../../cli/dom';

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

export function loadHtml(html: string, url: string | null | undefined): LoadedPage & { url: string } {
  const href = normalizePageUrl(url);
  return { ...loadPage(html, href, { emptyStyles: true }), url: href };
}

export function loadHtmlFile(path: string, url: string | null | undefined): LoadedPage & { url: string } {
  return loadHtml(readFileSync(path, 'utf8'), url);
}
