/**
 * Runs on every page: the cheap look for a privacy policy and, when the page may be one, a copy of it for
 * the background (utils/page-capture.ts). Kept small: every page pays for this bundle.
 *
 * An unlisted script, declared in the manifest's content_scripts by wxt.config.ts (http(s) pages, top
 * frames only, document_idle), not a WXT content script. WXT wraps a
 * content script in a ContentScriptContext, which dispatches "<extension id>:content:wxt:..." events on
 * the page's document and window and stops the script when it hears one from "a newer copy". DOM events
 * cross between the page's world and the content script's, and the extension id is public, so any page
 * could hear that Clausewatch is installed, and switch it off by replaying the event. This script
 * dispatches no event at all (tests/e2e/bundle.e2e.test.ts checks the build), and only the runtime decides
 * whether it is still alive: `browser.runtime?.id` is gone once the extension was reloaded, updated or
 * removed (Chromium leaves such orphaned scripts running; Firefox unloads them).
 */
import { browser } from 'wxt/browser';
import { watchAddress } from '@/utils/address-watch';
import { createPageCapture, whenShown, type PageContext } from '@/utils/page-capture';

export default defineUnlistedScript(() => {
  const ctx: PageContext = {
    get isInvalid() {
      return browser.runtime?.id == null;
    },
  };
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
  // A prerendered page (Chrome) is looked at once it is opened.
  whenShown(document, page.start);
  // Single-page sites: an address change without a new document (utils/address-watch.ts).
  watchAddress(window, page.navigated, () => ctx.isInvalid);
});
