/**
 * What "Check now" tells on the options page agrees with the row and with what is known: a change whose
 * analysis failed (left for the backfill) is "changed", never "nothing to review", and so is a change of
 * formatting while an earlier change still awaits review (the row says "Changed").
 */
import { describe, expect, it, vi } from 'vitest';
import { explainer } from '@/lib/core/explain';
import { checkLineStatus } from '@/pages/options/actions';
import { getWatches } from './prefs';
import { backgroundForTest, POLICY_V1, POLICY_V2, withBackgroundWorld, withServer } from './testing/support';

withBackgroundWorld();

const fail = { on: false };
vi.mock('@/lib/core/engine', async (orig) => {
  const real = await orig<typeof import('@/lib/core/engine')>();
  return {
    ...real,
    analyzeChangeYielding: (...a: Parameters<typeof real.analyzeChangeYielding>) => {
      if (fail.on) return Promise.reject(new Error('boom'));
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
