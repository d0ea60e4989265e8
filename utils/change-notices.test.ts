/**
 * The desktop notification of a major change found by a background check, on fakeBrowser with the rest
 * real (a local server, the page pipeline, a fake-indexeddb history, the engine): told once, told after a
 * worker stopped between saving the change and telling of it, and not told where the user already knows.
 */
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createDomRunner } from './dom';
import { createFeatures } from './features';
import { getWatches, MAX_NOTICE_POLICIES, setAsideCount, setSettings } from './prefs';
import { POLICY_V1, POLICY_V2, senderOf, withBackgroundWorld, withServer } from './testing/support';

withBackgroundWorld();
const server = withServer();
const none = {} as never;

/** One browser profile: each call is the background worker starting again over the same history. */
function profile(net?: typeof fetch) {
  const factory = new IDBFactory();
  return () => createFeatures({ idb: () => factory, dom: createDomRunner(), language: () => 'en', ...(net ? { fetch: net } : {}) });
}

const shown = async () => Object.keys(await fakeBrowser.notifications.getAll());
/** The user dismisses what is shown, so a second notification would show again. */
const dismissAll = async () => {
  for (const id of await shown()) await fakeBrowser.notifications.clear(id);
};

/** A worker started as the background starts one: the notifications' record begun before any check. */
async function started(start = profile()) {
  const worker = start();
  await worker.notices.start();
  return worker;
}

/** The site's policy changes (the second fixture, a major change) and a check reads it. */
async function changedAndChecked(worker: ReturnType<ReturnType<typeof profile>>, site: string) {
  server.served = { status: 200, html: POLICY_V2 };
  expect((await worker.handlers.checkNow({ site }, none)).status).toBe('changed');
}

/** A watched policy checked once (its first version), with notifications on or off. */
async function watchedAndChecked(worker: ReturnType<ReturnType<typeof profile>>, notifications = true, url = `${server.base}/legal/privacy`) {
  await setSettings({ notifications });
  server.served = { status: 200, html: POLICY_V1 };
  const { site } = await worker.handlers.watchSite({ policyUrl: url }, none);
  expect((await worker.handlers.checkNow({ site }, none)).status).toBe('first');
  return { site, url };
}

describe('a major change found by a check', () => {
  it('is told once: a later check of the same text, or a worker starting again, does not tell it again', async () => {
    const worker = await started();
    const { site } = await watchedAndChecked(worker);
    await changedAndChecked(worker, site);
    expect(await shown()).toEqual([`clausewatch:${site}`]);
    await dismissAll();
    expect((await worker.handlers.checkNow({ site }, none)).status).toBe('unchanged');
    await worker.notices.tellAllUntold();
    expect(await shown()).toEqual([]);
  });

  it('saved by a worker that stopped before telling of it, is told by the next worker at its start', async () => {
    const start = profile();
    const first = await started(start);
    const { url } = await watchedAndChecked(first);
    // The version is saved (one transaction); the worker stops before anything after it.
    server.served = { status: 200, html: POLICY_V2 };
    expect((await first.recheck.checkPolicy(url, false)).status).toBe('changed');
    expect(await shown()).toEqual([]);
    // The browser starts the worker again (the next alarm): no check is due yet, and still it tells.
    start().recheck.schedule();
    await vi.waitFor(async () => expect(await shown()).toHaveLength(1));
  });

  it('saved by a worker that stopped before telling of it, is told by the site’s next check', async () => {
    const start = profile();
    const first = await started(start);
    const { site, url } = await watchedAndChecked(first);
    server.served = { status: 200, html: POLICY_V2 };
    expect((await first.recheck.checkPolicy(url, false)).status).toBe('changed');
    const next = start();
    expect((await next.handlers.checkNow({ site }, none)).status).toBe('unchanged');
    expect(await shown()).toEqual([`clausewatch:${site}`]);
  });

  it('followed by another change before it was told, is still told', async () => {
    const worker = await started();
    const { site, url } = await watchedAndChecked(worker);
    server.served = { status: 200, html: POLICY_V2 };
    expect((await worker.recheck.checkPolicy(url, false)).status).toBe('changed');
    // The next change is a small one; the major one before it still awaits review, untold.
    server.served = { status: 200, html: POLICY_V2.replace('</body>', '<p>Questions about this policy can be sent to our support team.</p></body>') };
    expect((await worker.handlers.checkNow({ site }, none)).status).toBe('changed');
    expect(await shown()).toEqual([`clausewatch:${site}`]);
  });
});

