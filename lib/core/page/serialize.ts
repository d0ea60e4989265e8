/**
 * A copy of a page's HTML, made in slices so the page's main thread is never blocked for long: the
 * content script serialises a policy page before handing it to the background, and `outerHTML` of a
 * 5 MB page takes about 80 ms in one go. Elements with small subtrees are serialised whole; larger
 * ones are opened, their children visited one by one, and the caller's `pause` runs whenever a slice
 * has used its time. The result equals `root.outerHTML` when the page does not change meanwhile.
 *
 * It never creates a node: an opened element's tags are written from its name and attributes, because
 * cloning an element (even `cloneNode(false)`) runs a custom element's constructor, in the page's world,
 * so a page could tell that something is copying it, and run code in the middle of the copy.
 *
 * Its work is bounded by what it copies: whether an element is copied whole or opened is decided by a count
 * that stops at `wholeBelow` (counting all of a big element's descendants cost the size of its subtree at
 * every level on the way down: elements × depth); the copy stops at an opened element deeper than
 * `maxDepth`, and a text, or an element to be copied whole, is measured by its text before it is
 * serialised, so a page too large is refused before the work. A subtree copied whole (at most `wholeBelow`
 * elements) is not looked into for its depth: copying it costs little, and the extractor refuses it.
 */

export interface SliceOptions {
  /** Milliseconds, e.g. `performance.now`. */
  clock: () => number;
  /** Gives the main thread back, e.g. a zero-delay timeout. */
  pause: () => Promise<void>;
  /** Time per slice before pausing. */
  sliceMs?: number;
  /** Stop, and say so, once the copy is longer than this. */
  maxChars?: number;
  /** Subtrees with at most this many elements are serialised in one call. */
  wholeBelow?: number;
  /**
   * Stop, and say so, at an element opened more than this many levels below the root (its children are at
   * 1): the extractor refuses such pages (READABILITY_LIMITS.depth), so copying them is wasted work.
   */
  maxDepth?: number;
}

export type SliceResult =
  | { ok: true; html: string; slices: number }
  | { ok: false; reason: string; slices: number };

