/**
 * The content script's work on a page (entrypoints/page-watch.ts runs it on every page, so it only reads
 * cheap signals: the URL, the title and, when those name nothing, a few headings). When the page may be a
 * privacy policy it hands a serialised copy to the background, where detection and Readability run away
 * from the page's main thread and never touch the live document. A policy whose text is on the page when
 * this runs is copied at once, whatever its headings; only a page whose text is still arriving (an app
 * shell) waits for the DOM to settle. Imports nothing heavy: this is in the bundle every page pays for.
 *
 * At most one wait (one MutationObserver, two timers) is pending at a time, whatever the page does: a new
 * address replaces the wait of the old one. Nothing here registers a listener per address change.
 */
import { addressNames, gateDocument, readHeadings } from '@/lib/core/page/detect/gate';
import { MAX_RENDERED_NODES, RENDERED_CHARS, renderedText } from '@/lib/core/page/detect/rendered';
import { MAX_PAGE_CHARS } from '@/lib/core/limits';
import { READABILITY_LIMITS } from '@/lib/core/page/extract/limits';
import { serializeInSlices } from '@/lib/core/page/serialize';
import { isRoute } from '@/lib/core/route';
import { sendMessage } from './send';

const SETTLE_QUIET_MS = 600;
const SETTLE_MAX_MS = 5_000;
/**
 * After an address change, the cheap look runs this long after the last change (a burst of changes, a
 * map being panned, gets one look); when it names nothing and the page still has headings, once more when
 * the page has settled: an app may change its address before its title and heading.
 */
const NAV_LOOK_MS = 300;
/** Copies of one page view taken again because its text grew after the background found no policy in it. */
export const MAX_RECHECKS = 2;
/**
 * Copies one document sends at most, over all its page views. A page can change its address without
 * loading as often as it likes ("?doc=privacy&n=1", "&n=2", or two hash routes in turn), and each new
 * address is a page view to copy; a reader going through a legal centre's pages stays far below it. The
 * background holds each site to its own bound of new versions (lib/history/save.ts), which a page that
 * reloads itself meets instead.
 */
export const MAX_COPIES_PER_DOCUMENT = 12;
/** How long a page view is watched for that growth, from the background's answer. */
export const RECHECK_WINDOW_MS = 10_000;
/** The most characters counted when a copy's text is measured (the node bound of renderedText applies too). */
const MAX_MEASURED_CHARS = 1_000_000;
/** Scripts, styles and templates whose text is taken off the body's when it is measured natively, at most. */
const MAX_NOISE_ELEMENTS = 1_000;

/**
 * How much text a page holds, measured two ways: renderedText's count (text outside the page's chrome, in
 * document order, bounded by its node count) and whether that count read the whole body; and the body's
 * text length without its scripts, styles and templates, read natively (`textContent`: no walk of our
 * own, a copy of the text), which sees text past renderedText's node bound.
 */
interface TextMeasure {
  rendered: number;
  complete: boolean;
  body: number;
}

function bodyTextChars(doc: Document): number {
  const body = doc.body;
  if (!body) return 0;
  let chars = body.textContent?.length ?? 0;
  const noise = body.querySelectorAll('script, style, noscript, template');
  for (let i = 0; i < Math.min(noise.length, MAX_NOISE_ELEMENTS); i++) chars -= noise[i]?.textContent?.length ?? 0;
  return Math.max(0, chars);
}

/** `before` grown substantially: by RENDERED_CHARS characters and by half. */
const grownFrom = (before: number) => before + Math.max(RENDERED_CHARS, Math.ceil(before / 2));
/**
 * The body's whole text (menus and footers included) grown enough to copy again: as grownFrom, but by at most
 * BODY_GROWTH_MAX_CHARS, since half a big layout's words (2,000 labelled links: 25,000 characters) can be more
 * than a whole policy brings. Four times the rendered-text bar, as the body counts the page's chrome too; the
 * copies this can cost an ordinary page are bounded by MAX_RECHECKS.
 */
