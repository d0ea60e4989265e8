/**
 * Reading one input file, with the checks that turn a user's mistake (a directory, an image, an empty
 * or enormous file) into a one-line message instead of a stack trace or a nonsense analysis.
 */
import { isUtf8 } from 'node:buffer';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { InputFormat } from './output';
import { readBounded, TooLarge } from './read-file';
import { decodeAs, pageEncoding, utf8SequenceAt } from '../lib/core/text/charset';

/** A problem with an input the user can fix; printed without a stack trace, exit status 1. */
export class InputError extends Error {}

/** Policies are rarely above 1 MB of HTML; 20 MB leaves room for bloated saved pages yet stops a log file. */
export const DEFAULT_MAX_INPUT_BYTES = 20 * 1024 * 1024;
const SNIFF_BYTES = 8 * 1024;
/** How far sniffing looks past leading comments, XML declarations and white space for the first tag. */
export const SNIFF_SKIP_CHARS = 64 * 1024;

export interface InputFile {
  /** As given by the user. */
  source: string;
  absolutePath: string;
  fileUrl: string;
  format: InputFormat;
  text: string;
}

/**
 * A size for a message: rounded `up` for a file's size and `down` for a limit, so a file over the limit
 * never reads as the limit itself ("20.1 MB; the limit is 20.0 MB"). Under a KB in bytes.
 */
export function describeSize(bytes: number, round: 'up' | 'down'): string {
  const r = round === 'up' ? Math.ceil : Math.floor;
  if (bytes >= 1024 * 1024) return `${(r((bytes / (1024 * 1024)) * 10) / 10).toFixed(1)} MB`;
  if (bytes >= 1024) return `${r(bytes / 1024)} KB`;
  return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
}

/** One line saying why a file could not be read, from the error Node gave. */
export function errnoMessage(e: unknown, source: string): string {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return `${source}: no such file`;
  if (code === 'EACCES' || code === 'EPERM') return `${source}: permission denied`;
  if (code === 'EISDIR') return `${source}: is a directory, not a file`;
  if (code === 'ENOTDIR') return `${source}: a part of the path is not a folder`;
  if (code === 'ENXIO') return `${source}: cannot be opened (a socket, or a device with nothing behind it)`;
  return `${source}: cannot read (${code ?? (e instanceof Error ? e.message : String(e))})`;
}

/**
 * Binary when the head holds a NUL byte or is not valid UTF-8. `truncated` says the head was cut from a
 * longer file, where a multi-byte character cut at the end is fine.
 */
export function looksBinary(head: Uint8Array, truncated = false): boolean {
  if (head.includes(0)) return true;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: truncated });
    return false;
  } catch {
    return true;
  }
}

/**
 * Where the markup starts: past a byte-order mark and any white space, comments (`<!-- … -->`), XML
 * declarations or processing instructions (`<?xml … ?>`) and doctypes before it, as a saved page may
 * open with a licence or a banner. Looks at SNIFF_SKIP_CHARS at most; a comment not closed by then ends
 * the look. Says too whether an HTML doctype was passed on the way.
 */
function markupStart(text: string): { at: number; htmlDoctype: boolean } {
  const window = text.slice(0, SNIFF_SKIP_CHARS);
  let at = window.startsWith('\uFEFF') ? 1 : 0;
  let htmlDoctype = false;
  for (;;) {
    while (at < window.length && /\s/.test(window[at] ?? '')) at++;
    const doctype = window.slice(at, at + 9).toLowerCase() === '<!doctype';
    const close = window.startsWith('<!--', at) ? '-->' : window.startsWith('<?', at) || doctype ? '>' : null;
    if (close === null) return { at, htmlDoctype };
    const end = window.indexOf(close, at + 2);
    if (end < 0) return { at: window.length, htmlDoctype };
    if (doctype && /^<!doctype\s+html[\s>]/i.test(window.slice(at, end + 1))) htmlDoctype = true;
    at = end + close.length;
  }
}

/**
 * Tags a page's markup starts with, and Markdown or prose hardly ever does: the HTML signatures of the
 * WHATWG MIME Sniffing standard (`<html`, `<head`, `<body`, `<div`, `<p`, …), and the head's `<meta`,
 * `<link` and `<base`, which saved pages often begin with.
 */
const HTML_START = /^<(?:html|head|body|meta|link|base|title|script|style|iframe|h1|div|font|table|a|b|br|p)[\s/>]/i;

/**
 * The format of an input. HTML by extension (.html, .htm, .xhtml). Markdown by extension (.md,
 * .markdown, .mdown), and a .txt is never sniffed as HTML: a file named so is what it says, even when
 * its prose mentions `<head>`. Otherwise (saved pages often have no or odd extensions) HTML when its
 * markup starts like a page's: an HTML doctype, or one of HTML_START's tags first, after any byte-order
 * mark, white space, comments and XML declarations.
 */
export function sniffFormat(path: string, text: string): InputFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') return 'html';
  if (ext === '.md' || ext === '.markdown' || ext === '.mdown') return 'markdown';
  if (ext !== '.txt') {
    const start = markupStart(text);
    if (start.htmlDoctype || (start.at < SNIFF_SKIP_CHARS && HTML_START.test(text.slice(start.at, start.at + 16)))) return 'html';
  }
  // Text that uses Markdown headings is read as Markdown whatever its name; either way the same reader runs.
  if (/^\s{0,3}#{1,6}\s+\S/m.test(text.slice(0, 4096))) return 'markdown';
  return 'text';
}

