/**
 * How the sentences of data/sharing-c3pa-labels.jsonl were drawn (run once, 5 December 2026; kept so the
 * draw can be repeated): from C3PA's policies of 2023 (`training/c3pa.jsonl`), split as the training
 * scripts split its passages (data.ts c3paSentences), sentences of 30-600 characters where the sharing
 * head's gate opens, whatever the passage's C3PA label; at most five per C3PA policy id in a seeded shuffle
 * (ids repeat between C3PA's two sets, so an id can stand for two policies: the draws came from 374 and 376
 * of the 400, up to nine sentences from one; kept as it ran, so that the draws repeat); each with the
 * sentence before it in its passage as context for the reader. Split into files for readers.
 * Draw 2 (the same day) took five more per id, with another seed, leaving out the sentences of draw 1.
 * The small generator below is the one the draws ran with. The gate has widened since (model 3's glosses),
 * so today the script draws other sentences for draws 1 and 2: they repeat at the commits they ran at
 * (29fcd21 for draw 1 and 09de7f2 for draw 2, the commits before those that added their labels).
 * Draw 3 (6 December 2026) chose where the model hesitates instead of at random: sentences whose sharing
 * probability under model 3 (statement-model.json of commit 8ba928a, md5 745ad23d; pass it as MODEL to
 * repeat the draw) is between 0.2 and 0.7 (the threshold is 0.4), at most three per C3PA policy (set and
 * id), leaving out draws 1 and 2.
 *
 * Usage: node --import tsx scripts/train/sample-c3pa-sharing.ts OUT_DIR [READERS] [DRAW] [MODEL]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gateOpen, HEADS } from '../../lib/core/engine/model/heads';
import { prepare } from '../../lib/core/engine/model/features';
import { loadModel, type ModelFile } from '../../lib/core/engine/model/linear';
import { shippedModel } from '../../lib/core/engine/model/shipped';
import { corpusDir } from '../lib/corpus';
import { c3paSentences, loadC3pa, readJsonl, sentenceHash } from './data';
import { shuffle } from '../lib/random';

const outDir = process.argv[2] ?? '.';
const readers = Number(process.argv[3] ?? 4);
const draw = Number(process.argv[4] ?? 1);
const PER_POLICY = draw >= 3 ? 3 : 5;
// From draw 3 on: only sentences the model hesitates on, one draw per C3PA policy (set and id).
const uncertain = draw >= 3;
// Draw 3 depends on the model it hesitated with: name it, so a later refit cannot change the draw silently.
if (uncertain && !process.argv[5]) {
  console.error('draw 3 chooses by a model: pass the model it was drawn with (statement-model.json of 8ba928a) as MODEL');
  process.exit(2);
}
const model = process.argv[5] ? loadModel(JSON.parse(readFileSync(process.argv[5], 'utf8')) as ModelFile) : shippedModel();
const SHARING = HEADS.indexOf('third-party-sharing');
const hesitates = (prepared: string) => {
  const p = model.score(prepared)[SHARING] ?? 0;
  return p >= 0.2 && p < 0.7;
};
const LABELS = join(import.meta.dirname, '..', '..', 'data', 'sharing-c3pa-labels.jsonl');
// Earlier draws' sentences are left out (not this draw's or later ones', so a draw can be repeated).
const labelled = new Set(existsSync(LABELS) ? readJsonl<{ h: string; draw?: number }>(LABELS).filter((l) => (l.draw ?? 1) < draw).map((l) => l.h) : []);
const byPolicy = new Map<number | string, Array<{ h: string; policy: number | string; context: string; sentence: string }>>();
const seen = new Set<string>();
for (const p of loadC3pa(corpusDir())) {
  const list = [...c3paSentences(p)];
  list.forEach((s, i) => {
    const h = sentenceHash(s);
    if (s.length < 30 || s.length > 600 || seen.has(h) || labelled.has(h)) return;
    const prepared = prepare(s);
    if (!gateOpen('third-party-sharing', prepared) || (uncertain && !hesitates(prepared))) return;
    seen.add(h);
    const key = uncertain ? p.policy : p.policyId;
    const rows = byPolicy.get(key) ?? [];
    rows.push({ h, policy: key, context: (list[i - 1] ?? '').slice(0, 240), sentence: s });
    byPolicy.set(key, rows);
  });
}
let seed = draw > 1 ? 20261205 + draw : 20261205;
const rnd = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
const rows: Array<{ h: string; policy: number | string; context: string; sentence: string }> = [];
for (const policy of [...byPolicy.keys()].sort((a, b) => (typeof a === 'number' && typeof b === 'number' ? a - b : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0))) {
  const c = byPolicy.get(policy) ?? [];
  c.sort((a, b) => (a.h < b.h ? -1 : a.h > b.h ? 1 : 0));
  rows.push(...shuffle(c, rnd).slice(0, PER_POLICY));
}
// Files are cut by count, in policy order (a policy can straddle two readers).
const size = Math.ceil(rows.length / readers);
for (let k = 0; k < readers; k++) writeFileSync(join(outDir, `chunk-${k}.jsonl`), rows.slice(k * size, (k + 1) * size).map((r) => JSON.stringify(r)).join('\n') + '\n');
console.log(`${rows.length} sentences from ${byPolicy.size} C3PA policy ids into ${readers} files`);
