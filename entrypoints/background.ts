/**
 * The background wires browser events to lib/ and the stores. It keeps no state in globals beyond
 * caches that can be rebuilt (the worker may be stopped at any moment); every listener is registered
 * synchronously at start.
 */
import { createBadges } from '@/utils/badges';
import { createHistory, nextTask } from '@/utils/history';
import { createCombinedChange } from '@/utils/combined';
import { createPolicyStates } from '@/utils/tab-state';
import { createWatchList, policyKind, policyUrlOf } from '@/utils/watchlist';
import { browser, type Browser } from 'wxt/browser';
import { joinsOnCapture, joinsOnPopup } from '@/lib/autowatch';
import { usualPathCandidates, type Why } from '@/lib/discover';
import { analyzeChangeYielding, describePolicy } from '@/lib/engine';
import { buildEvidenceWarc } from '@/lib/evidence';
import { EXTRACTOR_VERSION } from '@/lib/extract';
import { hasReviewableChange } from '@/lib/review';
import { DEFAULT_FREQUENCY_HOURS, nextAfterSuccess, RECHECK_ALARM } from '@/lib/schedule';
import { samePolicyAddress, type ExtractFn, type StoredVersion } from '@/lib/store';
import type { TabState } from '@/lib/views';
import { recordOutcome } from '@/utils/diagnostics';
import { runInDom } from '@/utils/dom';
import { registerHandlers } from '@/utils/messaging';
import { getSettings, getWatches, markIntroduced, setSettings, updateWatches } from '@/utils/prefs';


const ALARM = RECHECK_ALARM;

/** The page pipeline on a kept capture, in the background's DOM: what re-extraction runs. */
const extractInDom: ExtractFn = async (html, url) => {
  const result = await runInDom({ task: 'process', html, url });
  return result.outcome === 'policy' ? { ok: true, document: result.document } : { ok: false, reason: result.reason };
};

const history = createHistory({ idb: () => indexedDB, extract: extractInDom });
const getStore = history.store;
const siteOf = history.siteOf;
const saveVersion = history.save;
const getStorageProblem = history.storageProblem;
const runReextraction = history.reextract;

const combinedChange = createCombinedChange();
const policyStates = createPolicyStates(combinedChange);

const badges = createBadges({ store: getStore, siteOf, language: () => browser.i18n.getUILanguage(), combined: combinedChange });
const refreshBadge = badges.refresh;
const refreshAllBadges = badges.refreshAll;

const watchList = createWatchList({ history, badges, policyStates, dom: runInDom, language: () => browser.i18n.getUILanguage() });
const { watch, settleReviewedWatch, noteChangeSeen, fetchPolicyPage, runCheck, runDueChecks } = watchList;

// ---- show on page ----------------------------------------------------------------------------------

const HIGHLIGHT_CSS = '::highlight(clausewatch) { background-color: #fde047; color: #111827; }';

/** The tab showing the policy page `url` (same origin and path, as the store identifies a policy). */
function samePage(a: string | undefined, b: string): boolean {
  return a !== undefined && samePolicyAddress(a, b);
}

async function waitForComplete(tabId: number): Promise<void> {
  const tab = await browser.tabs.get(tabId);
  if (tab.status === 'complete') return;
  await new Promise<void>((resolve) => {
    const done = () => {
      browser.tabs.onUpdated.removeListener(listener);
      clearTimeout(timer);
      resolve();
    };
    const listener = (id: number, info: Browser.tabs.OnUpdatedInfo) => {
      if (id === tabId && info.status === 'complete') done();
    };
    const timer = setTimeout(done, 15_000);
    browser.tabs.onUpdated.addListener(listener);
  });
}

