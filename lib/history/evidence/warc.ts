/**
 * WARC 1.1 records: writing them, and reading them back for `verify`. Pure: bytes in, bytes out.
 *
 * Record ids are derived, not random: the SHA-256 of the record's version line and of every other
 * header line as written (digests included), as a UUID (version 8, the RFC 9562 form for custom
 * derivations). The same record always gets the same id, and a header changed after export no longer
 * matches its id, which `verify` recomputes: the WARC digests cover only blocks, this covers the headers.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { utf8, warcDigest } from './digest';
import { concatBytes } from '../../core/bytes';

export const WARC_VERSION = 'WARC/1.1';
const CRLF = '\r\n';

export type WarcType = 'warcinfo' | 'response' | 'resource' | 'metadata';

export interface WarcRecordSpec {
  type: WarcType;
  /** W3C ISO 8601, e.g. 2026-03-01T09:30:00.000Z (WARC 1.1 allows fractions of a second). */
  date: string;
  targetUri?: string;
  contentType: string;
  block: Uint8Array;
  /** Where the payload starts inside the block: after the HTTP headers of a response. */
  payloadStart?: number;
  /** Further named fields, written after the standard ones. */
  fields?: Array<[name: string, value: string]>;
}

/** A header value may not break the header: no CR or LF. */
function headerValue(name: string, value: string): string {
  if (value.includes('\r') || value.includes('\n')) throw new Error(`the WARC header ${name} would contain a line break`);
  return value;
}

/** The record id for a record's header lines (all but WARC-Record-ID, in order, as written). */
export function recordIdFor(versionLine: string, lines: readonly string[]): string {
  const hex = bytesToHex(sha256(utf8([versionLine, ...lines].join(CRLF))));
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `<urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}>`;
}

/** One record: its id and its bytes (version line, headers, blank line, block, two CRLFs). */
export function warcRecord(spec: WarcRecordSpec): { id: string; bytes: Uint8Array } {
  const lines = [`WARC-Type: ${spec.type}`, `WARC-Date: ${headerValue('WARC-Date', spec.date)}`];
  if (spec.targetUri !== undefined) lines.push(`WARC-Target-URI: ${headerValue('WARC-Target-URI', spec.targetUri)}`);
  for (const [name, value] of spec.fields ?? []) lines.push(`${name}: ${headerValue(name, value)}`);
  lines.push(`Content-Type: ${headerValue('Content-Type', spec.contentType)}`);
  lines.push(`WARC-Block-Digest: ${warcDigest(spec.block)}`);
  if (spec.type !== 'warcinfo') lines.push(`WARC-Payload-Digest: ${warcDigest(spec.block.subarray(spec.payloadStart ?? 0))}`);
  lines.push(`Content-Length: ${spec.block.byteLength}`);
  const id = recordIdFor(WARC_VERSION, lines);
  const head = [WARC_VERSION, lines[0]!, `WARC-Record-ID: ${id}`, ...lines.slice(1)].join(CRLF);
  return { id, bytes: concatBytes([utf8(`${head}${CRLF}${CRLF}`), spec.block, utf8(`${CRLF}${CRLF}`)]) };
}

/** An HTTP/1.1 response block for a captured page: status line, headers, blank line, the page's bytes. */
export function httpResponseBlock(body: Uint8Array, contentType = 'text/html; charset=utf-8'): { block: Uint8Array; payloadStart: number } {
  const head = utf8(`HTTP/1.1 200 OK${CRLF}Content-Type: ${contentType}${CRLF}Content-Length: ${body.byteLength}${CRLF}${CRLF}`);
  return { block: concatBytes([head, body]), payloadStart: head.byteLength };
}

/** `name: value` lines, for warcinfo blocks (application/warc-fields). */
export function warcFields(fields: Array<[string, string]>): Uint8Array {
  return utf8(fields.map(([name, value]) => `${name}: ${headerValue(name, value)}${CRLF}`).join(''));
}

// ---- reading ---------------------------------------------------------------------------------------

export interface ParsedRecord {
  /** 1-based position in the file. */
  index: number;
  /** Byte offset of its version line. */
  offset: number;
  versionLine: string;
  /** Header lines as written, without the version line. */
  lines: string[];
  /** Field values by lower-cased name, in order. */
  fields: Map<string, string[]>;
  block: Uint8Array;
}

export type ParseResult = { records: ParsedRecord[]; error: null } | { records: ParsedRecord[]; error: { index: number; offset: number; message: string } };

