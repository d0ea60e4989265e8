/**
 * `npm run bench -- engine`: time of the whole change engine (diff + classify + explain) on the corpus
 * change pairs and on synthetic worst cases, next to a baseline measured in the same run: jsdiff
 * `diffWords` over the whole text (what a naive implementation would do), bounded by its `maxEditLength`
 * option. The bound is on work, not time: the baseline does the same work on any machine, so a ratio to it
 * compares hosts (a `timeout` would make the baseline the timeout itself on a pair it cannot finish).
 *
 * Documents are parsed before timing; each case is run once to warm up, then measured. Wall-clock and
 * CPU time are both printed because the machine may be shared. Also: the classifier's cost per sentence,
 * the first analysis in a fresh process (fresh-analysis.ts), the memory an analysis takes (memory-case.ts),
 * and the model's size in the extension.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { analyzeChange, splitSentences, statementClassifier } from '../../lib/core/engine/index';
import { documentFromMarkdown } from '../../lib/core/page/markdown';
import type { PolicyDocument } from '../../lib/core/schema';
import { corpusDir } from '../lib/corpus';
import { BASELINE_MAX_EDIT, baselineDiff } from './support/baseline';
import { syntheticPolicy } from './support/synthetic';


function time<T>(fn: () => T): { ms: number; cpuMs: number; value: T } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { ms, cpuMs: (c.user + c.system) / 1000, value };
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * q))] ?? 0;
};

const text = (d: PolicyDocument) => d.blocks.map((b) => b.text).join('\n\n');

function shuffleParagraphs(md: string, seed: number): string {
  const paras = md.split('\n\n');
  let x = seed;
  for (let i = paras.length - 1; i > 0; i--) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    const j = x % (i + 1);
    [paras[i], paras[j]] = [paras[j] as string, paras[i] as string];
  }
  return paras.join('\n\n');
}

function runCase(older: PolicyDocument, newer: PolicyDocument, repeats = 3) {
  analyzeChange(older, newer); // warm-up
  const runs = Array.from({ length: repeats }, () => time(() => analyzeChange(older, newer)));
  const baseRuns = Array.from({ length: repeats }, () => time(() => baselineDiff(text(older), text(newer))));
  return {
    ms: quantile(runs.map((r) => r.ms), 0.5),
    cpuMs: quantile(runs.map((r) => r.cpuMs), 0.5),
    truncated: runs.some((r) => r.value.truncated),
    baseMs: quantile(baseRuns.map((r) => r.ms), 0.5),
    baseStopped: baseRuns.some((r) => r.value === undefined),
  };
}

/** Classifier cost per sentence on the corpus's sentences, against a keyword flag over the same sentences. */
function classifierLines(sentences: string[]): void {
  const classify = statementClassifier();
  for (const s of sentences.slice(0, 200)) classify(s); // warm-up (decodes the model)
  const KEYWORDS = /\b(?:share|shared|sell|sold|disclose|train|training|partners?|advertisers?|third part(?:y|ies))\b/i;
  const per: number[] = [];
  const basePer: number[] = [];
  const CHUNK = 50;
  for (let i = 0; i + CHUNK <= sentences.length; i += CHUNK) {
    const chunk = sentences.slice(i, i + CHUNK);
    const t0 = performance.now();
    for (const s of chunk) classify(s);
    per.push((performance.now() - t0) / CHUNK);
    const t1 = performance.now();
    for (const s of chunk) KEYWORDS.test(s.toLowerCase());
    basePer.push((performance.now() - t1) / CHUNK);
  }
  const med = quantile(per, 0.5);
  const baseMed = quantile(basePer, 0.5);
  console.log(`target classifier-median-ms-per-sentence: ${med.toFixed(4)} (goal <= 0.05 ms in Node; ${sentences.length} sentences in chunks of ${CHUNK}; baseline keyword flag ${baseMed.toFixed(4)} ms; ratio ${(med / Math.max(1e-6, baseMed)).toFixed(1)})`);
}

/**
 * Two unrelated versions made of one-word blocks ("alpha" and "beta" in random order): far past the alignment's
 * edit bound, so blocks are matched by its greedy fallback, which was quadratic in a word's repeats until
 * 6 December 2026. The line is the analysis at the size cap (150,000 blocks a version) against the same at
 * half of it, in the same run. The bounded LCS attempt costs about the same at both sizes, so linear work
 * gives about 1.4 (1.39-1.40 on this machine, 2.6 s against 1.9 s); the quadratic fallback gave 2.57 (8.3 s
 * against 3.2 s). Goal <= 2.
 */