describe('a major change not told', () => {
  it('while notifications were off: turning them on later does not bring it back', async () => {
    const worker = await started();
    const { site } = await watchedAndChecked(worker, false);
    await changedAndChecked(worker, site);
    await setSettings({ notifications: true });
    expect((await worker.handlers.checkNow({ site }, none)).status).toBe('unchanged');
    await worker.notices.tellAllUntold();
    expect(await shown()).toEqual([]);
  });

  it('seen on the page itself (its badge told), when a check then reads the same text', async () => {
    const worker = await started();
    const { site, url } = await watchedAndChecked(worker);
    const tab = await fakeBrowser.tabs.create({ url });
    expect((await worker.handlers.pageCaptured({ url, reason: 'load: title names a privacy policy', html: POLICY_V2 }, senderOf(tab))).status).toBe('changed');
    server.served = { status: 200, html: POLICY_V2 };
    expect((await worker.handlers.checkNow({ site }, none)).status).toBe('unchanged');
    await worker.notices.tellAllUntold();
    expect(await shown()).toEqual([]);
  });

  it('of a site the user stopped watching while its check was under way, whose version is still kept', async () => {
    const hook: { beforeNext: (() => Promise<void>) | null } = { beforeNext: null };
    const net = (async (u: string, init?: RequestInit) => {
      const h = hook.beforeNext;
      hook.beforeNext = null;
      if (h) await h();
      return fetch(u, init);
    }) as typeof fetch;
    const worker = await started(profile(net));
    const { site } = await watchedAndChecked(worker);
    const entry = (await getWatches())[0]!;
    // The policy changes; the alarm's check is fetching it when the user clicks "Stop watching".
    server.served = { status: 200, html: POLICY_V2 };
    hook.beforeNext = async () => void (await worker.handlers.unwatchSite({ site }, none));
    expect((await worker.recheck.runCheck(entry)).status).toBe('changed');
    expect(await getWatches()).toEqual([]);
    expect(await shown()).toEqual([]);
    const store = await worker.history.store();
    const [policy] = await store.listPolicies(site);
    expect(await store.listVersions(policy!.policyId)).toHaveLength(2);
  });

  it('of a site the user stopped watching as its notification was being shown', async () => {
    const worker = await started();
    const { site } = await watchedAndChecked(worker);
    // The check has asked, one last time, whether the site is watched; the browser is putting the
    // notification up when the user clicks "Stop watching", whose clearing must not come first.
    const api = fakeBrowser.notifications;
    const create = api.create.bind(api);
    let stopped: Promise<unknown> | null = null;
    api.create = (async (...args: Parameters<typeof create>) => {
      stopped ??= worker.handlers.unwatchSite({ site }, none);
      // Until "Stop watching" is done, or it waits for this notification (a quarter second is ample).
      await Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, 250))]);
      return create(...args);
    }) as typeof create;
    try {
      await changedAndChecked(worker, site);
      expect(await stopped).toEqual({ ok: true });
    } finally {
      api.create = create;
    }
    expect(await getWatches()).toEqual([]);
    expect(await shown()).toEqual([]);
  });

  it('kept before the site was watched', async () => {
    const worker = await started();
    await setSettings({ notifications: true });
    const url = `${server.base}/legal/privacy`;
    server.served = { status: 200, html: POLICY_V1 };
    await worker.recheck.checkPolicy(url, false);
    server.served = { status: 200, html: POLICY_V2 };
    expect((await worker.recheck.checkPolicy(url, false)).status).toBe('changed');
    const { site } = await worker.handlers.watchSite({ policyUrl: url }, none);
    expect((await worker.handlers.checkNow({ site }, none)).status).toBe('unchanged');
    expect(await shown()).toEqual([]);
  });

  it('kept by a release from before this record, when the new release starts', async () => {
    const start = profile();
    const old = start();
    const { url } = await watchedAndChecked(old);
    server.served = { status: 200, html: POLICY_V2 };
    expect((await old.recheck.checkPolicy(url, false)).status).toBe('changed');
    // A release from before kept no record of what it told.
    await fakeBrowser.storage.local.remove(['changeNotices', 'changeNotices$']);
    start().recheck.schedule();
    // The start's sweep has run once the record exists and the sweep's reads are done.
    await vi.waitFor(async () => expect(Object.keys(await fakeBrowser.storage.local.get('changeNotices'))).toHaveLength(1));
    await start().notices.tellAllUntold();
    expect(await shown()).toEqual([]);
  });
});

