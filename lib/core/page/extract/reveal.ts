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

/**
 * What may be collapsed, as a selector both routes use: what Readability's visibility test looks at (hidden,
 * aria-hidden, inline style), plus zero heights, closed <details> and inert subtrees (a panel a class closes).
 * Only style attributes that could hold a hiding declaration are selected: matching those natively is much
 * cheaper than reading every styled element's attribute.
 */
export const FOLDABLE =
  '[hidden], [aria-hidden="true"], [style*="none" i], [style*="hidden" i], [style*="height" i], details:not([open]), [inert]';

/** Whether an element is collapsed: hidden by its own attributes, a closed <details>, or inert. */
export function collapsed(el: Element): boolean {
  return hiddenByAttributes(el) || (el.localName === 'details' && !el.hasAttribute('open')) || el.hasAttribute('inert');
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
 * of this one: it declares a language other than the one around it ("de" under an "en" page), or, where the
 * page does not say its own, a language none of the page's shown text declares (a hidden "de" beside the
 * visible "en" tab). `languages` gives the primary tags the shown text declares (`declaredLanguages`). A
 * collapsed English glossary in a German policy is read as a translation too: telling the two apart by
 * length failed on short translations, per-section toggles and pages whose scripts hold text, which are far
 * more common.
 */
export function hiddenTranslation(el: Element, languages: () => ReadonlySet<string>): boolean {
  const own = primaryTag(el.getAttribute('lang'));
  if (!own) return false;
  const around = primaryTag(el.parentElement?.closest('[lang]')?.getAttribute('lang') ?? el.ownerDocument.documentElement.getAttribute('lang'));
  if (around !== '') return around !== own;
  const shown = languages();
  return shown.size > 0 && !shown.has(own);
}

/**
 * The primary language tags declared by the shown text under `root`: elements with a lang that are not
 * hidden by their own attributes, not links or options (a language menu names every language it offers),
 * and not in page chrome. The first 5,000 with a lang; read once per page.
 */
export function declaredLanguages(root: ParentNode): () => ReadonlySet<string> {
  let tags: Set<string> | undefined;
  return () => {
    if (!tags) {
      tags = new Set();
      const list = root.querySelectorAll('[lang]:not(a, option, button, link, meta, [hreflang])');
      for (let i = 0; i < Math.min(list.length, 5000); i++) {
        const el = list[i];
        if (!el || hiddenByAttributes(el) || el.closest(CHROME)) continue;
        const tag = primaryTag(el.getAttribute('lang'));
        if (tag) tags.add(tag);
      }
    }
    return tags;
  };
}

/** At most `max` characters of an element's text, read without building the whole of it (a hostile label may hold a page). */
function boundedText(el: Element, max = 200): string {
  let out = '';
  let visited = 0;
  for (let n: Node | null = el.firstChild; n && out.length < max && visited < 256; visited++) {
    // Runs of white space (a pretty-printed label's indentation) count as one space.
    if (n.nodeType === 3) out = `${out}${(n as Text).data.slice(0, 4 * max).replace(/\s+/g, ' ')}`.replace(/^ | (?= )/g, '').slice(0, max);
    if (n.firstChild && n.nodeType === 1) {
      n = n.firstChild;
      continue;
    }
    while (n && n !== el && !n.nextSibling) n = n.parentNode;
    n = n && n !== el ? n.nextSibling : null;
  }
  return out;
}

const LABEL_TAG = /^(?:h[1-6]|summary|legend|caption|button)$/;
const isLabel = (n: Element) => LABEL_TAG.test(n.localName) || n.getAttribute('role') === 'heading' || n.getAttribute('role') === 'button';

/**
 * What a collapsed element is called, each name apart: its aria-label, the element aria-labelledby names, the
 * control that opens it (aria-controls, from `controls`), the heading or button just before it, and its own
 * opening heading or summary: the first element at the top of its first children, not a heading further down
 * (a subsection's "Prior notice" is not the panel's name). Every read is bounded.
 */