function oneWordBlocksLine(md: (s: string) => PolicyDocument): void {
  const version = (n: number, seed: number) => {
    let x = seed;
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
      out.push((x >>> 16) % 2 ? 'alpha' : 'beta');
    }
    return md(out.join('\n\n'));
  };
  const at = (n: number) => {
    const older = version(n, 1);
    const newer = version(n, 2);
    analyzeChange(older, newer); // warm-up
    return quantile([0, 1, 2].map(() => time(() => analyzeChange(older, newer)).ms), 0.5);
  };
  const half = at(75_000);
  const full = at(150_000);
  console.log(`target one-word-blocks-at-cap-ratio: ${(full / Math.max(0.01, half)).toFixed(2)} (goal <= 2: 150,000 one-word blocks per version ${full.toFixed(0)} ms against 75,000 ${half.toFixed(0)} ms in the same run; the quadratic fallback before 6 December 2026 gave 2.57)`);
}

/** Runs a support script in a fresh Node process and returns the JSON of the last line it prints. */
function freshProcess<T>(script: string, args: string[] = [], nodeFlags: string[] = []): T {
  const out = execFileSync(process.execPath, [...nodeFlags, '--import', 'tsx', script, ...args], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as T;
}

const FRESH_RUNS = 7;

/** The first analysis in a fresh Node process (model decoding and every first use included), 5,000 words against a rewrite. */
function freshProcessLine(): void {
  const script = join(import.meta.dirname, 'support', 'fresh-analysis.ts');
  const runs: Array<{ ms: number; baseMs: number; baseStopped: boolean; truncated: boolean; classified: number }> = [];
  // Seven: on a shared two-core host one fresh process varies by a tenth either way, and the median of three
  // moved the line across its goal from one run to the next.
  for (let i = 0; i < FRESH_RUNS; i++) {
    runs.push(freshProcess(script));
  }
  const ms = quantile(runs.map((r) => r.ms), 0.5);
  const baseMs = quantile(runs.map((r) => r.baseMs), 0.5);
  const r = runs[0];
  console.log(
    `target first-analysis-fresh-process-5k-ms: ${ms.toFixed(1)} (goal <= 300 ms, everything classified: ${r && !r.truncated ? `yes, ${r.classified} changed sentences` : 'NO (truncated)'}; median of ${FRESH_RUNS} fresh processes; baseline diffWords in the same fresh process ${baseMs.toFixed(1)} ms${runs.some((x) => x.baseStopped) ? ' (stopped at its edit-length bound, no result)' : ''}; ratio ${(ms / Math.max(0.01, baseMs)).toFixed(2)})`,
  );
}

/**
 * Memory, each case in a fresh Node process (support/memory-case.ts): the peak resident memory an analysis
 * adds to a process that holds the same documents and has used the engine once (the baseline, measured in
 * the same run), at 20,000 words and at the size cap; and whether the heap grows over many analyses.
 */
function memoryLines(): void {
  const script = join(import.meta.dirname, 'support', 'memory-case.ts');
  type Out = { maxRssKb: number; heapEarly: number; heapLate: number; truncated: boolean; words: number };
  const run = (...args: string[]): Out => freshProcess(script, args, ['--expose-gc']);
  const mb = (kb: number) => kb / 1024;
  for (const [name, size, goal] of [
    ['analysis-peak-memory-20k-mb', '20000', 64],
    ['analysis-peak-memory-at-size-cap-mb', 'cap', 256],
  ] as const) {
    const idle = run('idle', size);
    const used = run('analysis', size);
    const added = mb(used.maxRssKb - idle.maxRssKb);
    console.log(
      `target ${name}: ${added.toFixed(1)} (goal <= ${goal} MB; two unrelated ${used.words}-word policies${used.truncated ? ', compared coarsely past a bound (truncated)' : ''}; peak resident memory ${mb(used.maxRssKb).toFixed(1)} MB against ${mb(idle.maxRssKb).toFixed(1)} MB for the baseline process holding the same documents; ratio ${(used.maxRssKb / idle.maxRssKb).toFixed(2)})`,
    );
  }
  const r = run('repeated', '20000');
  console.log(
    `target heap-growth-over-150-analyses: ${(r.heapLate / r.heapEarly).toFixed(3)} (goal <= 1.05: the heap after the 150th analysis against after the 25th, 20,000-word pairs from six policies in turn; ${(r.heapEarly / 1048576).toFixed(1)} MB and ${(r.heapLate / 1048576).toFixed(1)} MB)`,
  );
}

/** What the model adds to the extension, gzip-compressed: its weights and the glosses its features read. */
function modelSizeLine(): void {
  const dir = join(import.meta.dirname, '..', '..', 'lib', 'core', 'engine', 'model');
  const file = Buffer.concat(['statement-model.json', 'gloss.json'].map((name) => readFileSync(join(dir, name))));
  const gz = gzipSync(file, { level: 9 }).length;
  const readability = readFileSync(join(import.meta.dirname, '..', '..', 'node_modules', '@mozilla', 'readability', 'Readability.js'));
  const base = gzipSync(readability, { level: 9 }).length;
  console.log(`target model-gzip-bytes: ${gz} (${(gz / 1048576).toFixed(2)} MB; goal <= 2 MB; weights and glosses; raw ${(file.length / 1048576).toFixed(2)} MB; baseline Readability.js gzip ${base} bytes; ratio ${(gz / base).toFixed(1)})`);
}

export async function run(): Promise<number> {
  const dir = corpusDir();
  modelSizeLine();
  freshProcessLine();
  memoryLines();
  const index = join(dir, 'changes', 'index.jsonl');
  if (existsSync(index)) {
    const pairs = readFileSync(index, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { id: string; lang: string; older: { file: string }; newer: { file: string } });
    const docs = pairs.map((p) => ({
      older: documentFromMarkdown(readFileSync(join(dir, p.older.file), 'utf8'), { url: 'o', language: p.lang }),
      newer: documentFromMarkdown(readFileSync(join(dir, p.newer.file), 'utf8'), { url: 'n', language: p.lang }),
    }));
    for (const d of docs) analyzeChange(d.older, d.newer); // warm-up
    const engine: number[] = [];
    const cpu: number[] = [];
    const base: number[] = [];
    let truncated = 0;
    let baseStopped = 0;
    for (const d of docs) {
      const r = time(() => analyzeChange(d.older, d.newer));
      engine.push(r.ms);
      cpu.push(r.cpuMs);
      if (r.value.truncated) truncated++;
      const b = time(() => baselineDiff(text(d.older), text(d.newer)));
      base.push(b.ms);
      if (b.value === undefined) baseStopped++;
    }
    classifierLines(docs.flatMap((d) => d.newer.blocks.flatMap((b) => splitSentences(b.text, d.newer.language))));
    const med = quantile(engine, 0.5);
    const p95 = quantile(engine, 0.95);
    const baseMed = quantile(base, 0.5);
    const baseP95 = quantile(base, 0.95);
    console.log(`corpus: ${docs.length} pairs; engine truncated on ${truncated}; baseline diffWords (edit length bound ${BASELINE_MAX_EDIT}) stopped at its bound on ${baseStopped}`);
    console.log(`target corpus-median-ms: ${med.toFixed(1)} (goal <= 50 ms; cpu ${quantile(cpu, 0.5).toFixed(1)} ms; baseline diffWords ${baseMed.toFixed(1)} ms; ratio ${(med / Math.max(0.01, baseMed)).toFixed(2)})`);
    console.log(`target corpus-p95-ms: ${p95.toFixed(1)} (goal <= 300 ms; cpu ${quantile(cpu, 0.95).toFixed(1)} ms; baseline diffWords ${baseP95.toFixed(1)} ms; ratio ${(p95 / Math.max(0.01, baseP95)).toFixed(2)})`);
  } else {
    console.log(`Corpus not found at ${dir}; corpus targets skipped (set CLAUSEWATCH_CORPUS).`);
  }

  const md = (s: string) => documentFromMarkdown(s, { url: 'synthetic', language: 'en' });
  const a20 = syntheticPolicy(20_000, 7);
  const b20 = syntheticPolicy(20_000, 99);
  const oneWord = a20.replace(/\bbilling records\b/, 'payment records');
  const a10 = syntheticPolicy(10_000, 11);
  // A hostile list: one long lead-in over 2,000 items of five short sentences (20,000 words), one
  // paragraph added. Each item is read after the lead-in up to MAX_LEAD_ITEMS items (diff.ts).
  const lead = 'We may share the following categories of personal information with our service providers, advertising partners, analytics providers and other third parties for the purposes described in this policy, including to operate and improve the services, for security and fraud prevention, and for marketing purposes as follows:';
  const longList = `# Privacy\n\n${lead}\n\n${Array.from({ length: 2000 }, (_, i) => `* Item ${i} alpha. Beta gamma. Delta ${i}. Epsilon zeta. Eta theta.`).join('\n')}\n`;
  const cases: Array<[string, PolicyDocument, PolicyDocument]> = [
    ['unrelated-20k-ms', md(a20), md(b20)],
    ['one-word-changed-20k-ms', md(a20), md(oneWord)],
    ['shuffled-paragraphs-10k-ms', md(a10), md(shuffleParagraphs(a10, 5))],
    ['list-of-2000-items-20k-ms', md(longList), md(`${longList}\nWe added one paragraph about sharing with data brokers.\n`)],
  ];
  for (const [name, older, newer] of cases) {
    const r = runCase(older, newer);
    console.log(
      `target ${name}: ${r.ms.toFixed(1)} (goal <= 300 ms; cpu ${r.cpuMs.toFixed(1)} ms${r.truncated ? '; engine truncated (size cap hit)' : ''}; baseline diffWords ${r.baseMs.toFixed(1)} ms${r.baseStopped ? ` (stopped at its edit-length bound, no result)` : ''}; ratio ${(r.ms / Math.max(0.01, r.baseMs)).toFixed(2)})`,
    );
  }
  oneWordBlocksLine(md);
  return 0;
}
