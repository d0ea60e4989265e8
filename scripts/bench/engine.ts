/**
 * `npm run bench -- engine`: time of the whole change engine (diff + classify + explain) on the corpus
 * change pairs and on synthetic worst cases, next to a baseline measured in the same run: jsdiff
 * `diffWords` over the whole text with its `timeout` option (what a naive implementation would do).
 *
 * Documents are parsed before timing; each case is run once to warm up, then measured. Wall-clock and
 * CPU time are both printed because the machine may be shared.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffWords } from 'diff';
import { analyzeChange } from '../../lib/engine/index';
import { documentFromMarkdown } from '../../lib/markdown';
import type { PolicyDocument } from '../../lib/schema';
import { corpusDir } from '../lib/corpus';

const BASELINE_TIMEOUT_MS = 1000;


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

// A deterministic policy-like text: sentences built from privacy vocabulary, paragraphs under headings.
export function syntheticPolicy(words: number, seed: number): string {
  const subjects = ['We', 'Our service providers', 'Our affiliates', 'You', 'The company', 'Partners'];
  const verbs = ['collect', 'use', 'store', 'process', 'review', 'protect', 'update', 'delete', 'access', 'analyse'];
  const objects = ['your account details', 'usage information', 'device identifiers', 'support requests', 'billing records', 'preferences', 'log files', 'messages', 'survey answers', 'crash reports'];
  const tails = ['to provide the service', 'for security purposes', 'as described in this policy', 'when required by law', 'to improve features', 'for as long as needed', 'in line with your settings', 'to answer questions'];
  let x = seed >>> 0 || 1;
  const rnd = (n: number) => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x % n;
  };
  const pick = <T>(xs: T[]): T => xs[rnd(xs.length)] as T;
  const out: string[] = [];
  let count = 0;
  let para: string[] = [];
  let section = 0;
  while (count < words) {
    const s = `${pick(subjects)} ${pick(verbs)} ${pick(objects)} ${pick(tails)} (${seed}-${rnd(100000)}).`;
    count += s.split(' ').length;
    para.push(s);
    if (para.length >= 4) {
      out.push(para.join(' '));
      para = [];
      if (rnd(6) === 0) out.push(`## Section ${++section}`);
    }
  }
  if (para.length) out.push(para.join(' '));
  return out.join('\n\n');
}

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
  const baseRuns = Array.from({ length: repeats }, () => time(() => diffWords(text(older), text(newer), { timeout: BASELINE_TIMEOUT_MS })));
  return {
    ms: quantile(runs.map((r) => r.ms), 0.5),
    cpuMs: quantile(runs.map((r) => r.cpuMs), 0.5),
    truncated: runs.some((r) => r.value.truncated),
    baseMs: quantile(baseRuns.map((r) => r.ms), 0.5),
    baseTimedOut: baseRuns.some((r) => r.value === undefined),
  };
}

export async function run(): Promise<number> {
  const dir = corpusDir();
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
    let baseTimeouts = 0;
    for (const d of docs) {
      const r = time(() => analyzeChange(d.older, d.newer));
      engine.push(r.ms);
      cpu.push(r.cpuMs);
      if (r.value.truncated) truncated++;
      const b = time(() => diffWords(text(d.older), text(d.newer), { timeout: BASELINE_TIMEOUT_MS }));
      base.push(b.ms);
      if (b.value === undefined) baseTimeouts++;
    }
    const med = quantile(engine, 0.5);
    const p95 = quantile(engine, 0.95);
    const baseMed = quantile(base, 0.5);
    const baseP95 = quantile(base, 0.95);
    console.log(`corpus: ${docs.length} pairs; engine truncated on ${truncated}; baseline diffWords (timeout ${BASELINE_TIMEOUT_MS} ms) timed out on ${baseTimeouts}`);
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
  const cases: Array<[string, PolicyDocument, PolicyDocument]> = [
    ['unrelated-20k-ms', md(a20), md(b20)],
    ['one-word-changed-20k-ms', md(a20), md(oneWord)],
    ['shuffled-paragraphs-10k-ms', md(a10), md(shuffleParagraphs(a10, 5))],
  ];
  for (const [name, older, newer] of cases) {
    const r = runCase(older, newer);
    console.log(
      `target ${name}: ${r.ms.toFixed(1)} (goal <= 300 ms; cpu ${r.cpuMs.toFixed(1)} ms${r.truncated ? '; engine truncated (budget hit)' : ''}; baseline diffWords ${r.baseMs.toFixed(1)} ms${r.baseTimedOut ? ` (hit its ${BASELINE_TIMEOUT_MS} ms timeout, no result)` : ''}; ratio ${(r.ms / Math.max(0.01, r.baseMs)).toFixed(2)})`,
    );
  }
  return 0;
}
