import { describe, expect, it } from 'vitest';
import type { ChangeAnalysis, Finding, PolicyDocument } from '@/lib/core/schema';
import type { Comparison } from '@/lib/extension/views';
import { escapeMarkdown, markdownSummary, spansMarkdown } from './markdown-summary';

function doc(url: string, title = 'Privacy Policy'): PolicyDocument {
  return { url, title, language: 'en', statedDate: null, blocks: [], extraction: { method: 'readability', words: 0, notes: [] } };
}

const NOTHING = { recipients: [], named: [], data: [], purposes: [] };

const aiFinding: Finding = {
  id: 'f1',
  category: 'ai-training',
  kind: 'new',
  severity: 'major',
  gained: NOTHING,
  attributes: NOTHING,
  signals: [],
  evidence: [
    {
      sentence: 'We use your posts to improve our services and train our AI models.',
      spans: [
        { op: 'equal', text: 'We use your posts to improve our services' },
        { op: 'insert', text: ' and train our AI models' },
        { op: 'equal', text: '.' },
      ],
      triggers: ['train', 'AI models'],
    },
  ],
  section: ['How we use information', 'Product improvement'],
};

function comparison(findings: Finding[], url = 'https://example.com/privacy'): Comparison {
  const analysis: ChangeAnalysis = {
    schemaVersion: 2,
    counts: { major: findings.filter((f) => f.severity === 'major').length, minor: 0, goodNews: 0, cosmetic: findings.filter((f) => f.severity === 'cosmetic').length },
    findings,
    changes: [],
    truncated: false,
  };
  return {
    older: { versionId: 'v1', firstSeen: Date.UTC(2026, 0, 5, 12), document: doc(url) },
    newer: { versionId: 'v2', firstSeen: Date.UTC(2026, 2, 1, 9), document: doc(url) },
    analysis,
  };
}