function collapsedLabels(el: Element, controls: (id: string) => Element | undefined): string[] {
  const labels = [el.getAttribute('aria-label')?.slice(0, 200) ?? ''];
  const by = el.getAttribute('aria-labelledby')?.trim().split(/\s+/)[0];
  const byEl = by ? el.ownerDocument.getElementById(by) : null;
  if (byEl) labels.push(boundedText(byEl));
  const control = el.id ? controls(el.id) : undefined;
  if (control) labels.push(boundedText(control));
  const before = el.previousElementSibling;
  if (before && isLabel(before)) labels.push(boundedText(before));
  let n = el.firstElementChild;
  for (let depth = 0; n && depth < 8; depth++, n = n.firstElementChild) {
    if (isLabel(n)) {
      labels.push(boundedText(n));
      break;
    }
  }
  return labels;
}

/**
 * A name for an earlier edition of the policy, at the start of a label ("Previous version (until March 2024)",
 * "View prior versions", "Archived privacy policy", "Frühere Fassungen"), in the languages the detector reads;
 * not "What changed from the previous version", "former policy holders", "prior notice" or "older versions of
 * the app".
 */
const OTHER_VERSION = new RegExp(
  String.raw`^[\s\p{P}\p{S}\p{N}]*(?:(?:view|show|see|read|open|display|download|afficher|voir|consulter|anzeigen|ver|mostrar|bekijk|toon|vedi|mostra)\s+)?(?:(?:the|our|all|an?|les?|la|die|alle|las?|los|het|de|le|i)\s+)?` +
    '(?:' +
    [
      String.raw`(?:previous|prior|earlier|former|older|old|archived?|superseded|past)\s+(?:(?:versions?|editions?)(?!\s+(?:of|for)\s+(?!(?:[\p{L}'’-]+\s+){0,3}?(?:privacy|polic|notice|statement|terms|datenschutz)))|privacy\s+(?:polic(?:y|ies)|notices?|statements?))`,
      String.raw`(?:anciennes?|précédentes?)\s+(?:versions?|politiques?)`,
      String.raw`versions?\s+(?:précédentes?|antérieures?|archivées?)`,
      String.raw`(?:frühere|vorherige|ältere|alte|archivierte)n?\s+(?:versionen|version|fassungen|fassung|datenschutzerklärungen|datenschutzerklärung)`,
      String.raw`(?:eerdere|vorige|oude)\s+(?:versies?|privacyverklaring)`,
      String.raw`versi[oó]n(?:es)?\s+(?:anterior(?:es)?|previas?)`,
      String.raw`versioni?\s+precedent[ei]`,
      String.raw`vers(?:ão|ões)\s+anterior(?:es)?`,
      '以前のバージョン|過去のバージョン|旧バージョン|以前的版本|历史版本|歷史版本|旧版|舊版',
      String.raw`이전\s*버전`,
    ].join('|') +
    String.raw`)(?![\p{L}\p{N}])`,
  'iu',
);
/** A class or id naming an earlier edition ("archived-version", "previous_policy"), not "archive-policy". */
const OTHER_VERSION_NAME = /(?:^|[\s_-])(?:(?:archived?|previous|prior|old(?:er)?)[-_]?versions?|(?:archived|previous|prior)[-_]?polic(?:y|ies))(?:$|[\s_-])/i;

/**
 * Whether a collapsed element holds an earlier edition of the policy ("Previous version (until March 2024)"):
 * kept collapsed, it is another document, and merged into this one every statement it makes would read as
 * new on the day the site adds it. `controls` finds the element whose aria-controls names an id.
 */
export function hiddenEarlierVersion(el: Element, controls: (id: string) => Element | undefined): boolean {
  if (OTHER_VERSION_NAME.test(`${el.id} ${el.getAttribute('class') ?? ''}`)) return true;
  return collapsedLabels(el, controls).some((label) => OTHER_VERSION.test(label));
}

