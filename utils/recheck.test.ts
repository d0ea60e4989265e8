/**
 * Checking watched policies on WXT's fakeBrowser, with everything else real: a policy served by a local
 * HTTP server, fetched with every hop judged, parsed by the page pipeline, saved in a fake-indexeddb
 * store and analysed by the engine. What the options page shows for a watched site, check after check;
 * the alarm; the desktop notification and what a click on it opens.
 */
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { explainer } from '@/lib/core/explain';
import { samePolicyAddress } from '@/lib/core/url';
import { RECHECK_ALARM } from '@/lib/extension/schedule';
import { MAX_CHANGES_PER_SITE_PER_DAY, MAX_POLICIES_PER_SITE } from '@/lib/history';
import { makeDocument } from '@/lib/history/test-support';
import { getSettings, getWatches, setSettings, updateWatches } from './prefs';
import { backgroundForTest, POLICY_V1, POLICY_V2, senderOf, withBackgroundWorld, withServer } from './testing/support';
import { createDomRunner, type RunInDom } from './dom';
import { createFeatures } from './features';
import { createRecheck } from './recheck';

withBackgroundWorld();

/** Notifications of changes left out (./change-notices.test.ts tests them with checks). */
const quietNotices = { tellUntold: async () => false, tellAllUntold: async () => {}, start: async () => {} };
const server = withServer();

describe('a check and a new address at once', () => {
  it('a check of the old address leaves the entry the user pointed elsewhere meanwhile to its own first check', async () => {
    server.served = { status: 200, html: POLICY_V1 };
    const { recheck, watchList } = backgroundForTest();
    const site = await watchList.watch(`${server.base}/old-privacy`, 24);
    const before = (await getWatches()).find((w) => w.site === site)!;
    // "Watch this address instead" lands between the alarm's reading of the list and the end of its check.
    await watchList.watch(`${server.base}/legal/privacy`);
    await recheck.runCheck(before);
    expect((await getWatches()).find((w) => w.site === site)).toMatchObject({ policyUrl: `${server.base}/legal/privacy`, status: 'pending', lastCheck: null });
  });
});

describe('a check that is done', () => {
  it('reports what it found even when the badge cannot be refreshed afterwards', async () => {
    server.served = { status: 200, html: POLICY_V1 };
    const { history, watchList } = backgroundForTest();
    // The badge API failing (fault injection: the real one cannot be made to fail here).
    const recheck = createRecheck({ history, watchList, dom: createDomRunner(), notices: quietNotices, badges: { refreshAll: () => Promise.reject(new Error('badge API gone')) } });
    const site = await watchList.watch(`${server.base}/legal/privacy`, 24);
    const entry = async () => (await getWatches()).find((w) => w.site === site)!;
    expect((await recheck.runCheck(await entry(), true)).status).toBe('first');
    server.served = { status: 200, html: POLICY_V2 };
    expect(await recheck.runCheck(await entry(), true)).toMatchObject({ status: 'changed', reviewable: true });
    expect(await entry()).toMatchObject({ status: 'changed', failures: 0 });
  });
});

describe('a check reads the page as the visit did', () => {
  // Accented words in clauses, and the page in windows-1252 (many older European policies still are).
  const html = POLICY_V1.replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
    .replace(/personal information/g, 'personal information (données personnelles)')
    .replace('data protection officer', 'Datenschutzbeauftragter (data protection officer)');
  const latin1 = Uint8Array.from(Buffer.from(html, 'latin1'));
  it.each([
    ['the server says so', 'text/html; charset=windows-1252'],
    ['only the page says so, in <meta charset>', 'text/html'],
  ])('a windows-1252 policy visited, then checked unchanged, is unchanged (%s)', async (_name, type) => {
    expect(html).toContain('données');
    server.served = { status: 200, html, bytes: latin1, type };
    const { handlers, recheck, history } = backgroundForTest();
    const url = `${server.base}/legal/privacy`;
    const tab = await fakeBrowser.tabs.create({ url });
    // What the browser shows, and the content script copies: the page decoded as it declares.
    expect((await handlers.pageCaptured({ url, reason: 'load: title names a privacy policy', html }, senderOf(tab))).status).toBe('first');
    const { site } = await handlers.watchSite({ policyUrl: url, frequencyHours: 24 }, {} as never);
    const entry = async () => (await getWatches()).find((w) => w.site === site)!;
    expect(await recheck.runCheck(await entry())).toMatchObject({ status: 'unchanged' });
    expect(await entry()).toMatchObject({ status: 'up-to-date' });
    const store = await history.store();
    expect(await store.listVersions((await store.listPolicies(site))[0]!.policyId)).toHaveLength(1);
  });
});