/** Headers longer than this are not from a Clausewatch export (ours are a few hundred bytes). */
const MAX_HEADER_BYTES = 64 * 1024;
const decoder = new TextDecoder('utf-8', { fatal: true });

function findCrlf(bytes: Uint8Array, from: number, limit: number): number {
  const end = Math.min(bytes.byteLength - 1, limit);
  for (let i = from; i < end; i++) if (bytes[i] === 13 && bytes[i + 1] === 10) return i;
  return -1;
}

const WARC_MAGIC = [0x57, 0x41, 0x52, 0x43, 0x2f]; // "WARC/"
/** A version line: "WARC/" and a version number ("WARC/1.1"); whether it is one this reader knows is the verifier's concern. */
const VERSION_LINE = /^WARC\/\d{1,4}\.\d{1,4}$/;

function startsWithWarc(bytes: Uint8Array, at: number): boolean {
  return WARC_MAGIC.every((b, i) => bytes[at + i] === b);
}

function isDigits(s: string): boolean {
  if (s.length === 0 || s.length > 15) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * Splits a WARC file into records. Stops at the first thing that is not a well-formed record and says
 * where; never reads past a record's Content-Length or the end of the file, and bounds header sizes.
 * A value from the file is quoted in a message as it is, not escaped: whoever shows the message escapes
 * it, once (the command line writes control and format characters as `\u` escapes).
 */
export function parseWarc(bytes: Uint8Array): ParseResult {
  const records: ParsedRecord[] = [];
  let pos = 0;
  while (pos < bytes.byteLength) {
    const index = records.length + 1;
    const fail = (message: string, offset = pos): ParseResult => ({ records, error: { index, offset, message } });
    if (!startsWithWarc(bytes, pos)) {
      const shown = new TextDecoder().decode(bytes.subarray(pos, pos + 40)).split(/[\r\n]/)[0];
      return fail(`expected a WARC version line, found "${shown}"`);
    }
    const headerLimit = pos + MAX_HEADER_BYTES;
    const lines: string[] = [];
    let cursor = pos;
    let versionLine = '';
    for (;;) {
      const eol = findCrlf(bytes, cursor, headerLimit);
      if (eol < 0) return fail(cursor === pos ? 'its version line does not end within 64 KB' : 'its header does not end (no blank line within 64 KB)');
      let line: string;
      try {
        line = decoder.decode(bytes.subarray(cursor, eol));
      } catch {
        return fail('its header is not valid UTF-8', cursor);
      }
      cursor = eol + 2;
      if (!versionLine) {
        if (!VERSION_LINE.test(line)) return fail(`expected a WARC version line, found "${line.slice(0, 40)}"`);
        versionLine = line;
        continue;
      }
      if (line === '') break;
      lines.push(line);
    }
    const fields = new Map<string, string[]>();
    for (const line of lines) {
      const colon = line.indexOf(':');
      if (colon <= 0) return fail(`a header line has no field name: "${line.slice(0, 60)}"`);
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      const list = fields.get(name);
      if (list) list.push(value);
      else fields.set(name, [value]);
    }
    const lengths = fields.get('content-length') ?? [];
    if (lengths.length !== 1 || !isDigits(lengths[0]!)) return fail('it has no single valid Content-Length');
    const length = Number(lengths[0]);
    if (cursor + length > bytes.byteLength) return fail(`its Content-Length (${length}) runs past the end of the file`);
    const block = bytes.subarray(cursor, cursor + length);
    cursor += length;
    if (bytes[cursor] !== 13 || bytes[cursor + 1] !== 10 || bytes[cursor + 2] !== 13 || bytes[cursor + 3] !== 10) {
      return fail('its block is not followed by the blank lines that end a record (its Content-Length or its content was altered)', cursor);
    }
    records.push({ index, offset: pos, versionLine, lines, fields, block });
    pos = cursor + 4;
  }
  return { records, error: null };
}

/** The first value of a field, or undefined. */
export function field(record: ParsedRecord, name: string): string | undefined {
  return record.fields.get(name.toLowerCase())?.[0];
}

/** Where a response block's payload starts (after the HTTP headers' blank line), or -1. */
export function httpPayloadStart(block: Uint8Array): number {
  const limit = Math.min(block.byteLength - 3, MAX_HEADER_BYTES);
  for (let i = 0; i < limit; i++) {
    if (block[i] === 13 && block[i + 1] === 10 && block[i + 2] === 13 && block[i + 3] === 10) return i + 4;
  }
  return -1;
}
