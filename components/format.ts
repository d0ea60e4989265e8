/**
 * Helpers shared by the popup, history and options pages: ordering, safe links, section paths. No browser
 * extension API and no messaging here, so the components can be previewed and tested outside the
 * extension. Words, dates, plurals and sizes are the reader's language's: `useWords()` (lib/core/explain).
 */
import { digestOf, type Category, type ChangeAnalysis, type Finding } from '@/lib/core/schema';
import type { UiWords } from '@/lib/core/explain/ui';
import type { StorageProblem } from '@/lib/extension/views';
import type { Formats } from '@/lib/core/explain';
import { userErrorOf } from '@/lib/core/user-error';
import { shownValue } from '@/lib/core/import-refusal';
import { utf8SequenceAt } from '@/lib/core/text/charset';

/** The categories a reader cares most about come first on the first-visit card. */
const CATEGORY_ORDER: Category[] = [
  'third-party-sharing',
  'ai-training',
  'advertising-profiling',
  'sensitive-data',
  'international-transfer',
  'children',
  'retention',
  'user-rights',
];

export function categoryRank(c: Category): number {
  const i = CATEGORY_ORDER.indexOf(c);
  return i < 0 ? CATEGORY_ORDER.length : i;
}

/**
 * The URL if it is http(s), else null. Policy URLs come from pages we do not control; only these
 * schemes may ever become a link (no javascript:, data: or extension URLs).
 */
export function safeHttpUrl(raw: string): string | null {
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Runs of percent-escapes in a URL's path. */
const ESCAPES = /(?:%[0-9A-Fa-f]{2})+/g;
/**
 * Characters a path never shows decoded: controls, format marks (direction overrides and isolates,
 * zero-width characters), separators and spaces of every kind, private-use and unassigned code points, and
 * whatever else is drawn as nothing (Hangul fillers, variation selectors). Each could hide, reorder or fake
 * what the address says.
 */
const NOT_SHOWN = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Z}\p{Default_Ignorable_Code_Point}]/u;
const UTF8 = new TextDecoder('utf-8');

/**
 * A URL path with its non-ASCII characters as the site wrote them ("/datenschutzerklärung", not
 * "/datenschutzerkl%C3%A4rung"), as browsers show addresses. Only whole, valid UTF-8 sequences of letters,
 * marks, digits, punctuation and symbols are decoded; ASCII escapes ("%2F", "%20", "%25"), bytes that are no
 * valid UTF-8 and the characters of NOT_SHOWN stay escaped, so decoding never throws and never changes
 * where the path's parts begin or end. Linear in the path's length.
 */
export function decodedPath(path: string): string {
  return path.replace(ESCAPES, (run) => {
    const bytes = Uint8Array.from(run.slice(1).split('%'), (hex) => parseInt(hex, 16));
    let out = '';
    for (let i = 0; i < bytes.length; ) {
      // A whole, well-formed sequence past ASCII (not a stray continuation byte, an overlong form, a surrogate).
      const length = utf8SequenceAt(bytes, i);
      if (length > 1) {
        const ch = UTF8.decode(bytes.subarray(i, i + length));
        if (!NOT_SHOWN.test(ch)) {
          out += ch;
          i += length;
          continue;
        }
      }
      out += run.slice(i * 3, i * 3 + 3);
      i += 1;
    }
    return out;
  });
}

/** The URL shortened for display: host and path (non-ASCII characters decoded, decodedPath), no scheme or query. */
/**
 * A whole address as a person reads it, where the scheme and the query tell two addresses apart (the
 * addresses a lookup offers): only the path's characters decoded (decodedPath).
 */
export function readableUrl(raw: string): string {
  if (safeHttpUrl(raw) === null) return raw;
  const url = new URL(raw);
  return `${url.protocol}//${url.host}${decodedPath(url.pathname)}${url.search}`;
}

export function displayUrl(raw: string): string {
  if (safeHttpUrl(raw) === null) return raw;
  const url = new URL(raw);
  const path = url.pathname === '/' ? '' : decodedPath(url.pathname);
  return `${url.host}${path}`;
}

export function sectionPath(section: readonly string[]): string {
  return section.filter((s) => s.trim() !== '').join(' › ');
}

/**
 * The language to mark quotes from two versions with: theirs when they share it, else "und" (a policy that
 * switched language at one address has no one language to read its findings in). `older` is null when
 * only the newer version is quoted.
 */
export function quotesLanguage(older: string | null, newer: string): string {
  return older === null || older === newer ? newer : 'und';
}

/** A primary language subtag, as the extractor writes PolicyDocument.language ("und": not known). */
const LANGUAGE_SUBTAG = /^[a-z]{2,3}$/i;

/**
 * The attributes of an element that holds a policy's own words, which are in the policy's language, not the
 * reader's: `lang`, so that a screen reader reads a German quote with a German voice on an English page
 * (empty when the language is not known: "und", or a value from an imported record that is no subtag; an
 * empty `lang` says "unknown", where leaving it out would claim the page's language, the reader's), and
 * `dir="auto"`, so that a right-to-left policy's text runs its own way whatever the page's direction.
 * Spread on the element; its text stays a text child.
 */
export function policyTextAttributes(language: string): { lang: string; dir: 'auto' } {
  return { lang: LANGUAGE_SUBTAG.test(language) && language.toLowerCase() !== 'und' ? language.toLowerCase() : '', dir: 'auto' };
}

/**
 * The heading of a comparison: the two versions named by the days they were first seen; seen the same day
 * (two changes in a day, an import), by the dates their texts state when they state two different ones,
 * else by the times they were seen; seen in the same minute, by that moment once. It never names one
 * moment twice.
 */
