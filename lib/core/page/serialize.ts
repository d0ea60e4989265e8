/**
 * A copy of a page's HTML, made in slices so the page's main thread is never blocked for long: the
 * content script serialises a policy page before handing it to the background, and `outerHTML` of a
 * 5 MB page takes about 80 ms in one go. Elements with small subtrees are serialised whole; larger
 * ones are opened, their children visited one by one, and the caller's `pause` runs whenever a slice
 * has used its time. The result equals `root.outerHTML` when the page does not change meanwhile.
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

const ELEMENT = 1;
const TEXT = 3;
const COMMENT = 8;

/** Text escaped as the HTML serialiser does outside attributes. */
function escapeText(s: string): string {
  return s.replace(/[&<>\u00a0]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&nbsp;'));
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
      } else {
        const shell = (el.cloneNode(false) as Element).outerHTML;
        const close = shell.lastIndexOf('</');
        if (close < 0) piece = el.outerHTML;
        else {
          piece = shell.slice(0, close);
          stack.push(shell.slice(close));
          for (let c = el.lastChild; c; c = c.previousSibling) stack.push(c);
        }
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