describe('markdownSummary', () => {
  it('gives the summary, then each finding with headline, severity, section and the quoted evidence', () => {
    const md = markdownSummary(comparison([aiFinding]), 'example.com');
    expect(md).toContain('**Summary:** 1 major change: new AI training.');
    expect(md).toContain('### New: your data may be used to train AI models');
    expect(md).toContain('- Severity: Major');
    expect(md).toContain('- Category: AI training');
    expect(md).toContain('- Section: How we use information › Product improvement');
    expect(md).toContain('> We use your posts to improve our services **and train our AI models**.');
    expect(md).toContain('first seen 2026-01-05 with the one first seen 2026-03-01');
    expect(md).toContain('Policy: <https://example.com/privacy>');
  });

  it('names the time of day, in UTC, when both versions were first seen on the same date', () => {
    const c = comparison([aiFinding]);
    const sameDay = { ...c, older: { ...c.older, firstSeen: Date.UTC(2026, 11, 5, 9, 30) }, newer: { ...c.newer, firstSeen: Date.UTC(2026, 11, 5, 18, 45) } };
    expect(markdownSummary(sameDay, 'example.com')).toContain('first seen 2026-12-05 09:30 UTC with the one first seen 2026-12-05 18:45 UTC');
  });

  it('quotes a passage that carries two findings once, and points back to it from the second', () => {
    const advertising: Finding = { ...aiFinding, id: 'f2', category: 'advertising-profiling', severity: 'minor' };
    const md = markdownSummary(comparison([aiFinding, advertising]), 'example.com');
    expect(md.split('> We use your posts')).toHaveLength(2);
    const second = md.slice(md.indexOf('### New: your data may be used for targeted advertising or profiling'));
    expect(second).toContain('The same passage as “New: your data may be used to train AI models”, quoted above.');
  });

  it('says so when only formatting changed, and lists no cosmetic findings', () => {
    const cosmetic: Finding = { ...aiFinding, id: 'c', kind: 'reworded', severity: 'cosmetic' };
    const md = markdownSummary(comparison([cosmetic]), 'example.com');
    expect(md).toContain('Only formatting or wording changed');
    expect(md).not.toContain('Reworded: ');
  });

  it('says plainly that two versions with the same text do not differ', () => {
    const md = markdownSummary(comparison([]), 'example.com');
    expect(md).toContain('**Summary:** No changes.');
    expect(md).toContain('The two versions have the same text: nothing changed.');
    expect(md).not.toContain('Only formatting or wording changed');
  });

  it('says that part of a policy too long to compare whole was not compared, with or without findings', () => {
    const long = (findings: Finding[]): Comparison => {
      const c = comparison(findings);
      return { ...c, analysis: { ...c.analysis, truncated: true } };
    };
    const nothing = markdownSummary(long([]), 'example.com');
    expect(nothing).not.toContain('Only formatting or wording changed');
    expect(nothing).toContain('Nothing to review in the part that could be compared.');
    expect(nothing).toContain('part of its text was compared only roughly or not at all');
    expect(markdownSummary(long([aiFinding]), 'example.com')).toContain('part of its text was compared only roughly or not at all');
    expect(markdownSummary(comparison([aiFinding]), 'example.com')).not.toContain('compared only roughly');
  });

  it('never turns policy text into links, images or HTML', () => {
    const hostile: Finding = {
      ...aiFinding,
      gained: { ...NOTHING, named: ['<img src=x onerror=alert(1)> [click](javascript:alert(1))'] },
      kind: 'expanded',
      category: 'third-party-sharing',
      evidence: [{ sentence: '![pixel](https://evil.example/p.png)\n# Heading', spans: [], triggers: [] }],
      section: ['<script>alert(1)</script>'],
    };
    const md = markdownSummary(comparison([hostile], 'javascript:alert(1)'), 'example.com');
    expect(md).not.toMatch(/(?<!\\)<img|(?<!\\)<script|(?<!\\)\[click(?<!\\)\]|!(?<!\\)\[pixel/);
    expect(md).toContain('\\<img src=x onerror=alert(1)\\> \\[click\\](javascript:alert(1))');
    expect(md).not.toContain('Policy: <javascript');
    // The newline in the quote cannot start a heading of its own.
    expect(md).not.toMatch(/^# Heading/m);
  });
});

describe('spansMarkdown', () => {
  it.each([
    ['insert', [{ op: 'equal', text: 'We share data' }, { op: 'insert', text: ' with advertisers ' }, { op: 'equal', text: 'daily' }], 'We share data **with advertisers** daily'],
    ['delete', [{ op: 'equal', text: 'We ' }, { op: 'delete', text: 'never ' }, { op: 'equal', text: 'sell data' }], 'We ~~never~~ sell data'],
    ['whitespace-only edit', [{ op: 'equal', text: 'a' }, { op: 'insert', text: ' ' }, { op: 'equal', text: 'b' }], 'a b'],
    // CommonMark reads "providers**, advertisers**" as literal asterisks: punctuation stays outside the markers.
    ['insert that starts with a comma', [{ op: 'equal', text: 'with service providers' }, { op: 'insert', text: ', advertisers and data brokers' }, { op: 'equal', text: '.' }], 'with service providers, **advertisers and data brokers**.'],
    ['delete that ends with punctuation', [{ op: 'equal', text: 'We share it' }, { op: 'delete', text: ' (rarely).' }, { op: 'equal', text: '' }], 'We share it (~~rarely~~).'],
    ['insert of an escaped link', [{ op: 'equal', text: 'see' }, { op: 'insert', text: ' [our partners]' }], 'see \\[**our partners**\\]'],
    ['insert of punctuation alone', [{ op: 'equal', text: 'data' }, { op: 'insert', text: ',' }, { op: 'equal', text: ' and' }], 'data, and'],
  ] as const)('marks an %s', (_name, spans, expected) => {
    expect(spansMarkdown(spans, '')).toBe(expected);
  });

  it('falls back to the sentence when there are no spans', () => {
    expect(spansMarkdown([], 'Plain *sentence*')).toBe('Plain \\*sentence\\*');
  });
});

describe('escapeMarkdown', () => {
  it.each([
    ['# not a heading', '\\# not a heading'],
    ['1. not a list', '1\\. not a list'],
    ['- not a list', '\\- not a list'],
    ['a_b*c`d', 'a\\_b\\*c\\`d'],
    ['keeps 3.5% and co-operation', 'keeps 3.5% and co-operation'],
  ])('%s', (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });
});
