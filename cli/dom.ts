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
   * Attributes written in one tag, and in the whole page. jsdom's parser is quadratic in the distinct
   * attributes of one tag (10,000 took 0.6 s, 30,000 5 s, 100,000 a minute), and beyond that each
   * attribute of a page costs `detect` about 40 µs (200 tags of 1,000: 9 s). The corpus's 432 real pages have at
   * most 70 on one tag and 13,949 in all; at these limits the worst page, 100 tags of 1,000, takes 6 s.
   * Counted as written, before parsing, and refused then: no factor, the count is no estimate.
   */
  attributesPerTag: 1_000,
  attributes: 100_000,
};
export type DomLimits = typeof DOM_LIMITS;
/** The limits on the element tree, which the parsed document is measured against too. */
type TreeLimits = Pick<DomLimits, 'depth' | 'elements' | 'elementLevels'>;

/** What the look before parsing counts: the tree it expects, and the attributes as written. */
export interface PageEstimate extends TreeSize {
  /** Attribute names written in every tag, end tags included (the tokenizer reads theirs too). */
  attributes: number;
  /** The most attribute names written in one tag. */
  mostAttributes: number;
}

/** A page over the work bounds; its message is one line for the user. */
export class PageTooComplex extends Error {}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen', 'frame', 'basefont', 'bgsound', 'image']);
/** Their content is text, not markup, up to their end tag. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);
/** End tags the parser supplies (or elements it closes itself): not counted as nesting in the estimate. */
const IMPLIED_END = new Set(['p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'colgroup', 'caption', 'rb', 'rt', 'rtc', 'rp', 'html', 'head', 'body']);
/** A new one closes the one still open (the parser's rule for these). */
const NO_SELF_NESTING = new Set(['a', 'button', 'nobr', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

const TAG_NAME = /[a-zA-Z][^\s/>]*/y;
/** Where the scan of a tag is: the HTML tokenizer's attribute states, the ones that count. */
const BEFORE_NAME = 0;
const NAME = 1;
const AFTER_NAME = 2;
const BEFORE_VALUE = 3;
const QUOTED = 4;
const UNQUOTED = 5;

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
  if (estimate.mostAttributes > limits.attributesPerTag) {
    return `the page has a tag with too many attributes to extract (${n(estimate.mostAttributes)} in one tag; the limit is ${n(limits.attributesPerTag)})`;
  }
  if (estimate.attributes > limits.attributes) return `the page has too many attributes to extract (${n(estimate.attributes)}; the limit is ${n(limits.attributes)})`;
  return null;
}

/**
 * A linear look at the markup before any parser runs, because jsdom itself takes seconds on a few
 * thousand nested elements and overflows the stack on tens of thousands. It counts start tags and
 * follows nesting the way the parser roughly would (void and raw-text elements, comments, the end tags
 * it supplies itself); the exact count after parsing decides, so the estimate only has to stop what is
 * far over the limits (twice them).
 *
 * It also counts the elements the parser makes that no tag names: a formatting element (<b>, <font>, …)
 * left open when its parent closes stays "active", and the parser opens a copy of it again wherever text
 * or an inline element comes next (the HTML standard's "reconstruct the active formatting elements"). A
 * 6 KB page of 200 unclosed <b id=…> then 1,000 "<p>x" builds over 200,000 elements; counted by tags it
 * looked like 1,200.
 *
 * And it counts the attributes written in each tag, which jsdom's parser takes quadratic time over.
 */
export function estimatePageSize(html: string): PageEstimate {
  const stack: string[] = [];
  /** For each slot of the stack, the active formatting entry it holds, if any. */
  const entries: Array<Active | undefined> = [];
  /** The list of active formatting elements: entries, and markers (a table cell, a caption, an object) that scope them. */
  const active: Array<Active | typeof MARKER> = [];
  /** Where each open table's cells begin in that list. */
  const tables: number[] = [];
  /** The stack's height when the last paragraph opened (it is not on the stack: its end tag is implied). */
  let paragraphAt = -1;
  let foreign = 0;
  let elements = 0;
  let depth = 0;
  let elementLevels = 0;
  let attributes = 0;
  let mostAttributes = 0;
  const truncate = (height: number) => {
    for (let k = stack.length - 1; k >= height; k--) {
      if (stack[k] === 'svg' || stack[k] === 'math') foreign--;
      const entry = entries[k];
      if (entry) entry.open = false;
    }
    stack.length = height;
    entries.length = height;
    if (paragraphAt > height) paragraphAt = -1;
  };
  const push = (name: string, entry?: Active) => {
    stack.push(name);
    entries.push(entry);
    if (stack.length > depth) depth = stack.length;
  };
  // The parser's "reconstruct the active formatting elements": each entry since the last marker that is no
  // longer open is opened again where the text goes.
  const reconstruct = () => {
    let from = active.length;
    while (from > 0 && active[from - 1] !== MARKER) from--;
    for (let k = from; k < active.length; k++) {
      const entry = active[k];
      if (!entry || entry === MARKER || entry.open) continue;
      elements++;
      elementLevels += stack.length + 1;
      // The copy carries the entry's attributes: three <b> of 1,000 each reopened 2,500 times is
      // 7.5 million attributes, from 3,000 written.
      attributes += entry.attributes;
      entry.open = true;
      push(entry.name, entry);
    }
  };
  const clearToMarker = () => {
    while (active.length > 0 && active.pop() !== MARKER);
  };
  let i = html.indexOf('<');
  // Text before the first tag, or between two tags, is where the parser reconstructs.
  // (White space too: in a body, the parser reconstructs for it as for any character.)
  for (let textFrom = 0; i >= 0 && i < html.length; textFrom = i, i = html.indexOf('<', i)) {
    if (i > textFrom) reconstruct();
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      if (end < 0) break;
      i = end + 3;
      continue;
    }
    const next = html.charCodeAt(i + 1);
    if (next === 0x21 || next === 0x3f) {
      // <!doctype>, <![CDATA[ ]]>, <?xml ?>
      const end = html.indexOf('>', i + 2);
      if (end < 0) break;
      i = end + 1;
      continue;
    }
    const closing = next === 0x2f;
    TAG_NAME.lastIndex = i + (closing ? 2 : 1);
    const m = TAG_NAME.exec(html);
    if (!m) {
      i++;
      continue;
    }
    const name = m[0].toLowerCase();
    const attributesFrom = TAG_NAME.lastIndex;
    // The end of the tag, past quoted attribute values, counting the attribute names on the way (the
    // tokenizer's attribute states, roughly). A quote opens a value only right after "=" (spaces between
    // allowed), as in the HTML tokenizer: a stray quote elsewhere (`<div x'>`) is part of a name.
    let j = TAG_NAME.lastIndex;
    let state = BEFORE_NAME;
    let quote = 0;
    let names = 0;
    for (; j < html.length; j++) {
      const c = html.charCodeAt(j);
      if (state === QUOTED) {
        if (c === quote) state = BEFORE_NAME;
        continue;
      }
      if (c === 0x3e) break;
      const space = c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c;
      if (state === UNQUOTED) {
        if (space) state = BEFORE_NAME;
      } else if (state === BEFORE_VALUE) {
        if (c === 0x22 || c === 0x27) {
          quote = c;
          state = QUOTED;
        } else if (!space) state = UNQUOTED;
      } else if (c === 0x2f) state = BEFORE_NAME;
      else if (c === 0x3d && state !== BEFORE_NAME) state = BEFORE_VALUE;
      else if (space) {
        if (state === NAME) state = AFTER_NAME;
      } else if (state !== NAME) {
        names++;
        state = NAME;
      }
    }
    attributes += names;
    if (names > mostAttributes) mostAttributes = names;
    const selfClosing = html.charCodeAt(j - 1) === 0x2f;
    i = j + 1;
    if (closing) {
      if (!foreign && FORMATTING.has(name)) {
        // Its own end tag ends the entry (the adoption agency, roughly: up to it, the stack closes too).
        for (let k = active.length - 1; k >= 0 && active[k] !== MARKER; k--) {
          if ((active[k] as Active).name !== name) continue;
          active.splice(k, 1);
          break;
        }
      }
      if (!foreign && SCOPE_MARKERS.has(name)) clearToMarker();
      if (!foreign && name === 'table') {
        const at = tables.pop();
        if (at !== undefined) active.length = Math.min(active.length, at);
      }
      if (name === 'p') paragraphAt = -1;
      const at = stack.lastIndexOf(name);
      if (at >= 0) truncate(at);
      continue;
    }
    elements++;
    if (!foreign) {
      // A block opening closes the paragraph still open, and with it what was opened inside it.
      if (CLOSES_PARAGRAPH.has(name) && paragraphAt >= 0) truncate(paragraphAt);
      if (CELL.has(name)) {
        // A new cell ends the one before it (its marker and what it made active).
        const at = tables[tables.length - 1];
        if (at !== undefined && active.length > at) active.length = at;
        active.push(MARKER);
      } else if (SCOPE_MARKERS.has(name)) active.push(MARKER);
      if (name === 'table') tables.push(active.length);
      if (!NO_RECONSTRUCTION.has(name)) reconstruct();
    }
    if (NO_SELF_NESTING.has(name)) {
      const open = name[0] === 'h' && name.length === 2 ? stack.findLastIndex((s) => /^h[1-6]$/.test(s)) : stack.lastIndexOf(name);
      if (open >= 0) truncate(open);
    }
    elementLevels += stack.length + 1;
    if (RAW_TEXT.has(name) && !foreign) {
      if (name === 'plaintext') break;
      const end = new RegExp(`</${name}`, 'ig');
      end.lastIndex = i;
      const found = end.exec(html);
      if (!found) break;
      i = found.index;
      continue;
    }
    if (name === 'p' && !foreign) paragraphAt = stack.length;
    if (VOID.has(name) || (selfClosing && foreign) || IMPLIED_END.has(name)) continue;
    let entry: Active | undefined;
    if (FORMATTING.has(name) && !foreign) {
      entry = { name, key: `${name}${html.slice(attributesFrom, j)}`, attributes: names, open: true };
      // The standard's "Noah's Ark" clause: at most three entries with the same name and attributes.
      let same = 0;
      for (let k = active.length - 1; k >= 0 && active[k] !== MARKER; k--) {
        if ((active[k] as Active).key === entry.key && ++same === 3) {
          active.splice(k, 1);
          break;
        }
      }
      active.push(entry);
    }
    push(name, entry);
    if (name === 'svg' || name === 'math') foreign++;
  }
  return { depth, elements, elementLevels, attributes, mostAttributes };
}

interface Active {
  name: string;
  /** Name and attributes as written: entries alike in both count together (the Noah's Ark clause). */
  key: string;
  /** Its attributes, which every copy the parser makes of it carries too. */
  attributes: number;
  /** Whether an element made for it is still open. */
  open: boolean;
}
const MARKER = 'marker' as const;
/** The formatting elements the parser keeps active past their parent. */
const FORMATTING = new Set(['a', 'b', 'big', 'code', 'em', 'font', 'i', 'nobr', 's', 'small', 'strike', 'strong', 'tt', 'u']);
/** Elements that scope the active formatting elements (cells and captions are handled with their table). */
const SCOPE_MARKERS = new Set(['td', 'th', 'caption', 'applet', 'object', 'marquee', 'template']);
const CELL = new Set(['td', 'th', 'caption']);
/** Start tags that close an open paragraph. */
const CLOSES_PARAGRAPH = new Set(['address', 'article', 'aside', 'blockquote', 'center', 'details', 'dialog', 'dir', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'header', 'hgroup', 'main', 'menu', 'nav', 'ol', 'p', 'search', 'section', 'summary', 'ul', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'listing', 'form', 'li', 'dd', 'dt', 'plaintext', 'table', 'hr', 'xmp']);
/** Start tags before which the parser reconstructs nothing (blocks, tables, the document's own). */
const NO_RECONSTRUCTION = new Set([...CLOSES_PARAGRAPH, 'html', 'head', 'body', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'caption', 'col', 'colgroup', 'frameset', 'frame', 'option', 'optgroup', 'title', 'style', 'script', 'meta', 'link', 'base', 'template', 'noscript', 'iframe', 'noembed', 'noframes', 'textarea', 'select', 'svg', 'math']);

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
  const early = overLimit(estimate, limits, true, 2) ?? tooManyAttributes(estimate, limits);
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
