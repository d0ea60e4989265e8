/**
 * What "Check now" tells on the options page agrees with the row and with what is known: a change whose
 * analysis failed (left for the backfill) is "changed", never "nothing to review", and so is a change of
 * formatting while an earlier change still awaits review (the row says "Changed"). Once the backfill has
 * analysed such a change, the watch list's row says "Changed" too.
 */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { explainer } from '@/lib/core/explain';
import { RECHECK_ALARM } from '@/lib/extension/schedule';
import { checkLineStatus } from '@/pages/options/actions';
import { getWatches, setSettings } from './prefs';
import { backgroundForTest, backgroundWithTab, POLICY_URL, POLICY_V1, POLICY_V2, withBackgroundWorld, withServer } from './testing/support';

withBackgroundWorld();

/** `once`: only the next analysis fails (a passing fault), not the badge's that follows the save. */
const fail = { on: false, once: false };
vi.mock('@/lib/core/engine', async (orig) => {
  const real = await orig<typeof import('@/lib/core/engine')>();
  return {
    ...real,
    analyzeChangeYielding: (...a: Parameters<typeof real.analyzeChangeYielding>) => {
      if (fail.on) {
        fail.on = !fail.once;
        return Promise.reject(new Error('boom'));
      }
      return real.analyzeChangeYielding(...a);
    },
  };
});

const server = withServer();

describe('"Check now" on a change not analysed', () => {
  it('is called a new version not compared yet, not "only formatting or wording changed, nothing to review"', async () => {
    const { handlers } = backgroundForTest();
    server.served = { status: 200, html: POLICY_V1 };
    const { site } = await handlers.watchSite({ policyUrl: `${server.base}/legal/privacy`, frequencyHours: 24 }, {} as never);
    expect(await handlers.checkNow({ site }, {} as never)).toMatchObject({ status: 'first' });
    server.served = { status: 200, html: POLICY_V2 };
    fail.on = true;
    const r = await handlers.checkNow({ site }, {} as never);
    fail.on = false;
    const line = explainer('en').ui.options.checkResult(site, checkLineStatus(r) as never, r.reason);
    expect(line).not.toContain('nothing to review');
    // Nor "changed" beside a row that says "Up to date": it says the version was not compared yet.
    expect(line).toBe(`${site}: new version saved, not compared yet`);
  });

  it('a change of formatting over one still awaiting review is not called "nothing to review" beside a row that says Changed', async () => {
    const { handlers } = backgroundForTest();
    server.served = { status: 200, html: POLICY_V1 };
    const { site } = await handlers.watchSite({ policyUrl: `${server.base}/legal/privacy`, frequencyHours: 24 }, {} as never);
    await handlers.checkNow({ site }, {} as never);
    server.served = { status: 200, html: POLICY_V2 };
    expect(await handlers.checkNow({ site }, {} as never)).toMatchObject({ status: 'changed', reviewable: true });
    server.served = { status: 200, html: POLICY_V2.replace('September 15, 2024', 'May 9, 2025').replace('your email address', 'your e-mail address') };
    const r = await handlers.checkNow({ site }, {} as never);
    const row = (await getWatches()).find((w) => w.site === site)!.status;
    const line = explainer('en').ui.options.checkResult(site, checkLineStatus(r) as never, r.reason);
    expect(row).toBe('changed');
    expect(line).not.toContain('nothing to review');
  });
});

describe('the watch list once the backfill analysed a change saved without its analysis', () => {
  const rowOf = async (site: string) => (await getWatches()).find((w) => w.site === site)?.status;
  /** The alarm fires (no check is due): the backfill analyses what was kept without an analysis. */
  const alarm = () => fakeBrowser.alarms.onAlarm.trigger({ name: RECHECK_ALARM, scheduledTime: Date.now(), periodInMinutes: 30 });

  it('a background check’s change: the row that said "Up to date" says "Changed"; a failed row stays failed', async () => {
    const { handlers, recheck } = backgroundForTest();
    recheck.schedule();
    await setSettings({ notifications: true });
    server.served = { status: 200, html: POLICY_V1 };
    const urls = [`${server.base}/legal/privacy`, `http://localhost:${new URL(server.base).port}/legal/privacy`];
    const [site, failing] = await Promise.all(urls.map(async (policyUrl) => (await handlers.watchSite({ policyUrl }, {} as never)).site));
    for (const s of [site!, failing!]) expect(await handlers.checkNow({ site: s }, {} as never)).toMatchObject({ status: 'first' });
    // Both policies change (the AI-training clause), and the analysis fails as the checks save them.
    server.served = { status: 200, html: POLICY_V2 };
    fail.on = true;
    for (const s of [site!, failing!]) expect(await handlers.checkNow({ site: s }, {} as never)).toMatchObject({ status: 'changed', analysed: false });
    fail.on = false;
    expect(await rowOf(site!)).toBe('up-to-date');
    // The second site's next check fails: its row says so, whatever its history holds.
    server.served = { status: 500, html: 'down' };
    expect(await handlers.checkNow({ site: failing! }, {} as never)).toMatchObject({ status: 'failed' });
    await alarm();
    // Both major changes are told once analysed: the run is over.
    await expect.poll(async () => Object.keys(await fakeBrowser.notifications.getAll()), { timeout: 10_000 }).toHaveLength(2);
    expect(await rowOf(site!)).toBe('changed');
    expect(await rowOf(failing!)).toBe('failed');
  });

  it('a change seen while browsing a site not checked yet: "Not checked yet" becomes "Changed", as a timely analysis makes it', async () => {
    const { handlers, recheck, capture } = await backgroundWithTab();
    recheck.schedule();
    const { site } = await handlers.watchSite({ policyUrl: POLICY_URL }, {} as never);
    expect(await capture(POLICY_V1)).toEqual({ status: 'first' });
    Object.assign(fail, { on: true, once: true });
    expect(await capture(POLICY_V2)).toEqual({ status: 'changed' });
    Object.assign(fail, { on: false, once: false });
    expect(await rowOf(site)).toBe('pending');
    await alarm();
    await expect.poll(() => rowOf(site), { timeout: 10_000 }).toBe('changed');
  });

  it('a change saved while its analysis keeps failing is still answered as saved to the page (the badge after it is bookkeeping)', async () => {
    const { handlers, history, capture } = await backgroundWithTab();
    await handlers.watchSite({ policyUrl: POLICY_URL }, {} as never);
    expect(await capture(POLICY_V1)).toEqual({ status: 'first' });
    // Every analysis fails: the save's, and the badge's own reading of the change right after it.
    fail.on = true;
    const answer = await capture(POLICY_V2).catch((error: unknown) => ({ error: String(error) }));
    fail.on = false;
    // An error here makes the page send its copy again, and says a saved version was lost.
    expect(answer).toEqual({ status: 'changed' });
    const store = await history.store();
    const [policy] = await store.listPolicies(store.siteForUrl(POLICY_URL));
    expect(await store.listVersions(policy!.policyId)).toHaveLength(2);
  });
});

