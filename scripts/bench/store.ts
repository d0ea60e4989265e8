/**
 * Storage benchmark, in Node against fake-indexeddb:
 *  - bytes stored for 20 successive versions of a 5,000-word policy with small edits, as a ratio to one
 *    version (goal <= 1.5), next to the ratio of the naive layout (a full copy per version);
 *  - the history file of those 20 versions (JSON export, file version 2: each paragraph once), as a ratio
 *    to the bytes stored, next to the file version 1 wrote (every version whole) in the same run;
 *  - time to save a changed version and to load the latest two of a 10,000-word policy (goal < 20 ms
 *    each), median over runs, next to a plain put/get of the same document as one JSON record.
 * fake-indexeddb is not a browser's IndexedDB: it answers a request far faster than a browser does, so
 * the absolute times are indicative and the ratios to the baseline overstate the store's overhead.
 * The save is timed without analysis (the change engine's time is its own); the line "save including
 * reading the previous version" is a save that also loads the previous document for `analyze`.
 *  - the store's opening time on a history of 300 sites, against the same opening with every summary owed
 *    (which rebuilds every summary from every version, as every opening did before schema v7), goal <= 0.25;
 *  - one site's reads (getSite, listPolicies, verifyChains: what the popup and the evidence view ask of one
 *    site), on a history of 300 sites against the same on 30 sites, measured in the same run (the two take
 *    turns, run after run); goal <= 1.5: close to 1 means they do not depend on the history's size. Each
 *    site has one policy with two versions, the change unreviewed.
 * `--runs=N` sets the number of timed runs (default 25).
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { wrap, type IDBPDatabase } from 'idb';
import { openDatabase, openPolicyStore, packHistory, STORES, type PolicyStore } from '../../lib/history';
import { EVERY_SITE } from '../../lib/history/db';
import { editDocument, fakeAnalysis, makeClock, syntheticPolicy } from '../../lib/history/test-support';

const URL_ = 'https://www.example.com/privacy';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const fmt = (n: number, digits = 2) => n.toFixed(digits);

async function plainDb(factory: IDBFactory): Promise<IDBPDatabase> {
  const request = factory.open('baseline', 1);
  request.onupgradeneeded = () => request.result.createObjectStore('docs');
  return wrap(request) as Promise<IDBPDatabase>;
}

/** Sites of the larger history whose growth the per-site lines measure; the smaller one has a tenth. */
const MANY_SITES = 300;

/** A history of `sites` sites, each with one policy of two versions (the change unreviewed), in `factory`. */
async function sitesHistory(factory: IDBFactory, name: string, sites: number): Promise<void> {
  const clock = makeClock();
  const store = await openPolicyStore({ idb: factory, name, clock: clock.fn });
  for (let s = 0; s < sites; s++) {
    const url = `https://www.site${s}.example/privacy`;
    const doc = syntheticPolicy(500, { seed: s + 1 });
    await store.savePolicyVersion({ url, document: doc, kind: 'privacy-policy' });
    clock.tick();
    await store.savePolicyVersion({ url, document: editDocument(doc, 1), kind: 'privacy-policy', analyze: () => fakeAnalysis(1) });
  }
  store.close();
}

/** One site's reads, as the popup and the evidence view make them. */
async function readOneSite(store: PolicyStore, site: string): Promise<void> {
  const [summary, policies, chains] = [await store.getSite(site), await store.listPolicies(site), await store.verifyChains(site)];
  if (!summary || policies.length !== 1 || chains.length !== 1 || !chains[0]!.ok) throw new Error(`the reads of ${site} did not find its policy`);
}

/**
 * Median opening time and one site's reads, on histories of MANY_SITES sites and a tenth of them; and the
 * opening of the larger one with every summary owed (the state the v7 upgrade leaves), which rebuilds every
 * summary from every version, as every opening did before v7: the baseline of the opening line.
 */
