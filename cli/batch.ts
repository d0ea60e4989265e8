/**
 * Batch mode for corpora: one JSON object per input line in, one JSON result per line out, in one
 * process and streaming, so a corpus of any length runs in flat memory and a consumer can follow along.
 * A bad line becomes an error result for that line and the run goes on.
 */
import { statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { BatchDetectResult, BatchDiffResult, type BatchError } from './output';
import { parsePageUrl, UsageError } from './args';
import { runDetect, runDiff } from './analyze';
import { errnoMessage, firstInvalidUtf8, InputError, readInputFile } from './input';
import { jsonText } from './safe-text';
import { bomEncoding } from '../lib/core/text/charset';

interface Sink {
  write(chunk: string): unknown;
  once?: (event: 'drain', listener: () => void) => unknown;
}

export interface BatchOptions {
  cwd: string;
  out: Sink;
  /** The language of the explanations. */
  lang?: string;
  maxBytes: number;
  /** Standard input, read when the batch file is "-" (its paths are then relative to `cwd`). */
  stdin?: AsyncIterable<Uint8Array>;
  /** Called when a line fails, before its error result is written: the status is 1 from then on. */
  lineFailed?: () => void;
}

type Id = string | number | null;

/** An id a consumer gets back exactly as written: a string, or an integer JSON and JavaScript agree on. */
const isId = (v: unknown): v is string | number => typeof v === 'string' || Number.isSafeInteger(v);

/** A batch line names a file or two and an address: a megabyte is far more than any real one needs. */
export const MAX_LINE_BYTES = 1024 * 1024;

type RawLine = { bytes: Buffer } | { tooLong: true };

/**
 * The file's lines as bytes, split at LF, in flat memory. A line that grows past `maxBytes` without
 * ending (a log, /dev/zero, a file that is not JSONL) stops the reading there: readline would buffer
 * it whole, up to hundreds of megabytes, before failing with a stack trace.
 */
async function* lines(source: AsyncIterable<Uint8Array>, maxBytes: number): AsyncGenerator<RawLine> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  for await (const piece of source) {
    const chunk = Buffer.isBuffer(piece) ? piece : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    let start = 0;
    for (let nl = chunk.indexOf(0x0a); nl >= 0; nl = chunk.indexOf(0x0a, start)) {
      const piece = chunk.subarray(start, nl);
      if (pendingBytes + piece.length > maxBytes) {
        yield { tooLong: true };
        return;
      }
      yield { bytes: pending.length ? Buffer.concat([...pending, piece]) : piece };
      pending = [];
      pendingBytes = 0;
      start = nl + 1;
    }
    if (start < chunk.length) {
      pending.push(chunk.subarray(start));
      pendingBytes += chunk.length - start;
      if (pendingBytes > maxBytes) {
        yield { tooLong: true };
        return;
      }
    }
  }
  if (pendingBytes > 0) yield { bytes: Buffer.concat(pending) };
}

class LineError extends Error {}

async function emit(out: Sink, value: unknown): Promise<void> {
  const ok = out.write(`${jsonText(value)}\n`);
  // Respect backpressure on a real pipe, or a slow consumer would make us buffer every result.
  if (ok === false && typeof out.once === 'function') await new Promise<void>((r) => out.once?.('drain', r));
}

function field(obj: Record<string, unknown>, name: string): string {
  const v = obj[name];
  if (v === undefined || v === null) throw new LineError(`missing "${name}"`);
  if (typeof v !== 'string' || !v) throw new LineError(`"${name}" must be a non-empty string`);
  return v;
}

function optionalUrl(obj: Record<string, unknown>): string | undefined {
  const v = obj['url'];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new LineError('"url" must be a string');
  try {
    return parsePageUrl(v);
  } catch (e) {
    throw new LineError(e instanceof UsageError ? e.message.replace(/--url/g, 'url') : String(e));
  }
}

function parseLine(text: string): { id: Id; obj: Record<string, unknown> } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new LineError('invalid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new LineError('expected a JSON object');
  const obj = value as Record<string, unknown>;
  const id = obj['id'];
  // A number past 2^53 would be echoed changed (9007199254740993 as ...992), 1e400 as null.
  if (!isId(id)) throw new LineError(id === undefined ? 'missing "id"' : '"id" must be a string or a safe integer');
  return { id, obj };
}

/** A best-effort id for an error result, so a consumer can still tell which line failed. */
function salvageId(text: string): Id {
  try {
    const v = JSON.parse(text) as unknown;
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const id = (v as Record<string, unknown>)['id'];
      if (isId(id)) return id;
    }
  } catch {
    // Not JSON at all: no id to report.
  }
  return null;
}

/**
 * The list file, opened for reading: one clear line (exit 1) when it cannot be, whatever the reason
 * (missing, a directory, no permission, a socket), as for any other input. Reading it later fails the
 * same way. `regular` says it is a regular file, not a pipe or a device.
 */
async function openListFile(absolute: string, listPath: string): Promise<{ stream: AsyncIterable<Uint8Array> & { destroy(): void }; regular: boolean }> {
  try {
    const st = statSync(absolute);
    if (st.isDirectory()) throw new InputError(`${listPath}: is a directory, not a JSONL file`);
    const handle = await open(absolute, 'r');
    return { stream: handle.createReadStream({ highWaterMark: 64 * 1024 }), regular: st.isFile() };
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(errnoMessage(e, listPath));
  }
}

/** The lines of the list, with an error while reading it (EIO, a device that fails) as an input error. */
async function* readable(source: AsyncIterable<Uint8Array>, listPath: string): AsyncGenerator<Uint8Array> {
  try {
    yield* source;
  } catch (e) {
    if (e instanceof InputError || !(e as NodeJS.ErrnoException | null)?.code) throw e;
    throw new InputError(errnoMessage(e, listPath));
  }
}