describe('a policy that speaks of bot checks is still checked', () => {
  it.each([
    ['mentions reCAPTCHA', POLICY_V1.replace('</body>', '<p>Our contact form uses Google reCAPTCHA, which sends your IP address to Google.</p></body>')],
    ['carries a bot-check script', POLICY_V1.replace('</body>', '<script src="/cdn-cgi/challenge-platform/scripts/jsd/main.js"></script></body>')],
  ])('a policy that %s is recorded, not refused as a captcha wall', async (_name, html) => {
    expect(html).not.toBe(POLICY_V1);
    server.served = { status: 200, html };
    const { handlers } = backgroundForTest();
    const { site } = await handlers.watchSite({ policyUrl: `${server.base}/legal/privacy`, frequencyHours: 24 }, {} as never);
    expect(await handlers.checkNow({ site }, {} as never)).toEqual({ status: 'first', reason: null, failure: null, reviewable: true, analysed: true });
  });
  it('a bot check that is no policy still fails with its reason', async () => {
    server.served = { status: 200, html: '<html><head><title>Just a moment...</title></head><body><div id="cf-challenge">Verify you are human</div></body></html>' };
    const { handlers } = backgroundForTest();
    const { site } = await handlers.watchSite({ policyUrl: `${server.base}/legal/privacy`, frequencyHours: 24 }, {} as never);
    expect(await handlers.checkNow({ site }, {} as never)).toMatchObject({ status: 'failed', failure: { code: 'captcha' } });
  });
});

describe('a page refused for its markup', () => {
  it('a page with a tag of thousands of attributes is refused before any parser reads it, with its reason, and the next good page is kept', async () => {
    // Firefox's DOMParser takes time quadratic in one tag's attributes (400,000 held its background 45 s).
    const attributes = Array.from({ length: 5_000 }, (_, i) => ` data-a${i}="x"`).join('');
    server.served = { status: 200, html: POLICY_V2.replace('<body', `<body${attributes}`) };
    expect(server.served.html).not.toBe(POLICY_V2);
    const { handlers } = backgroundForTest();
    const { site } = await handlers.watchSite({ policyUrl: `${server.base}/legal/privacy`, frequencyHours: 24 }, {} as never);
    expect(await handlers.checkNow({ site }, {} as never)).toMatchObject({ status: 'failed', failure: { code: 'attributes-in-tag', n: 5_000, m: 1_000 } });
    const entry = (await getWatches()).find((w) => w.site === site)!;
    expect(entry).toMatchObject({ status: 'failed', failureCode: { code: 'attributes-in-tag', n: 5_000, m: 1_000 } });
    expect(explainer('en').ui.failure(entry.failureCode!)).toBe('the page has a tag with 5,000 attributes, more than the 1,000 Clausewatch reads in one tag; not stored');
    // Nothing was stored: the next good page is the policy's first version.
    server.served = { status: 200, html: POLICY_V2 };
    expect(await handlers.checkNow({ site }, {} as never)).toEqual({ status: 'first', reason: null, failure: null, reviewable: true, analysed: true });
  });
});

