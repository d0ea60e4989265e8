import { describe, expect, it } from 'vitest';
import { formatDiff, plainStyle } from './format';
import type { DiffOutput } from './output';

const doc = { source: 'a.md', url: 'file:///a.md', format: 'markdown' as const, title: 'Datenschutz', statedDate: null, language: 'de', words: 10, method: 'markdown' as const };
const finding: DiffOutput['findings'][number] = {
  id: 'ai-training:new:1',
  category: 'ai-training',
  kind: 'new',
  severity: 'major',
  headline: 'Neu: Ihre Daten dürfen zum Training von KI-Modellen verwendet werden',
  evidence: ['Wir trainieren KI mit Ihren Beiträgen.'],
  evidenceSpans: [[{ op: 'insert', text: 'Wir trainieren KI mit Ihren Beiträgen.' }]],
  triggers: [['KI']],
  before: ['Wir nutzen Ihre Beiträge nur für den Dienst.'],
  section: ['Datenschutz', 'Nutzung Ihrer Daten'],
};
const diff = (f: Partial<DiffOutput['findings'][number]>): DiffOutput => ({
  command: 'diff',
  schemaVersion: 1,
  older: doc,
  newer: doc,
  summary: '1 wichtige Änderung: neues KI-Training.',
  counts: { major: 1, minor: 0, goodNews: 0, cosmetic: 0 },
  findings: [{ ...finding, ...f }],
  changes: 1,
  truncated: false,
  notes: [],
});
const lines = (out: DiffOutput, lang: string) => formatDiff(out, plainStyle, 100, lang).split('\n');

describe('a finding in the CLI, with --lang', () => {
  it('de: the line under the headline is German through and through', () => {
    expect(lines(diff({}), 'de')).toContain('   KI-Training · Neu · Abschnitt: Datenschutz › Nutzung Ihrer Daten');
  });

  it('de: a finding before any heading names no section, in no language', () => {
    const out = lines(diff({ section: [] }), 'de');
    expect(out).toContain('   KI-Training · Neu');
    expect(out.join('\n')).not.toMatch(/section|top of the document/i);
  });

  it.each([
    ['de', '     Vorher stand in der Richtlinie: „Wir nutzen Ihre Beiträge nur für den Dienst.“'],
    ['fr', '     Auparavant, la politique disait\u00a0: «\u00a0Wir nutzen Ihre Beiträge nur für den Dienst.\u00a0»'],
    ['en', '     Before, the policy said: “Wir nutzen Ihre Beiträge nur für den Dienst.”'],
  ])('%s: what the policy said before, in the language’s words and quotation marks', (lang, want) => {
    expect(lines(diff({}), lang)).toContain(want);
  });

  it.each([
    ['de', 'Das stand schon vorher in der Richtlinie und steht dort weiterhin: „Wir nutzen Ihre Beiträge'],
    ['en', 'The policy already said, and still says: “Wir nutzen Ihre Beiträge nur für den Dienst.”'],
  ])('%s: an older statement the newer version still makes is not called what it said before', (lang, want) => {
    const out = lines(diff({ beforeKept: [true] }), lang).join('\n');
    expect(out).toContain(want);
    expect(out).not.toMatch(/Before, the policy said|Vorher stand/);
  });
});

describe('a comparison made in part', () => {
  it('says that it was cut short by the size cap or by too many edits, not only by a version too long', () => {
    const out = lines({ ...diff({}), truncated: true }, 'en').join('\n');
    expect(out).toContain('(compared in part: a version was longer than the size cap, or the edits between them were too many to follow one by one)');
  });
});
