/**
 * How the sentences of data/sharing-c3pa-labels.jsonl were drawn (run once, 5 December 2026; kept so the
 * draw can be repeated): from C3PA's 400 policies of 2023 (`training/c3pa.jsonl`), split as the training
 * scripts split its passages (data.ts c3paSentences), sentences of 30-600 characters where the sharing
 * head's gate opens, whatever the passage's C3PA label; at most five per policy in a seeded shuffle; each
 * with the sentence before it in its passage as context for the reader. Split into files for readers.
 * Draw 2 (the same day) took five more per policy, with another seed, leaving out the sentences already
 * labelled (data/sharing-c3pa-labels.jsonl).
 *
 * Usage: node --import tsx scripts/train/sample-c3pa-sharing.ts OUT_DIR [READERS] [DRAW]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gateOpen } from '../../lib/core/engine/model/heads';
import { prepare } from '../../lib/core/engine/model/features';
import { corpusDir } from '../lib/corpus';
import { c3paSentenceList, loadC3pa, sentenceHash } from './data';

const outDir = process.argv[2] ?? '.';
const readers = Number(process.argv[3] ?? 4);
const draw = Number(process.argv[4] ?? 1);
const PER_POLICY = 5;
const LABELS = join(import.meta.dirname, '..', '..', 'data', 'sharing-c3pa-labels.jsonl');
const labelled = new Set(draw > 1 && existsSync(LABELS) ? readFileSync(LABELS, 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { h: string }).h) : []);
const byPolicy = new Map<number, Array<{ h: string; policy: number; context: string; sentence: string }>>();
const seen = new Set<string>();
for (const p of loadC3pa(corpusDir())) {
  const list = c3paSentenceList(p);
  list.forEach((s, i) => {
    const h = sentenceHash(s);
    if (s.length < 30 || s.length > 600 || seen.has(h) || labelled.has(h) || !gateOpen('third-party-sharing', prepare(s))) return;
    seen.add(h);
    const rows = byPolicy.get(p.policy) ?? [];
    rows.push({ h, policy: p.policy, context: (list[i - 1] ?? '').slice(0, 240), sentence: s });
    byPolicy.set(p.policy, rows);
  });
}
let seed = draw > 1 ? 20261205 + draw : 20261205;
const rnd = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
const rows: Array<{ h: string; policy: number; context: string; sentence: string }> = [];
for (const policy of [...byPolicy.keys()].sort((a, b) => a - b)) {
  const c = byPolicy.get(policy) ?? [];
  c.sort((a, b) => (a.h < b.h ? -1 : a.h > b.h ? 1 : 0));
  for (let i = c.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [c[i], c[j]] = [c[j]!, c[i]!];
  }
  rows.push(...c.slice(0, PER_POLICY));
}
// Whole policies stay with one reader.
const size = Math.ceil(rows.length / readers);
for (let k = 0; k < readers; k++) writeFileSync(join(outDir, `chunk-${k}.jsonl`), rows.slice(k * size, (k + 1) * size).map((r) => JSON.stringify(r)).join('\n') + '\n');
console.log(`${rows.length} sentences from ${byPolicy.size} policies into ${readers} files`);
