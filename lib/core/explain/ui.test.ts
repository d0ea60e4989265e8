/**
 * Every word of the extension's pages exists in every language, is not empty, and is not English left in
 * place: each language's `ui` is walked key by key against English, every phrase with holes is called
 * with sample values (several numbers, so each plural form is written), and only the words listed in
 * SAME_AS_ENGLISH may read as the English ones do. The compiler already refuses a missing key; this
 * catches an empty one, a copied one, and a template that prints "undefined".
 */
import { describe, expect, it } from 'vitest';
import { explainer, LANGUAGES } from './index';
import { en } from './en';
import { USER_ERROR_CODES } from '../user-error';

/** Sample arguments for every phrase with holes, by its path. A new phrase needs a line here. */
const SAMPLES: Record<string, unknown[][]> = {
  'time.on': [['2026-11-02']],
  'common.versions': [[0], [1], [2], [5], [1_000_000]],
  'common.quote': [['We sell data.']],
  'common.somethingWentWrong': [['timeout']],
  'common.exported': [['evidence.warc', 1], ['evidence.warc', 12]],
  'common.exportFailed': [['timeout']],
  'loadFailed.tabPolicy': [['timeout']],
  'loadFailed.settings': [['timeout']],
  'loadFailed.history': [['example.com', 'timeout']],
  'loadFailed.comparison': [['timeout']],
  'popup.noPolicySeen': [['example.com'], [null]],
  'popup.changed': [['2026-11-02']],
  'popup.watchingSince': [['2026-11-02', 1], ['2026-11-02', 3]],
  'popup.firstSeen': [['2026-11-02', 1], ['2026-11-02', 3]],
  'popup.latestSeen': [['2026-11-02']],
  'popup.statedUpdate': [['2026-11-02']],
  'popup.watching': [['example.com']],
  'popup.checkFailed': [[1], [3]],
  'popup.stoppedWatching': [['example.com']],
  'analysis.morePassages': [[1], [2], [1_000_000]],
  'analysis.section': [['Sharing › Partners']],
  'statements.moreLikeThis': [[1], [4]],
  'comparison.heading': [['2026-01-05', '2026-03-01']],
  'comparison.headingStated': [['2025-04-09', '2026-11-02']],
  'comparison.headingSameMoment': [['5 Dec 2026, 09:30']],
  'comparison.couldNotCopy': [['denied']],
  'comparison.older': [['2026-01-05']],
  'comparison.newer': [['2026-03-01']],
  'history.titleOf': [['example.com']],
  'history.documentTitle': [['example.com']],
  'history.evidenceNote': [['example.com']],
  'history.noPolicy': [['example.com']],
  'history.timelineLabel': [['Privacy Policy']],
  'history.seen': [['2026-11-02']],
  'history.versionNumber': [[2], [12]],
  'history.dated': [['2026-11-02']],
  'history.majorChanges': [[1], [2]],
  'history.versionGone': [[true], [false]],
  'record.pages': [[1, 0], [3, 2]],
  'record.verifiesDetail': [[1, 'P'], [5, 'P']],
  'record.doesNotVerifyDetail': [['P']],
  'record.andMore': [[3]],
  'record.problem': [
    [{ code: 'other-policy', seq: 1 }, ''],
    [{ code: 'misnumbered', seq: 4, position: 3 }, ''],
    [{ code: 'altered-entry', seq: 2 }, ''],
    [{ code: 'starts-with-link', seq: 0 }, ''],
    [{ code: 'broken-link', seq: 5 }, ''],
    [{ code: 'no-entry', seen: 0 }, 'D'],
    [{ code: 'text-altered', seen: 0 }, 'D'],
    [{ code: 'page-altered', sha: 'c0ffee00c0ff' }, ''],
  ],
  'record.reread': [[3, 2], [3, 0]],
  'record.versionEvidence': [['A', 'B'], ['A', null], [null, 'B']],
  'options.frequency': [[12], [24], [72], [168], [336], [720], [1], [48]],
  'options.failureReason': [['HTTP 404']],
  'options.attempts': [[2], [5]],
  'options.watchInstead': [['example.org/privacy']],
  'options.frequencyFor': [['example.com']],
  'options.checkNowFor': [['example.com']],
  'options.removeSite': [['example.com']],
  'options.checkResult': [
    ['example.com', 'unchanged', null],
    ['example.com', 'changed', null],
    ['example.com', 'formatting', null],
    ['example.com', 'first', null],
    ['example.com', 'failed', 'HTTP 404'],
  ],
  'options.checkFailed': [['example.com', 'timeout']],
  'options.stoppedWatching': [['example.com']],
  'options.couldNotRemove': [['example.com', 'timeout']],
  'options.nowWatching': [['example.com']],
  'options.couldNotWatch': [['example.com', null], ['example.com', 'timeout']],
  'options.couldNotSetFrequency': [['example.com', 'timeout']],
  'options.noneFound': [['example.com']],
  'options.found': [[1, 'example.com'], [3, 'example.com']],
  'options.lookupFailed': [['timeout']],
  'options.watchFailed': [['timeout']],
  'options.whichPage': [['example.com']],
  'options.couldNotSave': [['timeout']],
  'options.importing': [['history.json']],
  'options.importFailed': [['not JSON']],
  'options.importRefused': [
    [{ kind: 'not-ours' }],
    [{ kind: 'damaged', detail: 'sites.0.site: Required' }],
    [{ kind: 'bad-site', site: 'example.com/evil' }],
    [{ kind: 'checksum', version: 1200, policy: 'example.com/privacy' }],
    [{ kind: 'outside', site: 'example.com', address: 'https://bank.example' }],
    [{ kind: 'future', policy: 'example.com/privacy', seen: '2090-01-01' }],
    [{ kind: 'too-large', unit: 'characters', limit: 1_000_000_000 }],
    [{ kind: 'too-large', unit: 'paragraphs', limit: 10_000_000 }],
    [{ kind: 'too-large', unit: 'characters', limit: 48_000_000, policy: 'example.com/privacy' }],
    [{ kind: 'store-closed' }],
  ],
  'options.imported': [[1, 0], [3, 2]],
  'options.importLeftOut': [
    [{ kind: 'site-limit', limit: 200, policies: 1, versions: 1, site: 'example.com', sites: 1 }],
    [{ kind: 'site-limit', limit: 200, policies: 5, versions: 12, site: 'example.com', sites: 2 }],
    [{ kind: 'site-limit', limit: 200, policies: 7, versions: 7, site: 'example.com', sites: 3 }],
  ],
  'options.used': [['1.5 MB', 1, 1, 1], ['1.5 MB', 12, 3, 2]],
  'options.savedPages': [[1, '1 KB', '2 KB', 1, 1], [4, '1 KB', '2 KB', 3, 5]],
  'options.reextractPending': [[3, 1], [3, 20]],
  'options.reextractDone': [[3, 1, 0, 0], [3, 2, 5, 1]],
  'options.extractor': [[3]],
  'options.quarantined': [[1], [2]],
  'options.setAside': [[1], [2]],
  discoveryWhy: [[{ code: 'entered' }], [{ code: 'rel' }], [{ code: 'label', detail: 'Privacy' }], [{ code: 'path', detail: '/legal/privacy' }], [{ code: 'usual' }]],
  failure: [
    [{ code: 'http-error', n: 404 }],
    [{ code: 'http-status', n: 204 }],
    [{ code: 'not-html', detail: 'application/pdf' }],
    [{ code: 'invalid-url' }],
    [{ code: 'login-redirect', detail: 'example.com/login' }],
    [{ code: 'consent-redirect', detail: 'consent.example.com/' }],
    [{ code: 'captcha' }],
    [{ code: 'login-form' }],
    [{ code: 'not-a-policy', detail: 'score 0.00 (threshold 2.5)' }],
    [{ code: 'not-a-policy' }],
    [{ code: 'scheme', detail: 'ftp' }],
    [{ code: 'credentials' }],
    [{ code: 'downgrade', detail: 'http://example.com/privacy' }],
    [{ code: 'local', detail: '192.168.1.1', direct: true }],
    [{ code: 'local', detail: '192.168.1.1' }],
    [{ code: 'other-site', detail: 'https://example.net/privacy' }],
    [{ code: 'moved-same-site', detail: 'https://example.com/legal/privacy' }],
    [{ code: 'hidden-redirect' }],
    [{ code: 'redirect-loop' }],
    [{ code: 'bad-redirect' }],
    [{ code: 'too-many-redirects', n: 5 }],
    [{ code: 'too-large', n: 8_000_000, m: 12_500_000 }],
    [{ code: 'too-large', n: 8_000_000 }],
    [{ code: 'attributes-in-tag', n: 5_000, m: 1_000 }],
    [{ code: 'attributes', n: 250_000, m: 100_000 }],
    [{ code: 'too-nested' }],
    [{ code: 'too-many-changes', n: 20 }],
    [{ code: 'too-many-policies', n: 200 }],
    [{ code: 'timeout' }],
    [{ code: 'unfinished' }],
    [{ code: 'network', detail: 'ECONNREFUSED' }],
    [{ code: 'error', detail: 'The store could not be opened' }],
  ],
  'storage.saveFailed': [['quota']],
  userError: USER_ERROR_CODES.map((code) => [{ code, value: code === 'not-an-address' ? 'not a site' : code === 'not-watched' ? 'example.com' : '8000000' }]),
  unexpectedError: [['No answer to "exportHistory"'], ['']],
  'storage.pruned': [
    [{ removedRaw: 1, removedVersions: 0 }],
    [{ removedRaw: 0, removedVersions: 1 }],
    [{ removedRaw: 3, removedVersions: 4 }],
    [{ removedRaw: 3, removedVersions: 4, removedUnreviewed: 2 }],
    [{ removedRaw: 0, removedVersions: 1, removedUnreviewed: 1 }],
  ],
  'markdown.compared': [['2026-01-05', '2026-03-01']],
  'badge.changed': [['example.com', 1], ['example.com', 3]],
  'badge.line': [['x']],
  'badge.more': [[2]],
  'badge.goodNews': [['example.com']],
  'badge.elsewhere': [[1, ['example.com'], false], [5, ['a.com', 'b.com', 'c.com'], false], [10, ['a.com', 'b.com', 'c.com'], true]],
  'badge.nothing': [['example.com']],
  'notification.title': [['example.com']],
};