/** The elements with aria-controls under `root`, by the ids they name (the first 5,000; read once per page). */
export function controlsIndex(root: ParentNode): (id: string) => Element | undefined {
  let index: Map<string, Element> | undefined;
  return (id) => {
    if (!index) {
      index = new Map();
      const list = root.querySelectorAll('[aria-controls]');
      for (let i = 0; i < Math.min(list.length, 5000); i++) {
        const c = list[i];
        for (const name of c?.getAttribute('aria-controls')?.split(/\s+/).slice(0, 8) ?? []) if (c && name && !index.has(name)) index.set(name, c);
      }
    }
    return index.get(id);
  };
}

/** Returns how many elements were revealed. */
export function revealCollapsed(doc: Document): number {
  const root = doc.body ?? doc.documentElement;
  if (!root) return 0;
  let revealed = 0;
  // Class-based hiding works through stylesheets, which Readability never evaluates, so it needs no undoing.
  const list = root.querySelectorAll(FOLDABLE);
  const n = Math.min(list.length, MAX_ELEMENTS);
  const controls = controlsIndex(root);
  const languages = declaredLanguages(root);
  for (let i = 0; i < n; i++) {
    const el = list[i];
    if (!el) continue;
    const tag = el.localName;
    // Things that are hidden for a reason other than collapsing: leave them hidden.
    if (tag === 'script' || tag === 'style' || tag === 'template' || tag === 'noscript' || tag === 'svg') continue;
    if (inChrome(el)) continue;
    // Another document: the same policy in another language, hidden behind a language switch, or an
    // earlier edition of it kept on the page behind a toggle. A closed <details>, an inert panel and a
    // zero-height one are not hidden to Readability's eyes, so each is hidden here.
    if (collapsed(el) && (hiddenTranslation(el, languages) || hiddenEarlierVersion(el, controls))) {
      el.setAttribute('hidden', '');
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

/** Headings looked at by headingButtonsAsText, at most: a bound on its work whatever the page. */
const MAX_HEADINGS = 5_000;
/** Readability's "unlikely candidate" words (0.6), which it removes an element for having in its class or id. */
const UNLIKELY_WORDS = /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote/gi;

/** Whether a node is only white space (or a comment). */
const blank = (n: Node) => n.nodeType === 8 || (n.nodeType === 3 && !(n.nodeValue ?? '').trim());

/**
 * An accordion's section titles are buttons inside headings (`<h2 class="accordion-header"><button
 * class="accordion-button">How we share information</button></h2>`: Bootstrap 5, the WAI-ARIA accordion
 * pattern). Readability removes every <button>, the fallback too, and with them the titles: the heading left
 * empty goes, and the sections lose their names. On a copy, a button that is the whole content of a heading
 * (an element `h1`-`h6` or with the heading role) is replaced by its own content, so the heading reads as its
 * label; and the heading's class and id have Readability's "unlikely" words ("accordion-header") spelt
 * otherwise, so that it is not removed as page furniture. Buttons beside a heading's text ("Edit") stay.
 *
 * Must only ever be called on a copy. Returns how many headings were so changed.
 */
export function headingButtonsAsText(root: ParentNode): number {
  const headings = root.querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"]');
  let changed = 0;
  for (let i = 0; i < Math.min(headings.length, MAX_HEADINGS); i++) {
    const h = headings[i];
    const button = h?.firstElementChild;
    if (!h || !button || button.localName !== 'button' || button !== h.lastElementChild) continue;
    let alone = true;
    for (let n = h.firstChild; n && alone; n = n.nextSibling) alone = n === button || blank(n);
    if (!alone) continue;
    while (button.firstChild) h.insertBefore(button.firstChild, button);
    button.remove();
    for (const name of ['class', 'id']) {
      const value = h.getAttribute(name);
      if (value) h.setAttribute(name, value.replace(UNLIKELY_WORDS, (w) => `${w[0]}_${w.slice(1)}`));
    }
    changed++;
  }
  return changed;
}