const BODY_GROWTH_MAX_CHARS = 4 * RENDERED_CHARS;
const bodyGrownFrom = (before: number) => Math.min(grownFrom(before), before + BODY_GROWTH_MAX_CHARS);

/** What the content script's context gives this module: whether this copy of the script is orphaned. */
export interface PageContext {
  /** The extension was reloaded, updated or removed (`browser.runtime?.id == null`): do nothing more. */
  readonly isInvalid: boolean;
}

type Timer = ReturnType<typeof setTimeout>;

/**
 * The page an address names: an anchor followed within it ("#sharing") is the same page; a route of a
 * hash-routed app ("#/privacy", "#!/terms") is a page of its own.
 * (Cut by hand: lib/core/url.ts brings the public-suffix list, 170 KB, into every page.)
 */
function pageOf(url: string): string {
  const hash = url.indexOf('#');
  const anchor = hash >= 0 && !isRoute(url.slice(hash + 1, hash + 3));
  return anchor ? url.slice(0, hash) : url;
}

/** The page without its query: an app that only changes its query (filters, a map's position) stays put. */
function addressOf(url: string): string {
  const page = pageOf(url);
  const hash = page.indexOf('#');
  const query = page.indexOf('?');
  if (query < 0 || (hash >= 0 && query > hash)) return page;
  return page.slice(0, query) + (hash >= 0 ? page.slice(hash) : '');
}

/**
 * Whether the page at `to` is another page view than `from` (how `navigated` reads an address change):
 * another address, or another query that names a page ("/legal?doc=terms"). A query changed otherwise (a
 * tracking parameter taken off after load) is the same view.
 */