/** Words that read the same as in English, on purpose. The test also checks each one still does. */
const SAME_AS_ENGLISH: Record<string, readonly string[]> = {
  // A separator, and a bullet around text passed in.
  all: ['common.separator', 'badge.line'],
  de: ['time.byteUnits', 'options.column.status', 'options.failureReason', 'record.doesNotVerifyDetail', 'record.versionEvidence'],
  fr: ['options.column.site', 'options.column.actions', 'history.versionNumber'],
  es: ['time.byteUnits', 'options.failureReason', 'record.doesNotVerifyDetail', 'record.versionEvidence'],
};

type Tree = { [key: string]: unknown };
type Leaf = { path: string; values: string[] };

/** Every word of a `ui` object as text: strings as they are, phrases called with each sample. */
function leaves(tree: Tree, prefix = ''): Leaf[] {
  const out: Leaf[] = [];
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.push({ path, values: [value] });
    else if (Array.isArray(value)) out.push({ path, values: value.map(String) });
    else if (typeof value === 'function') {
      const samples = SAMPLES[path];
      if (!samples) throw new Error(`No sample arguments for ${path}: add them to SAMPLES`);
      out.push({ path, values: samples.map((args) => (value as (...a: unknown[]) => unknown)(...args)).map(String) });
    } else out.push(...leaves(value as Tree, path));
  }
  return out;
}

