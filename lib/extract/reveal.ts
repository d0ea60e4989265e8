/**
 * Un-collapse a document copy before extraction. Readability treats `hidden`, `aria-hidden="true"`
 * and inline `display:none` / `visibility:hidden` as invisible and drops them, but in a policy those
 * are usually accordions, tabs and "read more" sections whose text is part of the policy.
 *
 * Must only ever be called on a clone: it edits attributes.
 */

const MAX_ELEMENTS = 60_000;
/** Inline declarations that collapse an element; removed from the style attribute text directly. */
const HIDING_DECL = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden|max-height\s*:\s*0(?:px)?|height\s*:\s*0(?:px)?)\s*(?:!important)?\s*(?=;|$)/gi;

/** Returns how many elements were revealed. */
export function revealCollapsed(doc: Document): number {
  const root = doc.body ?? doc.documentElement;
  if (!root) return 0;
  let revealed = 0;
  // Only what Readability's visibility test looks at (hidden, aria-hidden, inline style), plus closed
  // <details> and inert subtrees. Class-based hiding works through stylesheets, which Readability
  // never evaluates, so it needs no undoing.
  const list = root.querySelectorAll('[hidden], [aria-hidden="true"], [style], details:not([open]), [inert]');
  const n = Math.min(list.length, MAX_ELEMENTS);
  for (let i = 0; i < n; i++) {
    const el = list[i];
    if (!el) continue;
    const tag = el.localName;
    // Things that are hidden for a reason other than collapsing: leave them hidden.
    if (tag === 'script' || tag === 'style' || tag === 'template' || tag === 'noscript' || tag === 'svg') continue;
    let changed = false;
    if (el.hasAttribute('hidden')) {
      el.removeAttribute('hidden');
      changed = true;
    }
    if (el.getAttribute('aria-hidden') === 'true') {
      el.removeAttribute('aria-hidden');
      changed = true;
    }
    if (el.hasAttribute('inert')) {
      el.removeAttribute('inert');
      changed = true;
    }
    if (tag === 'details') {
      el.setAttribute('open', '');
      changed = true;
    }
    const style = el.getAttribute('style');
    if (style) {
      HIDING_DECL.lastIndex = 0;
      if (HIDING_DECL.test(style)) {
        el.setAttribute('style', style.replace(HIDING_DECL, ''));
        changed = true;
      }
    }
    if (changed) revealed++;
  }
  return revealed;
}
