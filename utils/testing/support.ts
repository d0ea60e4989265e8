/**
 * What the background's feature tests share: the features put together as the worker does
 * (utils/features.ts), over a fresh fake-indexeddb, WXT's fakeBrowser and jsdom's DOMParser standing in
 * for the background's DOM (as in Firefox's event page), and our fixture policy, served by a local HTTP
 * server when a test needs the network. Not used by the extension.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { IDBFactory } from 'fake-indexeddb';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createDomRunner } from '../dom';
import { createFeatures } from '../features';

/** Our own fixture policy (v1) and its changed version (v2 adds AI training and sharing with advertisers). */
export const fixture = (name: string) => readFileSync(new URL(`../../cli/fixtures/${name}`, import.meta.url), 'utf8');
export const POLICY_V1 = fixture('policy-v1.html');
export const POLICY_V2 = fixture('policy-v2.html');

/** The background's features on a fresh database; `fetch` reaches the test's own server. */
export function backgroundForTest(language = 'en') {
  const factory = new IDBFactory();
  return createFeatures({ idb: () => factory, dom: createDomRunner(), language: () => language });
}

/** A tab's sender as the browser describes a content script's (the handlers read only the tab). */
export const senderOf = (tab: { id?: number; url?: string }) => ({ tab, url: tab.url, id: fakeBrowser.runtime.id }) as never;

/** The policy page every feature test visits. */
export const POLICY_URL = 'https://www.example.com/legal/privacy';

/**
 * The background with a tab showing `url`, and `capture`: what the content script in that tab sends
 * when it copies the page (`html`, under the address it names, by default the tab's).
 */
export async function backgroundWithTab(url = POLICY_URL) {
  const background = backgroundForTest();
  const tab = await fakeBrowser.tabs.create({ url });
  const capture = (html: string, named = url) => background.handlers.pageCaptured({ url: named, reason: 'load: title names a privacy policy', html }, senderOf(tab));
  return { ...background, tabId: tab.id!, capture };
}

type Listener = Parameters<typeof fakeBrowser.permissions.onAdded.addListener>[0];
let addedListeners: Listener[] = [];

/**
 * permissions.onAdded, which fakeBrowser does not implement (its methods throw): an event the test fires
 * with grantPermissions, as the browser does when the user grants an optional permission.
 */
export function listenForGrants(): void {
  addedListeners = [];
  fakeBrowser.permissions.onAdded = {
    addListener: (l: Listener) => void addedListeners.push(l),
    removeListener: (l: Listener) => void (addedListeners = addedListeners.filter((x) => x !== l)),
    hasListener: (l: Listener) => addedListeners.includes(l),
  };
}

/** The user grants `permissions` (the browser fires permissions.onAdded). */
export async function grantPermissions(permissions: Parameters<Listener>[0]): Promise<void> {
  await Promise.all(addedListeners.map((l) => l(permissions)));
}

/** jsdom's DOMParser as the background's DOM, and fakeBrowser reset before each test. */
export function withBackgroundWorld(): void {
  beforeAll(() => {
    (globalThis as { DOMParser?: unknown }).DOMParser = new JSDOM('').window.DOMParser;
  });
  afterAll(() => {
    delete (globalThis as { DOMParser?: unknown }).DOMParser;
  });
  beforeEach(() => {
    fakeBrowser.reset();
    listenForGrants();
  });
}

/** A local server answering every path with what `served` says at the time of the request. */
export function withServer() {
  // `bytes` and `type`: a page served in another encoding than UTF-8, as the server labels it.
  const state: { served: { status: number; html: string; bytes?: Uint8Array; type?: string }; base: string } = { served: { status: 200, html: POLICY_V1 }, base: '' };
  let server: Server;
  beforeAll(async () => {
    server = createServer((_req, res) => {
      res.writeHead(state.served.status, { 'content-type': state.served.type ?? 'text/html; charset=utf-8' });
      res.end(state.served.bytes ?? state.served.html);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    state.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));
  return state;
}

/** A copy the content script sends to the background (`pageCaptured`). */
export type SentCopy = { type: string; data: { url: string; reason: string; html: string } };

/**
 * The background as the content script meets it, on a fresh fakeBrowser: every copy is recorded in `sent`,
 * and answered as the real background answers, a copy holding `policyText` being a policy and any other not.
 */
export function answerLikeTheBackground(sent: SentCopy[], policyText: string): void {
  answerCopies(sent, (copy) => (copy.data.html.includes(policyText) ? 'first' : 'not-policy'));
}

/** The background on a fresh fakeBrowser that records every copy in `sent` and answers each with `statusOf` it. */
export function answerCopies(sent: SentCopy[], statusOf: (copy: SentCopy) => string): void {
  fakeBrowser.reset();
  sent.length = 0;
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    const m = message as SentCopy;
    sent.push(m);
    return Promise.resolve({ ok: true, value: { status: statusOf(m) } });
  });
}

