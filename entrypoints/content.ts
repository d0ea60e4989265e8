/**
 * Runs on every page, so it only reads cheap signals (URL, title, a few headings) and asks the
 * background to inject the heavy extractor when the page may be a privacy policy.
 */
import { gate, readCheapSignals } from '@/lib/detect/gate';
import { sendMessage } from '@/utils/send';

const SETTLE_QUIET_MS = 600;
const SETTLE_MAX_MS = 5_000;

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  allFrames: false,
  main(ctx) {
    let lastChecked = '';
    const check = (why: string, again = false) => {
      if (ctx.isInvalid) return;
      const url = location.href;
      let verdict: { pass: boolean; reason: string };
      try {
        verdict = gate(readCheapSignals(document, url));
      } catch (error) {
        return void console.debug('[Clausewatch] gate failed', error);
      }
      if (!verdict.pass || (url === lastChecked && !again)) return;
      lastChecked = url;
      sendMessage('gatePassed', { url, reason: `${why}: ${verdict.reason}` }).catch(() => {
        // The extension was reloaded or the background is gone; nothing to do on this page.
      });
    };

    // Single-page sites: a policy may be rendered after load or reached by history navigation.
    // Wait for the DOM to settle (quiet for a moment, bounded) before the cheap check.
    const afterSettle = (why: string, again = false) => {
      const started = performance.now();
      let timer = 0;
      const observer = new MutationObserver(() => {
        clearTimeout(timer);
        if (performance.now() - started > SETTLE_MAX_MS) return finish();
        timer = ctx.setTimeout(finish, SETTLE_QUIET_MS);
      });
      const finish = () => {
        observer.disconnect();
        clearTimeout(timer);
        check(why, again);
      };
      observer.observe(document.documentElement, { childList: true, subtree: true });
      timer = ctx.setTimeout(finish, SETTLE_QUIET_MS);
      ctx.onInvalidated(() => observer.disconnect());
    };

    // An app shell with no headings yet may still render its policy: look (again) once it settles.
    const appShell = document.querySelector('h1, h2') === null;
    check('load');
    if (appShell) afterSettle('rendered after load', true);
    ctx.addEventListener(window, 'wxt:locationchange', () => afterSettle('navigation'));
  },
});
