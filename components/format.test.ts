import { describe, expect, it } from 'vitest';
import type { Finding } from '@/lib/core/schema';
import { seenLabels, comparisonHeading, displayUrl, errorMessage, passageReferences, readableUrl, safeHttpUrl, sectionPath, showOnPageText } from './format';
import { explainer } from '@/lib/core/explain';
import { UserError } from '@/lib/core/user-error';

describe('safeHttpUrl: only http(s) policy URLs may become links', () => {
  it.each([
    ['https://example.com/privacy', 'https://example.com/privacy'],
    ['http://127.0.0.1:8080/legal', 'http://127.0.0.1:8080/legal'],
    ['javascript:alert(1)', null],
    ['JaVaScRiPt:alert(1)', null],
    ['data:text/html,<script>alert(1)</script>', null],
    ['chrome-extension://abc/options.html', null],
    ['not a url', null],
  ])('%s', (input, expected) => {
    expect(safeHttpUrl(input)).toBe(expected);
  });
});

describe('wording', () => {
  it('joins non-empty section headings', () => {
    expect(sectionPath(['Sharing', '', 'Partners'])).toBe('Sharing › Partners');
  });
  it('shortens URLs for display', () => {
    expect(displayUrl('https://www.example.com/legal/privacy?x=1')).toBe('www.example.com/legal/privacy');
    expect(displayUrl('javascript:alert(1)')).toBe('javascript:alert(1)');
  });
  it('writes a whole address with its path decoded, keeping what tells two addresses apart', () => {
    expect(readableUrl(`http://example.jp/${encodeURIComponent('プライバシー')}?page_id=3`)).toBe('http://example.jp/プライバシー?page_id=3');
    expect(readableUrl('https://example.com/')).not.toBe(readableUrl('https://example.com/?page_id=3'));
    expect(readableUrl('javascript:alert(1)')).toBe('javascript:alert(1)');
  });
});

describe('displayUrl: a path as the site wrote it', () => {
  it.each([
    ['https://example.jp/プライバシーポリシー', 'example.jp/プライバシーポリシー'],
    ['https://beispiel.de/datenschutzerklärung', 'beispiel.de/datenschutzerklärung'],
    ['https://exemple.fr/confidentialit%C3%A9', 'exemple.fr/confidentialité'],
    ['https://example.com/%F0%9F%94%92/privacy', 'example.com/🔒/privacy'],
  ])('%s reads %s', (url, shown) => {
    expect(displayUrl(url)).toBe(shown);
  });

  it.each([
    // What would change where the path's parts end, or read as another address: ASCII escapes stay.
    ['https://example.com/a%2Fb%20c%25d', 'example.com/a%2Fb%20c%25d'],
    // Escapes that are no UTF-8 (cut short, a stray byte, an overlong slash) stay as they are, and nothing throws.
    ['https://example.com/%E3%83', 'example.com/%E3%83'],
    ['https://example.com/%FF%C3%A4', 'example.com/%FFä'],
    ['https://example.com/%C0%AF', 'example.com/%C0%AF'],
    ['https://example.com/%80%E3%83%97', 'example.com/%80プ'],
    // Marks that reorder, hide or break the text are never decoded: a direction override, a zero-width
    // space, a no-break space, a line separator, a C1 control, a Hangul filler.
    ['https://example.com/%E2%80%AEycavirp', 'example.com/%E2%80%AEycavirp'],
    ['https://example.com/pri%E2%80%8Bvacy', 'example.com/pri%E2%80%8Bvacy'],
    ['https://example.com/a%C2%A0b', 'example.com/a%C2%A0b'],
    ['https://example.com/a%E2%80%A8b', 'example.com/a%E2%80%A8b'],
    ['https://example.com/a%C2%85b', 'example.com/a%C2%85b'],
    ['https://example.com/a%E3%85%A4b', 'example.com/a%E3%85%A4b'],
  ])('%s keeps what must not be decoded escaped', (url, shown) => {
    expect(displayUrl(url)).toBe(shown);
  });

  it('decodes a long path of good and bad escapes alike', () => {
    const long = `https://example.com/${'%E3%83%97%FF'.repeat(20_000)}`;
    expect(displayUrl(long)).toBe(`example.com/${'プ%FF'.repeat(20_000)}`);
  });
});

