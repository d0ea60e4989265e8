/**
 * HTML string + page address → a jsdom `Document`, as the extension would see the page before any
 * script ran. The one jsdom loader of the project: the CLI uses it, and the evals and unit tests reach
 * it through scripts/lib/dom.ts.
 *
 * Why jsdom rather than linkedom or happy-dom: its parser (parse5) implements the WHATWG HTML parsing
 * algorithm, the same tree construction Chromium performs on malformed markup, and it is the DOM that
 * @mozilla/readability's own tests run on. The others are faster but build trees that diverge from
 * Chromium's, and the evaluation should measure what the extension sees.
 * Scripts are never executed and no sub-resource (images, stylesheets, frames) is fetched:
 * jsdom does neither unless `runScripts`/`resources` are set, and they are deliberately left unset so
 * that reading an untrusted saved page is safe and works offline. A silent virtual console swallows
 * the CSS parse noise that real-world pages produce.
 */
import { createRequire } from 'node:module';
import { indexOfAsciiIgnoreCase } from '../lib/core/text/trim';
import { measureTree, READABILITY_LIMITS, type TreeSize } from '../lib/core/page/extract/extract';
import { ATTRIBUTE_LIMITS, attributesOver, estimatePageSize, MAX_SCAN_WORK, type PageEstimate } from '../lib/core/page/markup-size';

type Jsdom = typeof import('jsdom');
let jsdom: Jsdom | undefined;

/**
 * jsdom is loaded on the first page, not with the program: it takes longer to load (about a second)
 * than `--help` or a Markdown diff take to run, and those never need it. It is CommonJS, so a
 * synchronous require keeps every caller synchronous; the installed CLI keeps it outside its bundle
 * (a runtime dependency), resolved from the bundle's own location.
 */
function loadJsdom(): Jsdom {
  if (jsdom) return jsdom;
  const require = createRequire(import.meta.url);
  try {
    jsdom = require('jsdom') as Jsdom;
  } catch (e) {
    if ((e as NodeJS.ErrnoException | null)?.code !== 'MODULE_NOT_FOUND') throw e;
    throw new Error('reading HTML needs the jsdom package, which is not installed next to clausewatch (reinstall clausewatch)', { cause: e });
  }
  lazyLiveLists(require);
  return jsdom;
}

interface LiveList { _list: unknown[] }
interface NodeImpl { _modified(): void; _childrenList: LiveList | null; _childNodesList: LiveList | null }

/**
 * jsdom 27 rebuilds a node's live `children` and `childNodes` lists after every change to its children,
 * whether anyone reads them again or not. Readability reads a list's parent's children once, then turns each
 * child <div> into a <p> one at a time, so a list laid out as n sibling <div>s (a cookie table, a glossary)
 * cost n² steps: 8,000 rows took 9 s. jsdom fixed this in its pull request 4249 (version 30, which needs
 * Node 22): a list is only marked stale, and rebuilt when next read, which every reader of it already asks
 * for (each of its getters compares the node's version first). This does the same on the jsdom 27 the
 * project pins: the lists are hidden from jsdom's own update, then emptied (so they keep no removed node
 * alive) and left stale. Where jsdom's internals are not what this expects, nothing is changed: pages are
 * read the same, only slower on long sibling lists. Returns whether it applied (for the tests).
 */
export function lazyLiveLists(require: NodeJS.Require): boolean {
  let proto: NodeImpl & { __clausewatchLazyLists?: true };
  try {
    proto = (require('jsdom/lib/jsdom/living/nodes/Node-impl.js') as { implementation: { prototype: typeof proto } }).implementation.prototype;
  } catch {
    return false;
  }
  if (proto.__clausewatchLazyLists) return true;
  const eager = proto._modified;
  if (typeof eager !== 'function' || !/_childrenList\._update\(\)/.test(String(eager)) || !/_childNodesList\._update\(\)/.test(String(eager))) return false;
  proto._modified = function lazyModified(this: NodeImpl) {
    const children = this._childrenList;
    const childNodes = this._childNodesList;
    if (!children && !childNodes) return eager.call(this);
    this._childrenList = null;
    this._childNodesList = null;
    try {
      eager.call(this);
    } finally {
      this._childrenList = children;
      this._childNodesList = childNodes;
    }
    if (children) children._list.length = 0;
    if (childNodes) childNodes._list.length = 0;
  };
  proto.__clausewatchLazyLists = true;
  return true;
}

