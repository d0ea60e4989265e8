import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FITTED_ON_PATH, fittedWith, foldNote, writeFittedOn } from '../../scripts/train/fitted-on';
import { TRAINING_FILES } from '../../scripts/train/data';
import model from '../../lib/core/engine/model/statement-model.json';

const dir = mkdtempSync(join(tmpdir(), 'cw-fitted-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const corpus = (name: string, pairs: string) => {
  const c = join(dir, name);
  mkdirSync(join(c, 'changes'), { recursive: true });
  writeFileSync(join(c, 'changes', 'index.jsonl'), pairs);
  return c;
};

describe('which corpus the shipped model was fitted with', () => {
  const development = corpus('development', '{"id":"Example|Privacy Policy|2026-01-01|2026-02-01"}\n');
  const keptAside = corpus('kept-aside', '{"id":"Other|Privacy Policy|2026-03-01|2026-04-01"}\n');
  const record = join(dir, 'fitted-on.json');
  writeFittedOn(development, 'statements-test', record);

  it('tells the file it was fitted with from another of the same name', () => {
    expect(fittedWith(development, 'changes/index.jsonl', record, 'statements-test')).toBe('same');
    expect(fittedWith(keptAside, 'changes/index.jsonl', record, 'statements-test')).toBe('other');
  });

  it('does not know when the record is of another model, lacks the file, or is unreadable', () => {
    expect(fittedWith(development, 'changes/index.jsonl', record, 'statements-retrained')).toBe('unknown');
    expect(fittedWith(development, 'clauses/opp115-dev.jsonl', record, 'statements-test')).toBe('unknown');
    expect(fittedWith(development, 'changes/index.jsonl', join(dir, 'absent.json'), 'statements-test')).toBe('unknown');
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"model":');
    expect(fittedWith(development, 'changes/index.jsonl', broken, 'statements-test')).toBe('unknown');
  });

  it('warns before fold models fitted on another copy of the corpus, and only then', () => {
    // (Against the shipped record: this test's index is not the corpus's, so it reads as another copy; a
    // file the copy lacks gets no note.)
    expect(foldNote(keptAside, 'changes/index.jsonl')).toMatch(/held-out/);
    expect(foldNote(keptAside, 'clauses/opp115-dev.jsonl')).toBeUndefined();
  });

  it('the shipped record is of the shipped model', () => {
    // A model rebuilt without its record would leave every evaluation unable to say what its plain figures are.
    const recorded = JSON.parse(readFileSync(FITTED_ON_PATH, 'utf8')) as { model: string; files: Record<string, string> };
    expect(recorded.model).toBe(model.version);
    expect(Object.keys(recorded.files)).toEqual([...TRAINING_FILES]);
  });
});
