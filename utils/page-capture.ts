/**
 * The content script's work on a page (entrypoints/content.ts runs it on every page, so it only reads
 * cheap signals: the URL, the title and, when those name nothing, a few headings). When the page may be a
 * privacy policy it hands a serialised copy to the background, where detection and Readability run away
 * from the page's main thread and never touch the live document. A policy whose text is on the page when
 * this runs is copied at once, whatever its headings; only a page whose text is still arriving (an app
 * shell) waits for the DOM to settle. Imports nothing heavy: this is in the bundle every page pays for.
 */
import { gateDocument, readHeadings } from '@/lib/core/page/detect/gate';
import { renderedText } from '@/lib/core/page/detect/rendered';
import { MAX_PAGE_CHARS } from '@/lib/core/limits';
import { serializeInSlices } from '@/lib/core/page/serialize';
import { sendMessage } from './send';

const SETTLE_QUIET_MS = 600;
const SETTLE_MAX_MS = 5_000;

/** What the content script's context (WXT's ContentScriptContext) gives this module. */
export interface PageContext {
  readonly isInvalid: boolean;
  setTimeout(handler: () => void, ms: number): number;
  onInvalidated(cb: () => void): void;
}

export function createPageCapture(ctx: PageContext, doc: Document, href: () => string) {
  let lastChecked = '';
  const look = (): ReturnType<typeof gateDocument> | null => {
    try {
      return gateDocument(doc, href());
    } catch (error) {
      console.debug('[Clausewatch] gate failed', error);
      return null;
    }
  };
  const check = (why: string, seen = look()) => {
    if (!seen || ctx.isInvalid) return;
    const { verdict, signals } = seen;
    // Once per page: an anchor followed within it ("#sharing") is the same page, so it is not copied
    // again; a route of a hash-routed app ("#/privacy", "#!/terms") is a page of its own.
    // (Cut by hand: lib/core/url.ts brings the public-suffix list, 170 KB, into every page.)
    const hash = signals.url.indexOf('#');
    const anchor = hash >= 0 && !/^#!?\//.test(signals.url.slice(hash, hash + 3));
    const page = anchor ? signals.url.slice(0, hash) : signals.url;
    if (!verdict.pass || page === lastChecked) return;
    lastChecked = page;
    const url = signals.url;
    const root = doc.documentElement;
    if (!root) return;
    // Copied in slices of a few milliseconds: serialising a huge page in one go would freeze it.
    // A page too large to copy is still reported (with an empty copy), so the outcome is recorded.
    serializeInSlices(root, { clock: () => performance.now(), pause: () => new Promise((r) => setTimeout(r, 0)), maxChars: MAX_PAGE_CHARS })
      .then((copy) =>
        sendMessage('pageCaptured', {
          url,
          reason: copy.ok ? `${why}: ${verdict.reason}` : `${why}: ${verdict.reason}; ${copy.reason}`,
          html: copy.ok ? copy.html : '',
        }),
      )
      .catch(() => {
        // The extension was reloaded or the background is gone; nothing to do on this page.
      });
  };

  // Single-page sites: a policy may be rendered after load or reached by history navigation.
  // Wait for the DOM to settle (quiet for a moment; for an app shell, also until it is `ready`: its
  // text or headings have arrived), bounded, before the cheap check. The observer costs nothing once
  // it has disconnected. Readiness, once seen, is kept: the later mutations only restart the quiet.
  const afterSettle = (why: string, ready: () => boolean) => {
    const started = performance.now();
    let quiet = 0;
    let isReady = false;
    const readyNow = () => (isReady ||= ready());
    const finish = () => {
      observer.disconnect();
      clearTimeout(quiet);
      clearTimeout(deadline);
      check(why);
    };
    const observer = new (doc.defaultView ?? globalThis).MutationObserver(() => {
      clearTimeout(quiet);
      if (performance.now() - started > SETTLE_MAX_MS) return finish();
      if (readyNow()) quiet = ctx.setTimeout(finish, SETTLE_QUIET_MS);
    });
    observer.observe(doc.documentElement, { childList: true, subtree: true });
    if (readyNow()) quiet = ctx.setTimeout(finish, SETTLE_QUIET_MS);
    const deadline = ctx.setTimeout(finish, SETTLE_MAX_MS);
    ctx.onInvalidated(() => observer.disconnect());
  };
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
   * pays many times over anyway. Otherwise it is an app shell: wait until its text arrives.
   */
  function start(first = look()): void {
    if (!first) afterSettle('rendered after load', hasHeadings);
    else if (!first.verdict.pass) {
      if (!first.signals.headings?.length) afterSettle('rendered after load', hasHeadings);
    } else if (renderedText(doc).rendered) check('load', first);
    else afterSettle('rendered after load', hasContent);
  }

  /** A navigation inside a single-page site: look again once the new page has settled. */
  const navigated = () => afterSettle('navigation', () => true);

  return { look, start, navigated };
}
