/**
 * Single-page sites: a policy rendered by script after load, or reached through history navigation,
 * is still detected (the content script watches URL changes and waits for the DOM to settle).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, reportedOutcomes, ROOT, startServer, waitFor, type Extension, type FixtureServer } from './harness';

// The demo policy's article, to be inserted by script.
const article = readFileSync(join(ROOT, 'tests/fixtures/demo-site/privacy-v1.html'), 'utf8').match(/<article>[\s\S]*<\/article>/)![0];

const shell = (script: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Inkwell</title></head>
<body><div id="app"></div><script>const ARTICLE = ${JSON.stringify(article)};\n${script}</script></body></html>`;

// An app shell that renders the policy, and names itself, 1.5 s after load.
const lateShell = shell(`setTimeout(() => { document.title = 'Privacy Policy | Inkwell'; document.getElementById('app').innerHTML = ARTICLE; }, 1500);`);

describe('single-page sites', () => {
  let ext: Extension;
  let server: FixtureServer;

  beforeAll(async () => {
    server = await startServer({
      // An app shell that renders the policy a moment after load.
      '/late/privacy': { body: lateShell },
      // The same with a logo-only h1 in the shell, which is no sign that the content has arrived.
      '/late/logo/privacy': { body: lateShell.replace('<div id="app">', '<header><h1><img alt="" src="data:,"></h1></header><div id="app">') },
      // The same, at an address that says nothing: only the rendered title and headings tell.
      '/late/legal-7': { body: lateShell },
      // A home page whose router shows the policy on a client-side navigation.
      '/spa/': {
        body: shell(`document.getElementById('app').innerHTML = '<h1>Welcome to Inkwell</h1><p>Your notes everywhere.</p><a id="go" href="/spa/privacy">Privacy</a>';
document.getElementById('go').addEventListener('click', (e) => {
  e.preventDefault();
  history.pushState({}, '', '/spa/privacy');
  setTimeout(() => { document.title = 'Privacy Policy | Inkwell'; document.getElementById('app').innerHTML = ARTICLE; }, 200);
});`),
      },
      // A hash-routed app: the route is in the fragment, and neither the title nor the rendered heading
      // names the page, so only the route and the text itself say it is the privacy policy.
      '/hash/': {
        body: shell(`document.getElementById('app').innerHTML = '<h1>Welcome to Inkwell</h1><p>Your notes everywhere.</p><a id="go" href="#/legal/privacy">Privacy</a>';
window.addEventListener('hashchange', () => {
  if (location.hash === '#/legal/privacy') setTimeout(() => { document.getElementById('app').innerHTML = ARTICLE.replace(/<h1>[^<]*<\\/h1>/, '<h1>Inkwell</h1>'); }, 200);
});`),
      },
    });
    ext = await launchExtension();
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  /**
   * Opens an app's start page, checks that nothing was reported for it once it has settled, and follows
   * its in-app link; the page stays open on the new route.
   */
  const openAndFollow = async (start: string, isApp: (url: string) => boolean): Promise<Page> => {
    const page = await ext.context.newPage();
    await page.goto(`${server.origin}${start}`);
    await page.waitForTimeout(1500);
    expect((await reportedOutcomes(ext)).filter((o) => isApp(o.url))).toEqual([]);
    await page.click('#go');
    return page;
  };

  it.each(['/late/privacy', '/late/logo/privacy', '/late/legal-7'])('detects a policy rendered after load at %s', async (path) => {
    const page = await ext.context.newPage();
    await page.goto(`${server.origin}${path}`);
    const seen = await waitFor(async () => (await reportedOutcomes(ext)).find((o) => o.url.endsWith(path) && o.outcome === 'policy'), 'the late policy');
    expect(seen.reason).toMatch(/privacy-policy: (first|unchanged)/);
    await page.close();
  });

  it('detects a policy reached by history navigation, and not the home page before it', async () => {
    const page = await openAndFollow('/spa/', (url) => url.endsWith('/spa/'));
    const seen = await waitFor(async () => (await reportedOutcomes(ext)).find((o) => o.url.endsWith('/spa/privacy') && o.outcome === 'policy'), 'the policy after navigation');
    expect(seen.reason).toMatch(/privacy-policy/);
    await page.close();
  });

  it('detects a policy reached through a hash route whose title and heading say nothing', async () => {
    const page = await openAndFollow('/hash/', (url) => url.includes('/hash/'));
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Inkwell');
    expect(await page.title()).toBe('Inkwell');
    const seen = await waitFor(async () => (await reportedOutcomes(ext)).find((o) => o.url.includes('/hash/') && o.outcome === 'policy'), 'the policy after the hash route');
    expect(seen.reason).toMatch(/privacy-policy/);
    await page.close();
  });
});
