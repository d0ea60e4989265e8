/**
 * The training run: load every source, cross-validate by service, fit the final model on everything,
 * write it with its data card.
 */
import { createHash } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeWeights, type LinearModel, type ModelFile } from '../../lib/core/engine/model/linear';
import { writeDataCard } from './card';
import { writeFittedOn } from './fitted-on';
import { HEADS } from '../../lib/core/engine/model/heads';
import { FEATURES, prepare } from '../../lib/core/engine/model/features';
import { applyGates, c3paSamples, missingTraining, loadAiC3paLabels, loadAiPairLabels, loadSharingLabels, loadSharingC3paLabels, loadSharingOtaLabels, loadSharingAiPairLabels, loadWrittenSharing, loadSharingMultiLabels, readJsonl, sentenceHash, type AiLabel, serviceKey, loadAiLabels, loadC3pa, loadChangePairs, loadOpp115, mineChangePairs, type Sample } from './data';
import { chooseThresholds, fmt, foldModels, foldOf, headFigures, outOfFold, tally, type Prf } from './cv';
import { DEFAULT_FIT, fit, prepareAll, type FitOptions, type Prepared } from './fit';
import { c3paFigure } from '../eval/c3pa';
import { evaluate as evaluateClauses, foldClassifiers, loadSegments } from '../eval/clauses';
import { statementClassifier, type Classify } from '../../lib/core/engine/classify';
import { CHOICE, denial } from '../../lib/core/engine/lexicon';
import { attributesOf } from '../../lib/core/engine/attributes';


export const LABELS_FILE = join(import.meta.dirname, '..', '..', 'data', 'ai-training-labels.jsonl');
export const AI_PAIR_LABELS_FILE = join(import.meta.dirname, '..', '..', 'data', 'ai-pair-labels.jsonl');
export const AI_C3PA_LABELS_FILE = join(import.meta.dirname, '..', '..', 'data', 'ai-c3pa-labels.jsonl');
export const SHARING_LABELS_FILE = join(import.meta.dirname, '..', '..', 'data', 'sharing-labels.jsonl');
export const SHARING_C3PA_LABELS_FILE = join(import.meta.dirname, '..', '..', 'data', 'sharing-c3pa-labels.jsonl');
export const SHARING_OTA_LABELS_FILE = join(import.meta.dirname, '..', '..', 'data', 'sharing-ota-labels.jsonl');
export const SHARING_AI_PAIR_LABELS_FILE = join(import.meta.dirname, '..', '..', 'data', 'sharing-ai-pair-labels.jsonl');
export const SHARING_MULTI_LABELS_FILE = join(import.meta.dirname, '..', '..', 'data', 'sharing-multi-labels.jsonl');
/** Sharing sentences we wrote ourselves (data.ts loadWrittenSharing). */
export const WRITTEN_SHARING_FILES = ['written-sharing-en.jsonl', 'written-sharing-multi.jsonl', 'written-sharing-multi-2.jsonl'].map((f) => join(import.meta.dirname, '..', '..', 'data', f));


export interface CvReport {
  /** The corpus folder fitted on. */
  corpus: string;
  options: FitOptions;
  /** What was loaded and featurised, for writeModel to fit on without loading it again. */
  samples: Sample[];
  features: Prepared[];
  counts: Record<string, number>;
  /** A P/R/F1 figure, or a figure of another kind already in words. */
  figures: Record<string, Prf | string>;
}

/**
 * Every source's samples. `measured`: also the sources that are only measured on (false where only fitted
 * models are wanted; today that skips reading the French and German pages, 17 pages through jsdom, unless
 * they are fitted on: what is only measured on changes no fit).
 */
export function loadAll(corpus: string, options: FitOptions = DEFAULT_FIT, measured = true) {
  const opp = loadOpp115(corpus);
  const ai = loadAiLabels(corpus, LABELS_FILE);
  const pairs = loadChangePairs(corpus);
  const mined = mineChangePairs(pairs);
  const sharing = loadSharingLabels(corpus, SHARING_LABELS_FILE, pairs);
  const aiPairs = loadAiPairLabels(corpus, AI_PAIR_LABELS_FILE, pairs);
  const aiC3pa = loadAiC3paLabels(corpus, AI_C3PA_LABELS_FILE);
  const c3pa = options.c3pa ? c3paSamples(corpus, options.c3pa) : [];
  const sharingC3pa = loadSharingC3paLabels(corpus, SHARING_C3PA_LABELS_FILE, options.sharingC3pa ?? 'eval', options.sharingC3paDraws);
  const sharingOta = loadSharingOtaLabels(corpus, SHARING_OTA_LABELS_FILE, options.sharingOta ?? 'eval');
  const sharingAiPairs = loadSharingAiPairLabels(corpus, SHARING_AI_PAIR_LABELS_FILE, pairs, options.sharingAiPairs ?? 'eval');
  const written = loadWrittenSharing(WRITTEN_SHARING_FILES, options.writtenSharing ?? 'eval');
  const sharingMulti = measured || options.sharingMulti === 'fit' ? loadSharingMultiLabels(corpus, SHARING_MULTI_LABELS_FILE, options.sharingMulti ?? 'eval') : [];
  const samples: Sample[] = applyGates([...opp.samples, ...ai, ...aiPairs, ...sharing, ...mined, ...c3pa, ...aiC3pa, ...sharingC3pa, ...sharingOta, ...sharingAiPairs, ...written, ...sharingMulti]);
  return { samples, pairs };
}

