/**
 * The watch list after an import (a review, 7 December 2026): a row that said "Changed" says "Up to date"
 * once the file's versions and reviews leave nothing awaiting review, and keeps "Changed" while something
 * still does. Two profiles of one browser: the background's features on two histories, WXT's fakeBrowser.
 */
import { describe, expect, it } from 'vitest';
import { receiveText, sendText, type Ask } from '@/pages/transfer';
import { getWatches } from './prefs';
import { backgroundWithTab, POLICY_URL, POLICY_V1, POLICY_V2, withBackgroundWorld } from './testing/support';

withBackgroundWorld();
const none = {} as never;
type Background = Awaited<ReturnType<typeof backgroundWithTab>>;
const ask = (b: Background) => ((type: 'readTransfer' | 'writeTransfer', data: never) => b.handlers[type](data, none)) as Ask;
const moment = () => new Promise((r) => setTimeout(r, 5));
const LATER = POLICY_V2.replace('</body>', '<p>Support tickets are kept for two years after they are closed.</p></body>');

/** This profile watches the policy and saw two versions ("Changed"); the other saw those and one more. */
async function twoProfiles() {
  const here = await backgroundWithTab();
  const there = await backgroundWithTab();
  await here.capture(POLICY_V1);
  await there.capture(POLICY_V1);
  await moment();
  await here.capture(POLICY_V2);
  await there.capture(POLICY_V2);
  await moment();
  await there.capture(LATER);
  const { site } = await here.handlers.watchSite({ policyUrl: POLICY_URL }, none);
  const row = async () => (await getWatches()).find((w) => w.site === site)?.status;
  expect(await row()).toBe('changed');
  const thereStore = await there.history.store();
  const [policy] = await thereStore.listPolicies(site);
  const versions = await thereStore.listVersions(policy!.policyId);
  expect(versions).toHaveLength(3);
  /** Exports the other profile's history and imports it here. */
  const bring = async () => {
    const { transfer } = await there.handlers.exportHistory({}, none);
    const text = await receiveText(transfer, ask(there));
    return here.handlers.importHistory({ transfer: await sendText(text, ask(here)) }, none);
  };
  return { here, site, row, thereStore, versions, bring };
}

describe('a watched site’s row after an import', () => {
  it('says "Up to date" when the file’s versions and reviews leave nothing awaiting review', async () => {
    const { here, site, row, thereStore, versions, bring } = await twoProfiles();
    // Everything reviewed in the other profile (through its store: the two profiles share one fake storage,
    // so its handler would settle this profile's row itself).
    for (const v of versions) await thereStore.markReviewed(v.versionId);
    expect(await bring()).toMatchObject({ ok: true, outcome: { added: 1 } });
    expect((await (await here.history.store()).siteState(site))?.alert).toBe(0);
    expect(await row()).toBe('up-to-date');
  });

  it('keeps "Changed" while a change still awaits review', async () => {
    const { row, bring } = await twoProfiles();
    expect(await bring()).toMatchObject({ ok: true, outcome: { added: 1 } });
    expect(await row()).toBe('changed');
  });
});