async function perSiteLines(runs: number): Promise<void> {
  const cases = [MANY_SITES, MANY_SITES / 10].map((sites) => ({ sites, factory: new IDBFactory(), name: `sites-${sites}`, open: [] as number[], read: [] as number[] }));
  for (const c of cases) await sitesHistory(c.factory, c.name, c.sites);
  const rebuild: number[] = [];
  const everyOwed = async (factory: IDBFactory, name: string) => {
    const db = await openDatabase(factory, name);
    await db.put(STORES.summaryOwed, { site: EVERY_SITE });
    db.close();
  };
  // The two histories take turns, run after run, so a busy moment of the machine falls on both alike.
  for (let i = 0; i < runs; i++) {
    const many = cases[0]!;
    await everyOwed(many.factory, many.name);
    const started = performance.now();
    (await openPolicyStore({ idb: many.factory, name: many.name })).close();
    rebuild.push(performance.now() - started);
    for (const c of cases) {
      const start = performance.now();
      const store = await openPolicyStore({ idb: c.factory, name: c.name });
      c.open.push(performance.now() - start);
      // The site in the middle of the history, as the popup asks on any tab.
      const site = `site${Math.floor(c.sites / 2)}.example`;
      const read = performance.now();
      await readOneSite(store, site);
      c.read.push(performance.now() - read);
      store.close();
    }
  }
  const [many, few] = cases.map((c) => ({ sites: c.sites, open: median(c.open), read: median(c.read) }));
  const line = (name: string, a: number, b: number, what: string) =>
    console.log(`target ${name}: ${fmt(a / b)} (goal <= 1.5: close to 1 means ${what} does not depend on the history's size; ${many!.sites} sites ${fmt(a)} ms; baseline ${few!.sites} sites ${fmt(b)} ms; ratio ${fmt(a / b)})`);
  const full = median(rebuild);
  console.log(
    `target store_open_against_full_rebuild_${many!.sites}_sites: ${fmt(many!.open / full)} (goal <= 0.25: opening refreshes only the summaries a write left owed; ${fmt(many!.open)} ms against ${fmt(full)} ms for rebuilding every summary, as every opening did before schema v7; ${few!.sites} sites ${fmt(few!.open)} ms: opening still reads the keys of the sites and their summaries, to find one lost or left over, and the versions of up to 50 alerts by key)`,
  );
  line(`store_site_reads_ratio_${many!.sites}_to_${few!.sites}_sites`, many!.read, few!.read, 'reading one site (getSite, listPolicies, verifyChains)');
}

