/**
 * `npm run eval -- clauses`: the third-party-sharing classifier on OPP-115 policy segments. Gold is the
 * majority category `Third Party Sharing/Collection`. Headline: a segment is positive when any of its
 * sentences makes a third-party-sharing statement of either polarity, since OPP-115 files denials ("we do
 * not share with third parties") and opt-outs under the same category: they are statements about sharing.
 * Also printed: "states" polarity only, which is stricter than the annotation.
 *
 * `--errors N` prints N misses and N false alarms.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifySentence, splitSentences } from '../../lib/engine/index';
import { normalizeText } from '../../lib/text/normalize';
import { corpusDir } from '../lib/corpus';

interface Segment {
  policy: string;
  segment: number;
  text: string;
  categories: string[];
}

const GOLD = 'Third Party Sharing/Collection';


function prf(tp: number, fp: number, fn: number) {
  const p = tp + fp ? tp / (tp + fp) : 1;
  const r = tp + fn ? tp / (tp + fn) : 1;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

export async function run(args: string[]): Promise<number> {
  const file = join(corpusDir(), 'clauses', 'opp115-dev.jsonl');
  if (!existsSync(file)) {
    console.log(`Corpus not found (${file}; set CLAUSEWATCH_CORPUS); skipping the clauses eval.`);
    return 0;
  }
  const errArg = args.indexOf('--errors');
  const showErrors = errArg >= 0 ? Number(args[errArg + 1] ?? 10) : 5;
  const segments = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Segment);
  const counts = { states: { tp: 0, fp: 0, fn: 0 }, any: { tp: 0, fp: 0, fn: 0 } };
  const misses: string[] = [];
  const falseAlarms: string[] = [];
  let sentences = 0;
  const t0 = performance.now();
  for (const seg of segments) {
    const gold = seg.categories.includes(GOLD);
    let states = false;
    let any = false;
    const fired: string[] = [];
    for (const para of seg.text.split(/\n+/)) {
      for (const sentence of splitSentences(normalizeText(para), 'en')) {
        sentences++;
        for (const c of classifySentence(sentence)) {
          if (c.category !== 'third-party-sharing') continue;
          any = true;
          fired.push(`${c.polarity}: ${c.triggers.join(' / ')}`);
          if (c.polarity === 'states') states = true;
        }
      }
    }
    for (const [key, hit] of [['states', states], ['any', any]] as const) {
      if (gold && hit) counts[key].tp++;
      else if (gold) counts[key].fn++;
      else if (hit) counts[key].fp++;
    }
    if (gold && !any) misses.push(`${seg.policy}#${seg.segment}: ${seg.text.slice(0, 200).replace(/\s+/g, ' ')}`);
    if (!gold && any) falseAlarms.push(`${seg.policy}#${seg.segment} [${fired.join(' | ').slice(0, 120)}]: ${seg.text.slice(0, 160).replace(/\s+/g, ' ')}`);
  }
  const ms = performance.now() - t0;
  const s = prf(counts.states.tp, counts.states.fp, counts.states.fn);
  const a = prf(counts.any.tp, counts.any.fp, counts.any.fn);
  console.log(`OPP-115 dev: ${segments.length} segments, ${sentences} sentences, ${(ms * 1000 / Math.max(1, sentences)).toFixed(1)} µs per sentence`);
  console.log(`third-party-sharing statements (either polarity) vs "${GOLD}": precision ${a.p.toFixed(3)}, recall ${a.r.toFixed(3)}, F1 ${a.f1.toFixed(3)} (goal F1 >= 0.85) ${a.f1 >= 0.85 ? 'met' : 'NOT met'}`);
  console.log(`  (a segment counts when any sentence states OR restricts sharing: OPP-115 annotates denials and opt-outs under this category)`);
  console.log(`third-party-sharing "states" polarity only: precision ${s.p.toFixed(3)}, recall ${s.r.toFixed(3)}, F1 ${s.f1.toFixed(3)}`);
  console.log(`\nMisses (${misses.length}), first ${showErrors}:`);
  for (const m of misses.slice(0, showErrors)) console.log(`  ${m}`);
  console.log(`False alarms (${falseAlarms.length}), first ${showErrors}:`);
  for (const f of falseAlarms.slice(0, showErrors)) console.log(`  ${f}`);
  return 0;
}
