/**
 * End-to-end harness: Debian's Chromium with the built extension loaded, a fixture HTTP server on
 * 127.0.0.1, and helpers to reach the extension (its id, a tab's badge, the popup for a tab).
 */
import { existsSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { RECHECK_ALARM } from '../../lib/extension/schedule';
import { fireRecheckNow, readBadge, readOutcomes, readWatches, tabIdForUrl, type ReportedOutcome, type WatchEntryView } from './probes';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CHROME_BUILD = join(ROOT, '.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const RESULTS = join(ROOT, 'test-results');
/** Chromium's language packs (Debian: chromium has en-US only, chromium-l10n brings the others). */
export const CHROMIUM_LOCALES = process.env.CHROMIUM_LOCALES ?? '/usr/lib/chromium/locales';

export interface Extension {
  context: BrowserContext;
  worker: Worker;
  id: string;
  close(): Promise<void>;
}

export function chromiumArgs(extensionDir: string | null): string[] {
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--disable-default-apps',
    // Names under .test reach the fixture server, so a test can send the extension to "another site".
    '--host-resolver-rules=MAP *.test 127.0.0.1',
  ];
  if (extensionDir) args.push(`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`);
  return args;
}

/**
 * The environment that makes Chromium's UI, and so `chrome.i18n.getUILanguage()`, use `language` ("de").
 * On Linux Chromium takes its UI language from LANGUAGE / LC_ALL / LC_MESSAGES / LANG, not from `--lang`
 * (ignored there: tried), and only when that language's pack is installed; without it, it says en-US.
 * Measured with Chromium 156: LANGUAGE=de alone, or LANG=de_DE.UTF-8 alone, gives "de".
 */
export function uiLanguageEnv(language: string): Record<string, string> {
  const pack = join(CHROMIUM_LOCALES, `${language}.pak`);
  if (!existsSync(pack)) {
    throw new Error(`Chromium has no language pack for "${language}" (${pack}): install Debian's chromium-l10n (apt-get install chromium-l10n).`);
  }
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'LC_ALL' && k !== 'LC_MESSAGES') env[k] = v;
  return { ...env, LANGUAGE: language, LANG: `${language}_${language.toUpperCase()}.UTF-8` };
}

/**
 * Launches Chromium with the extension. `language` sets the browser's UI language (see uiLanguageEnv);
 * by default it is the machine's (en-US here). Throws when the extension's service worker does not appear,
 * so a suite run without the extension fails loudly instead of testing a bare browser.
 */
export async function launchExtension(
  options: {
    extensionDir?: string | null;
    headless?: boolean;
    colorScheme?: 'light' | 'dark';
    workerTimeoutMs?: number;
    extraArgs?: string[];
    language?: string;
  } = {},
): Promise<Extension> {
  const extensionDir = options.extensionDir === undefined ? CHROME_BUILD : options.extensionDir;
  const env = options.language ? uiLanguageEnv(options.language) : undefined;
  const profile = mkdtempSync(join(tmpdir(), 'clausewatch-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [...chromiumArgs(extensionDir), ...(options.extraArgs ?? [])],
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: 1200, height: 800 },
    ...(env ? { env } : {}),
  });
  const close = async () => {
    await context.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    // Poll rather than only wait for the event: the worker may register between a check and a wait.
    const deadline = Date.now() + (options.workerTimeoutMs ?? 20_000);
    let worker = context.serviceWorkers()[0];
    while (!worker && Date.now() < deadline) {
      worker = await context.waitForEvent('serviceworker', { timeout: 500 }).catch(() => context.serviceWorkers()[0]);
    }
    if (!worker) throw new Error('timed out');
    const id = new URL(worker.url()).host;
    return { context, worker, id, close };
  } catch (error) {
    await close();
    throw new Error(`The Clausewatch extension did not load (no service worker appeared): ${String(error)}`);
  }
}

/** The service worker may have been stopped and restarted; always ask the context for the live one. */
export async function liveWorker(ext: Extension): Promise<Worker> {
  const current = ext.context.serviceWorkers().find((w) => w.url().includes(ext.id));
  if (current) return current;
  return ext.context.waitForEvent('serviceworker', { timeout: 15_000 });
}