describe('checking a watched policy', () => {
  it('records a first version, a change worth reviewing, a failure with its reason, then review', async () => {
    const { history, watchList, recheck, handlers } = backgroundForTest();
    const url = `${server.base}/legal/privacy`;
    server.served = { status: 200, html: POLICY_V1 };
    const { site } = await handlers.watchSite({ policyUrl: url, frequencyHours: 24 }, {} as never);
    const entry = () => getWatches().then((list) => list.find((w) => w.site === site)!);
    expect(await entry()).toMatchObject({ policyUrl: url, status: 'pending', frequencyHours: 24 });

    expect(await handlers.checkNow({ site }, {} as never)).toEqual({ status: 'first', reason: null, failure: null, reviewable: true, analysed: true });
    expect(await entry()).toMatchObject({ status: 'up-to-date', failures: 0, lastChange: null });

    server.served = { status: 200, html: POLICY_V2 };
    const changed = await recheck.runCheck(await entry(), true);
    expect(changed).toMatchObject({ status: 'changed', reviewable: true });
    expect(changed.major).toBeGreaterThan(0);
    expect(await entry()).toMatchObject({ status: 'changed', failures: 0 });
    expect((await entry()).lastChange).not.toBeNull();

    server.served = { status: 404, html: 'gone' };
    // "Check now" answers with the failure as a code, which the options page words in the reader's language.
    expect(await handlers.checkNow({ site }, {} as never)).toMatchObject({ status: 'failed', failure: { code: 'http-error', n: 404 } });
    const gone = await recheck.runCheck(await entry(), true);
    expect(gone.status).toBe('failed');
    expect(await entry()).toMatchObject({ status: 'failed', failures: 2 });
    expect((await entry()).failure).toMatch(/404/);
    // The reason travels as a code too, so the options page says it in the reader's language.
    expect((await entry()).failureCode).toEqual({ code: 'http-error', n: 404 });
    expect(explainer('de').ui.failure({ code: 'http-error', n: 404 })).toBe('der Server antwortete mit HTTP 404');

    // The user reviews the change: the entry no longer says "Changed".
    server.served = { status: 200, html: POLICY_V2 };
    expect((await recheck.runCheck(await entry(), true)).status).toBe('unchanged');
    const store = await history.store();
    for (const v of await store.listVersions((await store.listPolicies(site))[0]!.policyId)) await store.markReviewed(v.versionId);
    await watchList.settleReviewedWatch(store, site);
    expect((await entry()).status).toBe('up-to-date');
  });

  it('reads "Up to date" again when the next check finds the change undone before anyone reviewed it', async () => {
    const { recheck, handlers } = backgroundForTest();
    const url = `${server.base}/legal/privacy`;
    server.served = { status: 200, html: POLICY_V1 };
    const { site } = await handlers.watchSite({ policyUrl: url, frequencyHours: 24 }, {} as never);
    const entry = () => getWatches().then((list) => list.find((w) => w.site === site)!);
    await recheck.runCheck(await entry(), true);
    server.served = { status: 200, html: POLICY_V2 };
    await recheck.runCheck(await entry(), true);
    expect(await entry()).toMatchObject({ status: 'changed' });
    server.served = { status: 200, html: POLICY_V1 };
    expect(await recheck.runCheck(await entry(), true)).toMatchObject({ status: 'changed', reviewable: true });
    // The policy says again what it said before: nothing awaits review, and nothing says "Changed".
    expect(await entry()).toMatchObject({ status: 'up-to-date' });
  });

  it('"Check now" on a change of formatting only answers that it is nothing to review, and the entry stays "Up to date"', async () => {
    const { handlers } = backgroundForTest();
    server.served = { status: 200, html: POLICY_V1 };
    const { site } = await handlers.watchSite({ policyUrl: `${server.base}/legal/privacy`, frequencyHours: 24 }, {} as never);
    expect(await handlers.checkNow({ site }, {} as never)).toMatchObject({ status: 'first' });
    // A new date and a hyphen: a new version, but nothing the popup offers to review.
    server.served = { status: 200, html: POLICY_V1.replace('March 3, 2024', 'May 9, 2025').replace('your email address', 'your e-mail address') };
    expect(await handlers.checkNow({ site }, {} as never)).toEqual({ status: 'changed', reason: null, failure: null, reviewable: false, analysed: true });
    expect((await getWatches()).find((w) => w.site === site)).toMatchObject({ status: 'up-to-date' });
    // A change worth reviewing is answered as one.
    server.served = { status: 200, html: POLICY_V2 };
    expect(await handlers.checkNow({ site }, {} as never)).toMatchObject({ status: 'changed', reviewable: true });
    expect((await getWatches()).find((w) => w.site === site)).toMatchObject({ status: 'changed' });
  });

  it('never saves a page that is not a privacy policy, and says why', async () => {
    const { history, watchList, recheck } = backgroundForTest();
    server.served = { status: 200, html: '<!doctype html><html><head><title>Cooking</title></head><body><h1>Soup</h1><p>Boil water. Add salt and vegetables, then simmer for an hour.</p></body></html>' };
    const site = await watchList.watch(`${server.base}/recipes`, 24);
    const result = await recheck.runCheck((await getWatches()).find((w) => w.site === site)!, true);
    expect(result.status).toBe('failed');
    expect(result.reason).toBeTruthy();
    expect(await (await history.store()).listPolicies(site)).toEqual([]);
  });

  it('refuses "Check now" for a site that is not watched', async () => {
    const { handlers } = backgroundForTest();
    await expect(handlers.checkNow({ site: 'example.com' }, {} as never)).rejects.toMatchObject({ message: 'example.com is not watched.', code: 'not-watched', value: 'example.com' });
  });
});