const english = leaves(en.ui as unknown as Tree);

describe('every language has every word of the pages', () => {
  it('English: every phrase with holes has samples, and every sample names a phrase', () => {
    const phrases = english.filter((l) => SAMPLES[l.path]).map((l) => l.path);
    expect(Object.keys(SAMPLES).filter((p) => !phrases.includes(p))).toEqual([]);
  });

  for (const [code, words] of Object.entries(LANGUAGES)) {
    const mine = leaves(words.ui as unknown as Tree);
    const same = new Set([...(SAME_AS_ENGLISH.all ?? []), ...(SAME_AS_ENGLISH[code] ?? [])]);

    it(`${code}: the same keys as English, every word written out`, () => {
      expect(mine.map((l) => l.path)).toEqual(english.map((l) => l.path));
      for (const { path, values } of mine) {
        for (const v of values) {
          expect(v.trim(), path).not.toBe('');
          expect(v, path).not.toMatch(/undefined|null|NaN|\[object|\$\{/);
          // A hole left empty (a sample that no longer fits its phrase reads as two spaces in a row).
          expect(v, path).not.toMatch(/ {2}/);
        }
      }
    });

    if (code === 'en') continue;
    it(`${code}: no English left in place, except what reads the same on purpose`, () => {
      for (const [i, { path, values }] of mine.entries()) {
        const theirs = english[i]?.values ?? [];
        if (same.has(path)) expect(values, `${path} is listed as the same as English`).toEqual(theirs);
        // A phrase may share a form with English ("1 version" in French) but not every form.
        else expect(values, `${path} reads as English`).not.toEqual(theirs);
      }
    });
  }
});

describe('numbers take the language’s plural forms and digits', () => {
  it.each([
    ['en', 0, '0 versions'],
    ['en', 1, '1 version'],
    ['en', 1234, '1,234 versions'],
    ['de', 1, '1 Version'],
    ['de', 2, '2 Versionen'],
    ['de', 1234, '1.234 Versionen'],
    // French: 0 and 1 are singular; Intl's "many" (a million) takes the plural noun.
    ['fr', 0, '0 version'],
    ['fr', 1, '1 version'],
    ['fr', 2, '2 versions'],
    ['fr', 1_000_000, '1\u202f000\u202f000 versions'],
    ['es', 1, '1 versión'],
    ['es', 2, '2 versiones'],
    ['es', 1_000_000, '1.000.000 versiones'],
  ])('%s: %d', (lang, n, want) => {
    expect(explainer(lang).ui.common.versions(n)).toBe(want);
  });

  it('a verb agrees with its number', () => {
    expect(explainer('de').ui.options.found(1, 'example.com')).toBe('Auf example.com wurde 1 mögliche Seite mit der Datenschutzerklärung gefunden.');
    expect(explainer('de').ui.options.found(2, 'example.com')).toBe('Auf example.com wurden 2 mögliche Seiten mit der Datenschutzerklärung gefunden.');
    expect(explainer('es').ui.options.reextractDone(3, 1, 2, 0)).toMatch(/^Páginas guardadas releídas por el extractor 3: 1 dio un texto distinto \(ya guardado\), 2 el mismo texto\./);
    expect(explainer('fr').ui.badge.elsewhere(2, ['a.com', 'b.com'], false)).toBe(
      'Clausewatch\u00a0: 2 sites surveillés ont des changements de politique de confidentialité non lus (a.com, b.com)',
    );
  });
});

describe('the badge tooltip and the notification, for lib/extension/badge.ts and the background', () => {
  it('reads as the English tooltip did, line by line', () => {
    const { badge, notification } = explainer('en').ui;
    expect(badge.changed('example.com', 2)).toBe("Clausewatch: example.com's privacy policy changed (2 major changes)");
    expect(badge.line(badge.more(3))).toBe('• and 3 more');
    expect(badge.elsewhere(1, ['a.com'], false)).toBe('Clausewatch: 1 watched site has unreviewed privacy policy changes (a.com)');
    expect(badge.elsewhere(4, ['a.com', 'b.com', 'c.com'], false)).toBe('Clausewatch: 4 watched sites have unreviewed privacy policy changes (a.com, b.com, c.com, …)');
    expect(notification.title('example.com')).toBe('example.com changed its privacy policy');
    expect(notification.message).toBe('Clausewatch found major changes. Click to see what changed.');
  });

  it('in German', () => {
    const { badge, notification } = explainer('de').ui;
    expect(badge.changed('example.com', 1)).toBe('Clausewatch: Die Datenschutzerklärung von example.com hat sich geändert (1 wichtige Änderung)');
    expect(notification.title('example.com')).toBe('example.com hat die Datenschutzerklärung geändert');
  });
});

describe('a check that failed in a way nobody foresaw', () => {
  it('reads as an unexpected error in the reader\'s language, its English message the technical detail, shown as visible text', () => {
    expect(explainer('de').ui.failure({ code: 'error', detail: 'The store could not be opened' })).toBe('ein unerwarteter Fehler (technische Angabe: The store could not be opened)');
    const shown = explainer('fr').ui.failure({ code: 'error', detail: 'broken\u202eline\nnext' });
    expect(shown).toContain('une erreur inattendue');
    expect(shown).toContain('broken\\u202eline\\u000anext');
    expect(explainer('en').ui.failure({ code: 'error' })).toBe('an unexpected error');
  });
});

describe('the French pruning notice', () => {
  it('agrees its verb with what was removed: one page or version, or more', () => {
    const { ui } = explainer('fr');
    // (French puts a no-break space before the colon.)
    const storage = { pruned: (raw: number, versions: number) => ui.storage.pruned({ removedRaw: raw, removedVersions: versions }).replace(/\u00a0/g, ' ') };
    expect(storage.pruned(1, 0)).toContain('a été supprimée : 1 ancienne page enregistrée');
    expect(storage.pruned(0, 1)).toContain('a été supprimée : 1 ancienne version intermédiaire');
    expect(storage.pruned(1, 1)).toContain('ont été supprimées : 1 ancienne page enregistrée et 1 ancienne version intermédiaire');
  });
});

describe('the pruning notice, when the last resort removed changes the user had not reviewed', () => {
  const pruned = (lang: 'en' | 'de' | 'fr' | 'es', removedUnreviewed?: number) =>
    explainer(lang).ui.storage.pruned({ removedRaw: 2, removedVersions: 3, ...(removedUnreviewed === undefined ? {} : { removedUnreviewed }) }).replace(/\u00a0/g, ' ');

  it('names them apart from old intermediate versions, in each language, the three counts listed as the language lists', () => {
    expect(pruned('en', 1)).toMatch(/2 older saved pages, 2 old intermediate versions,? and 1 change you had not reviewed yet were removed/);
    expect(pruned('de', 1)).toContain('wurden entfernt: 2 ältere gespeicherte Seiten, 2 alte Zwischenversionen und 1 noch nicht geprüfte Änderung');
    expect(pruned('fr', 1)).toContain('ont été supprimées : 2 anciennes pages enregistrées, 2 anciennes versions intermédiaires et 1 modification que vous n’aviez pas encore lue');
    expect(pruned('es', 1)).toContain('se eliminaron: 2 páginas guardadas antiguas, 2 versiones intermedias antiguas y 1 cambio aún sin revisar');
  });

  it('calls none of them intermediate when all the versions removed awaited review', () => {
    expect(pruned('en', 3)).toContain('2 older saved pages and 3 changes you had not reviewed yet were removed');
    expect(pruned('en', 3)).not.toContain('intermediate');
  });

  it('reads a notice recorded before they were counted (no count) as intermediate versions, as it was written', () => {
    expect(pruned('en')).toContain('2 older saved pages and 3 old intermediate versions were removed');
    expect(pruned('en', 0)).toBe(pruned('en'));
  });

  it('agrees the verb with a single thing removed in German and Spanish', () => {
    const one = (lang: 'de' | 'es') => explainer(lang).ui.storage.pruned({ removedRaw: 0, removedVersions: 1, removedUnreviewed: 1 });
    expect(one('de')).toContain('wurde entfernt: 1 noch nicht geprüfte Änderung');
    expect(one('es')).toContain('se eliminó: 1 cambio aún sin revisar');
  });
});