export interface LoadedPage {
  document: Document;
  /** Frees the window; batch runs call it after each page so memory stays flat. */
  close(): void;
}

/** The markup with every <style> element's body emptied (a scan: a pattern over the whole page would retry from every "<style"). */
function emptyStyleBodies(html: string): string {
  let out = '';
  let i = 0;
  for (;;) {
    const open = indexOfAsciiIgnoreCase(html, '<style', i);
    if (open < 0) break;
    const after = html[open + 6] ?? '';
    const tagEnd = html.indexOf('>', open);
    const close = tagEnd < 0 ? -1 : indexOfAsciiIgnoreCase(html, '</style', tagEnd);
    if (/[a-z0-9-]/i.test(after) || tagEnd < 0 || close < 0) {
      out += html.slice(i, open + 6);
      i = open + 6;
      continue;
    }
    out += html.slice(i, tagEnd + 1);
    i = close;
  }
  return out + html.slice(i);
}

function build(html: string, url: string): LoadedPage {
  const { JSDOM, VirtualConsole } = loadJsdom();
  const dom = new JSDOM(html, { url, contentType: 'text/html', virtualConsole: new VirtualConsole() });
  return { document: dom.window.document, close: () => closeWindow(dom.window) };
}

/**
 * `emptyStyles` empties every stylesheet body before parsing (the elements stay): nothing in lib/ reads
 * CSS, and parsing stylesheets dominates load time on real pages, which matters over a whole corpus.
 */
export function loadHtml(html: string, url: string, options: { emptyStyles?: boolean } = {}): LoadedPage {
  if (options.emptyStyles) return build(emptyStyleBodies(html), url);
  try {
    return build(html, url);
  } catch (e) {
    // jsdom parses <style> blocks while building the tree, and its CSS library throws on some real
    // stylesheets (e.g. `border: inherit` shorthands). Nothing here reads CSS, so the page is parsed
    // again with empty style blocks rather than refused.
    const withoutCss = emptyStyleBodies(html);
    if (withoutCss === html) throw e;
    return build(withoutCss, url);
  }
}

// ---- work bounds --------------------------------------------------------------------------------------

/**
 * How much page the CLI hands to Readability. Its work (and jsdom's) grows with the number of elements
 * times their depth: every candidate's text and links are read through its whole subtree, up to five
 * times over. On jsdom, 1,000 nested divs took 17 s, 3,000 over 300 s, and 4,000 overflowed the stack;
 * 6,000 paragraphs under 100 divs took 16 s. The limits are about twice the largest of the corpus's 432
 * real pages (9,888 elements, 49 levels, 120,183 element-levels, each extracted in at most 1 s); the
 * depth one is half of what Chromium's own parser builds (it stops nesting at 512).
 */
export const DOM_LIMITS = {
  depth: READABILITY_LIMITS.depth,
  elements: 20_000,
  elementLevels: READABILITY_LIMITS.elementLevels,
  /**
   * Attributes written in one tag, and in the whole page (lib/core/page/markup-size.ts, which the extension
   * applies too). jsdom's parser is quadratic in the distinct attributes of one tag (10,000 took 0.6 s, 30,000
   * 5 s, 100,000 a minute), and beyond that each attribute of a page costs `detect` about 40 µs (200 tags of
   * 1,000: 9 s); at these limits the worst page, 100 tags of 1,000, takes 6 s. Counted as written, before
   * parsing, and refused then: no factor, the count is no estimate.
   */
  attributesPerTag: ATTRIBUTE_LIMITS.perTag,
  attributes: ATTRIBUTE_LIMITS.total,
};
export type DomLimits = typeof DOM_LIMITS;
/** The limits on the element tree, which the parsed document is measured against too. */
type TreeLimits = Pick<DomLimits, 'depth' | 'elements' | 'elementLevels'>;