describe('the alarm', () => {
  it('is created once, and checks the due sites when it fires (none while paused)', async () => {
    const { recheck, watchList } = backgroundForTest();
    recheck.schedule();
    await expect.poll(() => fakeBrowser.alarms.get(RECHECK_ALARM)).toMatchObject({ name: RECHECK_ALARM, periodInMinutes: 30 });

    server.served = { status: 200, html: POLICY_V1 };
    const site = await watchList.watch(`${server.base}/legal/privacy`, 24);
    await updateWatches((list) => list.map((w) => ({ ...w, nextCheck: 0 })));
    await setSettings({ paused: true });
    await recheck.runDueChecks();
    expect((await getWatches())[0]).toMatchObject({ site, status: 'pending', lastCheck: null });

    await setSettings({ paused: false });
    await fakeBrowser.alarms.onAlarm.trigger({ name: RECHECK_ALARM, scheduledTime: Date.now(), periodInMinutes: 30 });
    await expect.poll(async () => (await getWatches())[0]?.status).toBe('up-to-date');
  });
});

/** The background with a fetch that records each request and first runs `beforeNext` once, if set. */
function backgroundRecordingFetches(options: { factory?: IDBFactory; dom?: RunInDom } = {}) {
  const factory = options.factory ?? new IDBFactory();
  const fetched: string[] = [];
  const hook: { beforeNext: (() => Promise<void>) | null } = { beforeNext: null };
  const fetchRecorded = (async (u: string, init?: RequestInit) => {
    fetched.push(u);
    const h = hook.beforeNext;
    hook.beforeNext = null;
    if (h) await h();
    return fetch(u, init);
  }) as typeof fetch;
  return { ...createFeatures({ idb: () => factory, dom: options.dom ?? createDomRunner(), language: () => 'en', fetch: fetchRecorded }), fetched, hook };
}

/** A DOM that never answers for pages of `path` (a parse the browser stopped with its worker), and reads the rest. */
function domStuckOn(path: string): RunInDom {
  const real = createDomRunner();
  return ((task: Parameters<RunInDom>[0]) => ('url' in task && typeof task.url === 'string' && task.url.includes(path) ? new Promise(() => {}) : real(task))) as RunInDom;
}

/** Three watched sites, due in this order. */
async function threeDueSites(bg: ReturnType<typeof backgroundRecordingFetches>) {
  const port = new URL(server.base).port;
  // Three sites on loopback: 127.0.0.1, localhost and 127.0.0.2 are three sites.
  const urls = [`http://127.0.0.1:${port}/a/privacy`, `http://localhost:${port}/b/privacy`, `http://127.0.0.2:${port}/c/privacy`];
  for (const u of urls) await bg.handlers.watchSite({ policyUrl: u }, none);
  await updateWatches((list) => list.map((w, i) => ({ ...w, nextCheck: i })));
  return urls;
}

describe('an alarm batch under way', () => {

  it('sends no further request after "Pause all checks" mid-batch', async () => {
    server.served = { status: 200, html: POLICY_V1 };
    const bg = backgroundRecordingFetches();
    const urls = await threeDueSites(bg);
    bg.hook.beforeNext = async () => void (await bg.handlers.setSettings({ paused: true }, none));
    await bg.recheck.runDueChecks();
    expect(bg.fetched).toEqual([urls[0]]);
  });

  it('sends no request for a site removed, or pointed at another address, mid-batch', async () => {
    server.served = { status: 200, html: POLICY_V1 };
    const bg = backgroundRecordingFetches();
    const urls = await threeDueSites(bg);
    bg.hook.beforeNext = async () => {
      await bg.handlers.unwatchSite({ site: 'localhost' }, none);
      await bg.handlers.watchSite({ policyUrl: `http://127.0.0.2:${new URL(server.base).port}/c/privacy-notice` }, none);
    };
    await bg.recheck.runDueChecks();
    expect(bg.fetched).toEqual([urls[0]]);
    // The new address keeps its own first check.
    expect((await getWatches()).find((w) => w.site === '127.0.0.2')).toMatchObject({ status: 'pending', lastCheck: null });
  });

  it('sends no second request for a site the user checked with "Check now" mid-batch', async () => {
    server.served = { status: 200, html: POLICY_V1 };
    const bg = backgroundRecordingFetches();
    const urls = await threeDueSites(bg);
    // While the batch fetches the first site, the user checks the second, done before the batch reaches it.
    bg.hook.beforeNext = async () => void (await bg.handlers.checkNow({ site: 'localhost' }, none));
    await bg.recheck.runDueChecks();
    expect(bg.fetched).toEqual(urls);
  });
});

