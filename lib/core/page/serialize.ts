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

export async function serializeInSlices(root: Element, options: SliceOptions): Promise<SliceResult> {
  const { clock, pause } = options;
  const sliceMs = options.sliceMs ?? 15;
  const maxChars = options.maxChars ?? Number.POSITIVE_INFINITY;
  const wholeBelow = options.wholeBelow ?? 1500;
  const parts: string[] = [];
  let chars = 0;
  let slices = 1;
  let sliceStart = clock();

  // An explicit stack instead of recursion: deep pages cannot overflow it. Strings are end tags
  // waiting to be written once their element's children are done.
  const stack: Array<Node | string> = [root];
  while (stack.length) {
    const item = stack.pop()!;
    let piece = '';
    if (typeof item === 'string') piece = item;
    else if (item.nodeType === TEXT) piece = escapeText(item.nodeValue ?? '');
    else if (item.nodeType === COMMENT) piece = `<!--${item.nodeValue ?? ''}-->`;
    else if (item.nodeType === ELEMENT) {
      const el = item as Element;
      if (WHOLE.has(el.localName) || el.childElementCount === 0 || el.getElementsByTagName('*').length <= wholeBelow) {
        piece = el.outerHTML;
      } else if (VOID.has(el.localName) && el.namespaceURI === HTML_NS) {
        // Children a script gave a void element are not serialised.
        piece = el.outerHTML;
      } else {
        piece = startTag(el);
        stack.push(`</${tagName(el)}>`);
        for (let c = el.lastChild; c; c = c.previousSibling) stack.push(c);
      }
    }
    parts.push(piece);
    chars += piece.length;
    if (chars > maxChars) return { ok: false, reason: `page too large to copy (more than ${maxChars} characters)`, slices };
    // Only an actual pause awaits: an await per node would queue a microtask for every node.
    if (clock() - sliceStart >= sliceMs) {
      await pause();
      slices++;
      sliceStart = clock();
    }
  }
  return { ok: true, html: parts.join(''), slices };
}
