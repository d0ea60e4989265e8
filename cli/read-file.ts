/**
 * A file's bytes, read to its end whatever kind of file it is: a regular file, or a stream (a pipe,
 * `<(…)` process substitution, /dev/stdin, a device) that says nothing of its size. Bounded by a size
 * limit either way: a regular file over it is refused before a byte is read, a stream once it has given
 * one byte more than the limit (so /dev/zero is refused, not read forever).
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** More than the limit; `size` is the file's size when known (a regular file), null for a stream. */
export class TooLarge extends Error {
  constructor(
    readonly size: number | null,
    readonly limit: number,
  ) {
    super(size === null ? `more than ${limit} bytes` : `${size} bytes, more than ${limit}`);
  }
}

/** What a stream is read in: a pipe gives at most 64 KB a read, and each piece is filled before the next. */
const PIECE_BYTES = 1024 * 1024;

/**
 * The bytes of `path`. Throws TooLarge past `limit`, and Node's own errors (ENOENT, EACCES, ENXIO for a
 * socket) as they are; a directory is EISDIR, before anything is read.
 */
export function readBounded(path: string, limit: number): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw Object.assign(new Error(`EISDIR: illegal operation on a directory, read '${path}'`), { code: 'EISDIR' });
    // A regular file's size is known: refused unread when it is too large, else read in one piece (and to
    // its real end, should it have grown, or be one of those files that report no size, as /proc's do).
    if (st.isFile() && st.size > limit) throw new TooLarge(st.size, limit);
    const pieces: Buffer[] = [];
    let total = 0;
    let piece = Buffer.allocUnsafe(Math.min(limit + 1, st.isFile() && st.size > 0 ? st.size + 1 : PIECE_BYTES));
    let filled = 0;
    for (;;) {
      if (filled === piece.length) {
        pieces.push(piece);
        piece = Buffer.allocUnsafe(Math.min(PIECE_BYTES, limit + 1 - total));
        filled = 0;
      }
      const n = readSync(fd, piece, filled, piece.length - filled, null);
      if (n === 0) break;
      filled += n;
      total += n;
      if (total > limit) throw new TooLarge(st.isFile() ? Math.max(st.size, total) : null, limit);
    }
    pieces.push(piece.subarray(0, filled));
    return pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces, total);
  } finally {
    closeSync(fd);
  }
}
