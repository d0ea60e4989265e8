/**
 * Run by the engine bench in a fresh Node process: the first analysis of a 5,000-word policy against a
 * rewritten version, timed from the first call (model decoding and every first use included; module
 * loading excluded) to the analysis checked against its schema, as the extension checks it before storing
 * it. Prints one JSON line. Not a bench of its own (it lives in support/, which `npm run bench` does not
 * list).
 */
import { analyzeChange } from '../../../lib/core/engine/index';
import { documentFromMarkdown } from '../../../lib/core/page/markdown';
import { ChangeAnalysis } from '../../../lib/core/schema';
import { baselineDiff } from './baseline';
import { syntheticPolicy } from './synthetic';

const md = (s: string) => documentFromMarkdown(s, { url: 'https://example.com/privacy', language: 'en' });
const older = md(syntheticPolicy(5_000, 3));
const newer = md(syntheticPolicy(5_000, 4));
const t0 = performance.now();
const a = analyzeChange(older, newer);
// As the extension does before it stores an analysis (lib/history/save.ts): checked against the schema.
if (!ChangeAnalysis.safeParse(a).success) throw new Error('the analysis does not parse');
const ms = performance.now() - t0;
const t1 = performance.now();
const base = baselineDiff(older.blocks.map((b) => b.text).join('\n\n'), newer.blocks.map((b) => b.text).join('\n\n'));
const baseMs = performance.now() - t1;
console.log(JSON.stringify({ ms, baseMs, baseStopped: base === undefined, truncated: a.truncated, classified: a.counts.minor + a.counts.major + a.counts.goodNews }));
