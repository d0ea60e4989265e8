/**
 * What the shipped model was fitted on (`fitted-on.json`, written by `npm run train` beside the model): the
 * SHA-256 of each training file, and the items an evaluation measures (change pairs by id and their
 * services, OPP-115 policies by name, C3PA policies by address), so that an evaluation can say what its
 * plain figures are. On the development corpus they measure the model on what it was fitted on (not a
 * result); on items it was never fitted on, such as the part of the same sources kept aside, they are the
 * held-out figures, and the targets are judged on them.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import file from '../../lib/core/engine/model/statement-model.json';
import { loadC3pa, readJsonl, serviceKey, TRAINING_FILES, type ChangePair } from './data';

export const FITTED_ON_PATH = join(import.meta.dirname, 'fitted-on.json');

/** What an evaluation measures: change pairs (and their services), OPP-115 policies (their segments), C3PA policies (their passages). */
export type ItemKind = 'pairs' | 'services' | 'opp115' | 'c3pa';

/** Of the measured items, how many the shipped model was fitted on. */
export interface Count {
  fitted: number;
  total: number;
}

interface FittedOn {
  /** The model version (statement-model.json `version`) this record is of. */
  model: string;
  /** SHA-256 of each training file, by its path in the corpus folder. */
  files: Record<string, string>;
  /** The keys of the items fitted on, by kind (itemKey). */
  items: Record<ItemKind, string[]>;
}

/** Where a record is read and which model it must be of (the shipped ones, unless a test says otherwise). */
export interface RecordAt {
  path?: string;
  model?: string;
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** An item's key: a pair's id, an OPP-115 policy's name, a C3PA policy's address (its set and id, "WS-12", without one: data.ts loadC3pa). */
export const itemKey = {
  pair: (p: { id: string }) => p.id,
  service: (p: { service: string }) => serviceKey(p.service),
  opp115: (s: { policy: string }) => s.policy,
  c3pa: (p: { policy: string; url?: string }) => p.url || p.policy,
};

const rowsIn = <T>(path: string): T[] => (existsSync(path) ? readJsonl<T>(path) : []);
const keys = <T>(rows: readonly T[], key: (row: T) => string): string[] => [...new Set(rows.map(key))].sort();

/** Records what a model was just fitted on (C3PA's passages as the fit loaded them: loadC3pa keeps them per corpus). */
export function writeFittedOn(corpus: string, model: string, path = FITTED_ON_PATH): void {
  const files = Object.fromEntries(TRAINING_FILES.filter((f) => existsSync(join(corpus, f))).map((f) => [f, sha256(join(corpus, f))]));
  const pairs = rowsIn<ChangePair>(join(corpus, 'changes', 'index.jsonl'));
  const items: FittedOn['items'] = {
    pairs: keys(pairs, itemKey.pair),
    services: keys(pairs, itemKey.service),
    opp115: keys(rowsIn<{ policy: string }>(join(corpus, 'clauses', 'opp115-dev.jsonl')), itemKey.opp115),
    c3pa: keys(loadC3pa(corpus), itemKey.c3pa),
  };
  writeFileSync(path, `${JSON.stringify({ model, files, items } satisfies FittedOn)}\n`);
}

function readRecord(at: RecordAt = {}): FittedOn | undefined {
  const path = at.path ?? FITTED_ON_PATH;
  const model = at.model ?? (file as { version: string }).version;
  if (!existsSync(path)) return undefined;
  try {
    const record = JSON.parse(readFileSync(path, 'utf8')) as FittedOn;
    return record.model === model && record.items && record.files ? record : undefined;
  } catch {
    return undefined;
  }
}

/** How many of the measured items (keys, repeats allowed) the shipped model was fitted on; undefined without a record of it. */
export function fittedCount(kind: ItemKind, keys: readonly string[], at?: RecordAt): Count | undefined {
  const record = readRecord(at);
  if (!record) return undefined;
  const items = record.items[kind];
  if (!Array.isArray(items)) return undefined;
  const known = new Set(items);
  return { fitted: keys.filter((k) => known.has(k)).length, total: keys.length };
}

/** Whether the plain figures are held out: a record, items measured, none of them fitted on. */
export function heldOut(count: Count | undefined): boolean {
  return count !== undefined && count.total > 0 && count.fitted === 0;
}

/** What the shipped model was fitted on, of the measured items (`what`, plural: "pairs", "segments", "policies"). */
function fittedPhrase(count: Count | undefined, what: string): string {
  if (count?.total === 0) return `fitted on the development corpus (no ${what} measured)`;
  if (!count) return `fitted on the development corpus, whose ${what} these are`;
  if (heldOut(count)) return `fitted on none of the ${what} measured (${count.total})`;
  if (count.fitted === count.total) return `fitted on these ${what}`;
  return `fitted on ${count.fitted} of the ${count.total} ${what} measured`;
}

/** The heading of an evaluation's plain figures. */
export function plainHeading(count: Count | undefined, what: string): string {
  return `plain: the shipped model, ${fittedPhrase(count, what)}${heldOut(count) ? ': held out' : ' (not a result)'}`;
}

/**
 * Which figures an evaluation's targets are judged on, and how the line says so: on items the shipped model
 * never saw, its own (plain) figures, the held-out result; else the cross-validated ones when fold models
 * were fitted; else none (plain figures of what it was fitted on are printed, never judged). `sameService`:
 * of held-out pairs, those of services it was fitted on; `foldNote`: the fold models are fitted on other
 * training files than the shipped model.
 */
export function targetsBasis(count: Count | undefined, crossValidated: boolean, what: string, caveats: { sameService?: Count; foldNote?: boolean } = {}): { on: 'plain' | 'cross-validated' | null; label: string } {
  if (heldOut(count)) {
    const same = caveats.sameService?.fitted ? `; ${caveats.sameService.fitted} of the ${caveats.sameService.total} ${what} are of services whose development pairs it was fitted on` : '';
    return { on: 'plain', label: `plain (the shipped model, held out${same})` };
  }
  if (crossValidated) return { on: 'cross-validated', label: caveats.foldNote ? "cross-validated (fold models fitted on this folder's training files, not the shipped model's)" : 'cross-validated' };
  return { on: null, label: `not judged: plain figures only, and the shipped model was ${fittedPhrase(count, what)}` };
}

/**
 * What to say before cross-validated figures when the folder's training files are not those the shipped
 * model was fitted with: its fold models are fitted on this folder's material, not the shipped model's.
 */
export function foldNote(corpus: string, at?: RecordAt): string | undefined {
  const record = readRecord(at);
  if (!record) return undefined;
  const differ = TRAINING_FILES.filter((f) => existsSync(join(corpus, f)) && record.files[f] !== sha256(join(corpus, f)));
  if (differ.length === 0) return undefined;
  return `(${differ.join(', ')} ${differ.length === 1 ? 'is' : 'are'} not the file${differ.length === 1 ? '' : 's'} the shipped model was fitted with: the fold models below are fitted on this folder's material, so these are not the shipped model's cross-validated figures)`;
}

/** The line an evaluation prints when it cannot fit fold models (missingTraining). */
export function skippedLine(corpus: string, missing: readonly string[]): string {
  return `Cross-validated figures skipped: fold models are fitted on the training material, and ${corpus} lacks ${missing.join(', ')}.`;
}