describe('passageReferences: a passage carrying two findings is quoted once', () => {
  const byName = (f: Finding) => f.gained.named[0] ?? '';
  const finding = (headline: string, sentences: string[]): Finding => ({
    id: headline,
    category: 'third-party-sharing',
    kind: 'new',
    severity: 'major',
    gained: { recipients: [], named: [headline], data: [], purposes: [] },
    attributes: { recipients: [], named: [], data: [], purposes: [] },
    signals: [],
    section: [],
    evidence: sentences.map((sentence) => ({ sentence, spans: [], triggers: [] })),
  });

  it('points a later finding back to the first that quotes the passage, and quotes the rest', () => {
    const refs = passageReferences([finding('Sharing', ['A.', 'B.']), finding('Advertising', ['B.', 'C.']), finding('AI', ['B.'])], Infinity, byName);
    expect(refs).toEqual([[null, null], ['Sharing', null], ['Sharing']]);
  });

  it('only counts the passages a card shows', () => {
    const refs = passageReferences([finding('Sharing', ['A.', 'B.']), finding('Advertising', ['B.'])], 1, byName);
    expect(refs).toEqual([[null], [null]]);
  });
});

describe('errorMessage: what the page says about an error', () => {
  const de = explainer('de').ui;
  it('words an error a person can act on in the page\'s language, with numbers written its way', () => {
    expect(errorMessage(new UserError('import-too-large', 'The file is larger than 200000000 characters.', '200000000'), de)).toBe(
      'Die Datei ist größer als 200.000.000 Zeichen, mehr als ein Clausewatch-Verlauf enthält.',
    );
  });
  it('words one rebuilt from a refusal (send.ts) the same way', () => {
    expect(errorMessage(Object.assign(new Error('That version is no longer stored.'), { code: 'version-gone', value: '' }), de)).toBe('Diese Version ist nicht mehr gespeichert.');
  });
  it('words an error nobody foresaw as unexpected, in the page\'s language, with its technical detail', () => {
    expect(errorMessage(new Error('disk on fire'), de)).toBe('ein unerwarteter Fehler (technische Angabe: disk on fire)');
    expect(errorMessage('no handler for "x"', explainer('es').ui)).toBe('un error inesperado (detalle técnico: no handler for "x")');
  });
  it('leaves out a detail that says nothing, and reads the message of any object that has one', () => {
    const en = explainer('en').ui;
    expect(errorMessage(new Error(''), en)).toBe('an unexpected error');
    expect(errorMessage(undefined, en)).toBe('an unexpected error');
    expect(errorMessage({ message: 'port closed' }, en)).toBe('an unexpected error (technical detail: port closed)');
    expect(errorMessage({ reason: 'x' }, en)).toBe('an unexpected error');
  });
  it('shows that detail bounded and as visible text', () => {
    const shown = errorMessage(new Error(`bad\u202e${'x'.repeat(5000)}`), explainer('en').ui);
    expect(shown).toContain('bad\\u202e');
    expect(shown).not.toContain('\u202e');
    expect(shown.length).toBeLessThan(300);
  });
});