function movedOn(from: string, to: string): boolean {
  if (addressOf(to) !== addressOf(from)) return true;
  // (An empty query names nothing: addressNames('') is false.)
  return pageOf(to) !== pageOf(from) && addressNames(/\?[^#]*/.exec(to)?.[0] ?? '');
}

/**
 * Runs `start` once the page is shown. A page Chrome prerenders (a search result it expects you to open)
 * runs the content script before anyone sees it, in a tab that still shows the page before: a copy taken
 * then names an address its tab does not show, is refused, and the page is not copied again once opened.
 * Such a page starts when it is activated (`prerenderingchange`); any other at once.
 */
export function whenShown(doc: Document, start: () => void): void {
  if ((doc as Document & { prerendering?: boolean }).prerendering) doc.addEventListener('prerenderingchange', () => start(), { once: true });
  else start();
}

export function createPageCapture(ctx: PageContext, doc: Document, href: () => string) {
  let lastChecked = '';
  let lastPage = pageOf(href());
  let recheck = { page: '', used: 0 };
  let copies = 0;

  const look = (): ReturnType<typeof gateDocument> | null => {
    try {
      return gateDocument(doc, href());
    } catch (error) {
      console.debug('[Clausewatch] gate failed', error);
      return null;
    }
  };
  const measureText = (): TextMeasure => {
    const r = renderedText(doc, MAX_MEASURED_CHARS);
    return { rendered: r.chars, complete: r.nodes < MAX_RENDERED_NODES, body: bodyTextChars(doc) };
  };

  const check = (why: string, seen = look()) => {
    if (!seen || ctx.isInvalid) return;
    const { verdict, signals } = seen;
    // Once per page view (see pageOf), whatever the copy held; only the background's answer that it held
    // no policy opens a bounded second look (recheckOnGrowth).
    const page = pageOf(signals.url);
    if (!verdict.pass || page === lastChecked || copies >= MAX_COPIES_PER_DOCUMENT) return;
    lastChecked = page;
    copies++;
    const url = signals.url;
    const root = doc.documentElement;
    if (!root) return;
    const before = measureText();
    // Copied in slices of a few milliseconds: serialising a huge page in one go would freeze it.
    // A page too large to copy, or nested deeper than the extractor reads (the body's children at level
    // 2, as the background counts), is still reported (with an empty copy), so the outcome is recorded.
    const limits = { maxChars: MAX_PAGE_CHARS, maxDepth: READABILITY_LIMITS.depth };
    void serializeInSlices(root, { clock: () => performance.now(), pause: () => new Promise((r) => setTimeout(r, 0)), ...limits }).then(async (copy) => {
      // The page moved on while it was being copied (an app showing its terms at another address): the copy
      // may hold the next page's text under this page's address, so it is not sent. The new address gets
      // its own look; this page, looked at again later, is copied anew.
      if (movedOn(page, href())) {
        if (lastChecked === page) lastChecked = '';
        return;
      }
      const status = await sendMessage('pageCaptured', {
        url,
        reason: copy.ok ? `${why}: ${verdict.reason}` : `${why}: ${verdict.reason}; ${copy.reason}`,
        html: copy.ok ? copy.html : '',
      }).then(
        (reply) => reply.status,
        // The background is gone (the extension was reloaded: isInvalid says so) or could not answer.
        () => 'failed',
      );
      if (copy.ok && (status === 'not-policy' || status === 'failed')) recheckOnGrowth(page, before);
    });
  };

  /**
   * The background found no policy in the copy (or could not read it). A policy widget (Termly, iubenda,
   * a CMS embed) may still be rendering below a server-rendered introduction, or an app's text may still
   * be on its way: watch the page for a while, and copy it again once its text has grown substantially
   * (by RENDERED_CHARS characters and by half) and the DOM is quiet. The text is counted as renderedText
   * counts it (outside the page's chrome); where that count stops at its node bound before the end of the
   * body (a widget below a big layout), by the body's whole text, read natively, grown as bodyGrownFrom says.
   * Bounded by counts and sizes: at most MAX_RECHECKS such copies of one page view, each decided by a count
   * of characters, never by how long anything took; the window only ends the wait.
   */
  const recheckOnGrowth = (page: string, before: TextMeasure) => {
    if (ctx.isInvalid || waiting || lastChecked !== page || pageOf(href()) !== page) return;
    if (recheck.page !== page) recheck = { page, used: 0 };
    if (recheck.used >= MAX_RECHECKS) return;
    recheck.used++;
    const target = grownFrom(before.rendered);
    const grown = () => {
      const now = renderedText(doc, target);
      if (now.rendered) return true;
      // The count read the whole body, as it did before: it says the text has not grown enough.
      if (now.nodes < MAX_RENDERED_NODES && before.complete) return false;
      return bodyTextChars(doc) >= bodyGrownFrom(before.body);
    };
    wait(grown, RECHECK_WINDOW_MS, (ready) => {
      if (!ready || lastChecked !== page || pageOf(href()) !== page) return;
      lastChecked = '';
      check('late text');
    });
  };

  // The one pending wait. It ends when the DOM has been quiet for a moment and `ready` holds (asked only
  // at quiet moments, not on every mutation), or at its bound; mutations only move the quiet moment.
  interface Wait {
    ready: () => boolean;
    then: (ready: boolean) => void;
    quiet: Timer | undefined;
    deadline: Timer;
  }
  let waiting: Wait | null = null;
  let observer: MutationObserver | null = null;
  let lastMutation = 0;

  const cancelWait = () => {
    if (!waiting) return;
    observer?.disconnect();
    clearTimeout(waiting.quiet);
    clearTimeout(waiting.deadline);
    waiting = null;
  };
  const endWait = (ready: boolean) => {
    const w = waiting;
    cancelWait();
    if (w && !ctx.isInvalid) w.then(ready);
  };
  const onQuiet = () => {
    const w = waiting;
    if (!w) return;
    w.quiet = undefined;
    if (ctx.isInvalid) return cancelWait();
    const since = performance.now() - lastMutation;
    if (since < SETTLE_QUIET_MS) w.quiet = setTimeout(onQuiet, SETTLE_QUIET_MS - since);
    else if (w.ready()) endWait(true);
    // Not ready: the next mutation arms the next quiet moment.
  };
  const onMutation = () => {
    lastMutation = performance.now();
    if (waiting && waiting.quiet === undefined) waiting.quiet = setTimeout(onQuiet, SETTLE_QUIET_MS);
  };
  function wait(ready: () => boolean, maxMs: number, then: (ready: boolean) => void): void {
    cancelWait();
    const root = doc.documentElement;
    if (!root) return;
    // At its bound, `ready` is asked once more: a page never quiet (a ticker) or one whose text arrived in
    // nodes it already had (a text-only change the observer does not see) may be ready all the same.
    waiting = { ready, then, quiet: setTimeout(onQuiet, SETTLE_QUIET_MS), deadline: setTimeout(() => endWait(waiting?.ready() ?? false), maxMs) };
    lastMutation = performance.now();
    observer ??= new (doc.defaultView ?? globalThis).MutationObserver(onMutation);
    observer.observe(root, { childList: true, subtree: true });
  }

  // Headings with text: an app shell may hold a logo-only h1 before its content arrives.
  const hasHeadings = () => readHeadings(doc).length > 0;
  // A short policy with a heading is ready too, once quiet: it never reaches the amount of text.
  const hasContent = () => renderedText(doc).rendered || hasHeadings();

  /**
   * The first look doubles as the check on ordinary pages, so they pay for one look only (the page it
   * dismisses had its headings read by the gate; with none, it may be an app shell whose title and
   * headings are still to come: look again once they are). A page that passed (named by its URL, title or
   * headings) is copied at once when its text is there, whatever its heading tags: a bounded count of its
   * text outside navigation, banners, footers and dialogs (lib/core/page/detect/rendered.ts), which the full path
   * pays many times over anyway. Otherwise it is an app shell: wait until its text arrives (5 s at most).
   */
  function start(first = look()): void {
    if (!first || (!first.verdict.pass && !first.signals.headings?.length)) wait(hasHeadings, SETTLE_MAX_MS, () => check('rendered after load'));
    else if (!first.verdict.pass) return;
    else if (renderedText(doc).rendered) check('load', first);
    else wait(hasContent, SETTLE_MAX_MS, () => check('rendered after load'));
  }

  /**
   * A navigation inside a single-page site (utils/address-watch.ts calls this). An anchor within the page
   * or a change of the query alone is no new page (unless the new query names one: "/legal?doc=privacy").
   * Otherwise the old page's wait ends, and the new address gets the cheap look a moment later
   * (NAV_LOOK_MS): when it passes, the new page is waited for as an
   * app shell is at load (its text, 5 s at most) and then copied, never at once, since the old page's text
   * may still be showing; when it names nothing and has no headings, wait for them as at load; when it
   * names nothing and has headings, look once more when the page has settled (5 s at most: an article may
   * still be loading behind the layout's heading), and then leave it alone (a busy app that is no policy
   * pays two cheap looks per burst of address changes, and the one pending wait between them).
   */
  let navTimer: Timer | undefined;
  let lookedAgain = false;
  const lookAfterNavigation = () => {
    navTimer = undefined;
    if (ctx.isInvalid) return;
    const seen = look();
    if (seen?.verdict.pass) wait(hasContent, SETTLE_MAX_MS, () => check('navigation'));
    else if (!seen?.signals.headings?.length) wait(hasHeadings, SETTLE_MAX_MS, () => check('rendered after navigation'));
    // The second look waits for the page to settle (5 s at most): its text may still be loading.
    else if (!lookedAgain) {
      lookedAgain = true;
      wait(() => true, SETTLE_MAX_MS, lookAfterNavigation);
    }
  };
  const navigated = () => {
    if (ctx.isInvalid) return;
    const now = pageOf(href());
    // A change of the query alone is no new page, unless the new query names one ("/legal?doc=privacy").
    const moved = movedOn(lastPage, now);
    lastPage = now;
    if (!moved) return;
    cancelWait();
    clearTimeout(navTimer);
    lookedAgain = false;
    navTimer = setTimeout(lookAfterNavigation, NAV_LOOK_MS);
  };

  /** Ends every wait and timer (tests; the page's own end needs nothing). */
  const stop = () => {
    cancelWait();
    clearTimeout(navTimer);
    navTimer = undefined;
  };

  return { look, start, navigated, stop };
}