/** Why a corpus folder cannot be fitted on (it is absent, or lacks training material: missingTraining), or undefined. */
export function trainRefusal(corpus: string): string | undefined {
  if (!existsSync(corpus)) return `the corpus is not at ${corpus} (set CLAUSEWATCH_CORPUS)`;
  const missing = missingTraining(corpus);
  return missing.length > 0 ? `the corpus at ${corpus} lacks ${missing.join(', ')}; nothing was fitted or written` : undefined;
}

/** A fitting option on the command line: --epochs=N --rate=X --l2=X --balance=X --buckets=N. */
const OPTION = /^--(epochs|rate|l2|balance|buckets)=(.+)$/;

/**
 * The arguments that are neither `--cv` nor a fitting option with a sound value: counts are positive whole
 * numbers (buckets a power of two), rates and penalties finite and not negative.
 */
export function badOptions(args: string[]): string[] {
  return args.filter((a) => {
    if (a === '--cv') return false;
    const m = OPTION.exec(a);
    if (!m) return true;
    const v = Number(m[2]);
    if (m[1] === 'epochs') return !(Number.isInteger(v) && v > 0 && v <= 1000);
    if (m[1] === 'buckets') return !(Number.isInteger(v) && v >= 2 && v <= 1 << 24 && (v & (v - 1)) === 0);
    return !(Number.isFinite(v) && v >= 0);
  });
}

/** The fitting options: the defaults, then CLAUSEWATCH_FIT (a JSON object of FitOptions, for experiments; the evaluations read it too), then the arguments. */
export function parseOptions(args: string[]): FitOptions {
  const env = process.env.CLAUSEWATCH_FIT ? (JSON.parse(process.env.CLAUSEWATCH_FIT) as Partial<FitOptions>) : {};
  // Source weights add to the shipped ones (an experiment weighing one source keeps the others' weights).
  const opts: FitOptions = { ...DEFAULT_FIT, ...env, sourceWeight: { ...DEFAULT_FIT.sourceWeight, ...env.sourceWeight } };
  for (const a of args) {
    const m = OPTION.exec(a);
    if (m?.[1] && m[2]) (opts as unknown as Record<string, number>)[m[1]] = Number(m[2]);
  }
  return opts;
}

