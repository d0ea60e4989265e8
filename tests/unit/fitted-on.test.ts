import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FITTED_ON_PATH, fittedCount, foldNote, itemKey, plainHeading, targetsBasis, writeFittedOn } from '../../scripts/train/fitted-on';
import { TRAINING_FILES } from '../../scripts/train/data';
import model from '../../lib/core/engine/model/statement-model.json';

const dir = mkdtempSync(join(tmpdir(), 'cw-fitted-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const lines = (rows: object[]) => `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`;
/** A corpus folder in our own words: change pairs by id, OPP-115 segments by policy, C3PA passages by policy address. */
const corpus = (name: string, pairs: string[], policies: string[]) => {
  const c = join(dir, name);
  mkdirSync(join(c, 'changes'), { recursive: true });
  mkdirSync(join(c, 'clauses'), { recursive: true });
  mkdirSync(join(c, 'training'), { recursive: true });
  // (Version files the folder lacks: loadC3pa's grouping reads past them.)
  writeFileSync(join(c, 'changes', 'index.jsonl'), lines(pairs.map((id) => ({ id, service: id.split('|')[0], lang: 'en', older: { file: 'changes/versions/a.md', html: [] }, newer: { file: 'changes/versions/b.md', html: [] } }))));
  writeFileSync(join(c, 'clauses', 'opp115-dev.jsonl'), lines(policies.map((policy, segment) => ({ policy, segment, text: 'We share it with partners.' }))));
  writeFileSync(join(c, 'training', 'c3pa.jsonl'), lines([{ set: 'WS', policy_id: 1, policy_url: 'https://example.org/privacy', label: 'Categories of Personal Information Sold', text: 'We sell it.' }]));
  return c;
};

describe('what the shipped model was fitted on', () => {
  const development = corpus('development', ['Example|Privacy Policy|2026-01-01|2026-02-01', 'Other|Privacy Policy|2026-01-05|2026-03-01'], ['1_example.org', '2_other.org']);
  const record = join(dir, 'fitted-on.json');
  const at = { path: record, model: 'statements-test' };
  writeFittedOn(development, 'statements-test', record);

  it('counts the measured items it was fitted on, by kind', () => {
    expect(fittedCount('pairs', ['Example|Privacy Policy|2026-01-01|2026-02-01', 'Other|Privacy Policy|2026-01-05|2026-03-01'], at)).toEqual({ fitted: 2, total: 2 });
    expect(fittedCount('pairs', ['Example|Privacy Policy|2026-01-01|2026-02-01', 'Example|Privacy Policy|2026-02-01|2026-05-01'], at)).toEqual({ fitted: 1, total: 2 });
    expect(fittedCount('opp115', ['3_kept.org', '3_kept.org'], at)).toEqual({ fitted: 0, total: 2 });
    expect(fittedCount('c3pa', ['https://example.org/privacy'], at)).toEqual({ fitted: 1, total: 1 });
    // A kept-aside pair of a service fitted on: held out as a pair, not as a service.
    expect(fittedCount('pairs', ['Example|Privacy Policy|2026-02-01|2026-05-01'], at)).toEqual({ fitted: 0, total: 1 });
    expect(fittedCount('services', [itemKey.service({ service: 'Example' })], at)).toEqual({ fitted: 1, total: 1 });
  });

  it('heads the plain figures as not a result, partly fitted, or held out', () => {
    expect(plainHeading({ fitted: 141, total: 141 }, 'pairs')).toBe('plain: the shipped model, fitted on these pairs (not a result)');
    expect(plainHeading({ fitted: 20, total: 60 }, 'pairs')).toBe('plain: the shipped model, fitted on 20 of the 60 pairs measured (not a result)');
    expect(plainHeading({ fitted: 0, total: 60 }, 'pairs')).toBe('plain: the shipped model, fitted on none of the pairs measured (60): held out');
    expect(plainHeading(undefined, 'segments')).toBe('plain: the shipped model, fitted on the development corpus, whose segments these are (not a result)');
  });

  it('judges the targets on held-out plain figures, else on fold models, else not at all, and says with what caveat', () => {
    expect(targetsBasis({ fitted: 0, total: 60 }, true, 'pairs', { sameService: { fitted: 12, total: 60 }, foldNote: true })).toEqual({
      on: 'plain',
      label: 'plain (the shipped model, held out; 12 of the 60 pairs are of services whose development pairs it was fitted on)',
    });
    expect(targetsBasis({ fitted: 0, total: 60 }, false, 'pairs')).toEqual({ on: 'plain', label: 'plain (the shipped model, held out)' });
    expect(targetsBasis({ fitted: 141, total: 141 }, true, 'pairs')).toEqual({ on: 'cross-validated', label: 'cross-validated' });
    expect(targetsBasis({ fitted: 20, total: 60 }, true, 'pairs', { foldNote: true })).toEqual({
      on: 'cross-validated',
      label: "cross-validated (fold models fitted on this folder's training files, not the shipped model's)",
    });
    expect(targetsBasis({ fitted: 141, total: 141 }, false, 'pairs')).toEqual({ on: null, label: 'not judged: plain figures only, and the shipped model was fitted on these pairs' });
    expect(targetsBasis(undefined, false, 'segments').on).toBeNull();
    // Nothing measured is held out of nothing.
    expect(targetsBasis({ fitted: 0, total: 0 }, false, 'pairs').on).toBeNull();
    expect(plainHeading({ fitted: 0, total: 0 }, 'pairs')).toBe('plain: the shipped model, fitted on the development corpus (no pairs measured) (not a result)');
  });

  it('knows nothing without a readable record of this model, or of this kind of item', () => {
    const partial = join(dir, 'partial.json');
    writeFileSync(partial, JSON.stringify({ model: 'statements-test', files: {}, items: { pairs: ['a'] } }));
    expect(fittedCount('opp115', ['1_example.org'], { path: partial, model: 'statements-test' })).toBeUndefined();
    expect(fittedCount('pairs', ['x'], { path: record, model: 'statements-retrained' })).toBeUndefined();
    expect(fittedCount('pairs', ['x'], { path: join(dir, 'absent.json'), model: 'statements-test' })).toBeUndefined();
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"model":');
    expect(fittedCount('pairs', ['x'], { path: broken, model: 'statements-test' })).toBeUndefined();
  });

  it('warns before fold models fitted on other training files than the shipped model, and only then', () => {
    expect(foldNote(development, at)).toBeUndefined();
    const subset = corpus('subset', ['Example|Privacy Policy|2026-01-01|2026-02-01'], ['1_example.org', '2_other.org']);
    expect(foldNote(subset, at)).toBe(
      "(changes/index.jsonl is not the file the shipped model was fitted with: the fold models below are fitted on this folder's material, so these are not the shipped model's cross-validated figures)",
    );
  });

  it('the shipped record is of the shipped model and lists what it was fitted on', () => {
    // A model rebuilt without its record would leave every evaluation unable to say what its plain figures are.
    const recorded = JSON.parse(readFileSync(FITTED_ON_PATH, 'utf8')) as { model: string; files: Record<string, string>; items: Record<string, string[]> };
    expect(recorded.model).toBe(model.version);
    expect(Object.keys(recorded.files)).toEqual([...TRAINING_FILES]);
    expect(recorded.items.pairs?.length).toBeGreaterThan(100);
    expect(recorded.items.services?.length).toBeGreaterThan(20);
    expect(recorded.items.opp115?.length).toBeGreaterThan(50);
    expect(recorded.items.c3pa?.length).toBeGreaterThan(300);
  });
});
