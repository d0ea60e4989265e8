/**
 * Runs on every page, so it only reads cheap signals (the URL, the title and, when those name nothing,
 * a few headings). When the page may be a privacy policy it hands a serialised copy to the background,
 * where detection and Readability run away from the page's main thread and never touch the live
 * document.
 */
import { gateDocument, readHeadings } from '@/lib/detect/gate';
import { MAX_PAGE_CHARS } from '@/lib/limits';
import { serializeInSlices } from '@/lib/serialize';
import { sendMessage } from '@/utils/send';

const SETTLE_QUIET_MS = 600;
const SETTLE_MAX_MS = 5_000;

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  allFrames: false,
  // WXT would otherwise window.postMessage() a "content script started" message carrying the extension
  // id on every page, which lets any site detect that Clausewatch is installed.
  noScriptStartedPostMessage: true,
  main(ctx) {
    let lastChecked = '';
    const look = (): ReturnType<typeof gateDocument> | null => {
      try {
        return gateDocument(document, location.href);
      } catch (error) {
        console.debug('[Clausewatch] gate failed', error);
        return null;
      }
    };
    const check = (why: string, seen = look()) => {
      if (!seen || ctx.isInvalid) return;
      const { verdict, signals } = seen;
      if (!verdict.pass || signals.url === lastChecked) return;
      lastChecked = signals.url;
      const url = signals.url;
      const root = document.documentElement;
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
    // Wait for the DOM to settle (quiet for a moment; for an app shell, also until headings exist),
    // bounded, before the cheap check. The observer costs nothing once it has disconnected.
    const afterSettle = (why: string, untilHeadings: boolean) => {
      const started = performance.now();
      let quiet = 0;
      // Headings with text: an app shell may hold a logo-only h1 before its content arrives.
      const ready = () => !untilHeadings || readHeadings(document).length > 0;
      const finish = () => {
        observer.disconnect();
        clearTimeout(quiet);
        clearTimeout(deadline);
        check(why);
      };
      const observer = new MutationObserver(() => {
        clearTimeout(quiet);
        if (performance.now() - started > SETTLE_MAX_MS) return finish();
        if (ready()) quiet = ctx.setTimeout(finish, SETTLE_QUIET_MS);
      });
      observer.observe(document.documentElement, { childList: true, subtree: true });
      if (ready()) quiet = ctx.setTimeout(finish, SETTLE_QUIET_MS);
      const deadline = ctx.setTimeout(finish, SETTLE_MAX_MS);
      ctx.onInvalidated(() => observer.disconnect());
    };

    // Bench builds only (VITE_CW_BENCH=1, `npm run bench -- detection`): the first look timed as a page
    // pays it, in this content script's own world, written on the page with its verdict for the bench to
    // read. With ?cwbench=baseline, only the baseline (the first h1 and its text) is timed instead.
    // Production builds drop this block.
    if (import.meta.env.VITE_CW_BENCH) {
      if (location.search.includes('cwbench=baseline')) {
        const t0 = performance.now();
        const h1 = document.querySelector('h1');
        void (h1 ? h1.textContent : '');
        document.documentElement.setAttribute('data-cw-bench', JSON.stringify({ ms: performance.now() - t0 }));
        return;
      }
      const t0 = performance.now();
      const seen = look();
      const ms = performance.now() - t0;
      document.documentElement.setAttribute('data-cw-bench', JSON.stringify({ ms, pass: seen?.verdict.pass }));
    }
    // An app shell with no headings yet renders its content by script: look once it has. The first
    // look doubles as the check on ordinary pages, so they pay for one look only. A page named by its
    // URL or title passed without its headings being read; they are read here, on its way to the full
    // path (which reads its elements anyway), to tell whether it has rendered: headings with text, as
    // for any page (an app shell may hold a logo-only h1 before its content arrives).
    const first = look();
    const rendered = first !== null && (first.signals.headings ?? readHeadings(document)).length > 0;
    if (!rendered) afterSettle('rendered after load', true);
    else check('load', first);
    ctx.addEventListener(window, 'wxt:locationchange', () => afterSettle('navigation', false));
  },
});