export async function crossValidate(corpus: string, args: string[]): Promise<CvReport> {
  const options = parseOptions(args);
  const t0 = performance.now();
  const { samples } = loadAll(corpus, options);
  const features = prepareAll(samples, options.buckets, options);
  console.log(`options: ${JSON.stringify(options)}`);
  const counts: Record<string, number> = {};
  for (const s of samples) counts[s.source] = (counts[s.source] ?? 0) + 1;
  console.log(`samples: ${JSON.stringify(counts)} (${(performance.now() - t0).toFixed(0)} ms to load)`);
  const models = foldModels(samples, features, options);
  console.log(`${models.length} fold models in ${(performance.now() - t0).toFixed(0)} ms`);
  const oof = outOfFold(samples, models);
  const figures: Record<string, Prf | string> = {};
  const show = (name: string, x: Prf) => {
    figures[name] = x;
    console.log(`  ${name}: ${fmt(x)}`);
  };
  console.log('\nGrouped cross-validation (5 folds by service), sentence level:');
  const thr = (head: (typeof HEADS)[number]) => (i: number) => models[foldOf(samples[i]?.group ?? '')]?.threshold[HEADS.indexOf(head)] ?? 0.5;
  console.log(`thresholds per fold: ${models.map((m) => Array.from(m.threshold).join('/')).join('  ')}`);
  for (const head of HEADS) show(`sentences ${head}`, headFigures(samples, oof, head, thr(head)));
  show('sentences ai-training (our labels only)', headFigures(samples, oof, 'ai-training', thr('ai-training'), 'ai-labels'));
  show('sentences ai-training, our labels of the change pairs\' sentences', headFigures(samples, oof, 'ai-training', thr('ai-training'), 'ai-pair-labels'));
  show('sentences ai-training, our labels of C3PA sentences (never fitted on)', headFigures(samples, oof, 'ai-training', thr('ai-training'), 'ai-c3pa-labels'));
  show('sentences third-party-sharing, our modern-policy labels (never fitted on)', headFigures(samples, oof, 'third-party-sharing', thr('third-party-sharing'), 'sharing-labels'));
  if (samples.some((s) => s.source === 'sharing-c3pa-labels'))
    show(`sentences third-party-sharing, our labels of C3PA sentences (${options.sharingC3pa === 'eval' ? 'never fitted on' : 'fitted on, cross-validated'})`, headFigures(samples, oof, 'third-party-sharing', thr('third-party-sharing'), 'sharing-c3pa-labels'));
  if (samples.some((s) => s.source === 'sharing-c3pa-test'))
    show('sentences third-party-sharing, our labels of C3PA sentences where model 3 hesitated, draw 3 (never fitted on)', headFigures(samples, oof, 'third-party-sharing', thr('third-party-sharing'), 'sharing-c3pa-test'));
  if (samples.some((s) => s.source === 'sharing-multi-labels'))
    show(`sentences third-party-sharing, our labels of French and German policy pages (${options.sharingMulti === 'fit' ? 'fitted on, cross-validated' : 'never fitted on'})`, headFigures(samples, oof, 'third-party-sharing', thr('third-party-sharing'), 'sharing-multi-labels'));
  if (samples.some((s) => s.source === 'sharing-ota-labels'))
    show(`sentences third-party-sharing, our labels of the AI candidates (${options.sharingOta === 'fit' ? 'fitted on, cross-validated' : 'never fitted on'})`, headFigures(samples, oof, 'third-party-sharing', thr('third-party-sharing'), 'sharing-ota-labels'));
  if (samples.some((s) => s.source === 'sharing-ai-pair-labels'))
    show(`sentences third-party-sharing, our labels of the change pairs' sentences about AI (${options.sharingAiPairs === 'fit' ? 'fitted on, cross-validated' : 'never fitted on'})`, headFigures(samples, oof, 'third-party-sharing', thr('third-party-sharing'), 'sharing-ai-pair-labels'));
  const writtenUse = options.writtenSharing ?? 'eval';
  show(`sentences third-party-sharing, English sentences we wrote (${writtenUse === 'eval' ? 'never fitted on' : 'fitted on, cross-validated'})`, headFigures(samples, oof, 'third-party-sharing', thr('third-party-sharing'), 'written-sharing'));
  // Each file of other languages on its own line: the second was written after the glosses, by a writer who never saw them.
  const fromFile = (name: string) => (s: Sample) => s.origin.startsWith(`${name}:`);
  const otherUse = writtenUse === 'fit' ? 'fitted on, cross-validated' : 'never fitted on';
  show(`sentences third-party-sharing, German, French, Spanish and Italian sentences we wrote (${otherUse})`, headFigures(samples, oof, 'third-party-sharing', thr('third-party-sharing'), 'written-sharing-multi', fromFile('written-sharing-multi.jsonl')));
  if (samples.some((s) => fromFile('written-sharing-multi-2.jsonl')(s)))
    show(`sentences third-party-sharing, Spanish, Italian, Portuguese and Dutch sentences we wrote, second set (${otherUse})`, headFigures(samples, oof, 'third-party-sharing', thr('third-party-sharing'), 'written-sharing-multi', fromFile('written-sharing-multi-2.jsonl')));
  // Whose models (attributes.ts, nothing fitted) against our labels, on the sentences we labelled as
  // training and saying whose models.
  {
    const labels = new Map(readJsonl<AiLabel>(LABELS_FILE).map((l) => [l.h, l]));
    const rows = readJsonl<{ sentence: string }>(join(corpus, 'training', 'ota-ai-candidates.jsonl'));
    let same = 0;
    let n = 0;
    const confusion: Record<string, number> = {};
    for (const r of rows) {
      const l = labels.get(sentenceHash(r.sentence));
      if (!l || l.ai !== 'trains' || !l.whose || l.whose === 'unspecified') continue;
      const said = attributesOf(prepare(r.sentence), r.sentence).models;
      n++;
      if (said === l.whose) same++;
      confusion[`${l.whose}->${said}`] = (confusion[`${l.whose}->${said}`] ?? 0) + 1;
    }
    console.log(`  whose models (attributes, not fitted) vs our labels: ${same}/${n} agree (${((100 * same) / Math.max(1, n)).toFixed(0)}%) ${JSON.stringify(confusion)}`);
    figures['whose models (attributes, not fitted) vs our labels'] = `${same}/${n} agree (${((100 * same) / Math.max(1, n)).toFixed(0)}%)`;
  }
  // Stance, read from grammar (lexicon.ts): nothing fitted, so every sentence with a stance label counts.
  // The stance matters where a practice is read, so OPP-115 is also shown on its sharing sentences alone
  // ("we will not send the newsletter" denies a practice, but none the popup shows).
  for (const [name, want] of [['denial', 'does-not'], ['choice', 'choice']] as const) {
    for (const source of ['opp115', 'opp115, sharing sentences', 'ai-labels', 'sharing-labels'] as const) {
      const sharingOnly = source === 'opp115, sharing sentences';
      // OPP-115 files a choice under another category than sharing, so its sharing sentences rarely carry one.
      if (sharingOnly && name === 'choice') continue;
      const figure = tally(
        samples,
        (s) => {
          const t = prepare(s.text);
          return name === 'denial' ? denial(t) !== null : CHOICE.test(t);
        },
        (s) => ((sharingOnly ? s.source === 'opp115' && s.labels['third-party-sharing'] === 1 : s.source === source) && s.stance ? s.stance === want : undefined),
      );
      show(`stance ${name} by grammar (${source})`, figure);
    }
  }

  // OPP-115 segments and C3PA passages as the evaluations judge them (npm run eval -- clauses|c3pa): the
  // classifier as shipped, with each service's fold model.
  const modelFor = (service: string) => models[foldOf(serviceKey(service))] as LinearModel;
  console.log('');
  figures['opp115 third-party segments'] = evaluateClauses(loadSegments(corpus), foldClassifiers(modelFor), 0, 'OPP-115 segments (majority label Third Party Sharing/Collection), cross-validated');
  const c3pa = loadC3pa(corpus);
  if (c3pa.length) {
    const byFold = models.map((model) => statementClassifier({ model }));
    const fitted = [options.c3pa ? `C3PA passages' sentences ('${options.c3pa}', weight ${options.sourceWeight?.c3pa ?? 1})` : '', options.sharingC3pa && options.sharingC3pa !== 'eval' ? `our labels of C3PA sentences ('${options.sharingC3pa}', weight ${options.sourceWeight?.['sharing-c3pa-labels'] ?? 1})` : ''].filter(Boolean);
    console.log(fitted.length ? `\nC3PA passages, shared-or-sold vs the rest (each fold model fitted on ${fitted.join(' and ')} of the other folds only: cross-validated by service):` : '\nC3PA passages, shared-or-sold vs the rest (not trained on):');
    show('c3pa shared-or-sold passages', c3paFigure(c3pa, (group) => byFold[foldOf(group)] as Classify));
  }
  return { corpus, options, counts, figures, samples, features };
}

