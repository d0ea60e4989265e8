/**
 * Un-collapse a document copy before extraction. Readability treats `hidden`, `aria-hidden="true"`
 * and inline `display:none` / `visibility:hidden` as invisible and drops them, but in a policy those
 * are usually accordions, tabs and "read more" sections whose text is part of the policy.
 *
 * Must only ever be called on a clone: it edits attributes.
 */

const MAX_ELEMENTS = 60_000;
/** An inline declaration (trimmed) that collapses an element; such declarations are removed from the style text. */
const HIDING_DECL = /^(?:display\s*:\s*none|visibility\s*:\s*hidden|max-height\s*:\s*0(?:px)?|height\s*:\s*0(?:px)?)(?:\s*!important)?$/i;

/** The style text without its hiding declarations, or null when it has none. */
/** Whether an element's own attributes hide it (hidden, aria-hidden, or a hiding inline declaration). */
export function hiddenByAttributes(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return style !== null && withoutHiding(style) !== null;
}

function withoutHiding(style: string): string | null {
  const decls = style.split(';');
  const kept = decls.filter((d) => !HIDING_DECL.test(d.trim()));
  return kept.length === decls.length ? null : kept.join(';');
}

/**
 * Page chrome: navigation, banners, site footers, sidebars, menus, dialogs, tooltips. Its text is never
 * policy text. Hidden chrome (a closed menu or drawer) stays hidden, and before Readability runs the
 * chrome is removed from the copy: Readability would score, and re-read, every node in it only to drop
 * it, which costs more than the rest of the extraction.
 */
const CHROME =
  'nav, header, footer, aside, dialog, menu, [role="navigation"], [role="banner"], [role="contentinfo"], [role="complementary"], [role="dialog"], [role="alertdialog"], [role="menu"], [role="menubar"], [role="tooltip"], [aria-modal="true"]';
const CONTENT = 'main, article, section, [role="main"]';

/**
 * Whether an element matching CHROME is chrome. A header or footer is the page's banner or footer only
 * outside the content, and not when it holds a section heading: some pages wrap each section's title in
 * a <header>.
 */
function isChrome(el: Element): boolean {
  const tag = el.localName;
  if ((tag === 'header' || tag === 'footer') && !el.hasAttribute('role')) {
    return !el.parentElement?.closest(CONTENT) && !el.querySelector('h2, h3, h4, h5, h6');
  }
  return true;
}

function inChrome(el: Element): boolean {
  for (let c = el.closest(CHROME); c; c = c.parentElement?.closest(CHROME) ?? null) if (isChrome(c)) return true;
  return false;
}

/**
 * Remove page chrome (see CHROME) and inline graphics from a copy before Readability.
 * Must only ever be called on a clone. Returns how many subtrees were removed.
 */
export function pruneChrome(doc: Document): number {
  const root = doc.body;
  if (!root) return 0;
  const list = root.querySelectorAll(`${CHROME}, svg`);
  let removed = 0;
  for (let i = 0; i < list.length; i++) {
    const el = list[i];
    // Skip what went with an ancestor, and headers or footers that belong to the content.
    if (!el || !el.isConnected) continue;
    if (el.localName !== 'svg' && !isChrome(el)) continue;
    el.remove();
    removed++;
  }
  return removed;
}

