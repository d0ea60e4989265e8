/**
 * The pages' components in German: every heading, button, label, note, aria-label and title reads in
 * German, and no English word of the page chrome is left (a detector of common English words, which the
 * same components rendered in English do trip). The policy's own words stay as written: the fixtures'
 * policy text is German here so that any English in the output is ours.
 */
import type { ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { ChangeAnalysis, Finding, PolicyDocument, Statement } from '@/lib/core/schema';
import type { ChainView, Comparison, HistoryView, OptionsView, PolicyView, TabState, WatchEntry } from '@/lib/extension/views';
import { ComparisonView } from './ComparisonView';
import { sectionPath } from './format';
import { HistoryTimeline } from './HistoryTimeline';
import { LoadState } from './loader';
import { AddSiteForm, HistoryTransfer, SettingsForm, StorageInfo, WatchTable } from './OptionsSections';
import { PopupView, type PopupActions } from './PopupView';
import { RecordStatus } from './RecordStatus';
import { WordsProvider } from './words';
import { explainer } from '@/lib/core/explain';
import { Protocol } from '@/lib/extension/protocol';
import { assessDetection } from '@/lib/extension/recheck';
import { detectPolicy } from '@/lib/core/page/detect/detect';
import { JSDOM } from 'jsdom';

const NOW = Date.now();
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
// An hour ago, or midnight when that was yesterday: "seen today" at any time of day (the pages read the clock).
const EARLIER_TODAY = Math.max(NOW - HOUR, new Date(new Date(NOW).toDateString()).getTime());
const NOTHING = { recipients: [], named: [], data: [], purposes: [] };
const HOSTILE = '<img src=x onerror=alert(1)>';

const ai: Finding = {
  id: 'ai',
  category: 'ai-training',
  kind: 'new',
  severity: 'major',
  gained: NOTHING,
  attributes: NOTHING,
  signals: [],
  section: ['Nutzung Ihrer Daten', 'Verbesserung'],
  evidence: [
    {
      sentence: 'Wir trainieren unsere KI-Modelle mit Ihren Beiträgen.',
      spans: [{ op: 'insert', text: 'Wir trainieren unsere KI-Modelle mit Ihren Beiträgen.' }],
      triggers: ['KI-Modelle'],
      previous: 'Wir nutzen Ihre Beiträge nur für den Dienst.',
    },
  ],
};
const sharing: Finding = {
  id: 'sharing',
  category: 'third-party-sharing',
  kind: 'expanded',
  severity: 'major',
  gained: { ...NOTHING, recipients: ['advertisers'], purposes: ['advertising'] },
  attributes: { ...NOTHING, recipients: ['advertisers'], purposes: ['advertising'] },
  signals: [],
  section: ['Weitergabe'],
  evidence: ['A', 'B', 'C', 'D', 'E'].map((x) => ({
    sentence: `Wir geben Daten an Werbepartner ${x} weiter. ${HOSTILE}`,
    spans: [
      { op: 'equal' as const, text: 'Wir geben Daten an ' },
      { op: 'insert' as const, text: `Werbepartner ${x} ` },
      { op: 'equal' as const, text: `weiter. ${HOSTILE}` },
    ],
    triggers: ['Werbepartner'],
  })),
};
// The same first passage as the sharing card: the second card points back to it.
const advertising: Finding = { ...sharing, id: 'ads', category: 'advertising-profiling', kind: 'new', severity: 'minor', evidence: sharing.evidence.slice(0, 1) };

const analysis: ChangeAnalysis = {
  schemaVersion: 2,
  counts: { major: 2, minor: 1, goodNews: 0, cosmetic: 0 },
  findings: [ai, sharing, advertising],
  changes: [
    { type: 'modified', section: ['Weitergabe'], before: 'Wir geben Daten an Dienstleister weiter.', after: 'Wir geben Daten an Werbepartner weiter.', spans: [{ op: 'equal', text: 'Wir geben Daten an ' }, { op: 'delete', text: 'Dienstleister' }, { op: 'insert', text: 'Werbepartner' }, { op: 'equal', text: ' weiter.' }] },
    { type: 'added', section: [], before: null, after: 'Wir trainieren unsere KI-Modelle mit Ihren Beiträgen.', spans: [] },
    { type: 'removed', section: [], before: 'Alter Absatz.', after: null, spans: [] },
    { type: 'moved', section: [], before: 'Verschobener Absatz.', after: 'Verschobener Absatz.', spans: [] },
  ],
  truncated: true,
};

const statements: Statement[] = [
  { category: 'third-party-sharing', polarity: 'restricts', sentence: 'Wir verkaufen Ihre Daten nicht.', section: ['Weitergabe'], triggers: [] },
  ...[1, 2, 3, 4, 5].map((i) => ({ category: 'retention' as const, polarity: 'states' as const, sentence: `Wir speichern Daten ${i} Jahre.`, section: [], triggers: [] })),
];

function version(over: Partial<PolicyView['latest']> = {}): PolicyView['latest'] {
  return { versionId: 'v2', firstSeen: NOW - 40 * DAY, lastSeen: NOW, statedDate: '2026-11-02', reviewed: false, analysis, ...over };
}

const privacy: PolicyView = {
  policyId: 'p1',
  kind: 'privacy-policy',
  url: 'https://beispiel.de/datenschutz',
  title: 'Datenschutzerklärung der Beispiel GmbH',
  firstSeen: NOW - 90 * DAY,
  versionCount: 3,
  latest: version(),
  language: 'de',
  olderLanguage: 'de',
  statements: [],
};
const cookies: PolicyView = { ...privacy, policyId: 'p2', kind: 'privacy-adjacent', url: 'https://beispiel.de/cookies', title: '', versionCount: 1, latest: version({ analysis: null }), statements };

const tab = (over: Partial<TabState>): TabState => ({ tabId: 1, url: 'https://beispiel.de/datenschutz', site: 'beispiel.de', watched: false, watchedSince: null, watchJoined: true, checks: null, policies: [privacy, cookies], storageProblem: null, ...over });
const actions: PopupActions = { onShowOnPage() {}, onMarkReviewed() {}, onWatch() {}, onUnwatch() {}, onOpenHistory() {}, onOpenOptions() {}, onDismissStorageProblem() {} };

const doc = (blocks: string[]): PolicyDocument => ({
  url: 'https://beispiel.de/datenschutz',
  title: 'Datenschutzerklärung',
  language: 'de',
  statedDate: null,
  blocks: [{ kind: 'heading', text: 'Weitergabe', section: [], level: 2 }, ...blocks.map((text) => ({ kind: 'paragraph' as const, text, section: ['Weitergabe'] }))],
  extraction: { method: 'readability', words: 20, notes: [] },
});
const comparison: Comparison = {
  older: { versionId: 'v1', firstSeen: NOW - 90 * DAY, document: doc(['Wir geben Daten an Dienstleister weiter.', 'Alter Absatz.']) },
  newer: { versionId: 'v2', firstSeen: NOW - 40 * DAY, document: doc(['Wir geben Daten an Werbepartner weiter.', 'Wir trainieren unsere KI-Modelle mit Ihren Beiträgen.']) },
  analysis,
};

const history: HistoryView['policies'][number] = {
  policyId: 'p1',
  kind: 'privacy-policy',
  url: 'https://beispiel.de/datenschutz',
  title: '',
  versions: [
    { versionId: 'v1', firstSeen: NOW - 90 * DAY, lastSeen: NOW - 80 * DAY, contentHash: 'a'.repeat(64), statedDate: null, reviewed: false, digest: null, major: 0, extractorVersion: 3, reextractedFrom: 2 },
    { versionId: 'v2', firstSeen: NOW - 40 * DAY, lastSeen: NOW - 2 * DAY, contentHash: 'b'.repeat(64), statedDate: '2026-11-02', reviewed: true, digest: { counts: analysis.counts, findings: [ai, sharing], changed: true }, major: 2, extractorVersion: 3, reextractedFrom: null },
    { versionId: 'v3', firstSeen: EARLIER_TODAY, lastSeen: NOW, contentHash: 'c'.repeat(64), statedDate: null, reviewed: false, digest: { counts: { major: 0, minor: 2, goodNews: 0, cosmetic: 0 }, findings: [], changed: true }, major: 0, extractorVersion: 3, reextractedFrom: 0 },
  ],
};
const chain = (over: Partial<ChainView>): ChainView => ({
  policyId: 'p1',
  ok: true,
  entries: 5,
  head: 'c0ffee00c0ffee00c0ffee00c0ffee00',
  rawKept: 2,
  rawPruned: 1,
  problems: [],
  codes: [],
  versions: [
    { versionId: 'v1', raw: 'none' },
    { versionId: 'v2', raw: 'pruned' },
    { versionId: 'v3', raw: 'kept' },
  ],
  ...over,
});

const watch = (over: Partial<WatchEntry>): WatchEntry => ({
  site: 'beispiel.de',
  policyUrl: 'https://beispiel.de/datenschutz',
  frequencyHours: 24,
  addedAt: NOW - 10 * DAY,
  lastCheck: NOW - HOUR,
  lastChange: NOW - 3 * DAY,
  status: 'up-to-date',
  failure: null,
  failureCode: null,
  movedTo: null,
  failures: 0,
  nextCheck: NOW + DAY,
  checking: null,
  ...over,
});
const watches: WatchEntry[] = [
  watch({}),
  watch({ site: 'zwei.de', status: 'changed', frequencyHours: 48 }),
  watch({ site: 'drei.de', status: 'pending', lastCheck: null, lastChange: null }),
  // The failure's reason comes from the background as written there; a neutral one here.
  watch({ site: 'vier.de', status: 'failed', failure: 'the server answered HTTP 503', failureCode: { code: 'http-error', n: 503 }, failures: 3, movedTo: 'https://anders.de/datenschutz' }),
];
const storage = (extraction: Partial<OptionsView['extraction']>, quarantined: number, setAside = 0): Pick<OptionsView, 'usage' | 'quarantined' | 'setAside' | 'extraction'> => ({
  usage: { bytes: 1_843_200, versions: 12, policies: 3, sites: 2, raw: { captures: 9, bytes: 300_000, pageBytes: 2_000_000, versionsWithRaw: 9 } },
  extraction: { extractorVersion: 3, pending: 0, changedText: 0, sameText: 0, failed: 0, ...extraction },
  quarantined,
  setAside,
});

/** Every component of the three pages, in every state that has words of its own. */
function pages(locale: string): string {
  const ui = explainer(locale).ui;
  const nodes: ReactNode[] = [
    <PopupView now={NOW} key="1" state={tab({})} actions={actions} historyHref="#" status={ui.popup.markedReviewed} />,
    <PopupView now={NOW} key="2" state={tab({ watched: true, watchedSince: NOW - 10 * DAY, watchJoined: false, policies: [{ ...privacy, latest: version({ reviewed: true }) }] })} actions={actions} historyHref="#" />,
    <PopupView now={NOW} key="3" state={tab({ watched: true, watchedSince: NOW - 10 * DAY, watchJoined: false, policies: [{ ...privacy, latest: version({ analysis: { ...analysis, findings: [], counts: { major: 0, minor: 0, goodNews: 0, cosmetic: 1 }, truncated: false } }) }] })} actions={actions} historyHref="#" />,
    // Nothing found, in a policy too long to compare whole.
    <PopupView now={NOW} key="3b" state={tab({ watched: true, watchedSince: NOW - 10 * DAY, watchJoined: false, policies: [{ ...privacy, latest: version({ analysis: { ...analysis, findings: [], counts: { major: 0, minor: 0, goodNews: 0, cosmetic: 0 } } }) }] })} actions={actions} historyHref="#" />,
    <PopupView now={NOW} key="4" state={tab({ policies: [{ ...cookies, kind: 'privacy-policy', latest: version({ analysis: null }) }], watched: true, watchedSince: NOW - 10 * DAY, watchJoined: false })} actions={actions} historyHref="#" />,
    <PopupView now={NOW} key="5" state={tab({ site: 'leer.de', policies: [], watchJoined: false })} actions={actions} historyHref="#" />,
    <PopupView now={NOW} key="6" state={tab({ site: null, policies: [], watchJoined: false })} actions={actions} historyHref="#" />,
    <PopupView now={NOW} key="7b" state={tab({ storageProblem: { kind: 'save-failed', reason: 'quota' } })} actions={actions} historyHref="#" />,
    <LoadState key="7" state={{ status: 'loading' }} failed={ui.loadFailed.settings} />,
    <LoadState key="8" state={{ status: 'error', error: 'Zeitüberschreitung' }} failed={ui.loadFailed.comparison} />,
    <HistoryTimeline now={NOW} key="9" policy={history} selected={['v2']} onToggle={() => {}} chain={chain({})} />,
    <RecordStatus now={NOW} key="10" chain={null} />,
    <RecordStatus now={NOW} key="11" chain={undefined} />,
    <RecordStatus now={NOW} key="12" chain={chain({ ok: false, problems: ['#1', '#2', '#3', '#4', '#5', '#6', '#7'] })} />,
    // Problems as codes: worded in the reader's language (the English sentences beside them are not shown).
    ...[0, 5].map((from) => {
      const codes: ChainView['codes'] = [
        { code: 'other-policy', seq: 1 },
        { code: 'misnumbered', seq: 4, position: 3 },
        { code: 'altered-entry', seq: 2 },
        { code: 'starts-with-link', seq: 0 },
        { code: 'broken-link', seq: 5 },
        { code: 'no-entry', seen: NOW - 3 * DAY },
        { code: 'text-altered', seen: NOW - 40 * DAY },
        { code: 'page-altered', sha: 'c0ffee00c0ff' },
      ].slice(from, from + 5) as ChainView['codes'];
      return <RecordStatus now={NOW} key={`12-${from}`} chain={chain({ ok: false, codes, problems: codes.map(() => 'The English sentence of the background.') })} />;
    }),
    <ComparisonView key="13" comparison={comparison} mode="inline" onModeChange={() => {}} onCopyMarkdown={() => {}} status={ui.comparison.copied} onShowOnPage={() => {}} />,
    <ComparisonView key="14" comparison={comparison} mode="side-by-side" onModeChange={() => {}} onCopyMarkdown={() => {}} status="" />,
    <ComparisonView key="15" comparison={{ ...comparison, analysis: { ...analysis, changes: [] } }} mode="inline" onModeChange={() => {}} onCopyMarkdown={() => {}} status="" />,
    // Two versions with the same text.
    <ComparisonView key="15b" comparison={{ ...comparison, analysis: { ...analysis, findings: [], counts: { major: 0, minor: 0, goodNews: 0, cosmetic: 0 }, changes: [], truncated: false } }} mode="inline" onModeChange={() => {}} onCopyMarkdown={() => {}} status="" />,
    <WatchTable now={NOW} key="16" watches={watches} busySites={['zwei.de']} onCheckNow={() => {}} onRemove={() => {}} onFrequency={() => {}} onWatchInstead={() => {}} />,
    <WatchTable now={NOW} key="17" watches={[]} busySites={[]} onCheckNow={() => {}} onRemove={() => {}} onFrequency={() => {}} onWatchInstead={() => {}} />,
    <AddSiteForm key="18" onDiscover={async () => ({ site: '', candidates: [] })} onConfirm={async () => ''} />,
    <SettingsForm key="19" settings={{ paused: false, autoWatchVisited: true, notifications: false }} disabled={false} onChange={() => {}} />,
    <HistoryTransfer key="20" onExport={() => {}} onImport={() => {}} onExportEvidence={() => {}} message={ui.common.exported('beweis.warc', 3)} busy={false} />,
    <StorageInfo key="21" view={storage({ pending: 4 }, 0)} />,
    <StorageInfo key="22" view={storage({ changedText: 1, sameText: 3, failed: 1 }, 2)} />,
    <StorageInfo key="23" view={storage({}, 1)} />,
    <StorageInfo key="23b" view={storage({}, 0, 1)} />,
    <StorageInfo key="23c" view={storage({}, 0, 3)} />,
  ];
  return renderToString(<WordsProvider locale={locale}>{nodes}</WordsProvider>);
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#x27;': "'", '&nbsp;': '\u00a0' };
const decode = (s: string) => s.replace(/&(?:amp|lt|gt|quot|#x27|nbsp);/g, (e) => ENTITIES[e] ?? e);

/** What a person reads or hears: the text, and the labels, titles and placeholders of elements. */
function readable(html: string): string {
  const attributes = [...html.matchAll(/\s(?:aria-label|title|placeholder|alt)="([^"]*)"/g)].map((m) => m[1]);
  // Blocks and cells end a word; inline tags (strong, ins, code) do not.
  const text = html.replace(/<\/(?:p|li|td|th|h\d|option|button|label|legend|div|blockquote|caption|section|article|header|footer|main|ol|ul)>/g, ' ').replace(/<[^<>]*>/g, '');
  return decode([text, ...attributes].join(' \n ')).replace(/\s+/g, ' ');
}

/** Common English words of the page chrome; none is a German word. */
const ENGLISH = /\b(?:the|and|of|to|your|this|with|from|is|are|been|has|have|not|on|by|for|more|seen|changed|policy|page|pages|check|watch|yet|only|saved|kept|history|settings|loading|could|found|show|mark|reviewed|never|remove|added|removed|moved|copy|summary|record|chain|older|newer|major|minor|nothing|says|now|what)\b/gi;

describe('the pages in German', () => {
  const german = readable(pages('de'));
  const english = readable(pages('en'));

  it('the English detector does find English in the English pages', () => {
    expect((english.match(ENGLISH) ?? []).length).toBeGreaterThan(100);
  });

  it('leaves no English word of ours in the German pages', () => {
    const leaks = [...german.matchAll(ENGLISH)].map((m) => german.slice(Math.max(0, m.index - 40), m.index + 40));
    expect(leaks).toEqual([]);
  });

  it('reads the findings, the page chrome, dates and plurals in German', () => {
    for (const words of [
      // the popup
      'Neu: Ihre Daten dürfen zum Training von KI-Modellen verwendet werden',
      'Erweitert: Weitergabe jetzt auch an Werbetreibende (Zweck: Werbung)',
      'Dieselbe Textstelle wie bei „Erweitert: Weitergabe jetzt auch an Werbetreibende (Zweck: Werbung)“, oben zitiert.',
      'Vorher stand in der Richtlinie:',
      '„Wir nutzen Ihre Beiträge nur für den Dienst.“',
      'und 2 weitere Textstellen dieser Art',
      'Abschnitt: Nutzung Ihrer Daten › Verbesserung',
      'Auf der Seite zeigen',
      'Als geprüft markieren',
      'Geprüfte Änderungen anzeigen',
      'Verlauf',
      'Einstellungen und beobachtete Websites',
      'Nicht beobachtet: Clausewatch prüft diese Richtlinie nur, wenn Sie sie besuchen.',
      'Diese Website beobachten',
      'Nicht mehr beobachten',
      'Was diese Richtlinie jetzt sagt',
      'und 4 weitere dieser Art',
      'Beobachtet seit',
      'Noch keine Datenschutzerklärung auf leer.de gesehen',
      'Clausewatch sieht sich nur gewöhnliche Webseiten an',
      'Weitere Richtlinie',
      '3 Versionen',
      'laut eigener Angabe aktualisiert am 02.11.2026',
      'Diese Richtlinie ist zu lang für einen vollständigen Vergleich',
      'Im Teil, der verglichen werden konnte, gibt es nichts zu prüfen.',
      'Nur Formatierung oder Formulierungen geändert – nichts zu prüfen.',
      // the history page
      'Heute gesehen',
      'Stand: 02.11.2026',
      'Erste Version, die Clausewatch gesehen hat.',
      '2 wichtige Änderungen',
      'Noch nicht geprüft',
      'Versionen von Datenschutzerklärung, neueste zuerst',
      'Aufzeichnung bestätigt',
      ': 5 Einträge in der Hash-Kette, 2 gespeicherte Seiten aufbewahrt, 1 entfernt, um Platz zu schaffen.',
      'Keine gespeicherte Seite (gesehen, bevor Clausewatch Seiten aufbewahrte); Text von Extraktor 3 neu gelesen (vorher 2)',
      'Aufzeichnung nicht bestätigt',
      'und 2 weitere.',
      'Aufzeichnung wird geprüft…',
      'Änderungen zwischen',
      'Zusammenfassung als Markdown kopieren',
      'Nebeneinander',
      'Hinzugefügt',
      'Verschoben',
      'Ältere Version, gesehen am',
      'Keine Unterschiede im Text.',
      'Die beiden Versionen haben denselben Text: Es hat sich nichts geändert.',
      'Der Vergleich konnte nicht geladen werden: ein unerwarteter Fehler (technische Angabe: Zeitüberschreitung)',
      'Wird geladen…',
      // the options page
      'Letzte Prüfung',
      'Prüfhäufigkeit für beispiel.de',
      'Täglich',
      'Alle 48 Stunden',
      'Wird geprüft…',
      'Jetzt prüfen: beispiel.de',
      'beispiel.de entfernen',
      'Fehlgeschlagen: der Server antwortete mit HTTP 503 (3 Versuche in Folge)',
      'Stattdessen anders.de/datenschutz beobachten',
      'Noch nicht geprüft',
      'Noch keine beobachteten Websites.',
      'Website oder Adresse der Richtlinie',
      'example.com oder https://example.com/privacy',
      'Alle Prüfungen pausieren',
      'Mit einer Systembenachrichtigung informieren',
      'beweis.warc exportiert (3 WARC-Einträge)',
      '1,8 MB belegt: 12 Versionen von 3 Richtlinien auf 2 Websites.',
      '4 gespeicherte Seiten werden noch neu gelesen',
      '1 ergab einen anderen Text (jetzt gespeichert), 3 denselben Text, 1 konnte nicht gelesen werden',
      '2 gespeicherte Einträge konnten nicht gelesen werden',
      '1 gespeicherter Eintrag konnte nicht gelesen werden',
      '1 gespeicherte Einstellung oder beobachtete Website konnte nicht gelesen werden',
      '3 gespeicherte Einstellungen oder beobachtete Websites konnten nicht gelesen werden',
    ]) {
      expect(german, words).toContain(words);
    }
  });

  it('keeps the policy’s own words as written, as text', () => {
    const html = pages('de');
    expect(html).toContain('Wir trainieren unsere KI-Modelle mit Ihren Beiträgen.');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
  });
});

describe('the same pages in French and Spanish', () => {
  it.each([
    ['fr', ['Marquer comme lu', 'Paramètres et sites surveillés', 'Ce que dit cette politique aujourd’hui', 'Dossier vérifié', 'Tous les jours']],
    ['es', ['Marcar como revisado', 'Configuración y sitios vigilados', 'Qué dice ahora esta política', 'Registro verificado', 'A diario']],
  ])('%s', (locale, words) => {
    const text = readable(pages(locale));
    for (const w of words) expect(text).toContain(w);
    expect(text).not.toContain('Mark as reviewed');
  });
});

describe('the popup never calls a later version the first one', () => {
  const popup = (versionCount: number) =>
    readable(renderToString(<WordsProvider locale="en"><PopupView now={NOW} state={tab({ policies: [{ ...privacy, versionCount, latest: version({ analysis: null }), statements }] })} actions={actions} historyHref="#" /></WordsProvider>));
  it('a later version with no comparison (imported, or its analysis failed) says so, and where to compare', () => {
    const en = explainer('en').ui.statements;
    expect(popup(3)).toContain(en.notCompared);
    expect(popup(3)).not.toContain(en.firstVersion);
    expect(popup(1)).toContain(en.firstVersion);
  });
});

describe('the popup dates a watch from when it began', () => {
  const line = (over: Partial<TabState>) => {
    const html = renderToString(<WordsProvider locale="en"><PopupView now={NOW} state={tab({ watchJoined: false, policies: [{ ...privacy, latest: version({ analysis: null }) }], ...over })} actions={actions} historyHref="#" /></WordsProvider>);
    return readable(/<p class="muted">(.*?)<\/p>/.exec(html)?.[1] ?? '');
  };
  const { format } = explainer('en');
  it('says "Watching since" the day the site went on the watch list, not the day the policy was first seen', () => {
    // The policy was first seen 90 days ago; the site was put on the watch list 2 days ago.
    const watching = line({ watched: true, watchedSince: NOW - 2 * DAY });
    expect(watching).toContain(`Watching since ${format.day(NOW - 2 * DAY)}`);
    expect(watching).not.toContain(format.day(privacy.firstSeen));
  });
  it('claims no watch for a site not watched', () => {
    const notWatched = line({ watched: false, watchedSince: null });
    expect(notWatched).toContain(`First seen ${format.day(privacy.firstSeen)}`);
    expect(notWatched).not.toContain('Watching since');
  });
});

describe('the history timeline', () => {
  it('gives two versions first seen the same day their times, so their labels differ', () => {
    const sameDay: HistoryView['policies'][number] = { ...history, versions: [history.versions[2]!, { ...history.versions[2]!, versionId: 'v4', firstSeen: EARLIER_TODAY + 60_000 }] };
    const html = renderToString(<WordsProvider locale="en"><HistoryTimeline now={NOW} policy={sameDay} selected={[]} onToggle={() => {}} chain={chain({})} /></WordsProvider>);
    const labels = [...html.matchAll(/<label[^>]*>(.*?)<\/label>/g)].map((m) => readable(m[1] ?? ''));
    expect(labels).toHaveLength(2);
    expect(new Set(labels).size).toBe(2);
    // One version alone on its day keeps the short form.
    const alone = renderToString(<WordsProvider locale="en"><HistoryTimeline now={NOW} policy={history} selected={[]} onToggle={() => {}} chain={chain({})} /></WordsProvider>);
    expect(readable(alone)).toContain('Seen today');
  });

  it('gives two versions first seen in the same minute, or the same second, labels that differ', () => {
    for (const apart of [20_000, 0]) {
      const sameMinute: HistoryView['policies'][number] = { ...history, versions: [history.versions[2]!, { ...history.versions[2]!, versionId: 'v4', firstSeen: history.versions[2]!.firstSeen + apart }] };
      const html = renderToString(<WordsProvider locale="en"><HistoryTimeline now={NOW} policy={sameMinute} selected={[]} onToggle={() => {}} chain={chain({})} /></WordsProvider>);
      const labels = [...html.matchAll(/<label[^>]*>(.*?)<\/label>/g)].map((m) => readable(m[1] ?? ''));
      expect(labels).toHaveLength(2);
      expect(new Set(labels).size).toBe(2);
    }
    // The place is told after the sentence, whose word order is the language's: German puts its verb last.
    const sameSecond: HistoryView['policies'][number] = { ...history, versions: [history.versions[2]!, { ...history.versions[2]!, versionId: 'v4' }] };
    const html = renderToString(<WordsProvider locale="de"><HistoryTimeline now={NOW} policy={sameSecond} selected={[]} onToggle={() => {}} chain={chain({})} /></WordsProvider>);
    const labels = [...html.matchAll(/<label[^>]*>(.*?)<\/label>/g)].map((m) => readable(m[1] ?? ''));
    expect(labels.map((l) => l.replace(/^.* gesehen/, 'gesehen'))).toEqual(['gesehen · Version 2', 'gesehen · Version 1']);
  });
});

describe('the history timeline never leaves a later version without a word', () => {
  // A later version with no analysis (imported after its neighbours, its analysis failed, or its text damaged).
  const unanalysed: HistoryView['policies'][number] = { ...history, versions: history.versions.map((v) => (v.versionId === 'v2' ? { ...v, digest: null, major: 0 } : v)) };
  const cards = (locale: string) => {
    const html = renderToString(<WordsProvider locale={locale}><HistoryTimeline now={NOW} policy={unanalysed} selected={[]} onToggle={() => {}} chain={null} /></WordsProvider>);
    return [...html.matchAll(/<div class="version-details">(.*?)<\/div>/g)].map((m) => readable(m[1] ?? '').trim());
  };
  it.each([
    ['en', 'No comparison with the version before. Pick both to compare them.'],
    ['de', 'Kein Vergleich mit der vorigen Version. Wählen Sie beide aus, um sie zu vergleichen.'],
  ])('%s: says it was not compared with the version before, as the popup does, and not that it is the first', (locale, said) => {
    const { ui } = explainer(locale);
    const [, v2, v1] = cards(locale);
    expect(v2).toBe(said);
    expect(v1).toContain(ui.history.firstVersion);
  });
});

describe('the history timeline says which comparison was made only in part', () => {
  it('on the version whose analysis was truncated, and on no other', () => {
    const { ui } = explainer('en');
    const partly: HistoryView['policies'][number] = { ...history, versions: history.versions.map((v) => (v.versionId === 'v3' ? { ...v, digest: { ...v.digest!, truncated: true } } : v)) };
    const html = renderToString(<WordsProvider locale="en"><HistoryTimeline now={NOW} policy={partly} selected={[]} onToggle={() => {}} chain={null} /></WordsProvider>);
    const cards = [...html.matchAll(/<div class="version-details">(.*?)<\/div>/g)].map((m) => readable(m[1] ?? ''));
    // Newest first: v3, v2, v1.
    expect(cards.map((c) => c.includes(ui.analysis.truncated))).toEqual([true, false, false]);
  });

  it('and, where it found nothing, does not say there was no change', () => {
    const { ui } = explainer('en');
    const nothing = { counts: { major: 0, minor: 0, goodNews: 0, cosmetic: 0 }, findings: [], changed: false };
    const card = (truncated: boolean) => {
      const one: HistoryView['policies'][number] = { ...history, versions: history.versions.map((v) => (v.versionId === 'v3' ? { ...v, digest: { ...nothing, truncated } } : v)) };
      const html = renderToString(<WordsProvider locale="en"><HistoryTimeline now={NOW} policy={one} selected={[]} onToggle={() => {}} chain={null} /></WordsProvider>);
      return readable(/<div class="version-details">(.*?)<\/div>/.exec(html)?.[1] ?? '');
    };
    expect(card(true)).toContain(ui.analysis.nothingFoundInPart);
    expect(card(false)).not.toContain(ui.analysis.nothingFoundInPart);
  });
});

describe('the history timeline asks for a review only where the popup offers one', () => {
  // A later version that only changed formatting: the popup offers no "Mark as reviewed" for it.
  const formatting: HistoryView['policies'][number] = {
    ...history,
    versions: [...history.versions, { ...history.versions[2]!, versionId: 'v4', firstSeen: NOW, contentHash: 'd'.repeat(64), reviewed: false, digest: { counts: { major: 0, minor: 0, goodNews: 0, cosmetic: 3 }, findings: [], changed: true } }],
  };
  const cards = (locale: string) => {
    const html = renderToString(<WordsProvider locale={locale}><HistoryTimeline now={NOW} policy={formatting} selected={[]} onToggle={() => {}} chain={null} /></WordsProvider>);
    return [...html.matchAll(/<li[^>]*>(.*?)<\/li>/g)].map((m) => readable(m[1] ?? ''));
  };
  it.each(['en', 'de'])('%s: a formatting-only version reads neither "reviewed" nor "not reviewed yet"; a change worth reviewing still does', (locale) => {
    const { ui } = explainer(locale);
    const [v4, v3, v2] = cards(locale);
    expect(v4).toContain(explainer(locale).summary(formatting.versions[3]!.digest!));
    expect(v4).not.toContain(ui.history.notReviewed);
    expect(v4).not.toContain(ui.history.reviewed);
    expect(v3).toContain(ui.history.notReviewed);
    expect(v2).toContain(ui.history.reviewed);
  });
});

describe('versions imported from a history file', () => {
  // An import keeps no saved page (the export has none): the record says 'imported', not 'none'.
  const imported: HistoryView['policies'][number] = { ...history, versions: history.versions.map((v) => ({ ...v, extractorVersion: 0, reextractedFrom: null })) };
  const evidence = (locale: string) => {
    const html = renderToString(<WordsProvider locale={locale}><HistoryTimeline now={NOW} policy={imported} selected={[]} onToggle={() => {}} chain={chain({ rawKept: 0, rawPruned: 0, versions: imported.versions.map((v) => ({ versionId: v.versionId, raw: 'imported' as const })) })} /></WordsProvider>);
    return [...html.matchAll(/<p class="muted small version-evidence">(.*?)<\/p>/g)].map((m) => readable(m[1] ?? ''));
  };
  it.each([
    ['en', 'No saved page (imported from a history file; saved pages are not exported)'],
    ['de', 'Keine gespeicherte Seite (aus einer Verlaufsdatei importiert; gespeicherte Seiten werden nicht exportiert)'],
  ])('%s: says the page stayed behind, not that the version was seen before Clausewatch kept pages', (locale, said) => {
    const { ui } = explainer(locale);
    expect(evidence(locale)).toEqual([said, said, said]);
    expect(evidence(locale).join()).not.toContain(ui.record.pageNone);
  });
  it.each([
    ['en', 'the saved pages are not in it'],
    ['de', 'die gespeicherten Seiten sind nicht darin enthalten'],
    ['fr', 'les pages enregistrées n’y figurent pas'],
    ['es', 'las páginas guardadas no se incluyen'],
  ])('%s: the options page says before an export that its file holds no saved pages', (locale, said) => {
    const html = renderToString(<WordsProvider locale={locale}><HistoryTransfer onExport={() => {}} onImport={() => {}} onExportEvidence={() => {}} message="" busy={false} /></WordsProvider>);
    expect(readable(html)).toContain(said);
  });
});

describe('a history with many versions', () => {
  it('words each version’s date once, not once for every other version too', () => {
    // A policy checked daily for three years: 1,000 versions. The page renders every timeline again on
    // each pick of a checkbox, so the work of a render must grow with the versions, not with their square.
    const versions = Array.from({ length: 1_000 }, (_, i) => ({ ...history.versions[2]!, versionId: `v${i}`, firstSeen: NOW - (1_000 - i) * DAY }));
    const many: HistoryView['policies'][number] = { ...history, versions };
    const when = vi.spyOn(explainer('en').format, 'when');
    const whenTime = vi.spyOn(explainer('en').format, 'whenTime');
    try {
      const html = renderToString(<WordsProvider locale="en"><HistoryTimeline now={NOW} policy={many} selected={[]} onToggle={() => {}} chain={null} /></WordsProvider>);
      expect(html.match(/<label/g)).toHaveLength(1_000);
      expect(when.mock.calls.length).toBeLessThanOrEqual(1_000);
      // No two share a day, so none needs its time.
      expect(whenTime).not.toHaveBeenCalled();
    } finally {
      when.mockRestore();
      whenTime.mockRestore();
    }
  });
});

describe('the history timeline keeps the preposition before a date with its time (two versions seen the same day)', () => {
  const sameDay: HistoryView['policies'][number] = { ...history, versions: [history.versions[2]!, { ...history.versions[2]!, versionId: 'v4', firstSeen: EARLIER_TODAY + 60_000 }] };
  it.each([
    ['en', /^Seen on \d/],
    ['de', /^Am \d.* gesehen$/],
    ['fr', /^Vue le \d/],
    ['es', /^Vista el \d/],
  ])('%s', (locale, label) => {
    const html = renderToString(<WordsProvider locale={locale}><HistoryTimeline now={NOW} policy={sameDay} selected={[]} onToggle={() => {}} chain={chain({})} /></WordsProvider>);
    const labels = [...html.matchAll(/<label[^>]*>(.*?)<\/label>/g)].map((m) => readable(m[1] ?? '').trim());
    expect(labels).toHaveLength(2);
    for (const l of labels) expect(l).toMatch(label);
  });
});

describe('the popup’s storage-full alert', () => {
  const alert = (locale: string) => {
    const html = renderToString(<WordsProvider locale={locale}><PopupView now={NOW} state={tab({ storageProblem: { kind: 'save-failed', reason: 'quota' } })} actions={actions} historyHref="#" /></WordsProvider>);
    return readable(/<div class="alert" role="alert"><p>(.*?)<\/p>/.exec(html)?.[1] ?? '');
  };
  it.each([
    ['en', /Free some disk space/, /remove older versions|options page/i],
    ['de', /Geben Sie Speicherplatz auf dem Datenträger frei/, /entfernen Sie ältere Versionen/],
    ['fr', /Libérez de l’espace disque/, /supprimez d’anciennes versions|dans les options/],
    ['es', /Libere espacio en el disco/, /elimine versiones antiguas|página de opciones/],
  ])('%s: asks for disk space, says Clausewatch tries again, points to no removal', (locale, asks, never) => {
    // The extension has no message that removes a version: the alert must not send anyone looking for one.
    expect(Object.keys(Protocol).filter((k) => /delete|remove|prune|forget/i.test(k) && !/unwatch/i.test(k))).toEqual([]);
    const text = alert(locale);
    expect(text).toMatch(asks);
    expect(text).toMatch(/try again|versucht es erneut|réessaiera|volverá a intentarlo/);
    expect(text).not.toMatch(never);
  });
});

describe('the popup’s storage-full alert after space was freed in vain', () => {
  it('says the save failed and what was removed on the way', () => {
    const { ui } = explainer('en');
    const html = renderToString(<WordsProvider locale="en"><PopupView now={NOW} state={tab({ storageProblem: { kind: 'save-failed', reason: 'quota', removedRaw: 2, removedVersions: 1 } })} actions={actions} historyHref="#" /></WordsProvider>);
    const text = readable(/<div class="alert" role="alert"><p>(.*?)<\/p>/.exec(html)?.[1] ?? '');
    expect(text).toContain(ui.storage.saveFailed('quota'));
    expect(text).toContain(ui.storage.pruned({ removedRaw: 2, removedVersions: 1 }));
    // Without anything removed, the failure alone.
    const alone = renderToString(<WordsProvider locale="en"><PopupView now={NOW} state={tab({ storageProblem: { kind: 'save-failed', reason: 'quota' } })} actions={actions} historyHref="#" /></WordsProvider>);
    expect(readable(/<div class="alert" role="alert"><p>(.*?)<\/p>/.exec(alone)?.[1] ?? '')).toBe(ui.storage.saveFailed('quota'));
  });
});

describe('a check that found a page that no longer looks like a policy', () => {
  // What a background check gets when the watched address now serves a sign-in page: the detector's
  // verdict, whose reasons are its own English ("score …; URL names privacy").
  const { window } = new JSDOM('<html><head><title>Anmelden</title></head><body><h1>Willkommen zurück</h1><p>Geben Sie Ihre E-Mail-Adresse ein, um fortzufahren.</p></body></html>');
  const verdict = assessDetection(detectPolicy(window.document, 'https://beispiel.de/datenschutz'));
  if (verdict.ok) throw new Error('a sign-in page passed for a policy');
  const failed = watch({ status: 'failed', failure: verdict.reason, failureCode: verdict.failure });
  const status = (locale: string) => {
    const html = renderToString(<WordsProvider locale={locale}><WatchTable now={NOW} watches={[failed]} busySites={[]} onCheckNow={() => {}} onRemove={() => {}} onFrequency={() => {}} onWatchInstead={() => {}} /></WordsProvider>);
    return readable(/<td class="status-cell">(.*?)<\/td>/s.exec(html)?.[1] ?? '').trim();
  };

  it.each([
    ['en', 'Failed: the page no longer looks like a privacy policy'],
    ['de', 'Fehlgeschlagen: die Seite sieht nicht mehr wie eine Datenschutzerklärung aus'],
    ['fr', 'Échec : la page ne ressemble plus à une politique de confidentialité'],
    ['es', 'Error: la página ya no parece una política de privacidad'],
  ])('%s: says so in the reader’s language alone, without the detector’s English', (locale, want) => {
    expect(status(locale)).toBe(want);
  });

  it('keeps the detector’s reasons in the English sentence kept for diagnostics', () => {
    expect(verdict.failure.detail).toBeTruthy();
    expect(failed.failure).toContain(verdict.failure.detail);
  });
});

describe('the popup on a watched site whose checks do not run as they should', () => {
  const en = explainer('en').ui;
  const render = (over: Partial<TabState>) => renderToString(<WordsProvider locale="en"><PopupView now={NOW} state={tab({ watched: true, watchedSince: NOW - 10 * DAY, watchJoined: false, ...over })} actions={actions} historyHref="#" /></WordsProvider>);
  const text = (html: string) => html.replace(/<[a-z/][^<>]*>/g, '').replaceAll('&#x27;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&');

  it('says the checks are paused, and the card of a site just joined does not promise a daily check', () => {
    expect(text(render({ checks: { paused: true, failed: null } }))).toContain(en.popup.checksPaused);
    const joined = text(render({ watchJoined: true, checks: { paused: true, failed: null } }));
    expect(joined).toContain(en.popup.watchJoinedPaused);
    expect(joined).not.toContain(en.popup.watchJoined);
    expect(text(render({ watchJoined: true, checks: { paused: false, failed: null } }))).toContain(en.popup.watchJoined);
  });

  it('says the last check failed, how many times in a row, and where to read why', () => {
    expect(text(render({ checks: { paused: false, failed: { attempts: 3 } } }))).toContain('The last background check of this policy failed (3 attempts in a row). The settings page says why, and what you can do.');
    expect(text(render({ checks: { paused: false, failed: { attempts: 1 } } }))).toContain('The last background check of this policy failed. The settings page');
  });

  it('says nothing of checks that run', () => {
    const html = text(render({ checks: { paused: false, failed: null } }));
    expect(html).not.toContain(en.popup.checksPaused);
    expect(html).not.toContain('background check of this policy failed');
  });
});

describe('the watch table', () => {
  it('keeps every running check busy, not only the last one started', () => {
    const html = renderToString(<WordsProvider locale="en"><WatchTable now={NOW} watches={watches} busySites={watches.slice(0, 2).map((w) => w.site)} onCheckNow={() => {}} onRemove={() => {}} onFrequency={() => {}} onWatchInstead={() => {}} /></WordsProvider>);
    const busy = [...html.matchAll(/<button[^>]*aria-disabled="true"[^>]*>([^<]*)<\/button>/g)].map((m) => m[1]);
    expect(busy.filter((t) => t === explainer('en').ui.options.checking)).toHaveLength(2);
  });

  it('keeps a busy control focusable: marked busy for assistive technology, not disabled, which drops the keyboard focus to the page', () => {
    const checking = renderToString(<WordsProvider locale="en"><WatchTable now={NOW} watches={watches} busySites={[watches[0]!.site]} onCheckNow={() => {}} onRemove={() => {}} onFrequency={() => {}} onWatchInstead={() => {}} /></WordsProvider>);
    const settings = renderToString(<WordsProvider locale="en"><SettingsForm settings={{ paused: false, autoWatchVisited: false, notifications: false }} disabled onChange={() => {}} /></WordsProvider>);
    const transfer = renderToString(<WordsProvider locale="en"><HistoryTransfer busy message="" onExport={() => {}} onImport={() => {}} onExportEvidence={() => {}} /></WordsProvider>);
    const find = renderToString(<WordsProvider locale="en"><AddSiteForm onDiscover={() => Promise.reject(new Error('unused'))} onConfirm={() => Promise.reject(new Error('unused'))} /></WordsProvider>);
    const popup = renderToString(<WordsProvider locale="en"><PopupView busy now={NOW} state={tab({})} actions={actions} historyHref="#" /></WordsProvider>);
    const notWatched = renderToString(<WordsProvider locale="en"><PopupView busy now={NOW} state={tab({ watched: false, watchJoined: false })} actions={actions} historyHref="#" /></WordsProvider>);
    expect(popup).toContain(explainer('en').ui.popup.markReviewed);
    expect(notWatched).toContain(explainer('en').ui.popup.watchSite);
    for (const html of [checking, settings, transfer, find, popup, notWatched]) {
      expect(html).toContain('aria-disabled="true"');
      expect(html).not.toMatch(/\sdisabled=""/);
    }
  });
});

describe('the policy’s own words, quoted on a page in the reader’s language', () => {
  /**
   * The language a screen reader reads each occurrence of `text` in, and its direction: those of the nearest
   * element that sets them ('page' when none does: the page's, the reader's language, left to right; '' for a
   * language said to be unknown).
   */
  function readIn(html: string, text: string): Array<{ lang: string; dir: string }> {
    const { document } = new JSDOM(`<body>${html}</body>`).window;
    const walker = document.createTreeWalker(document.body, 4 /* NodeFilter.SHOW_TEXT */);
    const found: Array<{ lang: string; dir: string }> = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent?.includes(text)) continue;
      const at = node.parentElement!;
      found.push({ lang: at.closest('[lang]')?.getAttribute('lang') ?? 'page', dir: at.closest('[dir]')?.getAttribute('dir') ?? '' });
    }
    expect(found.length, text).toBeGreaterThan(0);
    return found;
  }
  const GERMAN = { lang: 'de', dir: 'auto' };
  const PAGE = { lang: 'page', dir: '' };
  const UNKNOWN = { lang: '', dir: 'auto' };
  const en = explainer('en').ui;
  const compared = (c: Comparison, mode: 'inline' | 'side-by-side') =>
    renderToString(<WordsProvider locale="en"><ComparisonView comparison={c} mode={mode} onModeChange={() => {}} onCopyMarkdown={() => {}} status="" onShowOnPage={() => {}} /></WordsProvider>);

  it('the popup reads a German policy’s quotes in German, and its own words in the reader’s language', () => {
    const html = renderToString(<WordsProvider locale="en"><PopupView now={NOW} state={tab({})} actions={actions} historyHref="#" /></WordsProvider>);
    // A finding's evidence, the older version's sentence beside it, and what the policy says now (first-visit card).
    for (const quote of ['Wir trainieren unsere KI-Modelle mit Ihren Beiträgen.', 'Wir nutzen Ihre Beiträge nur für den Dienst.', 'Werbepartner A', 'Wir verkaufen Ihre Daten nicht.', 'Wir speichern Daten 1 Jahre.']) {
      for (const read of readIn(html, quote)) expect(read, quote).toEqual(GERMAN);
    }
    for (const ours of [en.analysis.before, en.analysis.showOnPage, en.statements.heading, explainer('en').headline(ai)]) {
      for (const read of readIn(html, ours)) expect(read, ours).toEqual(PAGE);
    }
    // A section's path is the policy's own headings (a finding's, a first-visit statement's); "Section:" before it is ours.
    for (const path of ['Nutzung Ihrer Daten › Verbesserung', 'Weitergabe']) for (const read of readIn(html, path)) expect(read, path).toEqual(GERMAN);
    for (const read of readIn(html, en.analysis.section('').trim())) expect(read).toEqual(PAGE);
  });

  it('the popup marks a change’s quotes as of no one language when the version it is compared with was in another', () => {
    const switched: PolicyView = { ...privacy, olderLanguage: 'en' };
    const html = renderToString(<WordsProvider locale="en"><PopupView now={NOW} state={tab({ policies: [switched] })} actions={actions} historyHref="#" /></WordsProvider>);
    // The finding's evidence and the older version's sentence beside it, as on the history page.
    for (const quote of ['Wir trainieren unsere KI-Modelle mit Ihren Beiträgen.', 'Wir nutzen Ihre Beiträge nur für den Dienst.']) {
      expect(readIn(html, quote).length, quote).toBeGreaterThan(0);
      for (const read of readIn(html, quote)) expect(read, quote).toEqual(UNKNOWN);
    }
    // What the policy says now is the latest version's alone: still German.
    const firstVisit = renderToString(<WordsProvider locale="en"><PopupView now={NOW} state={tab({ policies: [{ ...cookies, olderLanguage: 'en' }] })} actions={actions} historyHref="#" /></WordsProvider>);
    for (const read of readIn(firstVisit, 'Wir verkaufen Ihre Daten nicht.')) expect(read).toEqual(GERMAN);
  });

  it.each(['en', 'de', 'fr', 'es'])('%s: the words around a section path give it one place, where its language is marked', (locale) => {
    expect(explainer(locale).ui.analysis.section('\u0000').split('\u0000')).toHaveLength(2);
  });

  it.each(['inline', 'side-by-side'] as const)('the history page reads both versions’ text in their language (%s), its marks and headings in the reader’s', (mode) => {
    const html = compared(comparison, mode);
    // The compared text, and the section each change is in.
    for (const quote of ['Wir trainieren unsere KI-Modelle mit Ihren Beiträgen.', 'Alter Absatz.', 'Werbepartner', 'Weitergabe']) {
      for (const read of readIn(html, quote)) expect(read, quote).toEqual(GERMAN);
    }
    for (const ours of [en.comparison.changeType.added, en.comparison.whatChanged, en.comparison.theText]) {
      for (const read of readIn(html, ours)) expect(read, ours).toEqual(PAGE);
    }
  });

  it('gives each version its own language side by side, and the quotes of both only a language both share', () => {
    // The policy at this address switched from English to German (the words here are German; the label is what counts).
    const switched: Comparison = { ...comparison, older: { ...comparison.older, document: { ...comparison.older.document, language: 'en' } } };
    const columns = compared(switched, 'side-by-side');
    expect(readIn(columns, 'Alter Absatz.')).toEqual([{ lang: 'en', dir: 'auto' }]);
    // Quoted by a finding (from both versions), then the newer column.
    expect(readIn(columns, 'Wir trainieren unsere KI-Modelle mit Ihren Beiträgen.')).toEqual([UNKNOWN, GERMAN]);
    for (const read of readIn(compared(switched, 'inline'), 'Alter Absatz.')) expect(read).toEqual(UNKNOWN);
  });

  it('says the language of a policy whose language is not known is unknown (not the reader’s), and still lets its text run its own way', () => {
    const unknown: Comparison = { ...comparison, older: { ...comparison.older, document: { ...comparison.older.document, language: 'und' } }, newer: { ...comparison.newer, document: { ...comparison.newer.document, language: 'und' } } };
    const popup = renderToString(<WordsProvider locale="en"><PopupView now={NOW} state={tab({ policies: [{ ...privacy, language: 'und' }] })} actions={actions} historyHref="#" /></WordsProvider>);
    for (const html of [popup, compared(unknown, 'inline'), compared(unknown, 'side-by-side')]) {
      expect(html).not.toMatch(/\slang="[^"]/);
      for (const read of readIn(html, 'Wir trainieren unsere KI-Modelle mit Ihren Beiträgen.')) expect(read).toEqual(UNKNOWN);
    }
  });
});

describe('the popup’s "Show on page" buttons', () => {
  // The same finding in a second section: the same headline, told apart by its section only.
  const research: Finding = { ...ai, id: 'ai-research', section: ['Forschung'], evidence: [{ ...ai.evidence[0]!, sentence: 'Wir trainieren KI mit Ihren Fotos.', spans: [{ op: 'insert', text: 'Wir trainieren KI mit Ihren Fotos.' }] }] };
  const withResearch: PolicyView = { ...privacy, latest: version({ analysis: { ...analysis, findings: [ai, research, sharing, advertising] } }) };

  /** Each button's accessible name, as a screen reader lists the buttons: from aria-labelledby, else its text. */
  function buttonNames(html: string, shown: string): string[] {
    const { document } = new JSDOM(`<body>${html}</body>`).window;
    const textOf = (id: string) => {
      const named = document.getElementById(id);
      // A name made of an id that names nothing would read short, and no less alike.
      if (!named) throw new Error(`aria-labelledby names a missing element: ${id}`);
      return named.textContent ?? '';
    };
    return [...document.querySelectorAll('button')]
      .filter((b) => b.textContent === shown)
      .map((b) => (b.getAttribute('aria-labelledby')?.split(' ').map(textOf).join(' ') ?? b.getAttribute('aria-label') ?? b.textContent ?? '').replace(/[ \t\n]+/g, ' ').trim());
  }

  it.each(['en', 'de', 'fr', 'es'])('%s: each names the finding it shows, so that no two read the same', (locale) => {
    const words = explainer(locale);
    const html = renderToString(<WordsProvider locale={locale}><PopupView now={NOW} state={tab({ policies: [withResearch] })} actions={actions} historyHref="#" /></WordsProvider>);
    const names = buttonNames(html, words.ui.analysis.showOnPage);
    expect(names).toHaveLength(4);
    expect(new Set(names).size).toBe(4);
    [ai, research, sharing, advertising].forEach((finding, i) => {
      // The words shown first (what a voice command says), then the card's headline and section.
      expect(names[i]).toBe([words.ui.analysis.showOnPage, words.headline(finding), words.ui.analysis.section(sectionPath(finding.section))].join(' '));
    });
  });

  it('names the policy too where the popup shows two, each with a finding of the same headline and no section', () => {
    const words = explainer('en');
    const unplaced: Finding = { ...ai, section: [] };
    const withFinding = (policy: PolicyView): PolicyView => ({ ...policy, latest: version({ analysis: { ...analysis, findings: [unplaced] } }) });
    const cookiePolicy = { ...withFinding(cookies), title: 'Cookie-Richtlinie' };
    const html = renderToString(<WordsProvider locale="en"><PopupView now={NOW} state={tab({ policies: [withFinding(privacy), cookiePolicy] })} actions={actions} historyHref="#" /></WordsProvider>);
    const names = buttonNames(html, words.ui.analysis.showOnPage);
    expect(names).toEqual([
      [words.ui.analysis.showOnPage, words.headline(unplaced), words.ui.common.privacyPolicy, privacy.title].join(' '),
      [words.ui.analysis.showOnPage, words.headline(unplaced), words.ui.common.relatedPolicy, 'Cookie-Richtlinie'].join(' '),
    ]);
    // Two policies of one title are told apart by their kind; a policy without a title is named by its kind alone.
    const sameTitle = renderToString(<WordsProvider locale="en"><PopupView now={NOW} state={tab({ policies: [withFinding(privacy), { ...cookiePolicy, title: privacy.title }] })} actions={actions} historyHref="#" /></WordsProvider>);
    expect(new Set(buttonNames(sameTitle, words.ui.analysis.showOnPage)).size).toBe(2);
    const untitled = renderToString(<WordsProvider locale="en"><PopupView now={NOW} state={tab({ policies: [withFinding(privacy), { ...cookiePolicy, title: '' }] })} actions={actions} historyHref="#" /></WordsProvider>);
    expect(buttonNames(untitled, words.ui.analysis.showOnPage)[1]).toBe([words.ui.analysis.showOnPage, words.headline(unplaced), words.ui.common.relatedPolicy].join(' '));
    // Two policies of one kind and one title (or none) are told apart by their addresses, which their headings add.
    for (const title of ['Rechtliches', '']) {
      const terms = { ...cookiePolicy, policyId: 'p3', url: 'https://beispiel.de/agb', title };
      const twins = renderToString(<WordsProvider locale="en"><PopupView now={NOW} state={tab({ policies: [{ ...cookiePolicy, title }, terms] })} actions={actions} historyHref="#" /></WordsProvider>);
      const named = buttonNames(twins, words.ui.analysis.showOnPage);
      expect(named).toHaveLength(2);
      expect(named[0]).toContain('(beispiel.de/cookies)');
      expect(named[1]).toContain('(beispiel.de/agb)');
    }
    // With one policy shown, its name is not repeated on each button.
    const alone = renderToString(<WordsProvider locale="en"><PopupView now={NOW} state={tab({ policies: [withFinding(privacy)] })} actions={actions} historyHref="#" /></WordsProvider>);
    expect(buttonNames(alone, words.ui.analysis.showOnPage)).toEqual([[words.ui.analysis.showOnPage, words.headline(unplaced)].join(' ')]);
  });
});

describe('the notice of what was removed to make room', () => {
  it('can be closed once read, in the reader’s language (a failed save’s notice cannot: it goes when saving works again)', () => {
    const dismissed: number[] = [];
    const withDismiss: PopupActions = { ...actions, onDismissStorageProblem: () => dismissed.push(1) };
    const pruned = renderToString(<WordsProvider locale="de"><PopupView now={NOW} state={tab({ storageProblem: { kind: 'pruned', removedRaw: 1, removedVersions: 0, removedUnreviewed: 1 } })} actions={withDismiss} historyHref="#" /></WordsProvider>);
    expect(/<div class="alert" role="alert"><p>.*?<\/p><button type="button">Ausblenden<\/button><\/div>/.test(pruned)).toBe(true);
    const failed = renderToString(<WordsProvider locale="de"><PopupView now={NOW} state={tab({ storageProblem: { kind: 'save-failed', reason: 'quota' } })} actions={withDismiss} historyHref="#" /></WordsProvider>);
    expect(/<div class="alert" role="alert"><p>.*?<\/p><\/div>/.test(failed)).toBe(true);
    expect(failed).not.toContain('Ausblenden');
  });
});
