/**
 * Runs on every page: the cheap look for a privacy policy and, when the page may be one, a copy of it for
 * the background (utils/page-capture.ts). Kept small: every page pays for this bundle.
 */
import { createPageCapture } from '@/utils/page-capture';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  allFrames: false,
  // WXT would otherwise window.postMessage() a "content script started" message carrying the extension
  // id on every page, which lets any site detect that Clausewatch is installed.
  noScriptStartedPostMessage: true,
  main(ctx) {
    const page = createPageCapture(ctx, document, () => location.href);

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
      const seen = page.look();
      const ms = performance.now() - t0;
      document.documentElement.setAttribute('data-cw-bench', JSON.stringify({ ms, pass: seen?.verdict.pass }));
    }
    page.start();
    ctx.addEventListener(window, 'wxt:locationchange', page.navigated);
  },
});