describe('a check the browser stops mid-way', () => {
  it('is recorded as one that did not finish by the next worker, which checks the other due sites instead of stopping at it again', async () => {
    server.served = { status: 200, html: POLICY_V1 };
    const factory = new IDBFactory();
    // Every worker stops while it reads the first site's page (too slow for this machine, say).
    const first = backgroundRecordingFetches({ factory, dom: domStuckOn('/a/privacy') });
    const urls = await threeDueSites(first);
    void first.recheck.runDueChecks();
    await expect.poll(() => first.fetched).toEqual([urls[0]]);
    const next = backgroundRecordingFetches({ factory, dom: domStuckOn('/a/privacy') });
    await next.recheck.runDueChecks();
    expect(next.fetched).toEqual([urls[1], urls[2]]);
    const entries = await getWatches();
    expect(entries.find((w) => w.site === '127.0.0.1')).toMatchObject({ status: 'failed', failureCode: { code: 'unfinished' }, failures: 1, checking: null });
    expect(entries.find((w) => w.site === '127.0.0.1')!.nextCheck).toBeGreaterThan(Date.now());
    // Both checked (the server listens on 127.0.0.1 alone, so the third site's check fails to connect).
    expect(entries.filter((w) => w.site !== '127.0.0.1').map((w) => [w.site, w.status, w.failureCode?.code ?? null])).toEqual([
      ['localhost', 'up-to-date', null],
      ['127.0.0.2', 'failed', 'network'],
    ]);
    // The options page words it in the reader's language.
    expect(explainer('de').ui.failure({ code: 'unfinished' })).toMatch(/bevor die Prüfung fertig war/);
  });

  it('is not taken for one that stopped while it is still under way in this worker', async () => {
    server.served = { status: 200, html: POLICY_V1 };
    const bg = backgroundRecordingFetches({ dom: domStuckOn('/a/privacy') });
    const urls = await threeDueSites(bg);
    void bg.recheck.runDueChecks();
    await expect.poll(() => bg.fetched).toEqual([urls[0]]);
    // The next alarm while the first site's page is still being read: the others are checked, and the first
    // stays under way (claimed, not failed).
    await bg.recheck.runDueChecks();
    expect(bg.fetched).toEqual(urls);
    expect((await getWatches()).find((w) => w.site === '127.0.0.1')).toMatchObject({ status: 'pending', failures: 0, checking: expect.any(Number) });
    // Once its claim's back-off has passed, an alarm in the same worker does not wait on it again.
    await updateWatches((list) => list.map((w) => (w.site === '127.0.0.1' ? { ...w, nextCheck: 0 } : w)));
    await bg.recheck.runDueChecks();
    expect(bg.fetched).toEqual(urls);
  });

  it('is not taken for one that stopped when the user gives another address of the same policy during it', async () => {
    server.served = { status: 200, html: POLICY_V1 };
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const real = createDomRunner();
    const dom = (async (task: Parameters<RunInDom>[0]) => {
      await gate;
      return real(task);
    }) as RunInDom;
    const bg = backgroundRecordingFetches({ dom });
    const { site } = await bg.handlers.watchSite({ policyUrl: `${server.base}/legal/privacy` }, none);
    const checking = bg.handlers.checkNow({ site }, none);
    await expect.poll(() => bg.fetched.length).toBe(1);
    // The same policy in German: the entry keeps its state, at the new address.
    await bg.watchList.watch(`${server.base}/legal/privacy?hl=de`);
    await bg.recheck.runDueChecks();
    expect((await getWatches())[0]).toMatchObject({ policyUrl: `${server.base}/legal/privacy?hl=de`, status: 'pending', failureCode: null, failures: 0, checking: null });
    release();
    expect((await checking).status).toBe('first');
  });
});

describe('notifications', () => {
  async function changeOnce(notify: boolean) {
    const { recheck, watchList, notifications } = backgroundForTest();
    notifications.listen();
    await setSettings({ notifications: notify });
    server.served = { status: 200, html: POLICY_V1 };
    const site = await watchList.watch(`${server.base}/legal/privacy`, 24);
    const entry = async () => (await getWatches()).find((w) => w.site === site)!;
    await recheck.runCheck(await entry());
    server.served = { status: 200, html: POLICY_V2 };
    await recheck.runCheck(await entry());
    return site;
  }

  it('stays silent about a major change unless the user turned notifications on', async () => {
    await changeOnce(false);
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
  });

  it('tells of a major change when they are on, and a click opens the site’s history', async () => {
    const site = await changeOnce(true);
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([`clausewatch:${site}`]);
    await fakeBrowser.notifications.onClicked.trigger(`clausewatch:${site}`);
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((t) => t.url)).toContain(fakeBrowser.runtime.getURL(`/site-history.html?site=${encodeURIComponent(site)}`));
  });
});

