/**
 * A policy that is on the page when it loads is captured then, whatever its heading tags: h3/h4 only,
 * bold paragraphs, a table (before, the content script waited up to 5 s for an h1 or h2 that never came,
 * and a reader who left sooner left no version). A change to such a policy raises the badge. An app
 * shell whose policy arrives later, with h3 headings only, is still captured once its text is there.
 *
 * When a page was captured shows in the background's record of it: "load: …" for a page taken as it
 * loaded, "rendered after load: …" for one taken after waiting for its text. No wall-clock time is
 * asserted here; `npm run bench -- latency` measures the delay.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgeOf, launchExtension, reportedOutcomes, startServer, tabIdOf, waitFor, type Extension, type FixtureServer } from './harness';
import { policyPage, policyRoute, type Layout } from './layouts';

/** The same policy, rendered by script a second after load into an empty shell (h3/h4 headings only). */
function lateShell(): string {
  const article = policyPage('h3-h4', 1).match(/<div class="content">([^]*)<\/div><\/main>/)?.[1] ?? '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Privacy Policy | Inkwell Notes</title></head>
<body><header><nav><a href="/">Inkwell Notes</a></nav></header><div id="app"><div class="spinner"></div></div>
<script>setTimeout(() => { document.getElementById('app').innerHTML = ${JSON.stringify(article)}; }, 1000);</script></body></html>`;
}

/** A site's own search results for "privacy policy": snippets full of privacy words, the search shown back in its box. */
function resultsPage(): string {
  const snippet = 'Our privacy policy explains what personal information we collect, why we process it, which third parties and advertising partners receive it, how long we keep it and how you can opt out or ask us to delete it.';
  const results = Array.from({ length: 8 }, (_, i) => `<div class="result"><a href="/page/${i}"><h3>Privacy policy, part ${i + 1}</h3></a><p>${snippet}</p></div>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Results for privacy policy | Inkwell Notes</title></head>
<body><header><form role="search" action="/search"><input type="search" name="q" value="privacy policy"><button>Search</button></form></header><main>${results}</main></body></html>`;
}

describe('capture on load, whatever the headings', () => {
  let ext: Extension;
  let server: FixtureServer;
  let tab: Page;

  /** The background's records for `path`: the capture (gate-passed) and its outcome once stored. */
  async function visit(path: string): Promise<{ captured: string; stored: string }> {
    const url = `${server.origin}${path}`;
    const before = (await reportedOutcomes(ext)).length;
    await tab.goto(url);
    const stored = await waitFor(async () => (await reportedOutcomes(ext)).slice(before).find((o) => o.url === url && o.outcome === 'policy'), `a version of ${path}`);
    const captured = (await reportedOutcomes(ext)).slice(before).find((o) => o.url === url && o.outcome === 'gate-passed');
    return { captured: captured?.reason ?? '', stored: stored.reason };
  }

  beforeAll(async () => {
    server = await startServer({
      '/h3-h4/privacy': policyRoute('h3-h4', 1),
      '/bold/privacy': policyRoute('bold', 1),
      '/table/privacy': policyRoute('table', 1),
      '/shell/privacy': { body: lateShell() },
      '/search': { body: resultsPage() },
    });
    ext = await launchExtension();
    tab = await ext.context.newPage();
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it.each<Layout>(['h3-h4', 'bold', 'table'])('saves a version of a static policy laid out with %s as it loads', async (layout) => {
    const { captured, stored } = await visit(`/${layout}/privacy`);
    expect(stored).toMatch(/^privacy-policy: first /);
    expect(captured).toMatch(/^load: /);
  });

  it('raises the badge when the h3/h4-only policy changes', async () => {
    server.set('/h3-h4/privacy', policyRoute('h3-h4', 2));
    const { captured, stored } = await visit('/h3-h4/privacy');
    expect(stored).toMatch(/^privacy-policy: changed /);
    expect(captured).toMatch(/^load: /);
    const tabId = await tabIdOf(ext, tab);
    const badge = await waitFor(async () => {
      const b = await badgeOf(ext, tabId);
      return b.text === '2' && b;
    }, 'the "2" badge');
    expect(badge.title).toMatch(/2 major changes/);
  });

  it('does not store a search results page about privacy policies as the site\'s policy', async () => {
    const url = `${server.origin}/search?q=privacy+policy`;
    const before = (await reportedOutcomes(ext)).length;
    await tab.goto(url);
    const outcome = await waitFor(async () => (await reportedOutcomes(ext)).slice(before).find((o) => o.url === url && o.outcome !== 'gate-passed'), 'the results page\'s outcome');
    // It passed the content script's cheap check (its words are a policy's), and the background turned it down.
    expect((await reportedOutcomes(ext)).slice(before).some((o) => o.url === url && o.outcome === 'gate-passed')).toBe(true);
    expect(outcome.outcome).toBe('not-policy');
  });

  it('waits for an app shell whose h3/h4-only policy arrives after load, and saves it then', async () => {
    const { captured, stored } = await visit('/shell/privacy');
    expect(stored).toMatch(/^privacy-policy: first /);
    expect(captured).toMatch(/^rendered after load: /);
  });
});