async function showOnPage(tabId: number | null, url: string, quote: string): Promise<{ found: boolean; tabId: number }> {
  let target = tabId != null ? await browser.tabs.get(tabId).catch(() => null) : null;
  if (!target || !samePage(target.url, url)) {
    const tabs = await browser.tabs.query({});
    target = tabs.find((t) => samePage(t.url, url)) ?? (await browser.tabs.create({ url }));
  }
  const id = target.id!;
  await browser.tabs.update(id, { active: true });
  await waitForComplete(id);
  await browser.scripting.insertCSS({ target: { tabId: id }, css: HIGHLIGHT_CSS });
  await browser.scripting.executeScript({ target: { tabId: id }, func: (q: string) => void ((globalThis as { __clausewatchQuote?: string }).__clausewatchQuote = q), args: [quote] });
  await browser.scripting.executeScript({ target: { tabId: id }, files: ['/highlighter.js'] });
  const [found] = await browser.scripting.executeScript({ target: { tabId: id }, func: () => (globalThis as { __clausewatchFound?: boolean }).__clausewatchFound === true });
  return { found: found?.result === true, tabId: id };
}

// ---- the worker ------------------------------------------------------------------------------------

export default defineBackground(() => {
  registerHandlers(
    {
      async pageCaptured(data, sender) {
        const at = Date.now();
        // A version is filed under the address the content script names; that address must be the page
        // the tab shows (origin and path), or a compromised or confused sender could file text under
        // another site's policy.
        if (!samePolicyAddress(data.url, sender.tab?.url ?? '')) {
          await recordOutcome({ at, url: data.url.slice(0, 2000), outcome: 'rejected', reason: `the page's address does not match its tab (${(sender.tab?.url ?? 'unknown').slice(0, 300)})` });
          return { status: 'rejected' };
        }
        await recordOutcome({ at, url: data.url, outcome: 'gate-passed', reason: data.reason });
        // The content script sends no copy when the page was too large to copy; its reason says so.
        if (!data.html) {
          await recordOutcome({ at: Date.now(), url: data.url, outcome: 'failed', reason: data.reason.slice(0, 2000) });
          return { status: 'failed' };
        }
        const result = await runInDom({ task: 'process', html: data.html, url: data.url }).catch(
          (error: unknown) => ({ task: 'process', outcome: 'failed', detection: null, reason: `extraction error: ${String(error)}` }) as const,
        );
        if (result.outcome !== 'policy') {
          await recordOutcome({ at: Date.now(), url: data.url, outcome: result.outcome, reason: result.reason.slice(0, 2000) });
          return { status: result.outcome };
        }
        const kind = policyKind(result.detection);
        let status: string;
        try {
          const saved = await saveVersion(data.url, result.document, kind, { html: data.html, source: 'visit' });
          status = saved.status;
          // The watch list is bookkeeping: if it cannot be written, the version is still saved.
          try {
            const { autoWatchVisited } = await getSettings();
            const watched = (await getWatches()).some((w) => w.site === saved.site);
            if (joinsOnCapture({ autoWatchVisited, kind, watched })) await watch(policyUrlOf(data.url));
            if (status === 'changed') await noteChangeSeen(saved.policyId, saved.analysis);
          } catch (error) {
            await recordOutcome({ at: Date.now(), url: data.url, outcome: 'watch-list-failed', reason: error instanceof Error ? error.message : String(error) });
          }
        } catch (error) {
          status = 'failed';
          await recordOutcome({ at: Date.now(), url: data.url, outcome: 'save-failed', reason: error instanceof Error ? error.message : String(error) });
        }
        await recordOutcome({ at: Date.now(), url: data.url, outcome: 'policy', reason: `${result.detection.kind}: ${status} (${result.document.blocks.length} blocks)` });
        if (status === 'changed' || status === 'first') await refreshAllBadges();
        else if (sender.tab?.id != null) await refreshBadge(sender.tab.id, sender.tab.url);
        return { status };
      },

      async getTabState({ tabId }): Promise<TabState> {
        const store = await getStore();
        const tab = await browser.tabs.get(tabId).catch(() => null);
        const url = tab?.url ?? null;
        const site = siteOf(store, url);
        const states = site ? await policyStates(store, site) : [];
        const policies = states.map((s) => ({ ...s.view, statements: describePolicy(s.document) }));
        let watched = site ? (await getWatches()).some((w) => w.site === site) : false;
        // The first popup on a site with a recorded privacy policy puts it on the watch list, and says so
        // (lib/autowatch.ts); later popups, and a site the user removed, are left as they are.
        let watchJoined = false;
        const primary = states.find((s) => s.view.kind === 'privacy-policy');
        if (site && primary) {
          const introduced = !(await markIntroduced(site));
          if (joinsOnPopup({ hasPrivacyPolicy: true, watched, introduced })) {
            const latest = primary.view.latest;
            const pending = primary.pendingVersionIds.length > 0 && latest.analysis !== null && hasReviewableChange(latest.analysis);
            await watch(policyUrlOf(primary.view.url), DEFAULT_FREQUENCY_HOURS, {
              status: pending ? 'changed' : 'pending',
              lastChange: primary.view.versionCount > 1 ? latest.firstSeen : null,
            });
            watched = true;
            watchJoined = true;
          }
        }
        return { tabId, url, site, watched, watchJoined, policies, storageProblem: await getStorageProblem() };
      },

      async markReviewed({ versionId }) {
        const store = await getStore();
        const version = await store.getVersion(versionId);
        if (!version) return { ok: false };
        const versions = await store.listVersions(version.policyId);
        const upTo = versions.findIndex((v) => v.versionId === versionId);
        for (const v of versions.slice(0, upTo + 1)) if (!v.reviewed) await store.markReviewed(v.versionId);
        await settleReviewedWatch(store, store.siteForUrl(version.document.url));
        await refreshAllBadges();
        return { ok: true };
      },

      showOnPage: ({ tabId, url, quote }) => showOnPage(tabId, url, quote),

      async getHistory({ site }) {
        const store = await getStore();
        const policies = await store.listPolicies(site);
        return {
          site,
          policies: await Promise.all(
            policies.map(async (p) => ({
              policyId: p.policyId,
              kind: p.kind,
              url: p.url,
              title: p.title,
              versions: (await store.listVersions(p.policyId)).map((v) => ({
                versionId: v.versionId,
                firstSeen: v.firstSeen,
                lastSeen: v.lastSeen,
                statedDate: v.statedDate,
                reviewed: v.reviewed,
                digest: v.digest,
                major: v.counts?.major ?? 0,
                extractorVersion: v.extractorVersion,
                reextractedFrom: v.reextractedFrom,
              })),
            })),
          ),
        };
      },

      async compareVersions({ olderId, newerId }) {
        const store = await getStore();
        const [a, b] = await Promise.all([store.getVersion(olderId), store.getVersion(newerId)]);
        if (!a || !b) throw new Error('That version is no longer stored.');
        if (a.policyId !== b.policyId) throw new Error('Only versions of the same policy can be compared.');
        const [older, newer]: [StoredVersion, StoredVersion] = a.firstSeen <= b.firstSeen ? [a, b] : [b, a];
        return {
          older: { versionId: older.versionId, firstSeen: older.firstSeen, document: older.document },
          newer: { versionId: newer.versionId, firstSeen: newer.firstSeen, document: newer.document },
          analysis: await analyzeChangeYielding(older.document, newer.document, nextTask),
        };
      },

      async getOptions() {
        const store = await getStore();
        const progress = await store.reextractionProgress();
        const current = progress?.extractorVersion === EXTRACTOR_VERSION ? progress : null;
        return {
          watches: (await getWatches()).sort((a, b) => a.site.localeCompare(b.site)),
          settings: await getSettings(),
          usage: await store.usage(),
          extraction: {
            extractorVersion: EXTRACTOR_VERSION,
            pending: (await store.pendingReextraction(EXTRACTOR_VERSION, 1000)).length,
            changedText: current?.changedText ?? 0,
            sameText: current?.sameText ?? 0,
            failed: current?.failed ?? 0,
          },
          quarantined: (await store.listQuarantine()).length,
          storageProblem: await getStorageProblem(),
        };
      },

      async discoverPolicy({ input }) {
        const store = await getStore();
        const trimmed = input.trim();
        let url: URL;
        try {
          url = new URL(/^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
        } catch {
          throw new Error(`"${trimmed.slice(0, 100)}" is not a domain or web address.`);
        }
        const site = store.siteForUrl(url.href);
        const candidates: Array<{ url: string; why: Why }> = [];
        if (url.pathname !== '/' && url.pathname !== '') candidates.push({ url: policyUrlOf(url.href), why: { code: 'entered' } });
        // The user typed this address: its home page is read as if they had opened it, so a redirect the
        // browser hides is followed, but only a page on the same site is read.
        const home = await fetchPolicyPage(url.origin + '/', 'follow');
        if (home.ok && home.status < 400) {
          const found = await runInDom({ task: 'discover', html: home.body, url: home.finalUrl });
          candidates.push(...found.candidates);
        }
        candidates.push(...usualPathCandidates(url.origin).slice(0, 3));
        const seen = new Set<string>();
        return { site, candidates: candidates.filter((c) => !seen.has(c.url) && seen.add(c.url)).map(({ url: u, why }) => ({ url: u, why })).slice(0, 8) };
      },

      async watchSite({ policyUrl, frequencyHours }) {
        if (!/^https?:\/\//.test(policyUrl)) throw new Error('Only http and https pages can be watched.');
        return { ok: true, site: await watch(policyUrlOf(policyUrl), frequencyHours) };
      },

      async unwatchSite({ site }) {
        await updateWatches((list) => list.filter((w) => w.site !== site));
        return { ok: true };
      },

      async setWatchFrequency({ site, frequencyHours }) {
        const now = Date.now();
        await updateWatches((list) => list.map((w) => (w.site === site ? { ...w, frequencyHours, nextCheck: Math.min(w.nextCheck, nextAfterSuccess(now, frequencyHours, Math.random)) } : w)));
        return { ok: true };
      },

      async checkNow({ site }) {
        const entry = (await getWatches()).find((w) => w.site === site);
        if (!entry) throw new Error(`${site} is not watched.`);
        // The user asked: a redirect the browser hides may be followed to say where it leads.
        const result = await runCheck(entry, true);
        return { status: result.status, reason: result.reason };
      },

      setSettings: (change) => setSettings(change),

      async exportHistory() {
        const store = await getStore();
        return { json: JSON.stringify(await store.exportAll()) };
      },

      async exportEvidence({ site }) {
        const store = await getStore();
        const exportedAt = new Date().toISOString();
        const warc = buildEvidenceWarc({
          exportedAt,
          software: `Clausewatch ${browser.runtime.getManifest().version}`,
          scope: site ?? 'all sites',
          policies: await store.evidence(site),
        });
        return { warc: new TextDecoder().decode(warc.bytes), filename: warc.filename, records: warc.records };
      },

      async verifySite({ site }) {
        const store = await getStore();
        return store.verifyChains(site);
      },

      async importHistory({ json }) {
        let data: unknown;
        try {
          data = JSON.parse(json);
        } catch {
          return { ok: false, message: 'This file is not JSON. Choose a file exported by Clausewatch.', outcome: { kind: 'not-json' } };
        }
        const store = await getStore();
        const result = await store.importAll(data);
        if (!result.ok) return { ok: false, message: result.error, outcome: { kind: result.code === 'quota' ? 'full' : 'refused' } };
        await refreshAllBadges();
        return { ok: true, message: `Imported ${result.added} versions (${result.skipped} already known).`, outcome: { kind: 'imported', added: result.added, skipped: result.skipped } };
      },
    },
    (error) => console.warn('[Clausewatch] refused a message:', error),
  );

  browser.tabs.onUpdated.addListener((tabId, info, tab) => {
    if (info.status === 'complete' || info.url) void refreshBadge(tabId, tab.url).catch(() => {});
  });
  browser.tabs.onActivated.addListener(({ tabId }) => {
    void browser.tabs.get(tabId).then((tab) => refreshBadge(tabId, tab.url)).catch(() => {});
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== ALARM) return;
    void runDueChecks().catch((e: unknown) => console.warn('[Clausewatch] checks failed', e));
    void runReextraction();
  });
  // Captures an older extractor read are read again; a worker stopped half-way goes on from here.
  void runReextraction();
  void browser.alarms.get(ALARM).then((existing) => {
    if (!existing) void browser.alarms.create(ALARM, { periodInMinutes: 30, delayInMinutes: 1 });
  });

  browser.notifications?.onClicked.addListener((id) => {
    if (!id.startsWith('clausewatch:')) return;
    void browser.tabs.create({ url: browser.runtime.getURL(`/site-history.html?site=${encodeURIComponent(id.slice('clausewatch:'.length))}`) });
  });
});
