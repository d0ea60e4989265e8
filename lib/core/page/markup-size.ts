/**
 * A linear look at a page's markup before any parser sees it: how deep its tree will be, how many elements
 * and attributes it will have. The CLI (cli/dom.ts) refuses pages far over what jsdom and Readability can
 * take in reasonable work; the extension (dom-tasks.ts) refuses pages whose attributes a browser's parser
 * takes quadratic time over. Pure: a scan of a string, no DOM.
 */
import type { TreeSize } from './extract/extract';

/**
 * Attributes written in one tag, and in the whole page (copies the parser makes of a formatting element
 * included, below). Parsers take time quadratic in one tag's attributes: jsdom's took a minute over
 * 100,000, Firefox's DOMParser 2.9 s over 100,000 and 45 s over 400,000 (Firefox ESR 153, 7 December
 * 2026; Chromium's is linear). The corpus's 432 real pages have at most 70 on one tag and 13,949 in all.
 * The same limits in the CLI and the extension, so that both refuse the same pages.
 */
export const ATTRIBUTE_LIMITS = { perTag: 1_000, total: 100_000 };

/** Why a page's attributes are refused: in one tag, or in all; the count and the limit. */
export type AttributeRefusal = { code: 'attributes-in-tag' | 'attributes'; n: number; m: number };

/** The page's attributes over ATTRIBUTE_LIMITS, or null. */
export function attributesOver(estimate: Pick<PageEstimate, 'attributes' | 'mostAttributes'>, limits = ATTRIBUTE_LIMITS): AttributeRefusal | null {
  if (estimate.mostAttributes > limits.perTag) return { code: 'attributes-in-tag', n: estimate.mostAttributes, m: limits.perTag };
  if (estimate.attributes > limits.total) return { code: 'attributes', n: estimate.attributes, m: limits.total };
  return null;
}

/** What the look before parsing counts: the tree it expects, and the attributes as written. */
export interface PageEstimate extends TreeSize {
  /** Attribute names written in every tag, end tags included (the tokenizer reads theirs too). */
  attributes: number;
  /** The most attribute names written in one tag. */
  mostAttributes: number;
  /**
   * Set when the look stopped at MAX_SCAN_WORK: following the parser over formatting elements left open and a
   * deep stack costs steps per tag that grow with both (400 KB of unclosed <b>s took it 13 s). The counts are
   * then of the part looked at; the page is refused as nested past reading.
   */
  overWork?: true;
  /** The steps the look took (MAX_SCAN_WORK). */
  steps: number;
}

/**
 * The most steps the look may take (each a slot of the stack or of the list of active formatting elements
 * visited). The corpus's 432 real pages take at most 151,342 (7 December 2026); a page past this is nested
 * past what extraction reads anyway (READABILITY_LIMITS: 256 levels).
 */
export const MAX_SCAN_WORK = 20_000_000;

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
  /** Steps taken (MAX_SCAN_WORK): each tag is charged the stack and active list its handling may visit. */
  let work = 0;
  let overWork = false;
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
    work += active.length - from + 1;
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
    if (work > MAX_SCAN_WORK) {
      overWork = true;
      break;
    }
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
    // What handling the tag may visit: for an end tag, the stack (the open element it closes) and, for a
    // formatting element, the active list (its entry); for a start tag, the stack where one of its name may
    // still be open (a heading, a link) and the active list for a formatting element (the Noah's Ark clause).
    work += 1 + (closing || NO_SELF_NESTING.has(name) ? stack.length : 0) + (FORMATTING.has(name) ? active.length : 0);
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
  return { depth, elements, elementLevels, attributes, mostAttributes, steps: work, ...(overWork ? { overWork: true as const } : {}) };
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
