/**
 * Turns already-extracted policy text (Markdown, as Open Terms Archive records it, or plain text) into a
 * PolicyDocument, so that the change engine sees the same block structure it gets from HTML pages.
 * Formatting (emphasis, link targets, escapes) is dropped: it is never what a user cares about.
 */
import type { Block, PolicyDocument } from './schema';
import { countWords, normalizeText } from './text/normalize';
import { findStatedDate } from './text/dates';

const ATX = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const SETEXT = /^\s{0,3}(=+|-+)\s*$/;
const RULE = /^\s{0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$/;
const LIST = /^(\s*)(?:[*+•·▪‣◦-]|\\[*+-]|\d{1,3}\\?[.)]|[a-z]\)|\([a-z0-9ivx]{1,4}\))\s+(.*)$/i;
const FENCE = /^\s*(```|~~~)/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;

const TRACKING_PARAM = /^(?:utm_\w+|fbclid|gclid|dclid|msclkid|mc_[ce]id|_ga|_gl|ref|ref_src|igshid|yclid|spm|scid)$/i;

/** A URL without its tracking parameters, so that a new campaign tag in a link is not a change. */
export function stripTrackingParams(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const hashAt = url.indexOf('#', q);
  const base = url.slice(0, q);
  const query = url.slice(q + 1, hashAt < 0 ? undefined : hashAt);
  const hash = hashAt < 0 ? '' : url.slice(hashAt);
  const kept = query.split('&').filter((p) => p && !TRACKING_PARAM.test(p.split('=')[0] ?? ''));
  return base + (kept.length ? `?${kept.join('&')}` : '') + hash;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', rsquo: '’', lsquo: '‘', ldquo: '“', rdquo: '”', hellip: '…', copy: '©', reg: '®', trade: '™' };

/** Inline Markdown reduced to the words a reader sees. */
export function inlineText(input: string): string {
  let s = input;
  s = s.replace(/<br\s*\/?>/gi, ' ');
  s = s.replace(/<((?:https?|mailto):[^>\s]+)>/gi, (_, u: string) => stripTrackingParams(u));
  s = s.replace(/<\/?[a-z][^>]*>/gi, '');
  s = s.replace(/!\[([^\]]*)\]\((?:[^()]|\([^()]*\))*\)/g, '$1');
  // Links: keep the visible text; a link whose text is its own URL keeps the URL minus tracking.
  s = s.replace(/\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+"[^"]*")?\)/g, '$1');
  s = s.replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1');
  s = s.replace(/\bhttps?:\/\/[^\s)\]]+/gi, (u) => stripTrackingParams(u));
  s = s.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
  s = s.replace(/`+([^`]*)`+/g, '$1');
  s = s.replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2');
  s = s.replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*(?!\w)/g, '$1$2');
  s = s.replace(/(^|[^\w])_(?=\S)([^_]*?\S)_(?!\w)/g, '$1$2');
  s = s.replace(/\*\*|__/g, '');
  s = s.replace(/\\([\\`*_{}[\]()#+\-.!|>~<"'])/g, '$1');
  return normalizeText(s);
}

function tableCells(line: string): string[] {
  let t = line.trim();
  if (t.startsWith('|')) t = t.slice(1);
  if (t.endsWith('|') && !t.endsWith('\\|')) t = t.slice(0, -1);
  return t.split(/(?<!\\)\|/).map((c) => inlineText(c)).filter((c) => c.length > 0);
}

export function documentFromMarkdown(
  text: string,
  meta: { url: string; title?: string; language?: string },
): PolicyDocument {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  const path: Array<{ level: number; text: string }> = [];
  const section = (): string[] => path.map((p) => p.text);

  let para: string[] = [];
  let paraKind: 'paragraph' | 'list-item' = 'paragraph';
  let inFence = false;

  const flush = () => {
    if (para.length === 0) return;
    const t = inlineText(para.join(' '));
    if (t && /[\p{L}\p{N}]/u.test(t)) blocks.push({ kind: paraKind, text: t, section: section() });
    para = [];
    paraKind = 'paragraph';
  };
  const heading = (level: number, raw: string) => {
    flush();
    const t = inlineText(raw);
    if (!t || !/[\p{L}\p{N}]/u.test(t)) return;
    while (path.length && (path[path.length - 1]?.level ?? 0) >= level) path.pop();
    blocks.push({ kind: 'heading', text: t, section: section(), level });
    path.push({ level, text: t });
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (FENCE.test(line)) {
      flush();
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      para.push(line);
      continue;
    }
    if (!line.trim()) {
      flush();
      continue;
    }
    const atx = ATX.exec(line);
    if (atx) {
      heading(atx[1]?.length ?? 1, atx[2] ?? '');
      continue;
    }
    // Setext: a single paragraph line underlined by === or ---.
    const next = lines[i + 1] ?? '';
    if (para.length === 0 && SETEXT.test(next) && !LIST.test(line) && !line.trim().startsWith('|')) {
      const marker = next.trim()[0];
      heading(marker === '=' ? 1 : 2, line);
      i++;
      continue;
    }
    if (RULE.test(line)) {
      flush();
      continue;
    }
    const trimmed = line.trim();
    if (trimmed.startsWith('|') || (trimmed.includes(' | ') && TABLE_SEPARATOR.test(next))) {
      flush();
      if (TABLE_SEPARATOR.test(line)) continue;
      const cells = tableCells(line);
      if (cells.length) blocks.push({ kind: 'table-row', text: cells.join(' | '), section: section() });
      continue;
    }
    const quoted = trimmed.replace(/^(?:>\s?)+/, '');
    const list = LIST.exec(quoted);
    if (list) {
      flush();
      paraKind = 'list-item';
      para.push(list[2] ?? '');
      continue;
    }
    para.push(quoted);
  }
  flush();

  const plain = blocks.map((b) => b.text).join('\n');
  return {
    url: meta.url,
    title: meta.title ?? blocks.find((b) => b.kind === 'heading')?.text ?? '',
    language: meta.language ?? 'und',
    // The opening carries a policy's own date; further down, dates belong to laws and examples.
    statedDate: findStatedDate(plain.slice(0, 20_000).replace(/[*_`]/g, '')),
    blocks,
    extraction: { method: 'markdown', words: countWords(plain), notes: [] },
  };
}
