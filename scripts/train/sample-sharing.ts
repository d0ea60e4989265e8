/**
 * How the sentences of data/sharing-labels.jsonl were drawn (run once, December 2026; kept so the draw can
 * be repeated): from the newest version of each development change pair's service, sentences of 30-600
 * characters that open the sharing head's gate and are not already quoted as gold evidence, at most 18 per
 * service in a seeded shuffle, split into three files for three readers.
 *
 * Usage: node --import tsx scripts/train/sample-sharing.ts OUT_DIR
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { documentFromMarkdown } from '../../lib/core/page/markdown';
import { splitSentences } from '../../lib/core/engine/sentences';
import { normalizeText } from '../../lib/core/text/normalize';
import { HEAD_GATES } from '../../lib/core/engine/model/heads';
import { corpusDir } from '../lib/corpus';
import { shuffle } from '../lib/random';
const dir = corpusDir();
const outDir = process.argv[2] ?? '.';
const pairs = readFileSync(join(dir, 'changes', 'index.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const evidence = new Set<string>();
for (const p of pairs) for (const e of p.gold.tp_evidence) evidence.add(normalizeText(e));
const byService = new Map<string, { file: string; lang: string }>();
for (const p of pairs) byService.set(p.service, { file: p.newer.file, lang: p.lang });
const rows: Array<{ h: string; service: string; section: string; sentence: string }> = [];
let seed = 7;
const rnd = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
for (const [service, { file, lang }] of byService) {
  const doc = documentFromMarkdown(readFileSync(join(dir, file), 'utf8'), { url: 'x', language: lang });
  const cands: typeof rows = [];
  const seen = new Set<string>();
  for (const b of doc.blocks) {
    if (b.kind === 'heading') continue;
    for (const s of splitSentences(normalizeText(b.text), lang)) {
      if (s.length < 30 || s.length > 600 || seen.has(s) || evidence.has(s) || !HEAD_GATES['third-party-sharing']!.test(s)) continue;
      seen.add(s);
      cands.push({ h: createHash('sha256').update(s).digest('hex').slice(0, 16), service, section: b.section.join(' > ').slice(0, 120), sentence: s });
    }
  }
  rows.push(...shuffle(cands, rnd).slice(0, 18));
}
rows.sort((a, b) => (a.service + a.h).localeCompare(b.service + b.h));
const n = 3, size = Math.ceil(rows.length / n);
for (let k = 0; k < n; k++) writeFileSync(join(outDir, `chunk-${k}.jsonl`), rows.slice(k * size, (k + 1) * size).map((r) => JSON.stringify(r)).join('\n') + '\n');
console.log(rows.length, byService.size);
