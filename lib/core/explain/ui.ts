/**
 * Every other word a person reads in the extension: the pages' headings, buttons, labels, notes, errors,
 * aria-labels and confirmations, the Markdown summary's frame, the badge's tooltip and the desktop
 * notification. One object per language and locale tag (ui-en.ts, ui-de.ts, ui-fr.ts, ui-es.ts, each made
 * once per tag, so that counts are written as the region writes them) implements all of it:
 * a missing key does not compile. The finding words (headline, category…) stay in `Words`.
 *
 * A phrase with a number is a function, so each language picks its own plural form (Intl.PluralRules,
 * see count.ts) and word order. Values passed in (sites, addresses, file names, error texts from the
 * background, dates already formatted) are inserted as they are: the pages render every string as a
 * text node, never as markup, so nothing here can turn policy text or a site name into HTML.
 */
import type { CheckFailure } from '../check-failure';
import type { ImportLeftOut, ImportRefusal } from '../import-refusal';
import type { RecordProblem } from '../record-problem';
import type { UserErrorCode } from '../user-error';
import type { Why } from '../page/discover';
import type { ChangeType } from '../schema';

/**
 * What a watched site's last check came to: the background's `checkNow` status codes, and two the options page
 * reads from its reply (pages/options/actions.ts checkLineStatus): `unanalysed`, a new version not compared
 * yet; `formatting`, a new version that only changed formatting or wording (nothing to review).
 */
export type CheckStatus = 'unchanged' | 'changed' | 'unanalysed' | 'formatting' | 'first' | 'failed';

