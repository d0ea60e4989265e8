/**
 * Run by the engine bench in a fresh Node process (with --expose-gc), one case per process so that each
 * peak is its own: the process's peak resident memory (the OS's count, `resourceUsage().maxRSS`) and the
 * JS heap left after a full collection. Prints one JSON line. Not a bench of its own (support/ is not listed).
 *
 * Arguments: a case and a length in words (`cap`: MAX_VERSION_WORDS, the most the engine reads). Cases, on
 * synthetic policies unrelated to each other (the costliest comparison):
 * - `idle`: modules loaded, the engine and its model used once, two documents parsed, nothing compared:
 *   the baseline;
 * - `analysis`: the same, and one analysis of the two documents;
 * - `repeated`: 150 analyses of pairs drawn in turn from six documents, results dropped; the heap left
 *   after the 25th and after the 150th say whether anything accumulates.
 */
import { analyzeChange, MAX_VERSION_WORDS } from '../../../lib/core/engine/index';
import { documentFromMarkdown } from '../../../lib/core/page/markdown';
import { syntheticPolicy } from './synthetic';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const heapAfterGc = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};
const md = (s: string) => documentFromMarkdown(s, { url: 'https://example.com/privacy', language: 'en' });
const which = process.argv[2];
const words = process.argv[3] === 'cap' ? MAX_VERSION_WORDS : Number(process.argv[3] ?? 20_000);
const docs = Array.from({ length: which === 'repeated' ? 6 : 2 }, (_, i) => md(syntheticPolicy(words, 7 + i * 92)));
// Every case loads and decodes the same code and model before it measures.
analyzeChange(md('# P\n\nWe share data with partners.'), md('# P\n\nWe share data with partners and advertisers.'));
const pair = (i: number) => [docs[i % docs.length], docs[(i + 1) % docs.length]] as const;
let heapEarly = 0;
let heapLate = 0;
let truncated = false;
if (which === 'analysis') {
  const [older, newer] = pair(0);
  if (older && newer) truncated = analyzeChange(older, newer).truncated;
} else if (which === 'repeated') {
  for (let i = 0; i < 150; i++) {
    const [older, newer] = pair(i);
    if (older && newer) analyzeChange(older, newer);
    if (i === 24) heapEarly = heapAfterGc();
  }
  heapLate = heapAfterGc();
} else if (which !== 'idle') throw new Error(`unknown case ${which}`);
console.log(JSON.stringify({ case: which, words, maxRssKb: process.resourceUsage().maxRSS, heapEarly, heapLate, truncated }));
