/**
 * Tells the content script that the page's address changed without a new document (a single-page app's
 * history.pushState/replaceState, a hash route, back and forward inside the app). Dispatches nothing: no
 * DOM event leaves this script, so a page can neither hear that Clausewatch is installed nor stop it.
 *
 * A page can dispatch any of the events listened to here; each one only makes the watcher compare
 * `location.href` with the last address it saw, so a forged event costs a string comparison and changes
 * nothing.
 *
 * - The Navigation API (Chromium; Firefox 147 and later): `currententrychange` on `navigation` fires after
 *   every same-document address change, pushState and replaceState included.
 * - Without it (Firefox 140-146): a page's pushState cannot be seen from the content script's isolated
 *   world (patching `history` there patches only its own view), so `popstate` and `hashchange` are checked
 *   at once, and a poll every POLL_MS compares the address while the page is visible. A hidden tab has no
 *   reader; it is checked again as it becomes visible.
 *
 * Listeners are added once for the page's lifetime, never per address change. When the extension goes
 * away (reloaded, updated, removed: `isInvalid`), the next look removes them.
 */

/** The fallback poll: one string comparison per tick, only while the page is visible. */
export const POLL_MS = 1_000;

interface NavigationLike {
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
}

export function watchAddress(win: Window, onChange: () => void, isInvalid: () => boolean): () => void {
  const doc = win.document;
  let last = win.location.href;
  let poll: ReturnType<typeof setInterval> | undefined;
  const nav = (win as Window & { navigation?: NavigationLike }).navigation;
  const useNavigation = typeof nav?.addEventListener === 'function';

  const look = () => {
    if (isInvalid()) return stop();
    const now = win.location.href;
    if (now === last) return;
    last = now;
    onChange();
  };
  const pollWhileVisible = () => {
    if (doc.visibilityState === 'hidden') {
      clearInterval(poll);
      poll = undefined;
    } else {
      look();
      poll ??= setInterval(look, POLL_MS);
    }
  };
  function stop(): void {
    clearInterval(poll);
    poll = undefined;
    if (useNavigation) nav!.removeEventListener('currententrychange', look);
    else {
      win.removeEventListener('popstate', look);
      win.removeEventListener('hashchange', look);
      doc.removeEventListener('visibilitychange', pollWhileVisible);
    }
  }

  if (useNavigation) nav!.addEventListener('currententrychange', look);
  else {
    win.addEventListener('popstate', look);
    win.addEventListener('hashchange', look);
    doc.addEventListener('visibilitychange', pollWhileVisible);
    pollWhileVisible();
  }
  return stop;
}
