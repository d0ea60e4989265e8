/**
 * What the popup and the history page say of a change: the summary and the finding cards, or a note when
 * there is nothing to review. A version past the size cap is compared only up to it (README, Limits): a
 * change past the cap yields no finding, and the note must not tell the reader there is nothing to review
 * without saying that part of the text was not compared.
 */
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { analyzeChange, MAX_VERSION_WORDS } from '@/lib/core/engine';
import { explainer } from '@/lib/core/explain';
import type { ChangeAnalysis, Finding, PolicyDocument } from '@/lib/core/schema';
import { AnalysisView } from './AnalysisView';
import { WordsProvider } from './words';

const NOTHING = { recipients: [], named: [], data: [], purposes: [] };
const sale: Finding = {
  id: 'sale', category: 'third-party-sharing', kind: 'new', severity: 'major', gained: NOTHING, attributes: NOTHING, signals: [], section: ['Sharing'],
  evidence: [{ sentence: 'We sell your data to brokers.', spans: [{ op: 'insert', text: 'We sell your data to brokers.' }], triggers: [] }],
};

/** What the engine gives for two versions: `truncated` when one was longer than the cap. */
const analysis = (over: Partial<ChangeAnalysis>): ChangeAnalysis => ({
  schemaVersion: 2,
  counts: { major: 0, minor: 0, goodNews: 0, cosmetic: 0 },
  findings: [],
  changes: [{ type: 'modified', section: [], before: 'Last updated 1 May.', after: 'Last updated 2 May.', spans: [] }],
  truncated: false,
  ...over,
});

const shown = (a: ChangeAnalysis, locale = 'en') =>
  renderToString(<WordsProvider locale={locale}><AnalysisView analysis={a} language="en" /></WordsProvider>).replace(/<[^<>]*>/g, ' ').replace(/[ \n\t]+/g, ' ');

describe('a change with no finding', () => {
  it('says so when the whole text was compared', () => {
    const text = shown(analysis({ counts: { major: 0, minor: 0, goodNews: 0, cosmetic: 1 } }));
    expect(text).toContain(explainer('en').ui.analysis.onlyFormatting);
  });

  it('says plainly that two versions with the same text do not differ', () => {
    const text = shown(analysis({ changes: [] }));
    expect(text).toContain('The two versions have the same text: nothing changed.');
    expect(text).not.toContain(explainer('en').ui.analysis.onlyFormatting);
  });

  it.each(['en', 'de', 'fr', 'es'])('%s: says that part of a very long policy was not compared, never only "nothing to review"', (locale) => {
    const { ui } = explainer(locale);
    const text = shown(analysis({ truncated: true }), locale);
    expect(text).not.toContain(ui.analysis.onlyFormatting);
    expect(text).toContain(ui.analysis.nothingFoundInPart);
    expect(text).toContain(ui.analysis.truncated);
  });

  it('the English note names the part left out', () => {
    expect(shown(analysis({ truncated: true }))).toMatch(/part of its text was compared only roughly or not at all/);
  });

  it('a new sale of data past the size cap, which the engine never reads, is not called "nothing to review"', () => {
    // A policy of about 1.6 times the cap; the new sentence is at its end.
    const paragraphs = Math.ceil((MAX_VERSION_WORDS * 1.6) / 112);
    const doc = (extra: string[]): PolicyDocument => ({
      url: 'https://example.com/privacy', title: 'Privacy Policy', language: 'en', statedDate: null,
      blocks: [
        ...Array.from({ length: paragraphs }, (_, i) => ({ kind: 'paragraph' as const, section: [], text: Array.from({ length: 16 }, (_, j) => `Paragraph ${i} sentence ${j} says we keep records.`).join(' ') })),
        ...extra.map((text) => ({ kind: 'paragraph' as const, text, section: ['Sharing'] })),
      ],
      extraction: { method: 'readability', words: 0, notes: [] },
    });
    const a = analyzeChange(doc([]), doc(['We sell your personal data to advertisers and data brokers.']));
    expect(a.truncated).toBe(true);
    expect(a.findings).toEqual([]);
    const text = shown(a);
    expect(text).not.toContain(explainer('en').ui.analysis.onlyFormatting);
    expect(text).toContain(explainer('en').ui.analysis.truncated);
  }, 60_000);
});

describe('a change with findings in a very long policy', () => {
  it('shows the findings and says that part of the text was not compared', () => {
    const text = shown(analysis({ truncated: true, findings: [sale], counts: { major: 1, minor: 0, goodNews: 0, cosmetic: 0 } }));
    expect(text).toContain('We sell your data to brokers.');
    expect(text).toContain(explainer('en').ui.analysis.truncated);
    expect(text).not.toContain(explainer('en').ui.analysis.nothingFoundInPart);
  });
});

describe('the older statement quoted beside a new sentence', () => {
  const doc = (paragraphs: string[]): PolicyDocument => ({
    url: 'https://example.com/privacy', title: 'Privacy Policy', language: 'en', statedDate: null,
    blocks: paragraphs.map((text) => ({ kind: 'paragraph' as const, text, section: ['Sharing'] })),
    extraction: { method: 'readability', words: 0, notes: [] },
  });
  const providers = 'We share your information with service providers who host our servers.';

  it('is not called what the policy said "before" when the newer version still says it', () => {
    const a = analyzeChange(doc([providers, 'We do not sell your data.']), doc([providers, 'We also share your purchase history with advertisers.', 'We do not sell your data.']));
    const text = shown(a);
    expect(text).toContain(providers);
    expect(text).toContain(explainer('en').ui.analysis.beforeKept);
    expect(text).not.toContain(explainer('en').ui.analysis.before);
  });

  it('is what the policy said before when the newer version no longer says it', () => {
    const a = analyzeChange(doc([providers, 'We do not sell your data.']), doc(['We do not sell your data.', 'Contact us with questions.', 'We share your information with advertisers, who pay for it.']));
    const text = shown(a);
    expect(text).toContain(providers);
    expect(text).toContain(explainer('en').ui.analysis.before);
    expect(text).not.toContain(explainer('en').ui.analysis.beforeKept);
  });
});
