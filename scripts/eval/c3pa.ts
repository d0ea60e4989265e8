/**
 * `npm run eval -- c3pa`: C3PA passages (Musa et al., EMNLP 2024) that an annotator marked as categories
 * of personal information shared/disclosed or sold, against every other passage: a passage is positive
 * when any of its sentences is a sharing statement. Since the sixteenth session the model is fitted on our
 * own sharing labels of 2,300 C3PA sentences (data/sharing-c3pa-labels.jsonl draws 1-2, from 392 of its 400 policies; never
 * on C3PA's passage labels), so on the development corpus the plain figure is not out of sample: the
 * cross-validated one is the result (each passage judged by the fold model fitted without its service). On
 * policies the model never saw (scripts/train/fitted-on.ts), the plain figure is held out.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { splitSentences, statementClassifier, type Classify } from '../../lib/core/engine/index';
import { normalizeText } from '../../lib/core/text/normalize';
import { corpusDir } from '../lib/corpus';
import { loadC3pa, missingTraining } from '../train/data';
import { fittedCount, foldNote, itemKey, plainHeading, skippedLine } from '../train/fitted-on';
import { fmt, foldOf, tally } from '../train/cv';
import { trainFoldModels } from '../train/run';

/** Passages marked shared or sold, against the rest: positive when any sentence is a sharing statement. */
export function c3paFigure(passages: ReturnType<typeof loadC3pa>, classifierFor: (group: string) => Classify) {
  return tally(
    passages,
    (p) => splitSentences(normalizeText(p.text), 'en').some((s) => classifierFor(p.group)(s, 'third-party-sharing').length > 0),
    (p) => p.sharedOrSold,
  );
}

export async function run(args: string[]): Promise<number> {
  const dir = corpusDir();
  if (!existsSync(join(dir, 'training', 'c3pa.jsonl'))) {
    console.log(`C3PA not found under ${dir}; skipping.`);
    return 0;
  }
  const passages = loadC3pa(dir);
  if (passages.length === 0) {
    console.error(`No passages in ${join(dir, 'training', 'c3pa.jsonl')}.`);
    return 1;
  }
  const shipped = statementClassifier();
  const plain = c3paFigure(passages, () => shipped);
  console.log(`C3PA: ${passages.length} passages (${passages.filter((p) => p.sharedOrSold).length} shared or sold)`);
  // Its unit is the policy: the shipped model is fitted on our labels of sentences of the development ones.
  const count = fittedCount('c3pa', [...new Set(passages.map(itemKey.c3pa))]);
  console.log(`  ${plainHeading(count, 'policies')}: ${fmt(plain)}`);
  if (args.includes('--no-cv')) return 0;
  const missing = missingTraining(dir);
  if (missing.length > 0) {
    console.log(`  ${skippedLine(dir, missing)}`);
    return 0;
  }
  const note = foldNote(dir);
  if (note) console.log(`  ${note}`);
  const { models } = trainFoldModels(dir);
  const byFold = models.map((model) => statementClassifier({ model }));
  const cv = c3paFigure(passages, (group) => byFold[foldOf(group)] as Classify);
  console.log(`  cross-validated (fold model without the passage's service): ${fmt(cv)}`);
  return 0;
}
