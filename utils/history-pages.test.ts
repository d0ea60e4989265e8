/**
 * What the history and options pages read and move, on WXT's fakeBrowser with a real store, the page
 * pipeline and the engine: a site's timeline, two versions compared, the record verified, the settings
 * and storage shown, and the history exported and imported again (with what a damaged file gets).
 */
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createDomRunner } from './dom';
import { receiveText, sendText, type Ask } from '@/pages/transfer';
import { createFeatures } from './features';
import { getWatches } from './prefs';
import { backgroundWithTab, POLICY_URL, POLICY_V1, POLICY_V2, withBackgroundWorld } from './testing/support';
import { makeDocument } from '@/lib/history/test-support';

withBackgroundWorld();

const none = {} as never;

async function withTwoVersions() {
  const background = await backgroundWithTab();
  for (const html of [POLICY_V1, POLICY_V2]) await background.capture(html);
  return background;
}

describe('the history page', () => {
  it('lists a site’s versions, compares two in time order and verifies the record', async () => {
    const { handlers } = await withTwoVersions();
    const view = await handlers.getHistory({ site: 'example.com' }, none);
    const [older, newer] = view.policies[0]!.versions;
    expect(view.policies).toHaveLength(1);
    expect(older).toMatchObject({ digest: null, major: 0 });
    expect(newer!.major).toBeGreaterThan(0);
    const compared = await handlers.compareVersions({ olderId: newer!.versionId, newerId: older!.versionId }, none);
    expect([compared.older.versionId, compared.newer.versionId]).toEqual([older!.versionId, newer!.versionId]);
    expect(compared.analysis.counts.major).toBe(newer!.major);
    await expect(handlers.compareVersions({ olderId: older!.versionId, newerId: 'gone' }, none)).rejects.toMatchObject({ message: 'That version is no longer stored.', code: 'version-gone' });
    expect(await handlers.verifySite({ site: 'example.com' }, none)).toMatchObject([{ ok: true, entries: 2, problems: [] }]);
  });
});

describe('the options page', () => {
  it('shows the watch list, the settings and the storage used, and saves a setting', async () => {
    const { handlers } = await withTwoVersions();
    const options = await handlers.getOptions({}, none);
    expect(options).toMatchObject({ watches: [], settings: { paused: false, autoWatchVisited: false, notifications: false }, quarantined: 0, setAside: 0, storageProblem: null });
    expect(options.usage).toMatchObject({ versions: 2, policies: 1, sites: 1 });
    expect(await handlers.setSettings({ paused: true }, none)).toEqual({ paused: true, autoWatchVisited: false, notifications: false });
    expect((await handlers.getOptions({}, none)).settings.paused).toBe(true);
  });
});

type Handlers = Awaited<ReturnType<typeof withTwoVersions>>['handlers'];

/** The pages' own transfer code (pages/transfer.ts), asking these handlers instead of the browser; counts the pieces. */
function asking(handlers: Handlers): { ask: Ask; asked: string[] } {
  const asked: string[] = [];
  const ask = ((type: 'readTransfer' | 'writeTransfer', data: never) => {
    asked.push(type);
    return handlers[type](data, none);
  }) as Ask;
  return { ask, asked };
}

async function receive(handlers: Handlers, transfer: { id: string; length: number }): Promise<{ text: string; pieces: number }> {
  const { ask, asked } = asking(handlers);
  const text = await receiveText(transfer, ask);
  return { text, pieces: asked.length };
}

const send = (handlers: Handlers, text: string, chunk: number) => sendText(text, asking(handlers).ask, chunk);

/** This profile saw the first version; another only the second, later (so its file has no analysis of the change). */
async function secondVersionFromElsewhere() {
  const here = await backgroundWithTab();
  await here.capture(POLICY_V1);
  await new Promise((r) => setTimeout(r, 5));
  const there = await backgroundWithTab();
  await there.capture(POLICY_V2);
  const { transfer } = await there.handlers.exportHistory({}, none);
  const { text } = await receive(there.handlers, transfer);
  return { here, text };
}

