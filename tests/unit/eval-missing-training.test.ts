import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { missingTraining, TRAINING_FILES } from '../../scripts/train/data';
import { run as runClauses } from '../../scripts/eval/clauses';
import { run as runChanges } from '../../scripts/eval/changes';

// A corpus folder with OPP-115's segments only (two segments in our own words): the shape of a copy of the
// corpus that holds the material to measure on but not the material the fold models are fitted on.
const dir = mkdtempSync(join(tmpdir(), 'cw-missing-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(join(dir, 'clauses'));
const segments = [
  { policy: '9_example.org', segment: 0, text: 'We hand your e-mail address to advertising partners.', categories: ['Third Party Sharing/Collection'] },
  { policy: '9_example.org', segment: 1, text: 'You can close your account at any time.', categories: ['User Choice/Control'] },
];
writeFileSync(join(dir, 'clauses', 'opp115-dev.jsonl'), segments.map((s) => JSON.stringify(s)).join('\n'));
// One change pair, in our own words: the newer version starts selling e-mail addresses to data brokers.
mkdirSync(join(dir, 'changes', 'versions'), { recursive: true });
writeFileSync(join(dir, 'changes', 'versions', 'old.md'), '# Privacy Policy\n\nWe keep your e-mail address to send you receipts.\n\nWe do not sell your data.\n');
writeFileSync(join(dir, 'changes', 'versions', 'new.md'), '# Privacy Policy\n\nWe keep your e-mail address to send you receipts.\n\nWe sell your e-mail address to data brokers.\n');
const gold = { ai_training: 'none', third_party_sharing: 'new', ai_evidence: [], tp_evidence: ['We sell your e-mail address to data brokers.'] };
writeFileSync(join(dir, 'changes', 'index.jsonl'), JSON.stringify({ id: 'Example|Privacy Policy|2026-01-01|2026-02-01', service: 'Example', lang: 'en', older: { file: 'changes/versions/old.md', html: [] }, newer: { file: 'changes/versions/new.md', html: [] }, gold }));

describe('evaluations on a corpus without its training material', () => {
  const env = process.env.CLAUSEWATCH_CORPUS;
  afterEach(() => {
    if (env === undefined) delete process.env.CLAUSEWATCH_CORPUS;
    else process.env.CLAUSEWATCH_CORPUS = env;
    vi.restoreAllMocks();
  });

  it('names every training file the folder lacks, and none of those it holds', () => {
    expect(missingTraining(dir)).toEqual(TRAINING_FILES.filter((f) => f !== 'clauses/opp115-dev.jsonl' && f !== 'changes/index.jsonl'));
    const empty = mkdtempSync(join(tmpdir(), 'cw-empty-'));
    try {
      expect(missingTraining(empty)).toEqual([...TRAINING_FILES]);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('the clauses eval prints the shipped model\'s figures, held out here, and says why the cross-validated ones are skipped, instead of failing', async () => {
    process.env.CLAUSEWATCH_CORPUS = dir;
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')));
    await expect(runClauses([])).resolves.toBe(0);
    const out = lines.join('\n');
    // Its two policies are not among those the shipped model was fitted on (scripts/train/fitted-on.json).
    expect(out).toContain('# plain: the shipped model, fitted on none of the segments measured (2): held out: 2 segments');
    expect(out).toContain('Cross-validated figures skipped');
    expect(out).toContain('training/ota-ai-candidates.jsonl');
    expect(out).toMatch(/Target: OPP-115 third-party F1 \d\.\d{3} plain \(the shipped model, held out\)/);
  });

  it('the changes eval judges a pair the shipped model never saw with it, and the targets by its figures', async () => {
    process.env.CLAUSEWATCH_CORPUS = dir;
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')));
    await expect(runChanges(['--no-html'])).resolves.toBe(0);
    const out = lines.join('\n');
    expect(out).toContain('Cross-validated figures skipped');
    expect(out).toContain('training/c3pa.jsonl');
    expect(out).toMatch(/third-party sharing: precision 1\.000 \(1\/1\), recall 1\.000 \(1\/1\)/);
    expect(out).toContain('# plain: the shipped model, fitted on none of the pairs measured (1): held out');
    expect(out).toContain('Targets (markdown route, pairs without artifacts): plain (the shipped model, held out)');
    expect(out).toMatch(/third-party sharing recall: 1\.000 .*met/);
    expect(out).not.toContain('cross-validated: each pair');
  });

  it('npm run train refuses the folder, names what it lacks, and writes nothing', () => {
    const model = join(import.meta.dirname, '..', '..', 'lib', 'core', 'engine', 'model', 'statement-model.json');
    const before = { text: readFileSync(model, 'utf8'), mtime: statSync(model).mtimeMs };
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '..', '..', 'scripts', 'train.ts')], { env: { ...process.env, CLAUSEWATCH_CORPUS: dir }, encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('lacks clauses/opp115-dev-practices.jsonl, training/ota-ai-candidates.jsonl, training/c3pa.jsonl');
    expect(run.stderr).toContain('nothing was fitted or written');
    expect(readFileSync(model, 'utf8')).toBe(before.text);
    expect(statSync(model).mtimeMs).toBe(before.mtime);
  });
});
