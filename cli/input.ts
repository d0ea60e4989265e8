/**
 * Reading one input file, with the checks that turn a user's mistake (a directory, an image, an empty
 * or enormous file) into a one-line message instead of a stack trace or a nonsense analysis.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { InputFormat } from '../lib/cli-output';

/** A problem with an input the user can fix; printed without a stack trace, exit status 1. */
export class InputError extends Error {}

/** Policies are rarely above 1 MB of HTML; 20 MB leaves room for bloated saved pages yet stops a log file. */
export const DEFAULT_MAX_INPUT_BYTES = 20 * 1024 * 1024;
const SNIFF_BYTES = 8 * 1024;

export interface InputFile {
  /** As given by the user. */
  source: string;
  absolutePath: string;
  fileUrl: string;
  format: InputFormat;
  text: string;
}

function describeSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

function errnoMessage(e: unknown, source: string): string {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return `${source}: no such file`;
  if (code === 'EACCES' || code === 'EPERM') return `${source}: permission denied`;
  if (code === 'EISDIR') return `${source}: is a directory, not a file`;
  if (code === 'ENOTDIR') return `${source}: a part of the path is not a folder`;
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

/** HTML by extension, or by what the first KB looks like (saved pages often have no or odd extensions). */
export function sniffFormat(path: string, text: string): InputFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') return 'html';
  const head = text.slice(0, 1024).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || /<(?:body|head)[\s>]/.test(head)) return 'html';
  if (ext === '.md' || ext === '.markdown' || ext === '.mdown') return 'markdown';
  // Text that uses Markdown headings is read as Markdown whatever its name; either way the same reader runs.
  if (/^\s{0,3}#{1,6}\s+\S/m.test(text.slice(0, 4096))) return 'markdown';
  return 'text';
}

/** The encoding a saved page declares in its first KB (`<meta charset>` or http-equiv), if any. */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return m?.[1] ?? null;
}

/* Bytes 0x80-0x9F of windows-1252, which Node 20's decoder wrongly reads as C1 controls. */
const CP1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function decodeAs(label: string, bytes: Uint8Array): string | null {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    return null;
  }
  const text = decoder.decode(bytes);
  return decoder.encoding === 'windows-1252' ? text.replace(/[\u0080-\u009f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80] ?? c) : text;
}

/**
 * Text from bytes, or null for binary. UTF-8 unless a UTF-16 byte-order mark or, for HTML, a declared
 * legacy charset says otherwise: many older European policies are still saved as windows-1252.
 */
export function decode(bytes: Uint8Array): string | null {
  const head = bytes.subarray(0, SNIFF_BYTES);
  const bom16 = head[0] === 0xff && head[1] === 0xfe ? 'utf-16le' : head[0] === 0xfe && head[1] === 0xff ? 'utf-16be' : null;
  if (bom16) {
    const text = new TextDecoder(bom16).decode(bytes);
    return text.slice(0, SNIFF_BYTES).includes('\0') ? null : text.replace(/^\uFEFF/, '');
  }
  if (head.includes(0)) return null;
  if (!looksBinary(head, bytes.length > head.length)) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8').replace(/^\uFEFF/, '');
  const label = declaredCharset(head);
  return label && !/^utf-?8$/i.test(label) ? decodeAs(label, bytes) : null;
}

export function readInputFile(source: string, cwd: string, maxBytes = DEFAULT_MAX_INPUT_BYTES): InputFile {
  if (!source) throw new InputError('empty file name');
  const absolutePath = resolve(cwd, source);
  let size: number;
  try {
    const st = statSync(absolutePath);
    if (st.isDirectory()) throw new InputError(`${source}: is a directory, not a file`);
    if (!st.isFile()) throw new InputError(`${source}: not a regular file`);
    size = st.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(errnoMessage(e, source));
  }
  if (size === 0) throw new InputError(`${source}: file is empty`);
  if (size > maxBytes) {
    throw new InputError(`${source}: file is too large (${describeSize(size)}; the limit is ${describeSize(maxBytes)})`);
  }
  let bytes: Buffer;
  let fd: number | undefined;
  try {
    fd = openSync(absolutePath, 'r');
    bytes = Buffer.alloc(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, bytes, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    bytes = bytes.subarray(0, read);
  } catch (e) {
    throw new InputError(errnoMessage(e, source));
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  const text = decode(bytes);
  if (text === null) {
    throw new InputError(`${source}: looks like a binary file (not UTF-8 text); expected HTML, Markdown or plain text`);
  }
  if (!text.trim()) throw new InputError(`${source}: file is empty (only whitespace)`);
  return { source, absolutePath, fileUrl: pathToFileURL(absolutePath).href, format: sniffFormat(absolutePath, text), text };
}