export interface UiWords {
  /** Dates and sizes (format.ts builds the rest with Intl in the reader's locale). */
  time: {
    /** An absolute date after a verb: "on 2 Nov 2026", "am 02.11.2026"; `unknownDate` reads as `unknownWhen`. */
    on(date: string): string;
    /** A date that cannot be read, alone ("an unknown date") and after a verb ("on an unknown date"). */
    unknownDate: string;
    unknownWhen: string;
    unknownTime: string;
    /** Byte units, smallest first: B, KB, MB, GB, TB. */
    byteUnits: readonly [string, string, string, string, string];
    unknownSize: string;
  };
  common: {
    privacyPolicy: string;
    relatedPolicy: string;
    /** "3 versions". */
    versions(n: number): string;
    /** Joins the parts of a one-line description ("3 versions · latest seen today"). */
    separator: string;
    /** Words quoted from a policy, in the language's quotation marks. */
    quote(text: string): string;
    loading: string;
    /** Shown under "Loading…" when the background has not answered for a while (loader.tsx SLOW_AFTER_MS). */
    stillLoading: string;
    /** The button that asks the background again (after an error, or a long wait). */
    tryAgain: string;
    somethingWentWrong(error: string): string;
    /** The evidence export, on the history and options pages. */
    exportEvidence: string;
    exported(filename: string, records: number): string;
    exportFailed(error: string): string;
    /** The button that closes a notice (the one of what was removed to make room). */
    dismiss: string;
  };
  loadFailed: {
    tabPolicy(error: string): string;
    settings(error: string): string;
    history(site: string, error: string): string;
    comparison(error: string): string;
  };
  popup: {
    noPolicySeen(site: string | null): string;
    /** `when` reads after a verb: "today", "3 days ago", "on 2 Nov 2026" (format.when). */
    changed(when: string): string;
    /** `day` is a calendar date (format.day), or `time.unknownDate`: each language words that one itself. */
    watchingSince(day: string, versions: number): string;
    firstSeen(day: string, versions: number): string;
    latestSeen(when: string): string;
    statedUpdate(date: string): string;
    reviewed: string;
    showReviewed: string;
    markReviewed: string;
    history: string;
    notAWebPage: string;
    watchJoined: string;
    /** The same, when background checks are paused in the settings. */
    watchJoinedPaused: string;
    /** A watched site while background checks are paused in the settings. */
    checksPaused: string;
    /**
     * A watched site whose last background check failed, and how many in a row. The reason is the options
     * page's: its words were written for that page (they name its buttons), so the popup points there.
     */
    checkFailed(attempts: number): string;
    stopWatching: string;
    notWatched: string;
    watchSite: string;
    noPolicyHint: string;
    settings: string;
    highlighted: string;
    passageNotFound: string;
    /** "Show on page" found the tab, once loaded, on another site than the policy's (a redirect, a link followed). */
    pageElsewhere: string;
    markedReviewed: string;
    /** The background marked nothing: the version is no longer stored (pruned, or replaced by an import). */
    couldNotMarkReviewed: string;
    watching(site: string): string;
    couldNotWatch: string;
    stoppedWatching(site: string): string;
    /** The popup opened with no tab to describe (shown after loadFailed.tabPolicy). */
    noActiveTab: string;
  };
  analysis: {
    onlyFormatting: string;
    /** Shown when a version was too long to compare whole (`analysis.truncated`), with or without findings. */
    truncated: string;
    /** No finding, but part of the text was not compared (`analysis.truncated`): never "nothing to review" alone. */
    nothingFoundInPart: string;
    /** Two versions whose texts do not differ at all (a policy that changed and changed back). */
    sameText: string;
    before: string;
    /** Beside a new sentence, the older statement on the point when the newer version still says it (Evidence.previousKept). */
    beforeKept: string;
    morePassages(n: number): string;
    section(path: string): string;
    showOnPage: string;
  };
  statements: {
    heading: string;
    firstVersion: string;
    /** A later version with no comparison to show (imported, or its analysis failed). */
    notCompared: string;
    nothingOnSharing: string;
    nothingOnAi: string;
    nothingFound: string;
    moreLikeThis(n: number): string;
  };
  comparison: {
    /** The two versions named by the days they were first seen (or, seen the same day, the times). */
    heading(older: string, newer: string): string;
    /** Seen the same day: the two versions named by the dates their texts state. */
    headingStated(older: string, newer: string): string;
    /** Seen in the same minute, with no two dates stated: that moment, once. */
    headingSameMoment(moment: string): string;
    changeType: Record<ChangeType, string>;
    noDifferences: string;
    /** The list of text changes, for screen readers. */
    changesLabel: string;
    showChanges: string;
    inline: string;
    sideBySide: string;
    copyMarkdown: string;
    copied: string;
    couldNotCopy(error: string): string;
    whatChanged: string;
    theText: string;
    older(day: string): string;
    newer(day: string): string;
  };
  history: {
    title: string;
    titleOf(site: string): string;
    /** The browser tab's title. */
    documentTitle(site: string): string;
    noSite: string;
    evidenceNote(site: string): string;
    exporting: string;
    noPolicy(site: string): string;
    pickTwo: string;
    pickTwoOfOne: string;
    onlyOne: string;
    timelineLabel(title: string): string;
    seen(when: string): string;
    /** A version's place in its policy's history, counted from the first: told beside `seen` where two versions were seen in the same second. */
    versionNumber(n: number): string;
    dated(date: string): string;
    firstVersion: string;
    /** A later version with no comparison with the one before (imported, its analysis failed, its text damaged). */
    notCompared: string;
    majorChanges(n: number): string;
    reviewed: string;
    notReviewed: string;
    /**
     * A link named a version no longer stored (removed to free space when storage ran out, or set aside as
     * damaged); `latestShown`: the page compares a policy's latest version with the one before it instead.
     */
    versionGone(latestShown: boolean): string;
  };
  record: {
    checking: string;
    couldNotCheck: string;
    pages(kept: number, pruned: number): string;
    verifies: string;
    /** Follows `verifies`, which is set in bold: ": 3 entries in its hash chain, 2 saved pages kept." */
    verifiesDetail(entries: number, pages: string): string;
    chainHead: string;
    doesNotVerify: string;
    /** Follows `doesNotVerify`: " (2 saved pages kept):". */
    doesNotVerifyDetail(pages: string): string;
    andMore(n: number): string;
    /** One reason the record does not verify; `seen` is the version's first-seen date, already written. */
    problem(p: RecordProblem, seen: string): string;
    pageKept: string;
    pagePruned: string;
    pageImported: string;
    pageNone: string;
    /** `was` 0: made before extractors were numbered. */
    reread(extractor: number, was: number): string;
    /** What is kept of one version: its page and how its text was made, either may be absent. */
    versionEvidence(page: string | null, text: string | null): string;
  };
  options: {
    title: string;
    watchedSites: string;
    addSite: string;
    checksAndNotifications: string;
    history: string;
    storage: string;
    /** How often a site is checked, in hours (12, 24, 72, 168, 336, 720, or any other number). */
    frequency(hours: number): string;
    status: { upToDate: string; changed: string; pending: string; failed: string };
    failureReason(reason: string): string;
    attempts(n: number): string;
    watchInstead(url: string): string;
    noWatches: string;
    column: { site: string; policy: string; lastCheck: string; lastChange: string; status: string; frequency: string; actions: string };
    never: string;
    noneSeen: string;
    frequencyFor(site: string): string;
    checkNowFor(site: string): string;
    checking: string;
    checkNow: string;
    removeSite(site: string): string;
    remove: string;
    checkResult(site: string, status: CheckStatus, reason: string | null): string;
    checkFailed(site: string, error: string): string;
    stoppedWatching(site: string): string;
    couldNotRemove(site: string, error: string): string;
    nowWatching(siteOrUrl: string): string;
    couldNotWatch(siteOrUrl: string, error: string | null): string;
    couldNotSetFrequency(site: string, error: string): string;
    lookingUp: string;
    noneFound(site: string): string;
    found(n: number, site: string): string;
    lookupFailed(error: string): string;
    watchFailed(error: string): string;
    addressLabel: string;
    addressPlaceholder: string;
    findPolicy: string;
    whichPage(site: string): string;
    confirmWatch: string;
    settings: Record<'paused' | 'autoWatchVisited' | 'notifications', { label: string; hint: string }>;
    notificationsDenied: string;
    saved: string;
    couldNotSave(error: string): string;
    exportNote: string;
    exportHistory: string;
    importHistory: string;
    /** The evidence note, around the command it names (rendered as code): before, then after. */
    evidenceNote: readonly [string, string];
    historyExported: string;
    exportingEvidence: string;
    importing(file: string): string;
    importFailed(message: string): string;
    /** An import that worked: versions added, and versions the history already had. */
    imported(added: number, skipped: number): string;
    notJson: string;
    /** Storage ran out during an import (nothing was imported). */
    importFull: string;
    /** Why a history file was refused (nothing was imported); its values come from the file, bounded. */
    importRefused(refusal: ImportRefusal): string;
    /** Policies an import left out, and why (the rest was imported: said before it, by `imported`). */
    importLeftOut(leftOut: ImportLeftOut): string;
    used(bytes: string, versions: number, policies: number, sites: number): string;
    savedPages(captures: number, bytes: string, pageBytes: string, withRaw: number, versions: number): string;
    keepNote: string;
    reextractPending(extractor: number, pending: number): string;
    reextractDone(extractor: number, changed: number, same: number, failed: number): string;
    extractor(extractor: number): string;
    quarantined(n: number): string;
    /** Stored settings or watched-site entries that did not read and were set aside (utils/prefs.ts). */
    setAside(n: number): string;
  };
  /** The frame of the Markdown summary (components/markdown-summary.ts adds the Markdown marks). */
  markdown: {
    untitled: string;
    /** Two dates (or `time.unknownDate`) each language words after "first seen". */
    compared(older: string, newer: string): string;
    /** Labels with their colon: "Summary:", "Résumé\u00a0:". */
    policyLabel: string;
    summaryLabel: string;
    severityLabel: string;
    categoryLabel: string;
    sectionLabel: string;
    /** Set in italics. */
    footer: string;
  };
  /** The toolbar badge's tooltip (lib/extension/badge.ts). */
  badge: {
    /** The first line, when the tab's site has unreviewed major changes. */
    changed(site: string, major: number): string;
    /** One line per headline, and for the `more` line. */
    line(text: string): string;
    more(n: number): string;
    goodNews(site: string): string;
    /**
     * Watched sites elsewhere with unreviewed changes: `shown` are the ones named, of `n`; `atLeast` when the
     * caller stopped counting at `n`, so there may be more ("at least 10 watched sites").
     */
    elsewhere(n: number, shown: readonly string[], atLeast: boolean): string;
    nothing(site: string): string;
  };
  /** What the popup and options page say when storage is, or was, full (views.ts: StorageProblem). */
  storage: {
    /**
     * A save refused for the reason given (today only a full disk: 'quota'). Nothing was stored, so the
     * next visit or background check of that policy captures it again and tries once more.
     */
    saveFailed(reason: 'quota'): string;
    /**
     * Space was made by removing old saved pages and old intermediate versions, and (the last resort)
     * versions whose change awaited review: `removedUnreviewed` of the `removedVersions` (absent: none).
     */
    pruned(removed: { removedRaw: number; removedVersions: number; removedUnreviewed?: number }): string;
  };
  /** Why an address is proposed as a site's policy (lib/core/page/discover.ts). */
  discoveryWhy(why: Why): string;
  /** Why a background check failed (lib/core/check-failure.ts), as the options page and the popup say it. */
  failure(f: CheckFailure): string;
  /** An error a person can act on (lib/core/user-error.ts), whole sentences. */
  userError(e: { code: UserErrorCode; value: string }): string;
  /**
   * An error nobody foresaw (a failure inside the extension or the browser, a message the background
   * refused), as the rest of a sentence such as "Export failed: …": its technical detail, bounded, stays as
   * it came; an empty one is left out.
   */
  unexpectedError(detail: string): string;
  /** The desktop notification a background check raises on a major change. */
  notification: {
    title(site: string): string;
    message: string;
  };
}