describe('export and import', () => {
  it('carries the history into another profile in many pieces, knows what it already has, and refuses what is not JSON', async () => {
    const { handlers } = await withTwoVersions();
    const { transfer } = await handlers.exportHistory({}, none);
    const { text: json, pieces } = await receive(handlers, transfer);
    expect(pieces).toBe(Math.ceil(transfer.length / 4_000_000));
    // Written with each paragraph once (the second version of the file).
    expect(JSON.parse(json)).toMatchObject({ format: 'clausewatch-history', version: 2, blocks: expect.any(Array) });
    // Read to its end, an export is no longer held.
    await expect(handlers.readTransfer({ id: transfer.id, offset: 0 }, none)).rejects.toMatchObject({ code: 'export-gone' });
    const elsewhere = createFeatures({ idb: () => new IDBFactory(), dom: createDomRunner(), language: () => 'en', transferChunk: 1000 }).handlers;
    expect(json.length).toBeGreaterThan(3000);
    expect(await elsewhere.importHistory({ transfer: await send(elsewhere, json, 1000) }, none)).toMatchObject({ ok: true, outcome: { kind: 'imported', added: 2, skipped: 0 } });
    expect(await elsewhere.importHistory({ transfer: await send(elsewhere, json, 1000) }, none)).toMatchObject({ ok: true, outcome: { kind: 'imported', added: 0, skipped: 2 } });
    expect(await elsewhere.importHistory({ transfer: await send(elsewhere, 'not json', 1000) }, none)).toMatchObject({ ok: false, outcome: { kind: 'not-json' } });
    expect(await elsewhere.importHistory({ transfer: await send(elsewhere, '{"format":"something else"}', 1000) }, none)).toMatchObject({ ok: false, outcome: { kind: 'refused', refusal: { kind: 'not-ours' } } });
    // Its export, in pieces of 1,000 characters, reads whole.
    const again = await elsewhere.exportHistory({}, none);
    const read = await receive(elsewhere, again.transfer);
    expect(read.pieces).toBe(Math.ceil(again.transfer.length / 1000));
    expect(JSON.parse(read.text)).toMatchObject({ format: expect.any(String) });
    // A piece too large, an import the background no longer holds (a worker restarted): refused, nothing imported.
    await expect(elsewhere.writeTransfer({ id: null, text: 'x'.repeat(1001) }, none)).rejects.toMatchObject({ code: 'import-piece-too-large', value: '1000' });
    await expect(elsewhere.importHistory({ transfer: 'forgotten' }, none)).rejects.toMatchObject({ code: 'import-lost' });
  });

  it('analyses an imported change that came without its analysis, so the badge raises it', async () => {
    const { here, text } = await secondVersionFromElsewhere();
    expect(await here.handlers.importHistory({ transfer: await send(here.handlers, text, 4_000_000) }, none)).toMatchObject({ ok: true, outcome: { kind: 'imported', added: 1 } });
    const store = await here.history.store();
    expect((await store.siteState('example.com'))?.alert).toBeGreaterThan(0);
    expect(Number(await fakeBrowser.action.getBadgeText({ tabId: here.tabId }))).toBeGreaterThan(0);
  });

  it('says "Changed" on the watch list of a watched site whose imported change awaits review', async () => {
    const { here, text } = await secondVersionFromElsewhere();
    const { site } = await here.handlers.watchSite({ policyUrl: POLICY_URL }, none);
    const rowOf = async () => (await getWatches()).find((w) => w.site === site)?.status;
    expect(await rowOf()).toBe('pending');
    expect(await here.handlers.importHistory({ transfer: await send(here.handlers, text, 4_000_000) }, none)).toMatchObject({ ok: true, outcome: { kind: 'imported', added: 1 } });
    // The badge raises the change (above); the row the options page shows says so too, not "Not checked yet".
    expect(await rowOf()).toBe('changed');
  });

  it('analyses an imported change even when a background run was already under way when the import came', async () => {
    const { here, text } = await secondVersionFromElsewhere();
    // Another site's change kept without analysis, so the alarm's run has work, and its analysis is held
    // until after the import has come in (the run read what to analyse before the import).
    const store = await here.history.store();
    const OTHER = 'https://other.example.org/privacy';
    await store.savePolicyVersion({ url: OTHER, document: makeDocument({ Data: ['We collect your email.'] }, { url: OTHER }), kind: 'privacy-policy' });
    await new Promise((r) => setTimeout(r, 5));
    await store.savePolicyVersion({ url: OTHER, document: makeDocument({ Data: ['We sell your email to advertisers.'] }, { url: OTHER }), kind: 'privacy-policy' });
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const analyzeMissing = store.analyzeMissing.bind(store);
    let first = true;
    store.analyzeMissing = (analyze, limit, skip) =>
      analyzeMissing(async (a, b) => {
        if (first) {
          first = false;
          await held;
        }
        return analyze(a, b);
      }, limit, skip);
    const alarmRun = here.history.backfill();
    const imported = here.handlers.importHistory({ transfer: await send(here.handlers, text, 4_000_000) }, none);
    setTimeout(release, 50);
    expect(await imported).toMatchObject({ ok: true, outcome: { kind: 'imported', added: 1 } });
    await alarmRun;
    expect((await store.siteState('example.com'))?.alert).toBeGreaterThan(0);
  });

  it('exports the evidence of one site as WARC', async () => {
    const { handlers } = await withTwoVersions();
    // fakeBrowser has no manifest; the export names the version it was made by.
    fakeBrowser.runtime.getManifest = () => ({ manifest_version: 3, name: 'Clausewatch', version: '9.9.9' });
    const evidence = await handlers.exportEvidence({ site: 'example.com' }, none);
    const { text: warc } = await receive(handlers, evidence.transfer);
    expect(warc.startsWith('WARC/1.1')).toBe(true);
    expect(warc).toHaveLength(evidence.transfer.length);
    expect(evidence.records).toBeGreaterThan(0);
    expect(evidence.filename).toMatch(/\.warc$/);
    expect(warc).toContain('Clausewatch 9.9.9');
  });
});
