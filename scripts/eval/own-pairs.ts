/**
 * `npm run eval -- own-pairs`: alerts on small policy changes we wrote ourselves, in four sets.
 *
 * Set A, 86 changes (scripts/eval/data/own-pairs.json),
 * each labelled by its writer as an alert or not for one category (third-party sharing or AI training), with
 * a one-line reason. They were written on 6 December 2026, in English (72) and in German, French and Spanish
 * (14), by a reader who had not seen the engine's code, rules or tests, to measure the engine on wording no
 * rule was written for. Two caveats: one reader labelled them (four labels are arguable, and say so in their
 * `why`), and the session that wrote them then widened the German and Spanish vocabularies and the rule for a
 * removed sharing denial from what they showed (before: sharing P 1.00 R 0.69, AI P 0.93 R 0.87), so the
 * figures now are not held out. It needs no corpus: the shipped model never saw these sentences.
 *
 * Set B, 90 changes (scripts/eval/data/own-pairs-b.json, 65 English, 25 German, French and Spanish), written the
 * same day after those changes, by another writer who had seen neither the code nor set A, to measure them on
 * what they were not chosen from. The engine of the day before, on B: sharing P 0.94 (16/17) R 0.57 (16/28),
 * AI P 0.84 (16/19) R 0.89 (16/18); with set A's changes: sharing P 0.94 (17/18) R 0.61, AI P 0.86 (18/21)
 * R 1.00. B also showed one French alert lost by the Unicode-aware word boundaries, fixed with French data
 * words; after that, sharing P 0.95 (18/19) R 0.64. In the twenty-fourth session its ai-en-n12 (training narrowed
 * to "publicly shared posts", told as expanded) led to the reading of "publicly available information" as where
 * data comes from (AI P 0.86 -> 0.90). Nothing else was changed from B: it is held out for the rest.
 *
 * Set C, 90 changes (scripts/eval/data/own-pairs-c.json, 60 English, 30 German, French, Spanish and Italian),
 * written on 6 December 2026 (twenty-fourth session) by a third writer who had seen neither the code nor sets
 * A and B, and measured before anything else was tried that session: sharing P 0.75 (12/16) R 0.40 (12/30;
 * English 0.55, the other languages 1 of 10), AI P 0.85 (11/13) R 0.73 (11/15). The one change tried against
 * it that session (fitting the sharing sentences we wrote, data/written-sharing-*.jsonl) was not kept. The
 * session's other changes (English glosses of other languages' words, the AI gate in German compounds and
 * Italian, Portuguese and Dutch, "publicly available information") were written for the languages and the
 * wording, not for its pairs, but its list of misses had been read once at the start: after them, sharing P
 * 0.76 (13/17) R 0.43, AI P 0.86 (12/14) R 0.80. Its writer calls three labels close: c-sh-en-14 (a named analytics firm swapped for
 * another, labelled an alert), c-sh-es-03 (consent replaced by an opt-out, an alert) and c-ai-en-17.
 *
 * Set D, 60 changes (scripts/eval/data/own-pairs-d.json, 20 each in Italian, Portuguese and Dutch, all about
 * sharing: 10 that widen a statement, 5 rewordings, 5 restrictions), written on 6 December 2026 (twenty-sixth
 * session) by a writer who had seen neither the code nor the other sets, after the Italian, Portuguese and
 * Dutch attribute words (attributes-it-pt-nl.ts) were: with them sharing P 0.56 (5/9) R 0.17 (5/30), without
 * P 0.43 (3/7) R 0.10. Held out.
 *
 * A pair alerts when the engine reports a finding of the pair's category that is new or expanded.
 * Options: --all (list every pair, not only the disagreements).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeChange } from '../../lib/core/engine';
import { documentFromMarkdown } from '../../lib/core/page/markdown';
import type { Category } from '../../lib/core/schema';

interface OwnPair {
  id: string;
  /** Sets B, C and D say their language; set A's is in its id ("-de"), English otherwise. */
  lang?: string;
  category: 'sharing' | 'ai';
  gold: 'alert' | 'no-alert';
  kind: string;
  old: string;
  new: string;
  why: string;
}

const CATEGORY: Record<OwnPair['category'], Category> = { sharing: 'third-party-sharing', ai: 'ai-training' };
const languageOf = (p: OwnPair) => p.lang ?? /-(de|fr|es)$/.exec(p.id)?.[1] ?? 'en';
const SETS = [
  { name: 'A', file: 'own-pairs.json', status: 'not held out since 6 December 2026' },
  { name: 'B', file: 'own-pairs-b.json', status: 'held out but for two fixes' },
  { name: 'C', file: 'own-pairs-c.json', status: 'held out; its misses were read once' },
  { name: 'D', file: 'own-pairs-d.json', status: 'held out: Italian, Portuguese and Dutch' },
] as const;

export function readOwnPairs(file: string): OwnPair[] {
  return JSON.parse(readFileSync(join(import.meta.dirname, 'data', file), 'utf8')) as OwnPair[];
}

export function judgeOwnPair(p: OwnPair): { alert: boolean; kinds: string[] } {
  const language = languageOf(p);
  const read = (text: string) => documentFromMarkdown(text, { url: 'https://example.com/privacy', language });
  const findings = analyzeChange(read(p.old), read(p.new)).findings.filter((f) => f.category === CATEGORY[p.category]);
  return { alert: findings.some((f) => f.kind === 'new' || f.kind === 'expanded'), kinds: [...new Set(findings.map((f) => f.kind))] };
}

export async function run(args: string[]): Promise<number> {
  for (const set of SETS) report(set.name, set.status, readOwnPairs(set.file), args.includes('--all'));
  return 0;
}

function report(name: string, status: string, pairs: OwnPair[], all: boolean): void {
  const rows = pairs.map((p) => ({ p, language: languageOf(p), ...judgeOwnPair(p) }));
  const line = (sub: typeof rows) => {
    const tp = sub.filter((r) => r.p.gold === 'alert' && r.alert).length;
    const fp = sub.filter((r) => r.p.gold === 'no-alert' && r.alert).length;
    const fn = sub.filter((r) => r.p.gold === 'alert' && !r.alert).length;
    const ratio = (a: number, b: number) => (b ? (a / b).toFixed(2) : '-');
    return `precision ${ratio(tp, tp + fp)} (${tp}/${tp + fp}), recall ${ratio(tp, tp + fn)} (${tp}/${tp + fn}), pairs ${sub.length}`;
  };
  console.log(`\nSet ${name} of our own pairs (${status}: see scripts/eval/own-pairs.ts), shipped model:`);
  for (const category of ['sharing', 'ai'] as const) {
    const of = rows.filter((r) => r.p.category === category);
    console.log(`  ${category === 'ai' ? 'AI training' : 'third-party sharing'}: ${line(of)}`);
    console.log(`    English ${line(of.filter((r) => r.language === 'en'))}; other languages ${line(of.filter((r) => r.language !== 'en'))}`);
  }
  for (const r of rows) {
    if (!all && r.alert === (r.p.gold === 'alert')) continue;
    console.log(`  ${r.alert === (r.p.gold === 'alert') ? 'ok' : r.alert ? 'FALSE ALARM' : 'MISS'} ${r.p.id} (${r.p.kind}) gold=${r.p.gold} engine=${r.kinds.join(',') || 'nothing'}: ${r.p.why}`);
  }
}
