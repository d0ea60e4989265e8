import { describe, expect, it } from 'vitest';
import { BatchDiffResult, CliOutput, DetectOutput, DiffOutput } from './output';

const doc = {
  source: 'v1.html',
  url: 'https://example.com/privacy',
  format: 'html',
  title: 'Privacy Policy',
  statedDate: '2024-03-03',
  language: 'en',
  words: 1200,
  method: 'readability',
};

const finding = {
  id: 'ai-training:new:1',
  category: 'ai-training',
  kind: 'new',
  severity: 'major',
  headline: 'New: your content may be used to train AI models',
  evidence: ['We use your content to train our models.'],
  evidenceSpans: [[{ op: 'insert', text: 'We use your content to train our models.' }]],
  triggers: [['train', 'models']],
  before: [null],
  section: ['How we use your information'],
};

const diff = {
  command: 'diff',
  schemaVersion: 1,
  older: doc,
  newer: { ...doc, source: 'v2.html', statedDate: null },
  summary: '1 major change: new AI training.',
  counts: { major: 1, minor: 0, goodNews: 0, cosmetic: 0 },
  findings: [finding],
  changes: 1,
  truncated: false,
  notes: [],
};

const detect = {
  command: 'detect',
  schemaVersion: 1,
  source: 'p.html',
  url: 'file:///tmp/p.html',
  format: 'html',
  kind: 'privacy-adjacent',
  confidence: 0.7,
  language: 'de',
  reasons: ['title names a cookie policy'],
};

describe('CLI JSON schemas', () => {
  it('accept the documented shapes', () => {
    expect(DiffOutput.parse(diff)).toEqual(diff);
    expect(DetectOutput.parse(detect)).toEqual(detect);
    expect(CliOutput.parse({ ...diff, id: 'x', line: 3 })).toMatchObject({ id: 'x' });
    expect(BatchDiffResult.parse({ id: null, line: 2, command: 'diff', error: 'invalid JSON' })).toMatchObject({ error: 'invalid JSON' });
  });

  it.each([
    ['an unknown category', { ...diff, findings: [{ ...finding, category: 'ai' }] }],
    ['an unknown finding kind', { ...diff, findings: [{ ...finding, kind: 'added' }] }],
    ['a finding without evidence', { ...diff, findings: [{ ...finding, evidence: [] }] }],
    ['a section given as a string', { ...diff, findings: [{ ...finding, section: 'Sharing' }] }],
    ['a missing summary', { ...diff, summary: undefined }],
    ['another schema version', { ...diff, schemaVersion: 2 }],
    ['a negative word count', { ...diff, older: { ...doc, words: -1 } }],
  ])('reject a diff with %s', (_label, value) => {
    expect(DiffOutput.safeParse(value).success).toBe(false);
  });

  it.each([
    ['an unknown kind', { ...detect, kind: 'terms-of-service' }],
    ['a confidence above 1', { ...detect, confidence: 1.2 }],
    ['missing reasons', { ...detect, reasons: undefined }],
  ])('reject a detection with %s', (_label, value) => {
    expect(DetectOutput.safeParse(value).success).toBe(false);
  });

  it('rejects a batch error without a line number', () => {
    expect(BatchDiffResult.safeParse({ id: 'a', command: 'diff', error: 'x' }).success).toBe(false);
  });
});
