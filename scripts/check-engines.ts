/**
 * Same input, same answer, in either browser: analyses every development change pair in Node, and in a
 * blank page of Chromium and of Firefox (scripts/lib/engine-browsers.ts), and fails unless the three
 * analyses of every pair are byte-identical. Sentence segmentation (Intl.Segmenter and each browser's ICU
 * data), case folding, Unicode regular expressions and Math.exp are where they could part.
 *
 * Usage: node --import tsx scripts/check-engines.ts [--limit N]   (part of `npm test`; skipped without
 * the corpus, whose texts stay out of the repository; tests/e2e/engines.e2e.test.ts checks our own fixtures)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pairsForCheck } from './lib/corpus';
import { bundleEngine, inChromium, inFirefox } from './lib/engine-browsers';
import { analyzeCases, type EngineCase } from './lib/engine-cases';

const { corpus, pairs } = pairsForCheck('check-engines');
const cases: EngineCase[] = pairs.map((p) => ({ name: p.id, language: p.lang ?? 'en', older: readFileSync(join(corpus, p.older.file), 'utf8'), newer: readFileSync(join(corpus, p.newer.file), 'utf8') }));
const code = await bundleEngine();
const node = analyzeCases(cases);
let failed = false;
for (const [name, run] of [
  ['Chromium', inChromium],
  ['Firefox', inFirefox],
] as const) {
  const t0 = performance.now();
  const results = await run(code, cases);
  const differing = cases.filter((_, i) => results[i] !== node[i]).map((c) => c.name);
  console.log(`check-engines: ${cases.length} pairs; ${name} against Node: ${differing.length} differ (${((performance.now() - t0) / 1000).toFixed(1)} s)${differing.length ? `: ${differing.slice(0, 5).join('; ')}` : ''}`);
  if (differing.length > 0 || results.length !== cases.length) failed = true;
}
if (failed) process.exitCode = 1;
