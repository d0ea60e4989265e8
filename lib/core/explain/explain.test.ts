import { describe, expect, it } from 'vitest';
import { Category, FindingKind, Severity, type AnalysisDigest, type Gained } from '../schema';
import { en } from './en';
import { explainer, LANGUAGES, languageOf, type FindingFacts } from './index';

const NOTHING: Gained = { recipients: [], named: [], data: [], purposes: [] };
const fact = (over: Partial<FindingFacts>): FindingFacts => ({ category: 'third-party-sharing', kind: 'new', gained: NOTHING, attributes: NOTHING, signals: [], ...over });

const SIGNALS = [[], ['opt-out'], ['sale'], ['opt-out', 'sale']] as const;
const FULL: Gained = { recipients: ['advertisers', 'affiliates'], named: ['OpenAI'], data: ['location', 'content'], purposes: ['advertising', 'research'] };

describe('every language has every word', () => {
  for (const [code, words] of Object.entries(LANGUAGES)) {
    it(`${code}: the same keys as English, none empty`, () => {
      for (const table of ['category', 'severity', 'kind', 'recipient', 'data', 'purpose'] as const) {
        expect(Object.keys(words[table]).sort(), table).toEqual(Object.keys(en[table]).sort());
        for (const [k, v] of Object.entries(words[table])) expect(v.trim(), `${table}.${k}`).not.toBe('');
      }
      for (const c of Category.options) {
        expect(words.statement[c].states.trim()).not.toBe('');
        expect(words.statement[c].restricts.trim()).not.toBe('');
      }
    });

    it(`${code}: a headline and a label for every category, kind and signal, with and without attributes`, () => {
      const e = explainer(code);
      for (const category of Category.options)
        for (const kind of FindingKind.options)
          for (const signals of SIGNALS)
            for (const g of [NOTHING, FULL]) {
              const f = fact({ category, kind, signals: [...signals], gained: g, attributes: g, evidence: [{ triggers: ['biometric'] }] });
              const h = e.headline(f);
              expect(h, `${category}/${kind}`).toMatch(/\p{L}{3}/u);
              expect(h).not.toMatch(/undefined|\$\{/);
              expect(e.label(f)).not.toMatch(/undefined|^\s*$/);
              // Another language than English really is another language.
              if (code !== 'en') expect(h).not.toBe(explainer('en').headline(f));
            }
    });
  }
});

describe('headlines name what was gained, in the reader’s language', () => {
  const expanded = fact({ kind: 'expanded', gained: { recipients: ['advertisers'], named: [], data: [], purposes: ['advertising'] } });
  it.each([
    ['en', 'Expanded: now also shared with advertisers, for advertising'],
    ['de', 'Erweitert: Weitergabe jetzt auch an Werbetreibende (Zweck: Werbung)'],
    ['fr', 'Élargi\u00a0: désormais aussi partagées avec des annonceurs, à des fins de publicité'],
    ['es', 'Ampliado: ahora también se comparten con anunciantes, con fines de publicidad'],
  ])('%s', (lang, want) => {
    expect(explainer(lang).headline(expanded)).toBe(want);
  });

  it('lists in the language’s own way, at most three, company names first', () => {
    const many = fact({ kind: 'expanded', gained: { recipients: ['advertisers', 'data-brokers', 'researchers'], named: ['OpenAI'], data: [], purposes: [] } });
    expect(explainer('en').headline(many)).toBe('Expanded: now also shared with OpenAI, advertisers and data brokers');
    expect(explainer('de').headline(many)).toBe('Erweitert: Weitergabe jetzt auch an OpenAI, Werbetreibende und Datenhändler');
    expect(explainer('es').headline(many)).toBe('Ampliado: ahora también se comparten con OpenAI, anunciantes e intermediarios de datos');
  });

  it('an opt-out reads as good news about a choice', () => {
    const optOut = fact({ category: 'ai-training', kind: 'restricted', signals: ['opt-out'] });
    expect(explainer('fr-CA').headline(optOut)).toBe('Bonne nouvelle\u00a0: vous pouvez désormais refuser l’entraînement de l’IA sur vos données');
  });
});

describe('summary line: plurals per language', () => {
  const digest = (major: number, minor: number): AnalysisDigest => ({
    counts: { major, minor, goodNews: 0, cosmetic: 0 },
    findings: Array.from({ length: major }, () => ({ ...fact({ category: 'ai-training' }), severity: 'major' as Severity })),
    changed: true,
  });
  it.each([
    ['en', 1, 0, '1 major change: new AI training.'],
    ['en', 2, 3, '2 major changes: new AI training. 3 minor edits.'],
    ['de', 1, 1, '1 wichtige Änderung: neues KI-Training. 1 geringfügige Änderung.'],
    ['de', 2, 0, '2 wichtige Änderungen: neues KI-Training.'],
    ['fr', 2, 1, '2 changements importants\u00a0: nouvel entraînement de l’IA. 1 modification mineure.'],
    ['es', 0, 2, '2 cambios menores.'],
  ])('%s: %i major, %i minor', (lang, major, minor, want) => {
    expect(explainer(lang).summary(digest(major, minor))).toBe(want);
  });
  it('says when nothing changed, and when only formatting did', () => {
    expect(explainer('de').summary({ ...digest(0, 0), changed: false })).toBe('Keine Änderungen.');
    expect(explainer('es').summary(digest(0, 0))).toBe('Ningún cambio de fondo (solo formato).');
  });
});

describe('languageOf', () => {
  it.each([
    ['de-AT', 'de'],
    ['fr_CA', 'fr'],
    ['es-419', 'es'],
    ['en-US', 'en'],
    ['pt-BR', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ])('%s -> %s', (tag, want) => expect(languageOf(tag)).toBe(want));
});