/**
 * Offset of the first byte that is not part of a well-formed UTF-8 character (overlong forms, surrogates
 * and code points past U+10FFFF included, as TextDecoder judges them), or -1 when all of it is UTF-8.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  if (isUtf8(bytes)) return -1;
  for (let i = 0; i < bytes.length; ) {
    const n = utf8SequenceAt(bytes, i);
    if (n === 0) return i;
    i += n;
  }
  return -1;
}

/** Control characters that never occur in text (tab, line feed, form feed and carriage return do). */
// eslint-disable-next-line no-control-regex
const NOT_TEXT = /[\0-\x08\x0b\x0e-\x1f\ufffe\uffff]/;

export type Decoded = { ok: true; text: string } | { ok: false; reason: string };

const BINARY = 'looks like a binary file (not UTF-8 text); expected HTML, Markdown or plain text';

/**
 * Text from bytes, or why it is not text. The encoding is the one a browser would pick
 * (lib/core/text/charset.ts, as the extension decodes a page): a byte-order mark, then for HTML a
 * `<meta charset>` (many older European policies are still saved as windows-1252; a page declaring
 * UTF-16 is read as UTF-8, as browsers do), else UTF-8. A file that is UTF-8 throughout is read as UTF-8
 * even under a declared legacy charset (a page saved again by a tool that kept its old declaration).
 * Nothing is silently replaced: a byte that is not UTF-8 anywhere in a file read as UTF-8, or UTF-16 that
 * does not decode, is an error that says where, rather than text with holes in it.
 */
export function decodeBytes(bytes: Uint8Array): Decoded {
  const head = bytes.subarray(0, SNIFF_BYTES);
  const { encoding, source, label } = pageEncoding(head, null);
  // UTF-16 only by its byte-order mark: a declared UTF-16 reads as UTF-8.
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    let text: string;
    try {
      text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
    } catch {
      return { ok: false, reason: `starts with a UTF-16 byte-order mark but is not valid UTF-16 (a binary file?)` };
    }
    if (NOT_TEXT.test(text)) return { ok: false, reason: 'looks like a binary file behind a UTF-16 byte-order mark (it holds control characters that text never does)' };
    return { ok: true, text: text.replace(/^\uFEFF/, '') };
  }
  if (bytes.includes(0)) return { ok: false, reason: BINARY };
  const bad = firstInvalidUtf8(bytes);
  if (bad < 0) return { ok: true, text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8').replace(/^\uFEFF/, '') };
  if (encoding !== 'utf-8') {
    const text = decodeAs(encoding, bytes);
    if (text !== null) return { ok: true, text };
  }
  // The head was sniffed as a whole: bad bytes there, with control bytes no text holds, mean it is not text
  // at all; without them it is text in another encoding (Latin-1), and the reason below says where and what to do.
  if (bad < head.length && looksBinary(head, bytes.length > head.length) && hasControlBytes(head)) return { ok: false, reason: BINARY };
  const where = `is not valid UTF-8: byte ${bad} (0x${bytes[bad]!.toString(16).padStart(2, '0')}) is not part of a UTF-8 character`;
  if (source === 'bom') return { ok: false, reason: `${where}, although the file starts with a UTF-8 byte-order mark (which outranks a declared charset, as in a browser); convert the file to UTF-8` };
  if (source === 'meta' && label !== undefined && !/^utf-?8$/i.test(label)) {
    return { ok: false, reason: `${where} (the page declares charset "${label.slice(0, 40)}", which browsers read as UTF-8); convert the file to UTF-8, or declare its real charset` };
  }
  return { ok: false, reason: `${where}; convert the file to UTF-8, or for HTML declare its charset` };
}

/** C0 control bytes that text never holds (all but tab, line feed, form feed and carriage return). */
function hasControlBytes(head: Uint8Array): boolean {
  for (const b of head) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) return true;
  return false;
}

/** Text from bytes, or null when it is not text (see decodeBytes for why). */
export function decode(bytes: Uint8Array): string | null {
  const decoded = decodeBytes(bytes);
  return decoded.ok ? decoded.text : null;
}

/**
 * One input: a regular file, or a pipe, `<(…)` or /dev/stdin read to its end (a version kept in git:
 * `clausewatch diff <(git show HEAD~1:policy.md) policy.md`), at most `maxBytes` either way.
 */
export function readInputFile(source: string, cwd: string, maxBytes = DEFAULT_MAX_INPUT_BYTES): InputFile {
  if (!source) throw new InputError('empty file name');
  const absolutePath = resolve(cwd, source);
  let bytes: Uint8Array;
  try {
    bytes = readBounded(absolutePath, maxBytes);
  } catch (e) {
    if (e instanceof TooLarge) {
      const size = e.size === null ? `more than ${describeSize(maxBytes, 'down')}, where reading stopped` : describeSize(e.size, 'up');
      throw new InputError(`${source}: file is too large (${size}; the limit is ${describeSize(maxBytes, 'down')})`);
    }
    throw new InputError(errnoMessage(e, source));
  }
  if (bytes.length === 0) throw new InputError(`${source}: file is empty`);
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) throw new InputError(`${source}: ${decoded.reason}`);
  const text = decoded.text;
  if (!text.trim()) throw new InputError(`${source}: file is empty (only whitespace)`);
  return { source, absolutePath, fileUrl: pathToFileURL(absolutePath).href, format: sniffFormat(absolutePath, text), text };
}
