/**
 * Turn extracted content (an element subtree) into ordered, normalised blocks, each with the path of
 * headings above it.
 */
import type { Block } from '../../schema';
import { normalizeText } from '../../text/normalize';

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'button', 'select', 'input', 'textarea', 'form', 'img', 'picture', 'video', 'audio', 'canvas', 'head']);
/** Heading tags and their levels. */
const HEADING = new Map([['h1', 1], ['h2', 2], ['h3', 3], ['h4', 4], ['h5', 5], ['h6', 6]]);
const BLOCKISH = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure',
  'footer', 'header', 'hgroup', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'thead', 'tfoot',
  'tr', 'td', 'th', 'ul', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'caption', 'center', 'menu', 'html',
]);

export interface BlockOptions {
  /** Stop after this many blocks, to bound work on huge pages. */
  maxBlocks?: number;
}

interface State {
  blocks: Block[];
  stack: Array<{ level: number; text: string }>;
  inline: string[];
  max: number;
  /** Kind given to running text: 'list-item' inside <li>, so wrapped paragraphs stay list items. */
  kind: Block['kind'];
  /**
   * The headings above the current position, as a block's section path: one array shared by every
   * block under the same heading (blocks are never changed once made), remade when a heading opens.
   */
  path: string[];
}

function push(state: State, kind: Block['kind'], raw: string, level?: number): void {
  if (state.blocks.length >= state.max) return;
  const text = normalizeText(raw);
  if (!text) return;
  if (kind === 'heading' && level) {
    while (state.stack.length && (state.stack[state.stack.length - 1]?.level ?? 0) >= level) state.stack.pop();
    state.blocks.push({ kind, text, section: state.stack.map((h) => h.text), level });
    state.stack.push({ level, text });
    state.path = state.stack.map((h) => h.text);
    return;
  }
  state.blocks.push({ kind, text, section: state.path });
}

function flush(state: State): void {
  if (state.inline.length) {
    push(state, state.kind, state.inline.join(''));
    state.inline = [];
  }
}

/** Text of a subtree, treating <br> and block boundaries as spaces, skipping non-text elements. */
function textOf(node: Node, out: string[]): void {
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 3) out.push(c.nodeValue ?? '');
    else if (c.nodeType === 1) {
      const el = c as Element;
      const tag = el.localName;
      if (SKIP.has(tag)) continue;
      if (tag === 'br' || BLOCKISH.has(tag)) out.push(' ');
      textOf(el, out);
      if (BLOCKISH.has(tag)) out.push(' ');
    }
  }
}

function hasBlockChild(el: Element): boolean {
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
    if (BLOCKISH.has(c.localName) || HEADING.has(c.localName)) return true;
  }
  return false;
}

/** Old pages lay out whole documents in tables: a row whose cells hold paragraphs is not data. */
function layoutRow(tr: Element): boolean {
  for (let cell = tr.firstElementChild; cell; cell = cell.nextElementSibling) {
    if (hasBlockChild(cell) || (cell.textContent?.length ?? 0) > 2000) return true;
  }
  return false;
}

function walk(el: Element, state: State): void {
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (state.blocks.length >= state.max) return;
    if (c.nodeType === 3) {
      state.inline.push(c.nodeValue ?? '');
      continue;
    }
    if (c.nodeType !== 1) continue;
    const child = c as Element;
    const tag = child.localName;
    if (SKIP.has(tag)) continue;
    if (tag === 'br') {
      // Two <br> in a row usually separate paragraphs in hand-written pages; one is a line break.
      const next = child.nextSibling;
      if (next && next.nodeType === 1 && (next as Element).localName === 'br') flush(state);
      else state.inline.push(' ');
      continue;
    }
    if (!BLOCKISH.has(tag) && !HEADING.has(tag)) {
      // Inline element: its text joins the current run, unless it hides blocks inside (bad markup).
      if (hasBlockChild(child)) {
        walk(child, state);
      } else {
        const parts: string[] = [];
        textOf(child, parts);
        state.inline.push(parts.join(''));
      }
      continue;
    }
    flush(state);
    const level = HEADING.get(tag);
    if (level) {
      const parts: string[] = [];
      textOf(child, parts);
      push(state, 'heading', parts.join(''), level);
      continue;
    }
    if (tag === 'tr' && !layoutRow(child)) {
      const cells: string[] = [];
      for (let cell = child.firstElementChild; cell; cell = cell.nextElementSibling) {
        const parts: string[] = [];
        textOf(cell, parts);
        const t = normalizeText(parts.join(''));
        if (t) cells.push(t);
      }
      if (cells.length) push(state, 'table-row', cells.join(' | '));
      continue;
    }
    if (tag === 'li') {
      // The item's own text is one block; nested lists become their own items after it.
      const prev = state.kind;
      state.kind = 'list-item';
      walk(child, state);
      flush(state);
      state.kind = prev;
      continue;
    }
    if (tag === 'p' || tag === 'dt' || tag === 'dd' || tag === 'pre' || tag === 'summary' || tag === 'caption' || tag === 'figcaption') {
      if (hasBlockChild(child)) {
        walk(child, state);
        flush(state);
      } else {
        const parts: string[] = [];
        textOf(child, parts);
        push(state, state.kind, parts.join(''));
      }
      continue;
    }
    walk(child, state);
    flush(state);
  }
}

export function blocksFromElement(root: Element, options: BlockOptions = {}): Block[] {
  const state: State = { blocks: [], stack: [], inline: [], max: options.maxBlocks ?? 20_000, kind: 'paragraph', path: [] };
  walk(root, state);
  flush(state);
  return state.blocks;
}
