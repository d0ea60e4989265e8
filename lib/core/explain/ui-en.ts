import { counting, listing, perLocale } from './count';
import type { UiWords } from './ui';
import { shownValue } from '../import-refusal';


const FREQUENCY: Record<number, string> = {
  12: 'Every 12 hours',
  24: 'Daily',
  72: 'Every 3 days',
  168: 'Weekly',
  336: 'Every 2 weeks',
  720: 'Monthly',
};

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;
const UNKNOWN_DATE = 'an unknown date';
const UNKNOWN_WHEN = 'on an unknown date';
/** A date to read after a verb, as it is ("first seen 2 Nov 2026"); one that cannot be read, "on an unknown date". */
const bare = (day: string) => (day === UNKNOWN_DATE ? UNKNOWN_WHEN : day);

/** An error nobody foresaw; its technical detail (bounded by the caller), when it has one, in brackets. */
const unexpectedError = (detail: string): string => (detail ? `an unexpected error (technical detail: ${detail})` : 'an unexpected error');

/** The words, with numbers written as `locale` (a tag of English) writes them. */
function build(locale: string): UiWords {
  const { num, count } = counting(locale);
  const list = listing(locale);
  const mb = (bytes = 0) => `${num(Math.round(bytes / 100_000) / 10)} ${BYTE_UNITS[2]}`;
  const versions = (n: number) => count(n, 'version', 'versions');
  const exported = (filename: string, records: number) =>
    `Exported ${filename} (${count(records, 'WARC record', 'WARC records')}). Check it with: clausewatch verify ${filename}`;
  return {
    time: {
      on: (date) => (date === UNKNOWN_DATE ? UNKNOWN_WHEN : `on ${date}`),
      unknownDate: UNKNOWN_DATE,
      unknownWhen: UNKNOWN_WHEN,
      unknownTime: 'an unknown time',
      byteUnits: BYTE_UNITS,
      unknownSize: 'unknown',
    },
    common: {
      dismiss: 'Dismiss',
      privacyPolicy: 'Privacy policy',
      relatedPolicy: 'Related policy',
      versions,
      separator: ' · ',
      quote: (text) => `“${text}”`,
      loading: 'Loading…',
      stillLoading: 'Clausewatch has not answered yet. It may be busy with a large history, or it may have stopped: try again, or close this page and open it again.',
      tryAgain: 'Try again',
      somethingWentWrong: (error) => `Something went wrong: ${error}`,
      exportEvidence: 'Export evidence (WARC)',
      exported,
      exportFailed: (error) => `Export failed: ${error}`,
    },
    loadFailed: {
      tabPolicy: (error) => `Could not load this tab’s policy: ${error}`,
      settings: (error) => `Could not load the settings: ${error}`,
      history: (site, error) => `Could not load the history of ${site}: ${error}`,
      comparison: (error) => `Could not load the comparison: ${error}`,
    },
    popup: {
      noPolicySeen: (site) => `No privacy policy seen on ${site ?? 'this page'} yet`,
      changed: (when) => `Changed ${when}`,
      watchingSince: (day, n) => `Watching since ${day} · ${versions(n)}`,
      firstSeen: (day, n) => `First seen ${bare(day)} · ${versions(n)}`,
      latestSeen: (when) => `latest version seen ${when}`,
      statedUpdate: (date) => `says it was updated ${date}`,
      reviewed: 'reviewed',
      showReviewed: 'Show the reviewed changes',
      markReviewed: 'Mark as reviewed',
      history: 'History',
      notAWebPage:
        'Clausewatch only looks at ordinary web pages (http and https). Open a website to see what its privacy policy says and what changed.',
      watchJoined:
        'Clausewatch now also checks this policy in the background, about once a day and without cookies, and tells you when it changes.',
      watchJoinedPaused:
        'Clausewatch added this site to your watched sites, but background checks are paused in the settings: until you turn them back on, this policy is checked only when you visit it.',
      checksPaused: 'Background checks are paused in the settings: this policy is checked only when you visit it.',
      checkFailed: (attempts) =>
        `The last background check of this policy failed${attempts > 1 ? ` (${count(attempts, 'attempt', 'attempts')} in a row)` : ''}. The settings page says why, and what you can do.`,
      stopWatching: 'Stop watching',
      notWatched: 'Not watched: Clausewatch only checks this policy when you visit it.',
      watchSite: 'Watch this site',
      noPolicyHint: 'Open the site’s privacy policy page once and Clausewatch will remember it, or add the site on the settings page.',
      settings: 'Settings and watched sites',
      highlighted: 'Highlighted on the policy page.',
      passageNotFound: 'Opened the policy page, but that passage was not found there.',
      pageElsewhere: 'The tab went to a different site from the policy’s, so nothing was highlighted there.',
      markedReviewed: 'Marked as reviewed.',
      couldNotMarkReviewed: 'Not marked as reviewed: that version is no longer stored. The view has been refreshed.',
      watching: (site) => `Watching ${site}.`,
      couldNotWatch: 'Could not watch this site.',
      stoppedWatching: (site) => `Stopped watching ${site}. Clausewatch still compares its policy when you visit it.`,
      noActiveTab: 'no active tab',
    },
    analysis: {
      onlyFormatting: 'Only formatting or wording changed — nothing to review.',
      truncated: 'This policy is too long to compare whole: part of its text was compared only roughly or not at all, so a change there may be missing here.',
      nothingFoundInPart: 'Nothing to review in the part that could be compared.',
      sameText: 'The two versions have the same text: nothing changed.',
      before: 'Before, the policy said:',
      beforeKept: 'The policy already said, and still says:',
      morePassages: (n) => `and ${count(n, 'more passage', 'more passages')} like this`,
      section: (path) => `Section: ${path}`,
      showOnPage: 'Show on page',
    },
    statements: {
      heading: 'What this policy says now',
      firstVersion: 'This is the first version Clausewatch has seen. From now on it will tell you what changes.',
      notCompared: 'Clausewatch has no comparison of this version with the one before. The history page compares any two versions.',
      nothingOnSharing: 'It says nothing Clausewatch recognised about sharing your data with others.',
      nothingOnAi: 'It says nothing about training AI on your data.',
      nothingFound: 'Nothing found about this.',
      moreLikeThis: (n) => `and ${num(n)} more like this`,
    },
    comparison: {
      heading: (older, newer) => `Changes between ${older} and ${newer}`,
      headingStated: (older, newer) => `Changes between the versions dated ${older} and ${newer}`,
      headingSameMoment: (moment) => `Changes between two versions first seen on ${moment}`,
      changeType: { added: 'Added', removed: 'Removed', modified: 'Changed', moved: 'Moved' },
      noDifferences: 'No differences in the text.',
      changesLabel: 'Changes',
      showChanges: 'Show changes',
      inline: 'Inline',
      sideBySide: 'Side by side',
      copyMarkdown: 'Copy Markdown summary',
      copied: 'Copied',
      couldNotCopy: (error) => `Could not copy: ${error}`,
      whatChanged: 'What changed',
      theText: 'The text',
      older: (day) => `Older: seen ${bare(day)}`,
      newer: (day) => `Newer: seen ${bare(day)}`,
    },
    history: {
      title: 'History',
      titleOf: (site) => `History of ${site}`,
      documentTitle: (site) => `History of ${site} · Clausewatch`,
      noSite: 'No site given. Open the history from the Clausewatch popup.',
      evidenceNote: (site) =>
        `The evidence file (WARC 1.1, the web archive format) holds every saved page of ${site} as captured, the text Clausewatch read from each, and the hash chain that ties them together. A saved page is the page as your browser showed it: if you were signed in, it can hold your name or e-mail address. Look at it before you share the file.`,
      exporting: 'Exporting…',
      noPolicy: (site) => `Clausewatch has not seen a privacy policy on ${site} yet.`,
      pickTwo: 'Pick two versions to compare them.',
      pickTwoOfOne: 'Pick two versions of the same policy to see what changed between them.',
      onlyOne: 'Only one version seen so far. When the policy changes, the changes will appear here.',
      timelineLabel: (title) => `Versions of ${title}, newest first`,
      seen: (when) => `Seen ${when}`,
      versionNumber: (n) => `version ${num(n)}`,
      dated: (date) => `dated ${date}`,
      firstVersion: 'First version Clausewatch saw.',
      notCompared: 'No comparison with the version before. Pick both to compare them.',
      majorChanges: (n) => count(n, 'major change', 'major changes'),
      reviewed: 'Reviewed',
      notReviewed: 'Not reviewed yet',
      versionGone: (latestShown) =>
        `The version this link names is no longer stored: Clausewatch removes old versions to free space when storage runs out.${latestShown ? ' The latest change is shown instead.' : ''}`,
    },
    record: {
      checking: 'Checking the record…',
      couldNotCheck: 'The record could not be checked.',
      pages: (kept, pruned) => `${count(kept, 'saved page', 'saved pages')} kept${pruned > 0 ? `, ${num(pruned)} removed to free space` : ''}`,
      verifies: 'Record verifies',
      verifiesDetail: (entries, pages) => `: ${count(entries, 'entry', 'entries')} in its hash chain, ${pages}.`,
      chainHead: 'Chain head',
      doesNotVerify: 'Record does not verify',
      doesNotVerifyDetail: (pages) => ` (${pages}):`,
      andMore: (n) => `and ${num(n)} more.`,
      problem: (p, seen) => {
        switch (p.code) {
          case 'other-policy':
            return `Chain entry ${num(p.seq + 1)} belongs to another policy.`;
          case 'misnumbered':
            return `Chain entry ${num(p.seq + 1)} stands at place ${num(p.position + 1)} of the chain.`;
          case 'altered-entry':
            return `Chain entry ${num(p.seq + 1)} does not match its own hash (it was altered).`;
          case 'starts-with-link':
            return `Chain entry ${num(p.seq + 1)} starts the chain but names an entry before it.`;
          case 'broken-link':
            return `Chain entry ${num(p.seq + 1)} does not link to the entry before it (an entry was altered, removed or inserted).`;
          case 'no-entry':
            return `The version first seen ${seen} has no entry in the chain.`;
          case 'text-altered':
            return `The stored text of the version first seen ${seen} is not the text its chain entry names (it was altered or damaged).`;
          case 'page-altered':
            return `The saved page ${p.sha}… does not match its hash (it was altered or damaged).`;
        }
      },
      pageKept: 'Saved page kept',
      pagePruned: 'Saved page removed to free space',
      pageImported: 'No saved page (imported from a history file; saved pages are not exported)',
      pageNone: 'No saved page (seen before Clausewatch kept pages)',
      reread: (extractor, was) => `text re-read by extractor ${extractor} (was ${was === 0 ? 'unnumbered' : was})`,
      versionEvidence: (page, text) => [page, text].filter(Boolean).join('; '),
    },
    options: {
      title: 'Clausewatch settings',
      watchedSites: 'Watched sites',
      addSite: 'Add a site',
      checksAndNotifications: 'Checks and notifications',
      history: 'History',
      storage: 'Storage',
      frequency: (hours) => FREQUENCY[hours] ?? `Every ${count(hours, 'hour', 'hours')}`,
      status: { upToDate: 'Up to date', changed: 'Changed', pending: 'Not checked yet', failed: 'Failed' },
      failureReason: (reason) => `: ${reason}`,
      attempts: (n) => ` (${count(n, 'attempt', 'attempts')} in a row)`,
      watchInstead: (url) => `Watch ${url} instead`,
      noWatches: 'No watched sites yet. Add one below, or open a site’s privacy policy page.',
      column: { site: 'Site', policy: 'Policy', lastCheck: 'Last check', lastChange: 'Last change', status: 'Status', frequency: 'Frequency', actions: 'Actions' },
      never: 'Never',
      noneSeen: 'None seen',
      frequencyFor: (site) => `Check frequency for ${site}`,
      checkNowFor: (site) => `Check now: ${site}`,
      checking: 'Checking…',
      checkNow: 'Check now',
      removeSite: (site) => `Remove ${site}`,
      remove: 'Remove',
      checkResult: (site, status, reason) =>
        `${site}: ${{ unchanged: 'no change', changed: 'changed', unanalysed: 'new version saved, not compared yet', formatting: 'only formatting or wording changed, nothing to review', first: 'first version saved', failed: 'the check failed' }[status]}${reason ? ` (${reason})` : ''}`,
      checkFailed: (site, error) => `${site}: the check failed: ${error}`,
      stoppedWatching: (site) => `Stopped watching ${site}. Its history is kept.`,
      couldNotRemove: (site, error) => `Could not remove ${site}: ${error}`,
      nowWatching: (what) => `Now watching ${what}.`,
      couldNotWatch: (what, error) => `Could not watch ${what}${error ? `: ${error}` : '.'}`,
      couldNotSetFrequency: (site, error) => `Could not change how often ${site} is checked: ${error}`,
      lookingUp: 'Looking for the privacy policy…',
      noneFound: (site) => `No privacy policy found on ${site}. Enter the policy page’s address instead.`,
      found: (n, site) => `Found ${count(n, 'possible policy page', 'possible policy pages')} on ${site}.`,
      lookupFailed: (error) => `Could not look up that site: ${error}`,
      watchFailed: (error) => `Could not watch it: ${error}`,
      addressLabel: 'Site or policy address',
      addressPlaceholder: 'example.com or https://example.com/privacy',
      findPolicy: 'Find policy',
      whichPage: (site) => `Which page is ${site}’s privacy policy?`,
      confirmWatch: 'Confirm and watch',
      settings: {
        paused: { label: 'Pause all checks', hint: 'No background checks run until you turn this off.' },
        autoWatchVisited: {
          label: 'Watch policies I visit',
          hint: 'A privacy policy you open joins the watched sites at once. When this is off, it joins the first time you open Clausewatch on its site.',
        },
        notifications: {
          label: 'Notify me with a system notification',
          hint: 'When a background check finds a major change. Your browser asks for permission first.',
        },
      },
      notificationsDenied: 'Notifications stay off: the browser permission was not granted.',
      saved: 'Saved.',
      couldNotSave: (error) => `Could not save: ${error}`,
      exportNote: 'The export is a JSON file with the text of every version Clausewatch kept; the saved pages are not in it (they stay in this browser: the evidence file below holds them). Importing one adds its versions to yours, without saved pages.',
      exportHistory: 'Export history',
      importHistory: 'Import history',
      evidenceNote: [
        'The evidence file (WARC 1.1, the web archive format) holds every saved page as it was captured, the text Clausewatch read from each, and a hash chain per policy that shows nothing was changed afterwards. Anyone can check it with ',
        ' or read it with web archive tools. A saved page is the page as your browser showed it: if you were signed in, it can hold your name or e-mail address. Look at it before you share the file.',
      ],
      historyExported: 'History exported.',
      exportingEvidence: 'Exporting the evidence file…',
      importing: (file) => `Importing ${file}…`,
      importFailed: (message) => `Import failed: ${message}`,
      imported: (added, skipped) => `Imported ${count(added, 'version', 'versions')} (${num(skipped)} already known).`,
      notJson: 'This file is not JSON. Choose a file exported by Clausewatch.',
      importFull: 'the browser has no room left for Clausewatch. Nothing was imported.',
      importRefused: (r) => {
        switch (r.kind) {
          case 'not-ours':
            return 'This is not a Clausewatch history file. Nothing was imported.';
          case 'damaged':
            return `This Clausewatch history file is damaged, or was made by a version of Clausewatch this one cannot read (${r.detail}). Nothing was imported.`;
          case 'bad-site':
            return `The file names a site whose name is not valid (“${r.site}”). Nothing was imported.`;
          case 'checksum':
            return `The file is damaged: version ${num(r.version)} of ${r.policy} does not match its checksum. Nothing was imported.`;
          case 'future':
            return `The file has a version of ${r.policy} seen on ${r.seen}, after today's date on this computer: the clock of the computer that recorded it was ahead at the time, or the file was changed. It can be imported once that date has passed. Nothing was imported.`;
          case 'outside':
            return `The file puts a policy of ${r.site} at an address outside that site (${r.address}). Nothing was imported.`;
          case 'too-large':
            if (r.unit === 'paragraphs') return `The file's versions list more than ${num(r.limit)} paragraphs together, more than Clausewatch imports at once. Nothing was imported.`;
            if (r.policy !== undefined) return `The file has a version of ${r.policy} of more than ${num(r.limit)} characters, more than Clausewatch imports. Nothing was imported.`;
            return `The file's versions hold more than ${num(r.limit)} characters of text together, more than Clausewatch imports at once. Nothing was imported.`;
          case 'store-closed':
            return 'the history database was closed, probably because Clausewatch was just updated. Reload this page and import again. Nothing was imported.';
        }
      },
      importLeftOut: (l) => {
        const of = l.sites === 1 ? l.site : `${l.site} and ${count(l.sites - 1, 'other site', 'other sites')}`;
        return `${count(l.policies, 'policy', 'policies')} (${versions(l.versions)}) of ${of} ${l.policies === 1 ? 'was' : 'were'} not imported: Clausewatch keeps at most ${num(l.limit)} policies of one site.`;
      },
      used: (bytes, v, p, s) => `${bytes} used: ${versions(v)} of ${count(p, 'policy', 'policies')} on ${count(s, 'site', 'sites')}.`,
      savedPages: (captures, bytes, pageBytes, withRaw, v) =>
        `Saved pages: ${count(captures, 'page', 'pages')} kept (${bytes} compressed, ${pageBytes} as captured); ${num(withRaw)} of the ${versions(v)} ${withRaw === 1 ? 'has the page it was' : 'have the page they were'} read from.`,
      keepNote:
        'Clausewatch keeps the page each version was read from, so you can show what the policy said, not only what Clausewatch made of it. When storage runs out, saved pages are removed first, oldest first, always keeping the first and the latest of each policy; versions go only after that. Versions seen before Clausewatch kept pages have none.',
      reextractPending: (extractor, pending) =>
        `Clausewatch reads text from pages differently since this update (extractor ${extractor}): ${count(pending, 'saved page', 'saved pages')} still to be read again. A text that comes out different replaces the old one; it is never reported as a change.`,
      reextractDone: (extractor, changed, same, failed) =>
        `Saved pages read again by extractor ${extractor}: ${num(changed)} gave a different text (now stored), ${num(same)} the same text${failed > 0 ? `, ${num(failed)} could not be read (their text is kept)` : ''}. None was reported as a change.`,
      extractor: (extractor) => `Text is read from pages by extractor ${extractor}.`,
      quarantined: (n) =>
        n === 1
          ? '1 stored record could not be read and was set aside. It is kept, but not shown or compared, so one damaged record cannot break your history.'
          : `${num(n)} stored records could not be read and were set aside. They are kept, but not shown or compared, so one damaged record cannot break your history.`,
      setAside: (n) =>
        n === 1
          ? '1 stored setting or watched-site entry could not be read and was set aside. It is kept but not used; your other settings and watched sites are used as before.'
          : `${num(n)} stored settings or watched-site entries could not be read and were set aside. They are kept but not used; your other settings and watched sites are used as before.`,
    },
    markdown: {
      untitled: 'Privacy policy',
      compared: (older, newer) => `Compared the version first seen ${bare(older)} with the one first seen ${bare(newer)}.`,
      policyLabel: 'Policy:',
      summaryLabel: 'Summary:',
      severityLabel: 'Severity:',
      categoryLabel: 'Category:',
      sectionLabel: 'Section:',
      footer: 'Summary by Clausewatch. Added words are in bold, removed words struck through.',
    },
    badge: {
      changed: (site, n) => `Clausewatch: ${site}'s privacy policy changed (${count(n, 'major change', 'major changes')})`,
      line: (text) => `• ${text}`,
      more: (n) => `and ${num(n)} more`,
      goodNews: (site) => `Clausewatch: good news — ${site}'s privacy policy now gives you more protection`,
      elsewhere: (n, shown, atLeast) =>
        `Clausewatch: ${atLeast ? 'at least ' : ''}${num(n)} watched ${n === 1 ? 'site has' : 'sites have'} unreviewed privacy policy changes (${shown.join(', ')}${n > shown.length ? ', …' : ''})`,
      nothing: (site) => `Clausewatch: no unreviewed policy changes on ${site}`,
    },
    storage: {
      saveFailed: () =>
        'A new policy version could not be saved: the browser has no more storage space for Clausewatch. Free some disk space; Clausewatch will try again the next time it checks the policy or you open it.',
      pruned: ({ removedRaw: raw, removedVersions: versions, removedUnreviewed: unreviewed = 0 }) =>
        `Storage was full: ${list([
          raw > 0 ? count(raw, 'older saved page', 'older saved pages') : '',
          versions > unreviewed ? count(versions - unreviewed, 'old intermediate version', 'old intermediate versions') : '',
          unreviewed > 0 ? count(unreviewed, 'change you had not reviewed yet', 'changes you had not reviewed yet') : '',
        ])} ${raw + versions === 1 ? 'was' : 'were'} removed to make room (the first and latest version of every policy, and the pages they were captured from, are always kept).`,
    },
    discoveryWhy: (w) =>
      ({ entered: 'the address you entered', rel: 'marked rel="privacy-policy" by the site', label: `link labelled "${w.detail ?? ''}"`, path: `link to ${w.detail ?? ''}`, usual: 'a usual place for a privacy policy' })[w.code],
    unexpectedError,
    userError: ({ code, value }) =>
      ({
        'not-an-address': `"${value}" is not a domain or web address.`,
        'not-a-web-page': 'Only http and https pages can be watched.',
        'has-credentials': 'An address with a user name or password cannot be watched: leave out the part before the "@".',
        'not-watched': `${value} is not watched.`,
        'version-gone': 'That version is no longer stored.',
        'different-policies': 'Only versions of the same policy can be compared.',
        'export-gone': 'This export is no longer held (the extension restarted, or a newer export replaced it). Export again.',
        'export-incomplete': 'The export ended early. Export again.',
        'import-piece-too-large': `A piece of an import holds at most ${num(Number(value))} characters.`,
        'import-lost': 'This import is no longer held (the extension restarted). Import the file again.',
        'import-too-large': `The file is larger than ${num(Number(value))} characters, more than a Clausewatch history holds.`,
      })[code],
    failure: (f) => {
      const d = f.detail ?? '';
      switch (f.code) {
        case 'http-error': return `the server answered HTTP ${f.n}`;
        case 'http-status': return `unexpected HTTP status ${f.n}`;
        case 'not-html': return `not an HTML page (${d})`;
        case 'invalid-url': return 'not a web address';
        case 'login-redirect': return `redirected to a login page (${d})`;
        case 'consent-redirect': return `redirected to a consent page (${d})`;
        case 'captcha': return 'the site answered with a captcha or bot check';
        case 'login-form': return 'the site answered with a login form';
        case 'not-a-policy': return 'the page no longer looks like a privacy policy';
        case 'scheme': return `redirects to a ${d}: address, not a web page`;
        case 'credentials': return 'redirects to an address with a user name or password in it';
        case 'downgrade': return `redirects from a secure (https) address to an insecure one (${d})`;
        case 'local': return `${f.direct ? 'points' : 'redirects'} to an address on your own network (${d}), which Clausewatch never requests for a public site`;
        case 'other-site': return `now points to ${d}, another site`;
        case 'moved-same-site': return `now leads to ${d} on the same site; Clausewatch did not store it, since the redirect could not be checked on the way: watch that address if it is the policy now`;
        case 'hidden-redirect': return 'the address now redirects, and the browser does not let extensions see where a redirect leads without following it, so background checks do not follow it; use "Check now" to see where it leads';
        case 'redirect-loop': return 'the address redirects and comes back to itself (a cookie or consent check?); not stored';
        case 'bad-redirect': return 'redirects to an address that is not valid';
        case 'too-many-redirects': return `more than ${f.n} redirects`;
        case 'too-large': return f.m !== undefined ? `the page is larger than ${mb(f.n)} (it says ${mb(f.m)}); not stored` : `the page is larger than ${mb(f.n)}; it was abandoned there and not stored`;
        case 'attributes-in-tag': return `the page has a tag with ${num(f.n ?? 0)} attributes, more than the ${num(f.m ?? 0)} Clausewatch reads in one tag; not stored`;
        case 'attributes': return `the page has ${num(f.n ?? 0)} attributes, more than the ${num(f.m ?? 0)} Clausewatch reads in a page; not stored`;
        case 'too-many-changes': return `this site's policies already changed ${num(f.n ?? 0)} times in the last 24 hours, as often as Clausewatch records in a day; this version was not stored`;
        case 'too-many-policies': return `Clausewatch keeps at most ${num(f.n ?? 0)} policies of one site, and this site has that many: this address was not stored`;
        case 'too-nested': return 'the page is nested too deeply to read; not stored';
        case 'timeout': return 'the site did not answer in time';
        case 'unfinished': return "the browser stopped Clausewatch's background before the check finished; it will be tried again later";
        case 'network': return `the page could not be fetched (${d})`;
        // A check that failed in a way nobody foresaw: its English message is the technical detail.
        case 'error': return unexpectedError(shownValue(d));
      }
    },
    notification: {
      title: (site) => `${site} changed its privacy policy`,
      message: 'Clausewatch found major changes. Click to see what changed.',
    },
  };
}

/** English, with numbers as a tag of English writes them ("en-GB", "en-US"), made once per tag. */
export const uiEn = perLocale(build);