export function comparisonHeading(
  older: { firstSeen: number; document: { statedDate: string | null } },
  newer: { firstSeen: number; document: { statedDate: string | null } },
  ui: Pick<UiWords, 'comparison' | 'time'>,
  format: Pick<Formats, 'day' | 'dayTime' | 'statedDate'>,
): string {
  const a = format.day(older.firstSeen);
  const b = format.day(newer.firstSeen);
  if (a !== b) return ui.comparison.heading(a, b);
  // Two dates that cannot be read (a damaged record) name no moment: "first seen on an unknown date".
  if (a === ui.time.unknownDate) return ui.comparison.headingSameMoment(a);
  const s = older.document.statedDate;
  const t = newer.document.statedDate;
  if (s && t && s !== t) return ui.comparison.headingStated(format.statedDate(s), format.statedDate(t));
  const c = format.dayTime(older.firstSeen);
  const d = format.dayTime(newer.firstSeen);
  return c === d ? ui.comparison.headingSameMoment(c) : ui.comparison.heading(c, d);
}

/** What an error says of itself: its message (an Error, or any object with one), else its text; '' for nothing. */
function detailOf(err: unknown): string {
  if (typeof err === 'string') return err;
  if (err === undefined || err === null) return '';
  if (typeof err === 'object') {
    const message = (err as { message?: unknown }).message;
    return typeof message === 'string' ? message : '';
  }
  return String(err);
}

/**
 * An error as the page shows it, in the page's language: one a person can act on (lib/core/user-error.ts)
 * in whole sentences; anything else, which nobody foresaw (a failure inside the extension, a message the
 * background refused), as an unexpected error whose technical detail, its own English message, is shown
 * bounded and as visible text (import-refusal.ts shownValue).
 */
export function errorMessage(err: unknown, ui: Pick<UiWords, 'userError' | 'unexpectedError'>): string {
  const known = userErrorOf(err);
  if (known) return ui.userError(known);
  return ui.unexpectedError(shownValue(detailOf(err)));
}

/**
 * What a comparison with nothing to review says, on the pages and in the Markdown summary: nothing in the
 * part that could be compared (past the size cap the rest was never read), only formatting or wording
 * changed, or (two versions the history page compared) the same text.
 */
/** What "Show on page" says it did: highlighted, the tab on another site, or the passage not on the page. */
export function showOnPageText(ui: Pick<UiWords, 'popup'>, outcome: { found: boolean; elsewhere?: boolean }): string {
  return outcome.found ? ui.popup.highlighted : outcome.elsewhere ? ui.popup.pageElsewhere : ui.popup.passageNotFound;
}

/**
 * The storage alert of the popup and the options page: a save the full disk refused, and what was removed to
 * make room, also when the save failed all the same.
 */
export function storageProblemText(ui: Pick<UiWords, 'storage'>, problem: StorageProblem): string {
  if (problem.kind === 'pruned') return ui.storage.pruned(problem);
  const failed = ui.storage.saveFailed(problem.reason);
  const removed = { removedRaw: problem.removedRaw ?? 0, removedVersions: problem.removedVersions ?? 0, removedUnreviewed: problem.removedUnreviewed ?? 0 };
  return removed.removedRaw + removed.removedVersions > 0 ? `${failed} ${ui.storage.pruned(removed)}` : failed;
}

export function nothingToReview(ui: UiWords, analysis: ChangeAnalysis): string {
  if (analysis.truncated) return ui.analysis.nothingFoundInPart;
  return digestOf(analysis).changed ? ui.analysis.onlyFormatting : ui.analysis.sameText;
}

/**
 * One sentence can carry two findings (new sharing with advertisers is also new targeted advertising).
 * For each finding and each of its first `max` passages: null where the passage is quoted, or the headline
 * of the earlier finding that already quotes it, which the later one points back to instead.
 */
export function passageReferences(findings: readonly Finding[], max: number, headline: (f: Finding) => string): Array<Array<string | null>> {
  const quotedBy = new Map<string, string>();
  return findings.map((f) => {
    const shown = f.evidence.slice(0, max);
    const refs = shown.map((e) => quotedBy.get(e.sentence) ?? null);
    for (const e of shown) if (!quotedBy.has(e.sentence)) quotedBy.set(e.sentence, headline(f));
    return refs;
  });
}


/**
 * What each version of a timeline is labelled by (in the order given, newest first): when it was first seen
 * ("today", "on 2 Nov 2026"); where two share that, the time ("on 5 Dec 2026, 09:30"); where two share
 * that, the seconds; and where two were seen in the same second (an import, a visit and a check at once),
 * also their place among the versions kept, counted from the first (`place`, null where not needed; the
 * caller words it beside the sentence, whose word order is the language's). No two labels read alike. Each
 * version is worded at most three times: a long history is never worded n² times.
 */
export function seenLabels<V>(
  versions: readonly V[],
  firstSeen: (v: V) => number,
  format: Pick<Formats, 'when' | 'whenTime' | 'whenSecond'>,
  now: number,
): Array<{ when: string; place: number | null }> {
  const labels = versions.map((v) => format.when(firstSeen(v), now));
  for (const finer of [(ms: number) => format.whenTime(ms), (ms: number) => format.whenSecond(ms)]) {
    const shared = sharedLabels(labels);
    for (let i = 0; i < labels.length; i++) if (shared.has(labels[i]!)) labels[i] = finer(firstSeen(versions[i]!));
  }
  const shared = sharedLabels(labels);
  return labels.map((when, i) => ({ when, place: shared.has(when) ? versions.length - i : null }));
}

/** The labels that more than one version has. */
function sharedLabels(labels: readonly string[]): Set<string> {
  const count = new Map<string, number>();
  for (const label of labels) count.set(label, (count.get(label) ?? 0) + 1);
  return new Set([...count].filter(([, n]) => n > 1).map(([label]) => label));
}