describe('adding a site', () => {
  it('offers the address typed, the policy link of the home page and the usual paths, once each', async () => {
    const { handlers } = backgroundForTest();
    server.served = { status: 200, html: `<!doctype html><html><body><footer><a href="${server.base}/legal/privacy">Privacy Policy</a></footer></body></html>` };
    const found = await handlers.discoverPolicy({ input: `${server.base}/legal/privacy` }, {} as never);
    expect(found.site).toBe('127.0.0.1');
    expect(found.candidates[0]).toEqual({ url: `${server.base}/legal/privacy`, why: { code: 'entered' } });
    expect(found.candidates.filter((c) => c.url === `${server.base}/legal/privacy`)).toHaveLength(1);
    expect(found.candidates.length).toBeGreaterThan(1);
    await expect(handlers.discoverPolicy({ input: 'not a domain at all' }, {} as never)).rejects.toMatchObject({ code: 'not-an-address', value: 'not a domain at all' });
  });

  it('offers one policy once however it was typed', async () => {
    const { handlers } = backgroundForTest();
    server.served = { status: 200, html: '<!doctype html><html><body><footer><a href="/legal/privacy">Privacy Policy</a></footer></body></html>' };
    for (const typed of ['/legal/privacy/', '/Legal/Privacy']) {
      const found = await handlers.discoverPolicy({ input: `${server.base}${typed}` }, {} as never);
      expect(found.candidates.filter((c) => samePolicyAddress(c.url, `${server.base}/legal/privacy`)), typed).toHaveLength(1);
    }
  });

  it('refuses another scheme or a mistyped address (not a site named after the scheme)', async () => {
    const { handlers } = backgroundForTest();
    await expect(handlers.discoverPolicy({ input: 'ftp://example.com/privacy' }, {} as never)).rejects.toMatchObject({ code: 'not-a-web-page' });
    await expect(handlers.discoverPolicy({ input: 'mailto:privacy@example.com' }, {} as never)).rejects.toMatchObject({ code: 'not-a-web-page' });
    await expect(handlers.discoverPolicy({ input: 'http:/example.com/privacy' }, {} as never)).rejects.toMatchObject({ code: 'not-an-address' });
    await expect(handlers.discoverPolicy({ input: 'examplecom' }, {} as never)).rejects.toMatchObject({ code: 'not-an-address' });
    // A user name or password would be sent with every check (and the browser's fetch refuses it).
    await expect(handlers.discoverPolicy({ input: 'https://user:secret@www.example.org/privacy' }, {} as never)).rejects.toMatchObject({ code: 'has-credentials' });
  });
});

const none = {} as never;

describe('an unreviewed change across a failed check', () => {
  it('still reads "changed" once the site answers again', async () => {
    server.served = { status: 200, html: POLICY_V1 };
    const { handlers } = backgroundForTest();
    const { site } = await handlers.watchSite({ policyUrl: `${server.base}/legal/privacy` }, none);
    expect((await handlers.checkNow({ site }, none)).status).toBe('first');
    server.served = { status: 200, html: POLICY_V2 };
    expect((await handlers.checkNow({ site }, none)).status).toBe('changed');
    server.served = { status: 503, html: 'down for maintenance' };
    expect((await handlers.checkNow({ site }, none)).status).toBe('failed');
    server.served = { status: 200, html: POLICY_V2 };
    expect((await handlers.checkNow({ site }, none)).status).toBe('unchanged');
    expect((await getWatches())[0]).toMatchObject({ status: 'changed', failures: 0 });
  });

  it('reads "up to date" after a failure when nothing awaits review', async () => {
    server.served = { status: 200, html: POLICY_V1 };
    const { handlers } = backgroundForTest();
    const { site } = await handlers.watchSite({ policyUrl: `${server.base}/legal/privacy` }, none);
    await handlers.checkNow({ site }, none);
    server.served = { status: 503, html: 'down for maintenance' };
    await handlers.checkNow({ site }, none);
    server.served = { status: 200, html: POLICY_V1 };
    expect((await handlers.checkNow({ site }, none)).status).toBe('unchanged');
    expect((await getWatches())[0]).toMatchObject({ status: 'up-to-date' });
  });

  it('keeps what it knows when the same policy is added again, spelt differently', async () => {
    server.served = { status: 200, html: POLICY_V1 };
    const { handlers } = backgroundForTest();
    const { site } = await handlers.watchSite({ policyUrl: `${server.base}/legal/privacy` }, none);
    await handlers.checkNow({ site }, none);
    server.served = { status: 200, html: POLICY_V2 };
    await handlers.checkNow({ site }, none);
    const before = (await getWatches())[0]!;
    for (const path of ['/legal/privacy/', '/Legal/Privacy']) {
      await handlers.watchSite({ policyUrl: `${server.base}${path}` }, none);
      const after = await getWatches();
      expect(after).toHaveLength(1);
      expect(after[0]).toMatchObject({ status: 'changed', nextCheck: before.nextCheck });
    }
  });
});

