/**
 * Has the page's text arrived? Asked by the content script once a page has passed the gate, to decide
 * between capturing it at once and waiting for the DOM to settle. A policy rendered on the server is
 * captured when it loads, whatever its heading tags (h3 only, bold paragraphs, tables); only a page whose
 * text is still arriving (an app shell: an empty root element, a spinner, a logo) waits.
 *
 * The test is an amount of text, not a kind of element: a page holds at least RENDERED_CHARS characters
 * of text outside its chrome (navigation, banner, site footer, sidebars, dialogs and known consent
 * managers, hidden elements, scripts, styles, templates), read in document order and no further than
 * that. `npm run bench -- latency` runs it on the corpus's pages as served (parsed in Chromium, no page
 * script run): 188 of its 190 privacy policies reach it (the two that do not are one app-shell capture,
 * listed twice, with 30 characters of text), and 1 of the 8 blocked or empty captures (the one that holds a whole policy); the
 * old test, an h1 or h2 with text, let 178 policies through, and the other 12 waited 5 s for a heading
 * that never came.
 *
 * Bounded by counts, never by time: at most MAX_NODES nodes are visited (chrome subtrees are skipped
 * whole), so a page of 50,000 elements costs what a page of 5,000 does, and the same page always gets
 * the same answer. No layout is read (no `innerText`, no computed style): text hidden by CSS alone counts.
 */
import { isNotPageContent } from './not-content';

/** About 80 words: more than an app shell shows (a spinner, "Loading…", a cookie notice's first lines). */
export const RENDERED_CHARS = 500;
/** The most nodes read before giving up; on the corpus no page needs 500. */
export const MAX_RENDERED_NODES = 5_000;

/** Elements whose text is never the page's content: their subtrees are skipped whole. */
const CHROME_ELEMENTS = new Set(['script', 'style', 'noscript', 'template', 'nav', 'header', 'footer', 'aside', 'dialog', 'svg', 'select', 'button', 'iframe', 'object']);
/** The same, as ARIA roles. */
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary']);

export interface RenderedText {
  /** At least `enough` characters of content text were found. */
  rendered: boolean;
  /** Characters counted (trimmed text nodes), up to the first node that reached `enough`. */
  chars: number;
  /** Nodes visited. */
  nodes: number;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

function isChrome(el: Element): boolean {
  if (CHROME_ELEMENTS.has(el.localName)) return true;
  if (!el.hasAttributes()) return false;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const role = el.getAttribute('role');
  if (role !== null && CHROME_ROLES.has(role)) return true;
  // Dialogs and the roots of known consent managers, as detection and extraction leave them out: a
  // consent manager's banner and hidden preference centre hold hundreds of words before the policy's
  // text has arrived.
  return isNotPageContent(el);
}

/**
 * Counts the text of the body outside its chrome, in document order, until `enough` characters or
 * `maxNodes` nodes. Never throws: a document without a body (an XML viewer) has not rendered.
 */
export function renderedText(doc: Document, enough = RENDERED_CHARS, maxNodes = MAX_RENDERED_NODES): RenderedText {
  let chars = 0;
  let nodes = 0;
  try {
    const body = doc.body;
    if (!body) return { rendered: false, chars, nodes };
    let node: Node | null = body.firstChild;
    while (node && nodes < maxNodes) {
      nodes++;
      let descend = false;
      if (node.nodeType === TEXT_NODE) {
        chars += (node as Text).data.trim().length;
        if (chars >= enough) return { rendered: true, chars, nodes };
      } else if (node.nodeType === ELEMENT_NODE) {
        descend = !isChrome(node as Element);
      }
      const child: Node | null = descend ? node.firstChild : null;
      if (child) {
        node = child;
        continue;
      }
      // Up to the nearest ancestor with a next sibling, never above the body.
      while (node && node !== body && !node.nextSibling) node = node.parentNode;
      node = node && node !== body ? node.nextSibling : null;
    }
  } catch {
    // A foreign or broken document: judged on what was counted.
  }
  return { rendered: chars >= enough, chars, nodes };
}