/**
 * The list as UTF-8. A list saved as UTF-16 with a byte-order mark (what Windows PowerShell 5's `>`
 * writes) is decoded as an input file would be (cli/input.ts decodeBytes) and passed on as UTF-8, piece
 * by piece; any other list passes as it is, UTF-8 (a BOM at its start is dropped with the line's) and
 * checked line by line. UTF-16 that does not decode (an unpaired surrogate, an odd byte at its end) ends
 * the run with one line, after the results of the lines before it.
 */
async function* asUtf8(source: AsyncIterable<Uint8Array>, listPath: string): AsyncGenerator<Uint8Array> {
  let head: Buffer | null = Buffer.alloc(0);
  let decoder: TextDecoder | null = null;
  const decode = (bytes?: Uint8Array): Uint8Array => {
    try {
      return Buffer.from(bytes ? decoder!.decode(bytes, { stream: true }) : decoder!.decode(), 'utf8');
    } catch {
      throw new InputError(`${listPath}: starts with a UTF-16 byte-order mark but is not valid UTF-16; convert it to UTF-8`);
    }
  };
  for await (const piece of source) {
    let bytes: Uint8Array = piece;
    if (head) {
      // The first two bytes decide, however the pieces come.
      head = Buffer.concat([head, piece]);
      if (head.length < 2) continue;
      // A UTF-8 mark passes with the bytes (it is dropped with the first line); the decoder drops a UTF-16 one itself.
      const encoding = bomEncoding(head);
      if (encoding === 'utf-16le' || encoding === 'utf-16be') decoder = new TextDecoder(encoding, { fatal: true });
      bytes = head;
      head = null;
    }
    yield decoder ? decode(bytes) : bytes;
  }
  if (head?.length) yield head;
  if (decoder) yield decode();
}

/** Names of an open file descriptor, standard input's included. */
const DESCRIPTOR_ALIAS = /^\/dev\/(?:stdin|fd\/\d+)$|^\/proc\/(?:self|thread-self|\d+)\/fd\/\d+$/;

/**
 * `listPath` "-" reads the batch from standard input. Paths in the lines are relative to the list
 * file's folder; to the working folder when the list is no regular file or is named by a file descriptor
 * (standard input, by "-" or as /dev/stdin, a pipe, `<(…)`): that folder says nothing of where the files are.
 */
export async function runBatch(command: 'detect' | 'diff', listPath: string, options: BatchOptions): Promise<number> {
  const fromStdin = listPath === '-';
  if (fromStdin && !options.stdin) throw new InputError('-: no standard input to read the batch from');
  const absolute = resolve(options.cwd, listPath);
  const file = fromStdin ? null : await openListFile(absolute, listPath);
  // /dev/stdin, /dev/fd/N or /proc/self/fd/N redirected from a file reads as a regular file, in /dev (a list
  // in /dev/shm is a file like any other).
  const base = file?.regular && !DESCRIPTOR_ALIAS.test(absolute) ? dirname(absolute) : resolve(options.cwd);
  try {
    return await runLines(command, listPath, asUtf8(readable(file?.stream ?? options.stdin!, listPath), listPath), base, options);
  } finally {
    file?.stream.destroy();
  }
}

async function runLines(command: 'detect' | 'diff', listPath: string, source: AsyncIterable<Uint8Array>, base: string, options: BatchOptions): Promise<number> {
  const schema = command === 'diff' ? BatchDiffResult : BatchDetectResult;
  let lineNo = 0;
  let failed = 0;
  for await (const raw of lines(source, MAX_LINE_BYTES)) {
    lineNo++;
    if ('tooLong' in raw) {
      throw new InputError(`${listPath}: line ${lineNo} is longer than ${MAX_LINE_BYTES / (1024 * 1024)} MB without ending; a batch file holds one short JSON object per line (stopped reading there)`);
    }
    const bad = firstInvalidUtf8(raw.bytes);
    const text = bad >= 0 ? null : raw.bytes.toString('utf8').replace(/^\uFEFF/, '').trim();
    if (text === '') continue;
    let result: unknown;
    try {
      if (text === null) throw new LineError(`not valid UTF-8 (byte ${bad} of the line)`);
      const { id, obj } = parseLine(text);
      const url = optionalUrl(obj);
      if (command === 'detect') {
        const input = readInputFile(field(obj, 'file'), base, options.maxBytes);
        result = { id, line: lineNo, ...runDetect(input, url ?? input.fileUrl) };
      } else {
        const olderPath = field(obj, 'older');
        const newerPath = field(obj, 'newer');
        const older = readInputFile(olderPath, base, options.maxBytes);
        const newer = readInputFile(newerPath, base, options.maxBytes);
        result = { id, line: lineNo, ...runDiff(older, newer, { older: url ?? older.fileUrl, newer: url ?? newer.fileUrl }, { lang: options.lang }) };
      }
      // Validated, but printed as built so that `id` and `line` lead each line for a human skimming it.
      schema.parse(result);
    } catch (e) {
      failed++;
      options.lineFailed?.();
      const known = e instanceof LineError || e instanceof InputError;
      const message = e instanceof Error ? e.message : String(e);
      const error: BatchError = { id: text === null ? null : salvageId(text), line: lineNo, command, error: known ? message : `internal error: ${message}` };
      result = error;
    }
    await emit(options.out, result);
    // A turn of the event loop: a page's DOM, closed once read, is freed only then, so a long list runs in
    // flat memory instead of holding every page it read until the end of a piece of the list.
    await new Promise<void>((r) => setImmediate(r));
  }
  return failed ? 1 : 0;
}