const primaryTag = (lang: string | null | undefined) => (lang ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';

/**
 * Whether a hidden element is the policy in another language behind a language switch, not a collapsed part
 * of this one. It declares a language, and either a sibling declares another (the tabs of a switch: "en"
 * beside a hidden "de", whether or not the page says its own language), or it differs from the language
 * around it and holds at least half as much text as the page: a whole translation, not an English glossary
 * collapsed in a German policy. `pageText` is the page's text length, read once by the caller.
 */
export function hiddenTranslation(el: Element, pageText: () => number): boolean {
  const own = primaryTag(el.getAttribute('lang'));
  if (!own) return false;
  let steps = 0;
  for (let s = el.parentElement?.firstElementChild ?? null; s && steps < 64; s = s.nextElementSibling, steps++) {
    if (s === el) continue;
    const other = primaryTag(s.getAttribute('lang'));
    if (other && other !== own) return true;
  }
  const around = primaryTag(el.parentElement?.closest('[lang]')?.getAttribute('lang') ?? el.ownerDocument.documentElement.getAttribute('lang'));
  return around !== '' && around !== own && (el.textContent?.length ?? 0) * 2 >= pageText();
}

/**
 * What a collapsed element is called: its <summary>, its aria-label, the element aria-labelledby names, or the
 * first heading among its first few elements (bounded: every hidden element of the page is asked).
 */
function collapsedLabel(el: Element): string {
  const parts = [el.getAttribute('aria-label') ?? ''];
  const by = el.getAttribute('aria-labelledby')?.trim().split(/\s+/)[0];
  if (by) parts.push(el.ownerDocument.getElementById(by)?.textContent?.slice(0, 200) ?? '');
  let n = el.firstElementChild;
  for (let steps = 0; n && steps < 8; steps++) {
    if (/^(?:h[1-6]|summary|legend|caption)$/.test(n.localName) || n.getAttribute('role') === 'heading') {
      parts.push(n.textContent?.slice(0, 200) ?? '');
      break;
    }
    n = n.firstElementChild ?? n.nextElementSibling;
  }
  return parts.join(' ');
}

/** Words naming an earlier edition of the policy, in the languages the detector reads. */
const OTHER_VERSION =
  /\b(?:previous|prior|earlier|former|older|archived?|superseded|past)[\s-]+(?:(?:versions?|editions?)\b(?![\s-]+(?:of|for)[\s-]+(?!(?:(?:the|our|this)[\s-]+)?(?:privacy|polic|notice|statement)))|privacy[\s-]+(?:polic(?:y|ies)|notices?|statements?)\b|polic(?:y|ies)\b|notices?\b)|\bversions?[\s-]+(?:archiv|précédente|antérieure|anterior|precedente|vorige|eerdere)|\b(?:ancienne|vorherige|frühere|ältere|alte|vorige|eerdere|oude)[\s-]+(?:versions?|fassung(?:en)?|versie|politique)\b|\bversi[oó]n(?:es)? anterior(?:es)?\b|\bversione precedente\b|\bversão anterior\b/i;
const OTHER_VERSION_NAME = /(?:^|[\s_-])(?:archived?|previous|prior|old)[-_]?(?:versions?|polic(?:y|ies))(?:$|[\s_-])/i;

/**
 * Whether a collapsed element holds an earlier edition of the policy ("Previous version (until March 2024)"):
 * kept collapsed, it is another document, and merged into this one every statement it makes would read as
 * new on the day the site adds it.
 */
export function hiddenEarlierVersion(el: Element): boolean {
  if (OTHER_VERSION_NAME.test(`${el.id} ${el.getAttribute('class') ?? ''}`)) return true;
  return OTHER_VERSION.test(collapsedLabel(el));
}

/** Returns how many elements were revealed. */
export function revealCollapsed(doc: Document): number {
  const root = doc.body ?? doc.documentElement;
  if (!root) return 0;
  let revealed = 0;
  // Only what Readability's visibility test looks at (hidden, aria-hidden, inline style), plus closed
  // <details> and inert subtrees. Class-based hiding works through stylesheets, which Readability
  // never evaluates, so it needs no undoing. Only style attributes that could hold a hiding declaration
  // are selected: matching those natively is much cheaper than reading every styled element's attribute.
  const list = root.querySelectorAll(
    '[hidden], [aria-hidden="true"], [style*="none" i], [style*="hidden" i], [style*="height" i], details:not([open]), [inert]',
  );
  const n = Math.min(list.length, MAX_ELEMENTS);
  let textLength = -1;
  const pageText = () => (textLength < 0 ? (textLength = root.textContent?.length ?? 0) : textLength);
  for (let i = 0; i < n; i++) {
    const el = list[i];
    if (!el) continue;
    const tag = el.localName;
    // Things that are hidden for a reason other than collapsing: leave them hidden.
    if (tag === 'script' || tag === 'style' || tag === 'template' || tag === 'noscript' || tag === 'svg') continue;
    if (inChrome(el)) continue;
    // The same policy in another language, hidden behind a language switch: another document.
    if (hiddenTranslation(el, pageText)) continue;
    // An earlier edition of the policy, kept on the page behind a toggle: another document too. A closed
    // <details> is not hidden to Readability's eyes, so it is hidden here.
    if (hiddenEarlierVersion(el)) {
      if (tag === 'details') el.setAttribute('hidden', '');
      continue;
    }
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
      const shown = withoutHiding(style);
      if (shown !== null) {
        el.setAttribute('style', shown);
        changed = true;
      }
    }
    if (changed) revealed++;
  }
  return revealed;
}
