/**
 * The page pipeline in Node (jsdom, as the CLI runs it) for the store's tests: the current extractor,
 * and an "older" one that always takes our own main-content fallback instead of Readability, which is
 * how the two demo versions came to differ by a heading the issue describes ("REMOVED Privacy Policy").
 * Both are real extraction code; only the choice between them is made here. Not used by the extension.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadHtml } from '../../cli/dom';
import { runDomTask } from '../core/page/dom-tasks';
import { blocksFromElement } from '../core/page/extract/blocks';
import { cleanCopy, findMainContent } from '../core/page/extract/fallback';
import { isSameSite } from '../core/page/hops';
import type { PolicyDocument } from '../core/schema';
import type { ExtractFn } from './store';

export const DEMO_URL = 'https://inkwell.example/legal/privacy';

export function demoHtml(name: 'privacy-v1' | 'privacy-v2' | 'privacy-cosmetic'): string {
  return readFileSync(join(import.meta.dirname, '../../tests/fixtures/demo-site', `${name}.html`), 'utf8');
}

/** The extension's pipeline (detection, then extraction) on an HTML string. */
export const currentExtractor: ExtractFn = async (html, url) => {
  const page = loadHtml(html, url);
  try {
    const r = runDomTask({ task: 'process', html, url }, () => page.document, isSameSite);
    if (r.task === 'process' && r.outcome === 'policy') return { ok: true, document: r.document };
    return { ok: false, reason: 'reason' in r ? r.reason : 'not processed' };
  } finally {
    page.close();
  }
};

/** The same, with the fallback's blocks whatever Readability finds. */
export const fallbackOnlyExtractor: ExtractFn = async (html, url) => {
  const current = await currentExtractor(html, url);
  if (!current.ok) return current;
  const page = loadHtml(html, url);
  try {
    const root = findMainContent(page.document);
    if (!root) return { ok: false, reason: 'no main content' };
    const blocks = blocksFromElement(cleanCopy(root));
    const document: PolicyDocument = { ...current.document, blocks, extraction: { ...current.document.extraction, method: 'fallback', notes: [] } };
    return { ok: true, document };
  } finally {
    page.close();
  }
};

export async function extracted(extract: ExtractFn, html: string, url = DEMO_URL): Promise<PolicyDocument> {
  const r = await extract(html, url);
  if (!r.ok) throw new Error(r.reason);
  return r.document;
}
