/**
 * How the sentences of data/sharing-ai-pair-labels.jsonl were drawn (seventeenth session; kept so the draw
 * can be repeated): every sentence of every version of the development change pairs (as the engine splits a
 * version) that opens the sharing head's gate and speaks of AI (a model, a model's maker, prompts, an
 * assistant), 30-600 characters, once per text, leaving out the sentences already labelled elsewhere (the
 * Open Terms Archive AI candidates, which stay a test set, and data/sharing-labels.jsonl) and those the
 * gold labels quote as evidence (fitted already). At most PER_SERVICE per service, in a seeded shuffle;
 * split into READERS files in service order. Only exact copies are left out: 56 of the 255 hold, or are held
 * in, such a text of their own service (a list item with its heading, say), which grouped cross-validation
 * never fits in the fold that judges them (data/README.md).
 *
 * Usage: node --import tsx scripts/train/sample-ai-recipients.ts OUT_DIR [READERS]
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepare } from '../../lib/core/engine/model/features';
import { gateOpen } from '../../lib/core/engine/model/heads';
import { normalizeText } from '../../lib/core/text/normalize';
import { corpusDir } from '../lib/corpus';
import { mulberry32, shuffle } from '../lib/random';
import { loadChangePairs, readJsonl, sentenceHash, versionSentences } from './data';

// ("a\.i\." only matches before a letter: kept as it was when the sentences were drawn.)
const AI = /\b(?:ai|a\.i\.|artificial intelligence|machine learning|models?|llms?|large language|generative|chatbots?|assistants?|openai|anthropic|gemini|claude|chatgpt|gpt|copilot|mistral|llama|bedrock|vertex|prompts?|intelligence artificielle|ia|künstliche intelligenz|ki|inteligencia artificial)\b/i;
const PER_SERVICE = 40;
const SEED = 20261205;

const dir = corpusDir();
const outDir = process.argv[2] ?? '.';
const readers = Number(process.argv[3] ?? 3);
const pairs = loadChangePairs(dir);
const taken = new Set<string>();
for (const p of pairs) for (const e of [...p.gold.tp_evidence, ...p.gold.ai_evidence]) taken.add(normalizeText(e));
for (const r of readJsonl<{ sentence: string }>(join(dir, 'training', 'ota-ai-candidates.jsonl'))) taken.add(normalizeText(r.sentence));
const labelled = new Set(readJsonl<{ h: string }>(join(import.meta.dirname, '..', '..', 'data', 'sharing-labels.jsonl')).map((l) => l.h));

const byService = new Map<string, Array<{ h: string; service: string; sentence: string; before: string }>>();
const seen = new Set<string>();
for (const p of pairs) {
  for (const v of [p.older, p.newer]) {
    const sentences = versionSentences(dir, v.file, p.lang);
    sentences.forEach((s, i) => {
      if (s.length < 30 || s.length > 600 || seen.has(s) || taken.has(s) || !AI.test(s) || !gateOpen('third-party-sharing', prepare(s))) return;
      const h = sentenceHash(s);
      if (labelled.has(h)) return;
      seen.add(s);
      const list = byService.get(p.service) ?? [];
      list.push({ h, service: p.service, sentence: s, before: sentences[i - 1] ?? '' });
      byService.set(p.service, list);
    });
  }
}
const rnd = mulberry32(SEED);
const rows: Array<{ h: string; service: string; sentence: string; before: string }> = [];
for (const service of [...byService.keys()].sort()) {
  rows.push(...shuffle(byService.get(service) ?? [], rnd).slice(0, PER_SERVICE));
}
const size = Math.ceil(rows.length / readers);
for (let k = 0; k < readers; k++) writeFileSync(join(outDir, `chunk-${k}.jsonl`), rows.slice(k * size, (k + 1) * size).map((r) => JSON.stringify(r)).join('\n') + '\n');
console.log(`${rows.length} sentences from ${byService.size} services (${[...byService.values()].reduce((n, l) => n + l.length, 0)} before the cap of ${PER_SERVICE} per service)`);
