import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
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

  it('the clauses eval prints the shipped model\'s figures and says why the cross-validated ones are skipped, instead of failing', async () => {
    process.env.CLAUSEWATCH_CORPUS = dir;
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')));
    await expect(runClauses([])).resolves.toBe(0);
    const out = lines.join('\n');
    expect(out).toMatch(/plain: the shipped model[^\n]*2 segments/);
    expect(out).toContain('Cross-validated figures skipped');
    expect(out).toContain('training/ota-ai-candidates.jsonl');
    expect(out).not.toContain('Target: OPP-115');
  });

  it('the changes eval judges the pairs with the shipped model and says the targets are plain figures', async () => {
    process.env.CLAUSEWATCH_CORPUS = dir;
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')));
    await expect(runChanges(['--no-html'])).resolves.toBe(0);
    const out = lines.join('\n');
    expect(out).toContain('Cross-validated figures skipped');
    expect(out).toContain('training/c3pa.jsonl');
    expect(out).toMatch(/third-party sharing: precision 1\.000 \(1\/1\), recall 1\.000 \(1\/1\)/);
    expect(out).toContain('Targets (markdown route, pairs without artifacts): plain only');
    expect(out).not.toContain('cross-validated: each pair');
  });
});