describe('a change that awaits review, which the entry does not know of', () => {
  it('a site added on the options page after a change was recorded reads "Changed", before and after its first check', async () => {
    const { handlers, watchList, history } = backgroundForTest();
    const url = `${server.base}/legal/privacy`;
    const tab = await fakeBrowser.tabs.create({ url });
    await handlers.pageCaptured({ url, reason: 'load', html: POLICY_V1 }, senderOf(tab));
    expect((await handlers.pageCaptured({ url, reason: 'load', html: POLICY_V2 }, senderOf(tab))).status).toBe('changed');
    const { site } = await handlers.watchSite({ policyUrl: url }, none);
    // Seeded as the popup's first look seeds it: what the history says.
    expect((await getWatches())[0]).toMatchObject({ status: 'changed', lastChange: expect.any(Number) });
    server.served = { status: 200, html: POLICY_V2 };
    expect((await handlers.checkNow({ site }, none)).status).toBe('unchanged');
    expect(await watchList.awaitsReview(await history.store(), site)).toBe(true);
    expect((await getWatches())[0]).toMatchObject({ status: 'changed' });
  });

  it('a check whose version was saved but whose entry was not updated (the worker stopped): the next check reads "Changed"', async () => {
    const { handlers, watchList, history, badges } = backgroundForTest();
    const url = `${server.base}/legal/privacy`;
    server.served = { status: 200, html: POLICY_V1 };
    const { site } = await handlers.watchSite({ policyUrl: url }, none);
    expect((await handlers.checkNow({ site }, none)).status).toBe('first');
    const deps = { history, watchList, badges, notices: quietNotices, dom: createDomRunner() };
    // The version is saved (one transaction); the worker stops before the entry is updated.
    server.served = { status: 200, html: POLICY_V2 };
    expect((await createRecheck(deps).checkPolicy(url, false)).status).toBe('changed');
    expect((await getWatches())[0]).toMatchObject({ status: 'up-to-date', lastChange: null });
    // The restarted worker's next check.
    expect((await createRecheck(deps).runCheck((await getWatches())[0]!)).status).toBe('unchanged');
    expect(await watchList.awaitsReview(await history.store(), site)).toBe(true);
    expect((await getWatches())[0]).toMatchObject({ status: 'changed', lastChange: expect.any(Number) });
  });
});

describe('settings changed from two pages at once', () => {
  it('keeps both changes', async () => {
    const { handlers } = backgroundForTest();
    await Promise.all([handlers.setSettings({ paused: true }, none), handlers.setSettings({ autoWatchVisited: true }, none)]);
    expect(await getSettings()).toMatchObject({ paused: true, autoWatchVisited: true });
  });
});

