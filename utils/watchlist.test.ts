/**
 * The watch list on WXT's fakeBrowser, with everything else real: a policy served by a local HTTP server,
 * fetched with every hop judged, parsed by the page pipeline (jsdom's DOMParser standing in for the
 * background's DOM, as in Firefox's event page), saved in a fake-indexeddb store and analysed by the
 * engine. What the options page shows for a watched site, check after check.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { IDBFactory } from 'fake-indexeddb';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { explainer } from '@/lib/explain';
import { createBadges } from './badges';
import { createCombinedChange } from './combined';
import { runInDom } from './dom';
import { createHistory } from './history';
import { getWatches } from './prefs';
import { createPolicyStates } from './tab-state';
import { createWatchList } from './watchlist';

// Our own fixture policy and its changed version (it adds AI training and sharing with advertisers).
const fixture = (name: string) => readFileSync(new URL(`../cli/fixtures/${name}`, import.meta.url), 'utf8');
const V1 = fixture('policy-v1.html');
const V2 = fixture('policy-v2.html');

let server: Server;
let served: { status: number; html: string } = { status: 200, html: V1 };
let base = '';

beforeAll(async () => {
  (globalThis as { DOMParser?: unknown }).DOMParser = new JSDOM('').window.DOMParser;
  server = createServer((_req, res) => {
    res.writeHead(served.status, { 'content-type': 'text/html; charset=utf-8' });
    res.end(served.html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  delete (globalThis as { DOMParser?: unknown }).DOMParser;
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => fakeBrowser.reset());

function setup() {
  const factory = new IDBFactory();
  const history = createHistory({ idb: () => factory, extract: async () => ({ ok: false, reason: 'not used' }) });
  const combined = createCombinedChange();
  const badges = createBadges({ store: history.store, siteOf: history.siteOf, language: () => 'en', combined });
  return { history, watchList: createWatchList({ history, badges, policyStates: createPolicyStates(combined), dom: runInDom }) };
}

describe('the watch list', () => {
  it('checks a watched policy: first version, a change worth reviewing, a failure with its reason, then review', async () => {
    const { history, watchList } = setup();
    const url = `${base}/legal/privacy`;
    served = { status: 200, html: V1 };
    const site = await watchList.watch(url, 24);
    const entry = () => getWatches().then((list) => list.find((w) => w.site === site)!);
    expect(await entry()).toMatchObject({ policyUrl: url, status: 'pending', frequencyHours: 24 });

    const first = await watchList.runCheck(await entry(), true);
    expect(first.reason).toBeNull();
    expect(first.status).toBe('first');
    expect(await entry()).toMatchObject({ status: 'up-to-date', failures: 0, lastChange: null });

    served = { status: 200, html: V2 };
    const changed = await watchList.runCheck(await entry(), true);
    expect(changed).toMatchObject({ status: 'changed', reviewable: true });
    expect(changed.major).toBeGreaterThan(0);
    expect(await entry()).toMatchObject({ status: 'changed', failures: 0 });
    expect((await entry()).lastChange).not.toBeNull();

    served = { status: 404, html: 'gone' };
    const gone = await watchList.runCheck(await entry(), true);
    expect(gone.status).toBe('failed');
    expect(await entry()).toMatchObject({ status: 'failed', failures: 1 });
    expect((await entry()).failure).toMatch(/404/);
    // The reason travels as a code too, so the options page says it in the reader's language.
    expect((await entry()).failureCode).toEqual({ code: 'http-error', n: 404 });
    expect(explainer('de').ui.failure({ code: 'http-error', n: 404 })).toBe('der Server antwortete mit HTTP 404');

    // The user reviews the change: the entry no longer says "Changed".
    served = { status: 200, html: V2 };
    expect((await watchList.runCheck(await entry(), true)).status).toBe('unchanged');
    const store = await history.store();
    for (const v of await store.listVersions((await store.listPolicies(site))[0]!.policyId)) await store.markReviewed(v.versionId);
    await watchList.settleReviewedWatch(store, site);
    expect((await entry()).status).toBe('up-to-date');
  });

  it('never saves a page that is not a privacy policy, and says why', async () => {
    const { history, watchList } = setup();
    served = { status: 200, html: '<!doctype html><html><head><title>Cooking</title></head><body><h1>Soup</h1><p>Boil water. Add salt and vegetables, then simmer for an hour.</p></body></html>' };
    const site = await watchList.watch(`${base}/recipes`, 24);
    const result = await watchList.runCheck((await getWatches()).find((w) => w.site === site)!, true);
    expect(result.status).toBe('failed');
    expect(result.reason).toBeTruthy();
    expect(await (await history.store()).listPolicies(site)).toEqual([]);
  });
});
