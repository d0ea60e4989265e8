/**
 * Whether a URL fragment (without its "#") is a client-side route, "/legal/privacy" or "!/privacy": how a
 * hash-routed single-page app names its pages. Any other fragment ("sharing") is an anchor within the page.
 * The content script, the detector and a policy's identity (url.ts) read it alike. Imports nothing: the
 * every-page script carries it.
 */
export function isRoute(fragment: string): boolean {
  return fragment.startsWith('/') || fragment.startsWith('!/');
}
