/**
 * Nothing leaves the browser. Chromium runs behind a recording proxy that sees every request it makes,
 * loopback included (`--proxy-bypass-list=<-loopback>`), and forwards only those for the fixture server.
 * Through the main flows (a first visit, a change with its badge, the popup, the history page, the
 * options page, a background re-check, an export of the history) the test asserts that the extension's
 * own requests (they carry Fetch Metadata from a context without a site: `Sec-Fetch-Site: none`, not a
 * navigation) were only the re-checks of the watched policy, without cookies, and that nothing else went
 * to any host but the fixture server, apart from Chromium's own update and account services, which the
 * browser contacts outside any page or extension.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { badgeOf, fireRecheckAlarm, launchExtension, openExtensionPage, openPopup, reportedOutcomes, startServer, tabIdOf, waitFor, watches, type Extension, type FixtureServer } from './harness';
import { demoPage } from './fixtures';

interface Seen {
  method: string;
  host: string;
  path: string;
  headers: IncomingMessage['headers'];
}

/** An HTTP forward proxy on 127.0.0.1 that records every request and forwards only those for `allowed`. */
async function recordingProxy(allowed: () => string): Promise<{ port: number; seen: Seen[]; close(): Promise<void> }> {
  const seen: Seen[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    // The browser hangs up on connections it no longer needs (an abandoned stream, a closed page).
    req.on('error', () => {});
    res.on('error', () => {});
    let target: URL;
    try {
      target = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end();
      return;
    }
    seen.push({ method: req.method ?? '', host: target.host, path: target.pathname, headers: req.headers });
    if (target.host !== allowed()) {
      res.writeHead(502).end();
      return;
    }
    const upstream = httpRequest({ host: target.hostname, port: target.port, path: `${target.pathname}${target.search}`, method: req.method, headers: req.headers }, (up) => {
      up.on('error', () => res.destroy());
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  });
  // An encrypted tunnel would go to a host outside the test: recorded and refused.
  server.on('connect', (req: IncomingMessage, socket: Socket) => {
    seen.push({ method: 'CONNECT', host: req.url ?? '', path: '', headers: req.headers });
    socket.on('error', () => {});
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  server.on('connection', (s) => {
    s.on('error', () => {});
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as AddressInfo).port,
    seen,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

/** Chromium's own services (updates, accounts), contacted by the browser itself whatever the extension does. */
const BROWSER_SERVICE = /^(?:accounts\.google\.com|[a-z0-9-]+\.googleapis\.com|clients\d*\.google\.com|[a-z0-9-]+\.gvt1\.com)(?::443)?$/;

/** A request the extension made (its service worker, offscreen document or pages), not the test's navigation. */
const byExtension = (r: Seen) => String(r.headers.origin ?? '').startsWith('chrome-extension://') || (r.headers['sec-fetch-site'] === 'none' && r.headers['sec-fetch-mode'] !== 'navigate');

describe('nothing leaves the browser', () => {
  let ext: Extension;
  let server: FixtureServer;
  let proxy: Awaited<ReturnType<typeof recordingProxy>>;
  let policyTab: Page;

  beforeAll(async () => {
    server = await startServer({ '/': demoPage('index'), '/legal/privacy': demoPage('privacy-v1') });
    proxy = await recordingProxy(() => `127.0.0.1:${server.port}`);
    ext = await launchExtension({ extraArgs: [`--proxy-server=http://127.0.0.1:${proxy.port}`, '--proxy-bypass-list=<-loopback>'] });
  });
  afterAll(async () => {
    await ext?.close();
    await proxy?.close();
    await server?.close();
  });

  it('through a visit, a change, the popup, history and options pages, a re-check and an export, requests only the watched policy', async () => {
    // A first visit, then a change seen while reading, with its badge.
    policyTab = await ext.context.newPage();
    await policyTab.goto(`${server.origin}/legal/privacy`);
    await waitFor(async () => (await reportedOutcomes(ext)).some((o) => o.reason.includes(': first ')), 'version 1');
    server.set('/legal/privacy', demoPage('privacy-v2'));
    await policyTab.reload();
    const tabId = await tabIdOf(ext, policyTab);
    await waitFor(async () => (await badgeOf(ext, tabId)).text === '2', 'the "2" badge');

    // The popup (which puts the site on the watch list), the history page, the options page.
    const popup = await openPopup(ext, tabId);
    await popup.locator('article.finding.sev-major').first().waitFor();
    const history = await openExtensionPage(ext, 'site-history.html?site=127.0.0.1');
    await history.locator('article.finding').first().waitFor();
    const options = await openExtensionPage(ext, 'options.html');
    await options.locator('table').first().waitFor();
    await waitFor(async () => (await watches(ext)).length > 0, 'the site on the watch list');

    // A background re-check of the watched policy.
    const before = proxy.seen.filter(byExtension).length;
    await fireRecheckAlarm(ext);
    await waitFor(async () => proxy.seen.filter(byExtension).length > before && (await watches(ext))[0]?.lastCheck, 'the re-check');

    // An export of the whole history.
    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export history' }).click();
    await download;
    await options.waitForTimeout(500);

    // Anything for another host is Chromium's own housekeeping (its update and account services, which
    // --disable-background-networking does not silence): made outside any page or extension, so with no
    // Fetch Metadata, and to Google's service hosts only. Anything else fails the test.
    const elsewhere = proxy.seen.filter((r) => r.host !== `127.0.0.1:${server.port}`);
    const notTheBrowsers = elsewhere.filter((r) => !BROWSER_SERVICE.test(r.host) || r.headers['sec-fetch-site'] !== undefined || r.headers.origin !== undefined);
    expect(notTheBrowsers).toEqual([]);
    const mine = proxy.seen.filter(byExtension).map((r) => `${r.method} ${r.host}${r.path}`);
    expect(mine.length).toBeGreaterThan(0);
    expect(new Set(mine)).toEqual(new Set([`GET 127.0.0.1:${server.port}/legal/privacy`]));
    // And the re-check carried no cookie.
    expect(proxy.seen.filter(byExtension).every((r) => r.headers.cookie === undefined)).toBe(true);
  });
});