/** Wakes a stopped service worker the way the product does: an extension page sends it a message. */
async function wakeWorker(ext: Extension): Promise<void> {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.id}/popup.html?tabId=0`).catch(() => {});
  await page.waitForTimeout(300);
  await page.close();
}

/**
 * Evaluates in the service worker. An evaluate on a worker Chrome has stopped waits until something
 * wakes it, so after a short wait we wake it and try again.
 */
export async function inWorker<A, R>(ext: Extension, fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
  for (let attempt = 0; ; attempt++) {
    const worker = await liveWorker(ext);
    const result = await Promise.race([
      (worker.evaluate as (f: (arg: A) => R | Promise<R>, a: A) => Promise<R>)(fn, arg).then((value) => ({ value })),
      new Promise<null>((r) => setTimeout(() => r(null), 2_000)),
    ]);
    if (result) return result.value;
    if (attempt >= 4) throw new Error('The service worker does not answer');
    await wakeWorker(ext);
  }
}

/**
 * The id of the tab showing `page`: a web page's found by its URL from the service worker (we hold host
 * permissions for those); an extension page's asked of the page itself, since without the "tabs" permission
 * Chromium (150 and later) no longer tells the worker the address of the extension's own pages.
 */
export async function tabIdOf(ext: Extension, page: Page): Promise<number> {
  const url = page.url();
  const id = url.startsWith('chrome-extension://') ? await page.evaluate(async () => (await chrome.tabs.getCurrent())?.id ?? null) : await inWorker(ext, tabIdForUrl, url);
  if (id == null) throw new Error(`No tab found for ${url}`);
  return id;
}

export async function badgeOf(ext: Extension, tabId: number): Promise<{ text: string; title: string; color: number[] }> {
  return inWorker(ext, readBadge, tabId);
}

/** Polls until `check` returns a truthy value or the time runs out. */
export async function waitFor<T>(check: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      // A check that hangs (an evaluate on a worker Chrome just stopped) is abandoned and retried.
      const value = await Promise.race([check(), new Promise<null>((r) => setTimeout(() => r(null), 3_000))]);
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`Timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

/** Opens the popup as a page, describing the given tab (the toolbar cannot be clicked headless). */
export async function openPopup(ext: Extension, tabId: number): Promise<Page> {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 400, height: 600 });
  await page.goto(`chrome-extension://${ext.id}/popup.html?tabId=${tabId}`);
  return page;
}

export async function openExtensionPage(ext: Extension, path: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.id}/${path}`);
  return page;
}

/** Where a screenshot named `name` goes (test-results/, made if missing). */
export function resultPath(name: string): `${string}.png` {
  mkdirSync(RESULTS, { recursive: true });
  return `${join(RESULTS, name)}.png`;
}

export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  const path = resultPath(name);
  await page.screenshot({ path, fullPage });
  return path;
}

export interface Route {
  status?: number;
  body: string;
  type?: string;
  headers?: Record<string, string>;
  /** Instead of `body`, stream this many bytes (chunked, no Content-Length) unless the client goes away. */
  streamBytes?: number;
}

export interface FixtureServer {
  origin: string;
  port: number;
  /** Sets or replaces what a path serves. */
  set(path: string, route: Route): void;
  /** Every request path seen, in order. */
  requests: string[];
  /** Every request as host (from the Host header) and path, in order. */
  seen: Array<{ host: string; path: string }>;
  /** Bytes written for streamed routes, by path (what the client let through before it hung up). */
  streamed: Map<string, number>;
  close(): Promise<void>;
}

const STREAM_CHUNK = Buffer.alloc(64 * 1024, '<p>We collect your data.</p>\n');

/** Writes `total` bytes as fast as the client reads them, stopping when it goes away. */
function stream(res: ServerResponse, total: number, count: (n: number) => void): void {
  let sent = 0;
  const pump = () => {
    while (sent < total && !res.destroyed) {
      const ok = res.write(STREAM_CHUNK);
      sent += STREAM_CHUNK.length;
      count(STREAM_CHUNK.length);
      if (!ok) {
        res.once('drain', pump);
        return;
      }
    }
    if (!res.destroyed) res.end();
  };
  res.on('error', () => {});
  pump();
}

/** An HTTP server on 127.0.0.1 at a random port, serving routes the test can change at any time. */
export async function startServer(initial: Record<string, Route> = {}): Promise<FixtureServer> {
  const routes = new Map(Object.entries(initial));
  const requests: string[] = [];
  const seen: Array<{ host: string; path: string }> = [];
  const streamed = new Map<string, number>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push(path);
    seen.push({ host: req.headers.host ?? '', path });
    const route = routes.get(path);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><title>Not found</title><h1>Not found</h1>');
      return;
    }
    res.writeHead(route.status ?? 200, { 'content-type': route.type ?? 'text/html; charset=utf-8', ...route.headers });
    if (route.streamBytes !== undefined) stream(res, route.streamBytes, (n) => streamed.set(path, (streamed.get(path) ?? 0) + n));
    else res.end(route.body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    set: (path, route) => void routes.set(path, route),
    requests,
    seen,
    streamed,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** What the background recorded about pages that passed the gate and about background checks. */
export async function reportedOutcomes(ext: Extension): Promise<ReportedOutcome[]> {
  return inWorker(ext, readOutcomes, null);
}

/** The watch list as the background keeps it. */
export async function watches(ext: Extension): Promise<WatchEntryView[]> {
  return inWorker(ext, readWatches, null);
}

/** Makes every watched site due and fires the re-check alarm now. */
export async function fireRecheckAlarm(ext: Extension): Promise<void> {
  await inWorker(ext, fireRecheckNow, RECHECK_ALARM);
}
