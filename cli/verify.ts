/**
 * `clausewatch verify FILE.warc`: checks a Clausewatch evidence export (the extension's "Export evidence
 * (WARC)"): every record's WARC-Block-Digest and WARC-Payload-Digest, every record id against its
 * headers, each policy's hash chain, and each saved page and text against the chain entry that names
 * it (address, time, SHA-256). A `.warc.gz` (gzip, per record or whole) is read too, and so is a pipe
 * (/dev/stdin, `<(…)`), to its end.
 *
 * Self-contained so the argument parser can call it: `runVerify(path, { cwd })` resolves to the exit
 * status and the lines to print. Exit status: 0 the file verifies; 1 it does not (each problem is a
 * line naming the record), or it cannot be read.
 */
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { verifyWarc } from '../lib/history/evidence/verify';
import { readBounded, TooLarge } from './read-file';

export interface VerifyRun {
  exitCode: 0 | 1;
  /** Lines for standard output: what was checked, then each problem, then the verdict. */
  stdout: string[];
  /** Lines for standard error: only when the file cannot be read at all. */
  stderr: string[];
}

/** An export holds pages of up to 12 M characters each; 2 GB (uncompressed) is far past any history. */
export const MAX_WARC_BYTES = 2 * 1024 * 1024 * 1024 - 1;

function reason(e: unknown): string {
  if (e instanceof TooLarge) return `larger than ${e.limit} bytes`;
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return e instanceof Error ? e.message : String(e);
}

export async function runVerify(file: string, options: { cwd?: string; maxBytes?: number } = {}): Promise<VerifyRun> {
  const limit = options.maxBytes ?? MAX_WARC_BYTES;
  let bytes: Uint8Array;
  try {
    // Read to its end, a pipe too (`zcat export.warc.gz | clausewatch verify /dev/stdin`), whose size is unknown.
    bytes = readBounded(resolve(options.cwd ?? process.cwd(), file), limit);
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes, { maxOutputLength: limit });
  } catch (e) {
    return { exitCode: 1, stdout: [], stderr: [`clausewatch: error: ${file}: cannot read (${reason(e)})`] };
  }
  const report = verifyWarc(bytes);
  const stdout = [...report.lines.map((l) => `checked: ${l}`), ...report.problems.map((p) => `FAIL ${p}`)];
  stdout.push(
    report.ok
      ? `verified: ${file} is intact (${report.records} records)`
      : `not verified: ${file}: ${report.problems.length} ${report.problems.length === 1 ? 'problem' : 'problems'}`,
  );
  return { exitCode: report.ok ? 0 : 1, stdout, stderr: [] };
}
