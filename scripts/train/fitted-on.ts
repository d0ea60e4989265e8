/**
 * Which corpus files the shipped model was fitted with (`fitted-on.json`, written by `npm run train` beside
 * the model), so that an evaluation can say what its plain figures are: on the development corpus they
 * measure the model on what it was fitted on (not a result); on another copy of the corpus, such as the
 * part of the same sources kept aside, they are the held-out figures.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import file from '../../lib/core/engine/model/statement-model.json';
import { TRAINING_FILES } from './data';

export const FITTED_ON_PATH = join(import.meta.dirname, 'fitted-on.json');

interface FittedOn {
  /** The model version (statement-model.json `version`) these files were fitted into. */
  model: string;
  /** SHA-256 of each training file, by its path in the corpus folder. */
  files: Record<string, string>;
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Records the corpus files a model was just fitted with. */
export function writeFittedOn(corpus: string, model: string, path = FITTED_ON_PATH): void {
  const files = Object.fromEntries(TRAINING_FILES.filter((f) => existsSync(join(corpus, f))).map((f) => [f, sha256(join(corpus, f))]));
  writeFileSync(path, `${JSON.stringify({ model, files } satisfies FittedOn, null, 2)}\n`);
}

/**
 * Whether the shipped model was fitted with this corpus file: `same`, `other` (it was fitted with another
 * file of that name), or `unknown` (no record, or a record of another model).
 */
export function fittedWith(corpus: string, relative: string, path = FITTED_ON_PATH, model = (file as { version: string }).version): 'same' | 'other' | 'unknown' {
  if (!existsSync(path)) return 'unknown';
  let record: FittedOn;
  try {
    record = JSON.parse(readFileSync(path, 'utf8')) as FittedOn;
  } catch {
    return 'unknown';
  }
  const known = record.files?.[relative];
  if (record.model !== model || typeof known !== 'string' || !existsSync(join(corpus, relative))) return 'unknown';
  return sha256(join(corpus, relative)) === known ? 'same' : 'other';
}

/** The heading of an evaluation's plain figures, for the corpus file it measures on (`what`: "pairs", "segments"). */
export function plainHeading(corpus: string, relative: string, what: string): string {
  const fitted = fittedWith(corpus, relative);
  if (fitted === 'same') return `plain: the shipped model, fitted on these ${what} (not a result)`;
  if (fitted === 'other') return `plain: the shipped model, fitted with another ${relative} than this one (held out, as far as these ${what} are not the development ones)`;
  return `plain: the shipped model (fitted on the development corpus: on its ${what}, not a result)`;
}

/**
 * What to say before cross-validated figures on a copy of the corpus the shipped model was not fitted
 * with: its fold models are fitted on that copy's material, where our labels (keyed by the development
 * corpus's sentences) are mostly absent, so they are not the figures the shipped model is judged by.
 */
export function foldNote(corpus: string, relative: string): string | undefined {
  if (fittedWith(corpus, relative) !== 'other') return undefined;
  return `(this ${relative} is not the one the shipped model was fitted with: the fold models below are fitted on this copy's material, where our labels in data/ mostly find no sentence; the plain figures above are the shipped model's held-out ones)`;
}