export const MODEL_PATH = join(import.meta.dirname, '..', '..', 'lib', 'core', 'engine', 'model', 'statement-model.json');

/** Fits on everything (thresholds from an inner grouped cross-validation) and writes the model file. */
export async function writeModel(report: CvReport): Promise<{ modelPath: string; cardPath: string }> {
  const { samples, features, options: opts } = report;
  const all = () => true;
  const threshold = chooseThresholds(samples, features, all, opts, 'final');
  const fitted = fit(samples, features, all, opts);
  const { index, weights, scale } = encodeWeights(fitted.weights, opts.buckets, HEADS.length);
  const digest = createHash('sha256').update(index).update(weights).digest('hex').slice(0, 12);
  const file: ModelFile = {
    format: 'clausewatch-linear',
    version: `statements-2-${digest}`,
    features: FEATURES,
    buckets: opts.buckets,
    heads: [...HEADS],
    bias: Array.from(fitted.bias, (b) => Number(b.toFixed(6))),
    scale: scale.map((x) => Number(x.toPrecision(8))),
    threshold,
    index,
    weights,
  };
  writeFileSync(MODEL_PATH, `${JSON.stringify(file)}\n`);
  const cardPath = writeDataCard(file, report);
  writeFittedOn(report.corpus, file.version);
  return { modelPath: MODEL_PATH, cardPath };
}

/** The cross-validation fold models, for the evaluations (each service is judged by the model that never saw it). */
export function trainFoldModels(corpus: string, args: string[] = []): { models: LinearModel[]; modelFor: (service: string) => LinearModel } {
  const options = parseOptions(args);
  const { samples } = loadAll(corpus, options, false);
  const features = prepareAll(samples, options.buckets, options);
  const models = foldModels(samples, features, options);
  return { models, modelFor: (service) => models[foldOf(serviceKey(service))] as LinearModel };
}
