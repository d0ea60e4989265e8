import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { missingTraining, TRAINING_FILES } from '../../scripts/train/data';
import { trainRefusal } from '../../scripts/train/run';
import { run as runClauses } from '../../scripts/eval/clauses';
import { run as runChanges } from '../../scripts/eval/changes';
import { run as runC3pa } from '../../scripts/eval/c3pa';
import { FITTED_ON_PATH } from '../../scripts/train/fitted-on';

// A corpus folder with what is measured but not what fold models are fitted on, in our own words: the
// shape of a copy of the corpus kept aside. Nothing in it is in the development corpus the shipped model
// was fitted on (scripts/train/fitted-on.json), but one pair is of a service that is.
const dir = mkdtempSync(join(tmpdir(), 'cw-missing-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (path: string, text: string) => {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), text);
};
const jsonl = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n');
write(
  'clauses/opp115-dev.jsonl',
  jsonl([
    { policy: '9_example.org', segment: 0, text: 'We share your e-mail address with our advertising partners.', categories: ['Third Party Sharing/Collection'] },
    { policy: '9_example.org', segment: 1, text: 'You can close your account at any time.', categories: ['User Choice/Control'] },
  ]),
);
write('changes/versions/example-old.md', '# Privacy Policy\n\nWe keep your e-mail address to send you receipts.\n\nWe do not sell your data.\n');
write('changes/versions/example-new.md', '# Privacy Policy\n\nWe keep your e-mail address to send you receipts.\n\nWe sell your e-mail address to data brokers.\n');
const page = (last: string) =>
  `<!doctype html><html lang="en"><head><title>Privacy Policy | Example</title></head><body><main><article><h1>Privacy Policy</h1><p>This policy explains what Example does with the information you give it when you use the service.</p><p>We keep your e-mail address to send you receipts and to answer your questions about your orders.</p><p>${last}</p></article></main></body></html>`;
write('changes/html/example-old.html', page('We do not sell your data to anyone, and we never will.'));
write('changes/html/example-new.html', page('We sell your e-mail address to data brokers, who may sell it on.'));
write('changes/versions/pins-old.md', '# Privacy Policy\n\nWe keep server logs for one year.\n');
write('changes/versions/pins-new.md', '# Privacy Policy\n\nWe keep server logs for two years.\n');
const pair = (id: string, service: string, older: string, newer: string, tp: string, tpEvidence: string[], html = false) => ({
  id,
  service,
  lang: 'en',
  older: { file: `changes/versions/${older}`, html: html ? [`changes/html/${older.replace('.md', '.html')}`] : [] },
  newer: { file: `changes/versions/${newer}`, html: html ? [`changes/html/${newer.replace('.md', '.html')}`] : [] },
  gold: { ai_training: 'none', third_party_sharing: tp, ai_evidence: [], tp_evidence: tpEvidence },
});
write(
  'changes/index.jsonl',
  jsonl([
    // The newer version starts selling e-mail addresses: a sharing alert is right.
    pair('Example|Privacy Policy|2026-01-01|2026-02-01', 'Example', 'example-old.md', 'example-new.md', 'new', ['We sell your e-mail address to data brokers.'], true),
    // A later version of a service of the development corpus; nothing to alert on.
    pair('Pinterest|Privacy Policy|2027-01-01|2027-02-01', 'Pinterest', 'pins-old.md', 'pins-new.md', 'none', []),
    // Its version files are not in the folder: skipped, counted, named.
    pair('Absent|Privacy Policy|2026-01-01|2026-02-01', 'Absent', 'absent-old.md', 'absent-new.md', 'none', []),
  ]),
);

/** What an evaluation prints (log and error), read after it ran; the corpus folder and the console come back after each test. */
const env = process.env.CLAUSEWATCH_CORPUS;
const output = () => {
  const lines: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')));
  return () => lines.join('\n');
};
afterEach(() => {
  if (env === undefined) delete process.env.CLAUSEWATCH_CORPUS;
  else process.env.CLAUSEWATCH_CORPUS = env;
  vi.restoreAllMocks();
});

describe('evaluations on a copy of the corpus without its training material', () => {

  it('names every training file the folder lacks, and the version files its change index lists but it lacks', () => {
    expect(missingTraining(dir)).toEqual([
      ...TRAINING_FILES.filter((f) => f !== 'clauses/opp115-dev.jsonl' && f !== 'changes/index.jsonl'),
      '2 of the 6 version files changes/index.jsonl lists (changes/versions/absent-old.md, ...)',
    ]);
    const empty = mkdtempSync(join(tmpdir(), 'cw-empty-'));
    try {
      expect(missingTraining(empty)).toEqual([...TRAINING_FILES]);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('npm run train refuses such a folder, and an absent one', () => {
    expect(trainRefusal(dir)).toBe(`the corpus at ${dir} lacks ${missingTraining(dir).join(', ')}; nothing was fitted or written`);
    expect(trainRefusal(join(dir, 'nowhere'))).toMatch(/^the corpus is not at /);
  });

  it('the clauses eval judges the target on the shipped model, held out here, lists its mistakes, and says why no fold model was fitted', async () => {
    process.env.CLAUSEWATCH_CORPUS = dir;
    const out = output();
    await expect(runClauses(['--errors', '5'])).resolves.toBe(0);
    expect(out()).toContain('# plain: the shipped model, fitted on none of the segments measured (2): held out: 2 segments');
    expect(out()).toContain('Misses (0), first 5:');
    expect(out()).toContain('Cross-validated figures skipped');
    expect(out()).toMatch(/Target: OPP-115 third-party F1 1\.000, plain \(the shipped model, held out\) \(goal >= 0\.83\) met$/m);
  });

  it('the changes eval judges the pairs it can read with the shipped model, says which services it knew, and judges no rate of nothing', async () => {
    process.env.CLAUSEWATCH_CORPUS = dir;
    const out = output();
    await expect(runChanges([])).resolves.toBe(0);
    const text = out();
    expect(text).toContain('Cross-validated figures skipped');
    // The raw pages through extraction, judged by the same model: the shipped one, held out.
    expect(text).toContain('## route: html (extraction), plain: the shipped model, fitted on none of the pairs measured (1): held out (1 pairs;');
    expect(text).toContain('2 of the 6 version files changes/index.jsonl lists');
    expect(text).toContain('# plain: the shipped model, fitted on none of the pairs measured (2): held out');
    expect(text).toContain('(1 of these 2 pairs are of services whose development pairs it was fitted on)');
    expect(text).toContain('## route: markdown, plain (2 pairs, 1 skipped;');
    expect(text).toContain('Targets (markdown route, pairs without artifacts): plain (the shipped model, held out; 1 of the 2 pairs are of services whose development pairs it was fitted on)');
    expect(text).toMatch(/third-party sharing: precision 1\.000 \(1\/1\), recall 1\.000 \(1\/1\)/);
    expect(text).toMatch(/third-party sharing recall: 1\.000 .*\(goal >= 0\.92\) met$/m);
    // No AI-training change to find and none found: a rate of nothing meets no target.
    expect(text).toMatch(/AI training recall: n\/a \(goal >= 0\.95\) n\/a \(nothing to judge\)$/m);
    expect(text).not.toContain('cross-validated: each pair');
  });

  it('the changes eval ends with an error on an index with no pair, or none the filter keeps', async () => {
    process.env.CLAUSEWATCH_CORPUS = dir;
    const out = output();
    await expect(runChanges(['--no-html', '--only', 'Nobody|'])).resolves.toBe(1);
    expect(out()).toContain('No pair\'s id contains "Nobody|"');
    const empty = mkdtempSync(join(tmpdir(), 'cw-empty-index-'));
    try {
      mkdirSync(join(empty, 'changes'));
      writeFileSync(join(empty, 'changes', 'index.jsonl'), '');
      process.env.CLAUSEWATCH_CORPUS = empty;
      await expect(runChanges(['--no-html'])).resolves.toBe(1);
      expect(out()).toContain('No pairs in');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

// A folder whose items are, by name, ones the shipped model was fitted on (names from scripts/train/fitted-on.json;
// the texts are ours): its plain figures are not a result, and no target is judged on them.
describe('evaluations of items the shipped model was fitted on, without fold models', () => {
  const record = JSON.parse(readFileSync(FITTED_ON_PATH, 'utf8')) as { items: Record<'pairs' | 'opp115' | 'c3pa', string[]> };
  const fitted = mkdtempSync(join(tmpdir(), 'cw-fitted-items-'));
  afterAll(() => rmSync(fitted, { recursive: true, force: true }));
  const put = (path: string, text: string) => {
    mkdirSync(join(fitted, path, '..'), { recursive: true });
    writeFileSync(join(fitted, path), text);
  };
  const pairId = record.items.pairs[0] ?? '';
  const policy = record.items.opp115[0] ?? '';
  const address = record.items.c3pa.find((k) => k.startsWith('http')) ?? '';
  put('clauses/opp115-dev.jsonl', jsonl([{ policy, segment: 0, text: 'We share your e-mail address with our advertising partners.', categories: ['Third Party Sharing/Collection'] }]));
  put('changes/versions/a.md', '# Privacy Policy\n\nWe do not sell your data.\n');
  put('changes/versions/b.md', '# Privacy Policy\n\nWe sell your e-mail address to data brokers.\n');
  put('changes/index.jsonl', jsonl([{ ...pair(pairId, pairId.split('|')[0] ?? '', 'a.md', 'b.md', 'new', ['We sell your e-mail address to data brokers.']) }, pair('Absent|Privacy Policy|2026-01-01|2026-02-01', 'Absent', 'gone-a.md', 'gone-b.md', 'none', [])]));
  put('training/c3pa.jsonl', jsonl([{ set: 'WS', policy_id: 9999, policy_url: address, label: 'Categories of Personal Information Sold', text: 'We sell your e-mail address to data brokers.', annotators: ['us'] }]));

  it('changes: "fitted on these pairs (not a result)", and the targets not judged', async () => {
    process.env.CLAUSEWATCH_CORPUS = fitted;
    const out = output();
    await expect(runChanges(['--no-html', '--no-cv'])).resolves.toBe(0);
    expect(out()).toContain('# plain: the shipped model, fitted on these pairs (not a result)');
    expect(out()).toContain('Targets (markdown route, pairs without artifacts): not judged: plain figures only, and the shipped model was fitted on these pairs');
    expect(out()).not.toMatch(/\(goal >= [\d.]+\) (?:met|NOT met|n\/a)/);
  });

  it('clauses: the same, and no verdict', async () => {
    process.env.CLAUSEWATCH_CORPUS = fitted;
    const out = output();
    await expect(runClauses(['--no-cv'])).resolves.toBe(0);
    expect(out()).toContain('# plain: the shipped model, fitted on these segments (not a result): 1 segments');
    expect(out()).toMatch(/Target: OPP-115 third-party F1 1\.000, not judged: plain figures only, and the shipped model was fitted on these segments \(goal >= 0\.83\)$/m);
  });

  it('c3pa: policies known by their address, and the grouping reads past version files the folder lacks', async () => {
    process.env.CLAUSEWATCH_CORPUS = fitted;
    const out = output();
    await expect(runC3pa(['--no-cv'])).resolves.toBe(0);
    expect(out()).toContain('plain: the shipped model, fitted on these policies (not a result)');
  });

  it('c3pa: an empty file ends with an error; clauses: no sharing segment to find is no verdict', async () => {
    const other = mkdtempSync(join(tmpdir(), 'cw-nothing-'));
    try {
      mkdirSync(join(other, 'training'), { recursive: true });
      mkdirSync(join(other, 'clauses'), { recursive: true });
      writeFileSync(join(other, 'training', 'c3pa.jsonl'), '');
      writeFileSync(join(other, 'clauses', 'opp115-dev.jsonl'), jsonl([{ policy: '9_nothing.org', segment: 0, text: 'You can close your account at any time.', categories: ['User Choice/Control'] }]));
      process.env.CLAUSEWATCH_CORPUS = other;
      const out = output();
      await expect(runC3pa(['--no-cv'])).resolves.toBe(1);
      expect(out()).toContain('No passages in');
      await expect(runClauses([])).resolves.toBe(0);
      expect(out()).toMatch(/Target: OPP-115 third-party F1 n\/a, plain \(the shipped model, held out\) \(goal >= 0\.83\) n\/a \(no sharing segment to find\)$/m);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});