/** A page over the work bounds; its message is one line for the user. */
export class PageTooComplex extends Error {}

const n = (x: number) => x.toLocaleString('en-US');

/**
 * Why a page is over the limits, or null. `factor` widens the limits for the estimate made before
 * parsing; the message always states the real limit. An exact count stops at the first limit passed,
 * so it says "over".
 */
function overLimit(size: TreeSize, limits: TreeLimits, estimated: boolean, factor = 1): string | null {
  const amount = (value: number, limit: number) => (estimated ? `about ${n(value)}` : `over ${n(limit)}`);
  if (size.depth > factor * limits.depth) return `the page is nested too deeply to extract (${amount(size.depth, limits.depth)} levels; the limit is ${n(limits.depth)})`;
  if (size.elements > factor * limits.elements) return `the page has too many elements to extract (${amount(size.elements, limits.elements)}; the limit is ${n(limits.elements)})`;
  if (size.elementLevels > factor * limits.elementLevels) {
    return `the page is too large for how deeply it is nested to extract (elements × their levels: ${amount(size.elementLevels, limits.elementLevels)}; the limit is ${n(limits.elementLevels)})`;
  }
  return null;
}

/** Why a page has too many attributes for the parser, or null: the counts are exact, so stated as they are. */
function tooManyAttributes(estimate: PageEstimate, limits: DomLimits): string | null {
  const over = attributesOver(estimate, { perTag: limits.attributesPerTag, total: limits.attributes });
  if (!over) return null;
  return over.code === 'attributes-in-tag'
    ? `the page has a tag with too many attributes to extract (${n(over.n)} in one tag; the limit is ${n(over.m)})`
    : `the page has too many attributes to extract (${n(over.n)}; the limit is ${n(over.m)})`;
}

/** The exact size of a parsed document, counted without recursion; stops once a limit is passed. */
export function measurePage(doc: Document, limits: TreeLimits = DOM_LIMITS): TreeSize {
  const root = doc.documentElement;
  if (!root) return { depth: 0, elements: 0, elementLevels: 0 };
  return measureTree(root, (size) => overLimit(size, limits, false) !== null);
}

/**
 * loadHtml for a page about to be extracted: refuses (PageTooComplex) markup far over the limits before
 * parsing it, and a parsed document over them before Readability sees it.
 */
export function loadPageWithinLimits(html: string, url: string, limits: DomLimits = DOM_LIMITS): LoadedPage {
  const estimate = estimatePageSize(html);
  const tooComplex = estimate.overWork ? `the page's markup keeps too many elements open to extract (the look before parsing stopped after ${n(MAX_SCAN_WORK)} steps)` : null;
  const early = overLimit(estimate, limits, true, 2) ?? tooComplex ?? tooManyAttributes(estimate, limits);
  if (early) throw new PageTooComplex(early);
  const page = loadHtml(html, url);
  const exact = overLimit(measurePage(page.document, limits), limits, false);
  if (exact) {
    page.close();
    throw new PageTooComplex(exact);
  }
  return page;
}

/**
 * Frees a parsed page. jsdom's teardown can fail after the page was read: it recurses through the tree (a very
 * deep one overflows the stack), and it takes an <iframe> inside <svg> or <math> for a frame with a window of its
 * own (closing it is a TypeError). The page's text is already read and there is nothing left to free, so a
 * failure to close is no failure of the command.
 */
function closeWindow(window: { close(): void }): void {
  try {
    window.close();
  } catch {
    // Nothing to free (see above).
  }
}
