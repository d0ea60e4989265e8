/**
 * How the sentences of data/sharing-multi-labels.jsonl were drawn (6 December 2026; kept so the draw can be
 * repeated): every sentence of the corpus's non-English privacy and trackers policies (data.ts
 * foreignPolicySentences: 18 pages of 14 services, French and one German) of 30-600 characters where the
 * sharing head's gate opens, with its heading and the sentence before it as context for the reader. No
 * sampling: all of them, so the figures on them are of the model as it reads such pages. Split into files
 * for readers, cut in order (a page can straddle two readers).
 *
 * Usage: node --import tsx scripts/train/sample-multi-sharing.ts OUT_DIR [READERS]
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gateOpen } from '../../lib/core/engine/model/heads';
import { prepare } from '../../lib/core/engine/model/features';
import { corpusDir } from '../lib/corpus';
import { foreignPolicySentences, sentenceHash } from './data';

const outDir = process.argv[2] ?? '.';
const readers = Number(process.argv[3] ?? 6);
const rows: Array<{ h: string; service: string; lang: string; section: string; context: string; sentence: string }> = [];
for (const s of foreignPolicySentences(corpusDir())) {
  if (s.text.length < 30 || s.text.length > 600 || !gateOpen('third-party-sharing', prepare(s.text))) continue;
  rows.push({ h: sentenceHash(s.text), service: s.service, lang: s.lang, section: s.section, context: s.context, sentence: s.text });
}
const size = Math.ceil(rows.length / readers);
for (let k = 0; k < readers; k++) writeFileSync(join(outDir, `chunk-${k}.jsonl`), rows.slice(k * size, (k + 1) * size).map((r) => JSON.stringify(r)).join('\n') + '\n');
console.log(`${rows.length} sentences into ${readers} files`);