describe('comparisonHeading: the two versions a comparison names', () => {
  const morning = new Date(2026, 11, 5, 9, 30).getTime();
  const evening = new Date(2026, 11, 5, 18, 45).getTime();
  const spring = new Date(2026, 3, 9, 12, 0).getTime();
  const version = (firstSeen: number, statedDate: string | null) => ({ firstSeen, document: { statedDate } });
  const { ui, format } = explainer('en-GB');

  it('names the days they were first seen', () => {
    expect(comparisonHeading(version(spring, null), version(evening, null), ui, format)).toBe('Changes between 9 Apr 2026 and 5 Dec 2026');
  });
  it('seen the same day, names the dates their texts state, never one day twice', () => {
    expect(comparisonHeading(version(morning, '2025-04-09'), version(evening, '2026-11-02'), ui, format)).toBe('Changes between the versions dated 9 Apr 2025 and 2 Nov 2026');
    const de = explainer('de');
    expect(comparisonHeading(version(morning, '2025-04-09'), version(evening, '2026-11-02'), de.ui, de.format)).toBe('Änderungen zwischen Stand\u00a009.04.2025 und Stand\u00a002.11.2026');
  });
  it('seen in the same minute with no two stated dates, names that moment once', () => {
    expect(comparisonHeading(version(morning, null), version(morning + 20_000, null), ui, format)).toBe('Changes between two versions first seen on 5 Dec 2026, 09:30');
  });
  it('a date that cannot be read (a damaged record) is worded as one, with the right preposition', () => {
    const fr = explainer('fr');
    const es = explainer('es');
    expect(comparisonHeading(version(Number.NaN, null), version(Number.NaN, null), fr.ui, fr.format)).toBe('Changements entre deux versions vues pour la première fois à une date inconnue');
    expect(comparisonHeading(version(Number.NaN, null), version(morning, null), es.ui, es.format)).toBe('Cambios entre una fecha desconocida y el 5 dic 2026');
  });
  it('seen the same day with no two stated dates, names the times they were seen', () => {
    const heading = comparisonHeading(version(morning, null), version(evening, '2026-11-02'), ui, format);
    expect(heading).toMatch(/^Changes between 5 Dec 2026, 09:30 and 5 Dec 2026, 18:45$/);
    const fr = explainer('fr');
    expect(comparisonHeading(version(morning, '2026-11-02'), version(evening, '2026-11-02'), fr.ui, fr.format)).toMatch(/^Changements entre le 5 déc\. 2026(,| à) 09:30 et le 5 déc\. 2026(,| à) 18:45$/);
  });
});

describe('showOnPageText: what "Show on page" says it did, on the popup and the history page', () => {
  it('says highlighted, another site, or not found, in the reader’s language', () => {
    const { ui } = explainer('de');
    expect(showOnPageText(ui, { found: true })).toBe('Auf der Seite der Richtlinie hervorgehoben.');
    expect(showOnPageText(ui, { found: false, elsewhere: true })).toBe(ui.popup.pageElsewhere);
    expect(showOnPageText(ui, { found: false })).toBe('Die Seite der Richtlinie wurde geöffnet, die Textstelle dort aber nicht gefunden.');
    expect(ui.popup.pageElsewhere).toContain('andere Website');
  });
});

describe('seenLabels: no two versions of a timeline read alike', () => {
  const { format } = explainer('en-GB');
  const at = (h: number, m: number, s = 0) => new Date(2026, 11, 5, h, m, s).getTime();
  const now = at(20, 0);
  const labels = (seen: number[], f = format) => seenLabels(seen, (ms) => ms, f, now).map((l) => (l.place === null ? l.when : `${l.when} #${l.place}`));

  it('names each by its day, and the time only where two share a day', () => {
    expect(labels([at(18, 45), new Date(2026, 10, 2, 12).getTime()])).toEqual(['today', 'on 2 Nov 2026']);
    expect(labels([at(18, 45), at(9, 30)])).toEqual(['on 5 Dec 2026, 18:45', 'on 5 Dec 2026, 09:30']);
  });

  it('adds the seconds for two seen in the same minute, and their place in the history for two seen in the same second', () => {
    expect(labels([at(9, 30, 40), at(9, 30, 12)])).toEqual(['on 5 Dec 2026, 09:30:40', 'on 5 Dec 2026, 09:30:12']);
    const same = labels([at(9, 30, 12), at(9, 30, 12), new Date(2026, 10, 2, 12).getTime()]);
    expect(same).toEqual(['on 5 Dec 2026, 09:30:12 #3', 'on 5 Dec 2026, 09:30:12 #2', 'on 2 Nov 2026']);
  });

  it('tells apart versions whose dates cannot be read', () => {
    expect(labels([Number.NaN, Number.NaN], explainer('fr').format)).toEqual(['à une date inconnue #2', 'à une date inconnue #1']);
  });
});
