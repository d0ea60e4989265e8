/**
 * `npm run train`: rebuilds the statement model from the corpus's expert labels and ours, reproducibly
 * (fixed seed, fixed order), after a grouped cross-validation whose figures go into the data card.
 *
 *   npm run train              cross-validate, then fit on everything and write the model + data card
 *   npm run train -- --cv      cross-validate only (prints the figures, writes nothing)
 *   options: --epochs=N --rate=X --l2=X --balance=X --buckets=N (fitting); CLAUSEWATCH_FIT='{"average":1,"bags":3,...}'
 *   (a JSON object of FitOptions, scripts/train/fit.ts; the evaluations' fold models read it too). The mistakes behind the
 *   figures: npm run eval -- clauses --errors N, npm run eval -- changes --verbose.
 */
import { corpusDir } from './lib/corpus';
import { badOptions, crossValidate, trainRefusal, writeModel } from './train/run';

const USAGE = `usage: npm run train [-- --cv] [-- --epochs=N --rate=X --l2=X --balance=X --buckets=N]
  without --cv: cross-validate, then fit on everything and write lib/core/engine/model/statement-model.json and its data card
  --cv: cross-validate only (prints the figures, writes nothing)`;
const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
// An option it does not know must not fall through to a full training run that rewrites the model.
const unknown = badOptions(args);
if (unknown.length > 0) {
  console.error(`clausewatch train: unknown option or bad value: ${unknown.join(' ')}\n${USAGE}`);
  process.exit(2);
}
const corpus = corpusDir();
const refused = trainRefusal(corpus);
if (refused) {
  console.error(`clausewatch train: ${refused}`);
  process.exit(1);
}
const report = await crossValidate(corpus, args);
if (!args.includes('--cv')) {
  const { modelPath, cardPath } = await writeModel(report);
  console.log(`\nwrote ${modelPath} and ${cardPath}`);
}