describe('two checks of one policy at once', () => {
  it('a "Check now" during the alarm\'s check of the same policy still says where a hidden redirect leads', async () => {
    const { history, watchList } = backgroundForTest();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const fetch = (async (u: string, init?: RequestInit) => {
      if (init?.redirect === 'manual') {
        await gate;
        return { type: 'opaqueredirect', status: 0, url: '', headers: new Headers(), body: null };
      }
      // What the browser reaches when it follows the redirect itself.
      return { type: 'basic', status: 200, url: 'https://www.example.com/privacy-center', headers: new Headers({ 'content-type': 'text/html' }), body: null };
    }) as unknown as typeof globalThis.fetch;
    const recheck = createRecheck({ history, watchList, dom: createDomRunner(), notices: quietNotices, badges: { refreshAll: async () => {} }, fetch });
    const site = await watchList.watch('https://www.example.com/legal/privacy', 24);
    const entry = (await getWatches()).find((w) => w.site === site)!;
    const alarm = recheck.runCheck(entry); // the background check
    await new Promise((r) => setTimeout(r, 20));
    const asked = recheck.handlers.checkNow({ site }, {} as never); // the user's "Check now", meanwhile
    await new Promise((r) => setTimeout(r, 20));
    release();
    await alarm;
    const result = await asked;
    // The user's check follows the redirect and reports the move, whatever the alarm's check found.
    expect(result.failure?.code).not.toBe('hidden-redirect');
    expect((await getWatches())[0]?.movedTo).toBe('https://www.example.com/privacy-center');
  });

  it('the alarm\'s and a "Check now" at the same moment share one fetch: one failure counted', async () => {
    server.served = { status: 503, html: 'down for maintenance' };
    const bg = backgroundRecordingFetches();
    const { site } = await bg.handlers.watchSite({ policyUrl: `${server.base}/legal/privacy` }, none);
    await updateWatches((list) => list.map((w) => ({ ...w, nextCheck: 0 })));
    // The first request is slow: the user's check arrives while the alarm's is under way.
    bg.hook.beforeNext = () => new Promise((r) => setTimeout(r, 50));
    const alarm = bg.recheck.runDueChecks();
    await new Promise((r) => setTimeout(r, 10));
    const asked = await bg.handlers.checkNow({ site }, none);
    await alarm;
    expect(asked).toMatchObject({ status: 'failed', failure: { code: 'http-error', n: 503 } });
    expect({ fetches: bg.fetched.length, failures: (await getWatches())[0]!.failures }).toEqual({ fetches: 1, failures: 1 });
  });

  it('share one fetch: one failure counted when the site is down', async () => {
    const { handlers } = backgroundForTest();
    const { site } = await handlers.watchSite({ policyUrl: `${server.base}/legal/privacy` }, none);
    server.served = { status: 503, html: 'down for maintenance' };
    const [a, b] = await Promise.all([handlers.checkNow({ site }, none), handlers.checkNow({ site }, none)]);
    expect([a.status, b.status]).toEqual(['failed', 'failed']);
    expect((await getWatches())[0]).toMatchObject({ status: 'failed', failures: 1 });
  });
});

describe('a watched site whose policies changed as often as a day records', () => {
  it('fails its check with that reason, worded in the reader’s language, and stores nothing', async () => {
    server.served = { status: 200, html: POLICY_V2 };
    const { recheck, watchList, history } = backgroundForTest();
    const url = `${server.base}/legal/privacy`;
    const store = await history.store();
    const reading = (n: number) => makeDocument({ Data: [`We collect your email. Reading number ${n}.`] }, { url });
    for (let n = 0; n <= MAX_CHANGES_PER_SITE_PER_DAY; n++) await store.savePolicyVersion({ url, document: reading(n), kind: 'privacy-policy' });
    const site = await watchList.watch(url, 24);
    const result = await recheck.runCheck((await getWatches()).find((w) => w.site === site)!, true);
    expect(result).toMatchObject({ status: 'failed', failure: { code: 'too-many-changes', n: MAX_CHANGES_PER_SITE_PER_DAY } });
    expect(explainer('de').ui.failure(result.status === 'failed' ? result.failure : { code: 'error' })).toContain('in den letzten 24 Stunden schon 20-mal geändert');
    expect(await store.listVersions((await store.listPolicies(site))[0]!.policyId)).toHaveLength(MAX_CHANGES_PER_SITE_PER_DAY + 1);
  });
});

describe('a watched policy at a new address of a site that has as many policies as it may', () => {
  it('fails its check with that reason, worded in the reader’s language, and stores nothing', async () => {
    server.served = { status: 200, html: POLICY_V1 };
    const { recheck, watchList, history } = backgroundForTest();
    const store = await history.store();
    for (let i = 0; i < MAX_POLICIES_PER_SITE; i++) {
      const url = `${server.base}/legal/edition-${i}/privacy`;
      await store.savePolicyVersion({ url, document: makeDocument({ Data: ['We collect your email.'] }, { url }), kind: 'privacy-policy' });
    }
    const site = await watchList.watch(`${server.base}/legal/privacy`, 24);
    const result = await recheck.runCheck((await getWatches()).find((w) => w.site === site)!, true);
    expect(result).toMatchObject({ status: 'failed', failure: { code: 'too-many-policies', n: MAX_POLICIES_PER_SITE } });
    expect(explainer('fr').ui.failure(result.status === 'failed' ? result.failure : { code: 'error' })).toContain('au plus 200 politiques par site');
    expect(await store.listPolicies(site)).toHaveLength(MAX_POLICIES_PER_SITE);
  });
});
