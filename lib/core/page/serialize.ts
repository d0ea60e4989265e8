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
 * `maxDepth`; and what is written is measured before it is written, so a page too large is refused before
 * the work. A text is measured by its length; an opened element's start tag by its name and its attributes'
 * names and values; an element to be copied whole by at least what `outerHTML` writes for it (wholeLength):
 * its text, read natively, its start tag, and under it what its text leaves out, the names and attributes of
 * its elements, its comments, and its templates' content (a fragment of its own, not among its children; nested
 * templates too). That measure visits each node under the element once, when it is about to be copied whole,
 * never again: linear in the page. It leaves out end tags and escapes, so it refuses no page that fits (but
 * for children a script gave a void element, which it counts and the serialiser leaves out); escapes lengthen
 * a text or a value (`&quot;` for `"`: six times at most), which is counted once written.
 * A subtree copied whole (at most `wholeBelow` elements, besides its templates' content) is not looked into
 * for its depth: copying it costs little, and the extractor refuses it.
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
 * At least how many characters a start tag written for `el` takes (its name, and each attribute's name and
 * value as they are, before escaping; a namespaced attribute's name as the page gave it), read without writing
 * it. Each value is read by its name (`getAttribute`): reading the attributes themselves (`el.attributes`) makes
 * a node of each attribute, kept with its element for the page's life (in Chromium, on a page of 50,000 elements
 * with 70,000 attributes: 70,000 nodes and 10 MB more of the page's memory, in about the same time).
 */
function startTagLength(el: Element, name = el.localName): number {
  const n = name.length + 2;
  // Most elements have none: asked first, nothing is built for them.
  if (!el.hasAttributes()) return n;
  const names = el.getAttributeNames();
  // Many attributes (a page's parser takes hundreds of thousands in one tag): one pass, not a search for each.
  if (names.length > 8) return n + attributeNodesLength(el);
  let attributes = 0;
  for (let i = 0; i < names.length; i++) {
    const a = names[i]!;
    // getAttribute lowercases the name it is given on an HTML element, and finds the first attribute of that
    // name: an upper-case one, or a second of one name (both set by a script, in other namespaces), is read
    // from the attributes themselves.
    const value = a === a.toLowerCase() && names.indexOf(a) === i ? el.getAttribute(a) : null;
    // A prefixed name ("xml:lang" set by a script under a prefix of its own) is written with the namespace's
    // prefix, not the page's: read from the attributes themselves, by their local names (a lower bound).
    if (value === null || a.includes(':')) return n + attributeNodesLength(el);
    attributes += a.length + value.length + 4;
  }
  return n + attributes;
}

/** The attributes' part of startTagLength, read from the attributes themselves: ` name="value"` each. */
function attributeNodesLength(el: Element): number {
  let n = 0;
  const attributes = el.attributes;
  for (let i = 0; i < attributes.length; i++) {
    const a = attributes[i];
    if (a) n += a.localName.length + a.value.length + 4;
  }
  return n;
}

/** At least how many characters a text (before escaping), a comment (`<!--data-->`) or a processing instruction (`<?target data>`) is written as. */
function characterDataLength(node: Node): number {
  return (node as CharacterData).length + (node.nodeType === TEXT ? 0 : node.nodeType === COMMENT ? 7 : 3);
}

/** A walker stops at elements, comments and processing instructions (NodeFilter.SHOW_*), not at texts. */
const SHOW_MARKUP = 0x1 | 0x80 | 0x40;

/** Whether `el` is an HTML <template>, whose content (a fragment of its own, not its children) it serialises. */
function isTemplate(el: Element, name = el.localName): el is HTMLTemplateElement {
  return name === 'template' && el.namespaceURI === HTML_NS;
}

/**
 * At least how many characters the serialiser writes for what is under `root`: its text, read natively
 * (`textContent`: a copy of its text, still far cheaper than serialising it), then, walked natively past the
 * texts, the start tags of its elements, its comments and its processing instructions. Templates found are put
 * in `templates`, for the caller to measure their content. Stops once past `budget`.
 */
function contentLength(root: Element | DocumentFragment, budget: number, templates: DocumentFragment[]): number {
  let n = root.textContent?.length ?? 0;
  const doc = root.ownerDocument;
  if (n > budget || !doc) return n;
  const walker = doc.createTreeWalker(root, SHOW_MARKUP);
  for (let node = walker.nextNode(); node && n <= budget; node = walker.nextNode()) {
    if (node.nodeType !== ELEMENT) {
      n += characterDataLength(node);
      continue;
    }
    const el = node as Element;
    const name = el.localName;
    n += startTagLength(el, name);
    if (isTemplate(el, name)) templates.push(el.content);
  }
  return n;
}

/**
 * At least how many characters `el.outerHTML` has, measured without serialising anything, or a number past
 * `budget` once it is known to be: its start tag and what is under it (contentLength: texts, and the attributes
 * and comments its text leaves out), and the content of its templates, nested ones too (a template's content is
 * a fragment of its own, not its children: its text is not the element's). End tags and escapes are left out.
 * Each node is visited once, each template's content once (each template is found once). Children a script gave
 * a void element or a template element itself, which the serialiser leaves out, are counted.
 */
function wholeLength(el: Element, budget: number): number {
  const name = el.localName;
  let n = startTagLength(el, name);
  const templates: DocumentFragment[] = isTemplate(el, name) ? [el.content] : [];
  const only = el.firstChild;
  // A lone text or comment (most leaves): its length, read as it is, and nothing to walk.
  if (only && only === el.lastChild && only.nodeType !== ELEMENT) n += characterDataLength(only);
  else if (only) n += contentLength(el, budget - n, templates);
  for (let i = 0; i < templates.length && n <= budget; i++) n += contentLength(templates[i]!, budget - n, templates);
  return n;
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
        // Its attributes first: one of many megabytes is refused before it is escaped.
        if (chars + startTagLength(el) > maxChars) return tooLarge();
        piece = startTag(el);
        stack.push(`</${tagName(el)}>`);
        open++;
        for (let c = el.lastChild; c; c = c.previousSibling) stack.push(c);
      } else {
        // Its size first, at least what it will write (wholeLength): serialised in one call, a <pre> of 20
        // million characters blocked the page for 90 ms, only to be refused; so would an attribute of as many,
        // or a template's content, which its text leaves out.
        if (chars + wholeLength(el, maxChars - chars) > maxChars) return tooLarge();
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