describe('a notification of a change on screen', () => {
  it('goes when the user stops watching its site, the other site’s staying; without the permission, stopping watching still works', async () => {
    const worker = await started();
    const { site } = await watchedAndChecked(worker);
    // A second site on the same server (localhost is another site than 127.0.0.1).
    const other = (await watchedAndChecked(worker, true, `http://localhost:${new URL(server.base).port}/legal/privacy`)).site;
    await changedAndChecked(worker, site);
    await changedAndChecked(worker, other);
    expect((await shown()).sort()).toEqual([`clausewatch:${site}`, `clausewatch:${other}`].sort());
    expect(await worker.handlers.unwatchSite({ site }, none)).toEqual({ ok: true });
    expect(await shown()).toEqual([`clausewatch:${other}`]);
    // The user withdraws the optional permission: the browser takes the notifications namespace away.
    const api = fakeBrowser.notifications;
    (fakeBrowser as { notifications?: unknown }).notifications = undefined;
    try {
      expect(await worker.handlers.unwatchSite({ site: other }, none)).toEqual({ ok: true });
    } finally {
      (fakeBrowser as { notifications?: unknown }).notifications = api;
    }
    expect(await getWatches()).toEqual([]);
  });
});

describe('a damaged record of what was told', () => {
  it('is set aside and counted, no old change is told, and the next major change is', async () => {
    const worker = profile()();
    const { site } = await watchedAndChecked(worker);
    await fakeBrowser.storage.local.set({ changeNotices: { from: 'yesterday', considered: 7 } });
    expect(await worker.notices.tellUntold(site)).toBe(false);
    expect(await setAsideCount()).toBe(1);
    await changedAndChecked(worker, site);
    expect(await shown()).toEqual([`clausewatch:${site}`]);
  });
});

describe('the bound on the record of what was told', () => {
  it('drops the policies considered longest ago without telling their changes again', async () => {
    const worker = await started();
    const { site } = await watchedAndChecked(worker);
    await changedAndChecked(worker, site);
    expect(await shown()).toHaveLength(1);
    await dismissAll();
    // Since then, as many other policies' changes were considered as the record keeps (written directly:
    // making 5,000 policies change takes minutes).
    const record = (await fakeBrowser.storage.local.get('changeNotices')).changeNotices as { from: number; considered: Array<{ policyId: string; upTo: number }> };
    const later = Date.now() + 1_000;
    record.considered.push(...Array.from({ length: MAX_NOTICE_POLICIES }, (_, i) => ({ policyId: `privacy-policy:https://other${i}.example/privacy`, upTo: later + i })));
    await fakeBrowser.storage.local.set({ changeNotices: record });
    for (let k = 0; k < 3; k++) {
      expect((await worker.handlers.checkNow({ site }, none)).status).toBe('unchanged');
      expect(await shown()).toEqual([]);
    }
    const kept = (await fakeBrowser.storage.local.get('changeNotices')).changeNotices as { considered: unknown[] };
    expect(kept.considered).toHaveLength(MAX_NOTICE_POLICIES);
  }, 60_000);
});