export async function run(args: string[]): Promise<number> {
  const runs = Number(args.find((a) => a.startsWith('--runs='))?.slice(7) ?? 25);

  // --- Bytes: 20 versions of 5,000 words --------------------------------------------------------------
  {
    const clock = makeClock();
    const factory = new IDBFactory();
    const store = await openPolicyStore({ idb: factory, name: 'bytes', clock: clock.fn });
    let doc = syntheticPolicy(5000);
    await store.savePolicyVersion({ url: URL_, document: doc, kind: 'privacy-policy' });
    const one = (await store.usage()).bytes;
    for (let edit = 1; edit < 20; edit++) {
      clock.tick(86_400_000);
      doc = editDocument(doc, edit);
      const outcome = await store.savePolicyVersion({ url: URL_, document: doc, kind: 'privacy-policy' });
      if (outcome.status !== 'changed') throw new Error(`edit ${edit} was not stored as a change`);
    }
    const twenty = (await store.usage()).bytes;
    const history = await store.exportAll();
    const fileBytes = JSON.stringify(packHistory(history)).length;
    const wholeBytes = JSON.stringify(history).length;
    store.close();
    // The hash chain (one entry of about 0.5 KB per version, lib/history/evidence/chain.ts) is evidence, not the
    // layout of versions this target measures: counted apart, and printed.
    const db = await openDatabase(factory, 'bytes');
    const chainBytes = async () => ((await db.getAll(STORES.captures)) as unknown[]).reduce<number>((n, e) => n + JSON.stringify(e).length, 0);
    const chainTwenty = await chainBytes();
    db.close();
    const chainOne = Math.round(chainTwenty / 20);
    const naive = JSON.stringify(doc).length;
    console.log(`info bytes: one version ${one}, twenty versions ${twenty}, one document as JSON ${naive}`);
    console.log(`info baseline (a full copy per version): ratio ${fmt(20)} ; stored/naive ${fmt(twenty / (naive * 20), 3)}`);
    console.log(`info hash chain: ${chainTwenty} bytes for 20 entries; ratio with it ${fmt(twenty / one, 3)}`);
    console.log(`target store_bytes_ratio_20_versions_5k_words: ${fmt((twenty - chainTwenty) / (one - chainOne), 3)} (goal <= 1.5; versions and their text, without the hash chain)`);
    console.log(
      `target history_file_to_store_ratio_20_versions_5k_words: ${fmt(fileBytes / twenty, 3)} (goal <= 1.5: the JSON export about what the store keeps; ${fileBytes} bytes; baseline every version whole, file version 1, ${wholeBytes} bytes, ratio ${fmt(wholeBytes / twenty, 2)})`,
    );
  }

  // --- Time: 10,000 words ------------------------------------------------------------------------------
  {
    const factory = new IDBFactory();
    const clock = makeClock();
    const store = await openPolicyStore({ idb: factory, name: 'time', clock: clock.fn });
    let doc = syntheticPolicy(10_000, { seed: 11 });
    await store.savePolicyVersion({ url: URL_, document: doc, kind: 'privacy-policy' });
    const saveTimes: number[] = [];
    const saveAnalyzedTimes: number[] = [];
    const loadTimes: number[] = [];
    let policyId = '';
    for (let i = 1; i <= runs * 2; i++) {
      // A day apart: one site records at most MAX_CHANGES_PER_SITE_PER_DAY changes in 24 hours.
      clock.tick(86_400_000);
      doc = editDocument(doc, i);
      const analyzed = i > runs;
      const start = performance.now();
      const outcome = await store.savePolicyVersion({
        url: URL_,
        document: doc,
        kind: 'privacy-policy',
        ...(analyzed ? { analyze: () => fakeAnalysis(0) } : {}),
      });
      (analyzed ? saveAnalyzedTimes : saveTimes).push(performance.now() - start);
      policyId = outcome.policyId;
    }
    store.close();
    // Loads from a freshly opened store, as an extension page opening does.
    const reader = await openPolicyStore({ idb: factory, name: 'time', clock: clock.fn });
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      const { latest, previous } = await reader.getLatestTwo(policyId);
      loadTimes.push(performance.now() - start);
      if (!latest || !previous || latest.damaged) throw new Error('latest two did not load');
    }
    reader.close();

    const plain = await plainDb(new IDBFactory());
    const putTimes: number[] = [];
    const getTimes: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      await plain.put('docs', JSON.stringify(editDocument(doc, i)), i);
      putTimes.push(performance.now() - start);
    }
    for (let i = 1; i <= runs; i++) {
      const start = performance.now();
      await Promise.all([plain.get('docs', i - 1), plain.get('docs', i % runs)].map(async (p) => JSON.parse((await p) as string)));
      getTimes.push(performance.now() - start);
    }
    plain.close();

    const save = median(saveTimes);
    const saveAnalyzed = median(saveAnalyzedTimes);
    const load = median(loadTimes);
    const put = median(putTimes);
    const get = median(getTimes);
    console.log(`info words ${doc.extraction.words}, blocks ${doc.blocks.length}, runs ${runs}`);
    console.log(`info baseline put one JSON record: ${fmt(put)} ms ; save/put ratio ${fmt(save / put, 1)}`);
    console.log(`info save including reading the previous version for analysis: ${fmt(saveAnalyzed)} ms`);
    console.log(`info baseline get two JSON records: ${fmt(get)} ms ; load/get ratio ${fmt(load / get, 1)}`);
    console.log(`target store_save_ms_10k_words: ${fmt(save)} (goal < 20)`);
    console.log(`target store_load_latest_two_ms_10k_words: ${fmt(load)} (goal < 20)`);
  }

  // --- Per site: opening the store and one site's reads, 300 sites against 30 ---------------------------
  await perSiteLines(runs);
  return 0;
}