/** Elements whose content is serialised raw or in a foreign syntax: always copied whole. */
const WHOLE = new Set(['script', 'style', 'textarea', 'template', 'noscript', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext', 'pre', 'svg', 'math', 'title']);

/** Elements the serialiser writes without content or end tag. */
const VOID = new Set(['area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'frame', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

const ELEMENT = 1;
const TEXT = 3;
const COMMENT = 8;

const HTML_NS = 'http://www.w3.org/1999/xhtml';
const SVG_NS = 'http://www.w3.org/2000/svg';
const MATHML_NS = 'http://www.w3.org/1998/Math/MathML';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
const XLINK_NS = 'http://www.w3.org/1999/xlink';

/** Text escaped as the HTML serialiser does outside attributes. */
function escapeText(s: string): string {
  return s.replace(/[&<>\u00a0]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&nbsp;'));
}

/**
 * An attribute value escaped as the HTML serialiser does: `&`, no-break space and `"`, and `<` and `>` as
 * the standard has said since 2025 (Chromium 138, Firefox 140 and jsdom do; an older browser leaves them as
 * they are, which parses the same).
 */
function escapeAttribute(s: string): string {
  return s.replace(/[&"<>\u00a0]/g, (c) => (c === '&' ? '&amp;' : c === '"' ? '&quot;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&nbsp;'));
}

/** An element's name as the HTML serialiser writes it: the local name in the HTML, SVG and MathML namespaces, else the qualified name. */
function tagName(el: Element): string {
  const ns = el.namespaceURI;
  if (ns === HTML_NS || ns === SVG_NS || ns === MATHML_NS || !el.prefix) return el.localName;
  return `${el.prefix}:${el.localName}`;
}

/** An attribute's name as the HTML serialiser writes it. */
function attributeName(a: Attr): string {
  switch (a.namespaceURI) {
    case null:
      return a.localName;
    case XML_NS:
      return `xml:${a.localName}`;
    case XMLNS_NS:
      return a.localName === 'xmlns' ? 'xmlns' : `xmlns:${a.localName}`;
    case XLINK_NS:
      return `xlink:${a.localName}`;
    default:
      return a.name;
  }
}

/** The start tag the HTML serialiser writes for `el`, read from its name and attributes (nothing is created). */
function startTag(el: Element): string {
  let tag = `<${tagName(el)}`;
  const attributes = el.attributes;
  for (let i = 0; i < attributes.length; i++) {
    const a = attributes[i];
    if (a) tag += ` ${attributeName(a)}="${escapeAttribute(a.value)}"`;
  }
  return `${tag}>`;
}

/**
 * The length of an element's text, read natively: a lone text child's length (not copied), or its
 * textContent's (a copy of its text, still far cheaper than serialising it).
 */
function textLength(el: Element): number {
  const only = el.childElementCount === 0 ? el.firstChild : null;
  if (only && only === el.lastChild && (only.nodeType === TEXT || only.nodeType === COMMENT)) return (only as CharacterData).length;
  return el.textContent?.length ?? 0;
}

export async function serializeInSlices(root: Element, options: SliceOptions): Promise<SliceResult> {
  const { clock, pause } = options;
  const sliceMs = options.sliceMs ?? 15;
  const maxChars = options.maxChars ?? Number.POSITIVE_INFINITY;
  const maxDepth = options.maxDepth ?? Number.POSITIVE_INFINITY;
  const wholeBelow = options.wholeBelow ?? 1500;
  const parts: string[] = [];
  let chars = 0;
  let slices = 1;
  let sliceStart = clock();
  const tooLarge = (): SliceResult => ({ ok: false, reason: `page too large to copy (more than ${maxChars} characters)`, slices });
  const tooDeep = (): SliceResult => ({ ok: false, reason: `page nested too deeply to extract (more than ${maxDepth} levels)`, slices });

  // An explicit stack instead of recursion: deep pages cannot overflow it. Strings are end tags
  // waiting to be written once their element's children are done; `open` counts them, and is the
  // level of the node taken next (the root's is 0).
  const stack: Array<Node | string> = [root];
  let open = 0;
  while (stack.length) {
    const item = stack.pop()!;
    let piece = '';
    if (typeof item === 'string') {
      piece = item;
      open--;
    } else if (item.nodeType === TEXT || item.nodeType === COMMENT) {
      // Its length first: a text of many megabytes is refused before it is copied.
      if (chars + (item as CharacterData).length > maxChars) return tooLarge();
      piece = item.nodeType === TEXT ? escapeText(item.nodeValue ?? '') : `<!--${item.nodeValue ?? ''}-->`;
    } else if (item.nodeType === ELEMENT) {
      const el = item as Element;
      if (open > maxDepth) return tooDeep();
      const whole = WHOLE.has(el.localName) || (VOID.has(el.localName) && el.namespaceURI === HTML_NS);
      // An element with more than wholeBelow elements under it is opened. The count stops there (a
      // collection's item is found by walking up to it, natively): counting them all, at every level on
      // the way down, cost the elements times the depth.
      if (!whole && el.childElementCount > 0 && el.getElementsByTagName('*').item(wholeBelow) !== null) {
        piece = startTag(el);
        stack.push(`</${tagName(el)}>`);
        open++;
        for (let c = el.lastChild; c; c = c.previousSibling) stack.push(c);
      } else {
        // Its text first (read natively: no node under it is touched from here): serialised in one call,
        // a <pre> of 20 million characters blocked the page for 90 ms, only to be refused.
        if (chars + textLength(el) > maxChars) return tooLarge();
        // Children a script gave a void element are not serialised.
        piece = el.outerHTML;
      }
    }
    parts.push(piece);
    chars += piece.length;
    if (chars > maxChars) return tooLarge();
    // Only an actual pause awaits: an await per node would queue a microtask for every node.
    if (clock() - sliceStart >= sliceMs) {
      await pause();
      slices++;
      sliceStart = clock();
    }
  }
  return { ok: true, html: parts.join(''), slices };
}
