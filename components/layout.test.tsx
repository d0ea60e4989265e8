/**
 * Untrusted text must not break the pages' layout: a policy's address, title or section names can be one
 * long run with no space. The components are rendered as the pages render them, with the pages' own
 * theme.css, and laid out in Debian's Chromium (headless, through playwright-core, as the e2e suite and
 * the engine check drive it; .ci/run installs it before the tests): the page must not scroll sideways
 * (README: "no sideways scrolling (the options and history pages also at 480 px)"), and nothing may run
 * out of its column.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HistoryTimeline, type HistoryPolicy } from './HistoryTimeline';
import { WordsProvider } from './words';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const css = readFileSync(new URL('./theme.css', import.meta.url), 'utf8');

let browser: Browser;
beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium), or set CHROMIUM_PATH.`);
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

interface Layout {
  /** How wide the page's content is: more than the window means it scrolls sideways. */
  scrollWidth: number;
  /** How far the right edge of `inner` lies past the right edge of `outer` (0 or less: inside). */
  overflow: number;
}

/** `node` rendered as a page of `width` px (with `bodyClass`, "popup" for the popup) and measured. */
async function layout(node: ReactNode, width: number, bodyClass = '', edges?: { inner: string; outer: string }): Promise<Layout> {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  try {
    const html = renderToString(<WordsProvider locale="en">{node}</WordsProvider>);
    await page.setContent(`<!doctype html><html lang="en"><head><meta charset="utf-8"><style>${css}</style></head><body class="${bodyClass}"><div id="root">${html}</div></body></html>`);
    return await page.evaluate((e) => {
      const right = (selector: string) => {
        const el = document.querySelector(selector);
        if (!el) throw new Error(`nothing matches ${selector}`);
        return el.getBoundingClientRect().right;
      };
      return { scrollWidth: document.documentElement.scrollWidth, overflow: e ? right(e.inner) - right(e.outer) : 0 };
    }, edges ?? null);
  } finally {
    await page.close();
  }
}

const NOW = Date.UTC(2026, 10, 20, 12);

/** The history page's two columns, the timeline of a policy at `url` on the left. */
function historyPage(url: string, title = 'Privacy Policy') {
  const policy: HistoryPolicy = { policyId: 'p', kind: 'privacy-policy', url, title, versions: [] };
  return (
    <main className="page">
      <h1>History of example.com</h1>
      <div className="two-col">
        <div className="stack">
          <HistoryTimeline policy={policy} selected={[]} onToggle={() => {}} chain={null} now={NOW} />
        </div>
        <div>
          <p className="muted comparison">Pick two versions of a policy to compare them.</p>
        </div>
      </div>
    </main>
  );
}

const ADDRESSES = [
  ['a Japanese path', 'https://example.jp/プライバシーポリシー/個人情報の取り扱いについて'],
  ['a path written in one long run', `https://example.com/legal/${'privacyandcookienotice'.repeat(6)}`],
  ['escapes that do not decode', `https://example.com/${'%FF'.repeat(80)}`],
] as const;

describe('the history page with a long policy address', () => {
  it.each(ADDRESSES)('at 480 px, %s does not scroll the page sideways', async (_what, url) => {
    expect((await layout(historyPage(url), 480)).scrollWidth).toBeLessThanOrEqual(480);
  });

  it.each(ADDRESSES)('at 1280 px, %s stays inside its column', async (_what, url) => {
    const r = await layout(historyPage(url), 1280, '', { inner: '.stack a', outer: '.stack' });
    expect(r.overflow).toBeLessThanOrEqual(0);
  });
});
