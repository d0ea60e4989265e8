/**
 * What the history and options pages read and move, on WXT's fakeBrowser with a real store, the page
 * pipeline and the engine: a site's timeline, two versions compared, the record verified, the settings
 * and storage shown, and the history exported and imported again (with what a damaged file gets).
 */
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createDomRunner } from './dom';
import { createFeatures } from './features';
import { backgroundWithTab, POLICY_V1, POLICY_V2, withBackgroundWorld } from './testing/support';

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
    await expect(handlers.compareVersions({ olderId: older!.versionId, newerId: 'gone' }, none)).rejects.toThrow('That version is no longer stored.');
    expect(await handlers.verifySite({ site: 'example.com' }, none)).toMatchObject([{ ok: true, entries: 2, problems: [] }]);
  });
});

describe('the options page', () => {
  it('shows the watch list, the settings and the storage used, and saves a setting', async () => {
    const { handlers } = await withTwoVersions();
    const options = await handlers.getOptions({}, none);
    expect(options).toMatchObject({ watches: [], settings: { paused: false, autoWatchVisited: false, notifications: false }, quarantined: 0, storageProblem: null });
    expect(options.usage).toMatchObject({ versions: 2, policies: 1, sites: 1 });
    expect(await handlers.setSettings({ paused: true }, none)).toEqual({ paused: true, autoWatchVisited: false, notifications: false });
    expect((await handlers.getOptions({}, none)).settings.paused).toBe(true);
  });
});

describe('export and import', () => {
  it('carries the history into another profile, knows what it already has, and refuses what is not JSON', async () => {
    const { handlers } = await withTwoVersions();
    const { json } = await handlers.exportHistory({}, none);
    const elsewhere = createFeatures({ idb: () => new IDBFactory(), dom: createDomRunner(), language: () => 'en' }).handlers;
    expect(await elsewhere.importHistory({ json }, none)).toMatchObject({ ok: true, outcome: { kind: 'imported', added: 2, skipped: 0 } });
    expect(await elsewhere.importHistory({ json }, none)).toMatchObject({ ok: true, outcome: { kind: 'imported', added: 0, skipped: 2 } });
    expect(await elsewhere.importHistory({ json: 'not json' }, none)).toMatchObject({ ok: false, outcome: { kind: 'not-json' } });
    expect(await elsewhere.importHistory({ json: '{"format":"something else"}' }, none)).toMatchObject({ ok: false, outcome: { kind: 'refused' } });
  });

  it('exports the evidence of one site as WARC', async () => {
    const { handlers } = await withTwoVersions();
    // fakeBrowser has no manifest; the export names the version it was made by.
    fakeBrowser.runtime.getManifest = () => ({ manifest_version: 3, name: 'Clausewatch', version: '9.9.9' });
    const evidence = await handlers.exportEvidence({ site: 'example.com' }, none);
    expect(evidence.warc.startsWith('WARC/1.1')).toBe(true);
    expect(evidence.records).toBeGreaterThan(0);
    expect(evidence.filename).toMatch(/\.warc$/);
    expect(evidence.warc).toContain('Clausewatch 9.9.9');
  });
});
