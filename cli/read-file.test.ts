import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBounded, TooLarge } from './read-file';

let dir: string;
const writers: ChildProcess[] = [];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cw-read-file-'));
});
afterAll(() => {
  // A writer whose pipe a failed test never opened would wait for it forever.
  for (const w of writers) if (w.exitCode === null) w.kill();
  rmSync(dir, { recursive: true, force: true });
});

/** A named pipe another process writes `bytes` into, as `<(…)` or `cat … |` give one. */
function pipeOf(name: string, bytes: Uint8Array): string {
  const source = join(dir, `${name}.source`);
  const fifo = join(dir, name);
  writeFileSync(source, bytes);
  execFileSync('mkfifo', [fifo]);
  // Spawned before the read opens the pipe: the open waits for this writer, in another process.
  writers.push(spawn('sh', ['-c', 'cat "$0" > "$1"', source, fifo], { stdio: 'ignore' }));
  return fifo;
}

const thrown = (f: () => unknown): unknown => {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
};

describe('readBounded', () => {
  it('reads a regular file, and a pipe to its end (3 MB: more than one read of a pipe)', () => {
    const bytes = new Uint8Array(3 * 1024 * 1024 + 7).map((_, i) => i % 251);
    writeFileSync(join(dir, 'file'), bytes);
    expect(Buffer.compare(readBounded(join(dir, 'file'), bytes.length), bytes)).toBe(0);
    expect(Buffer.compare(readBounded(pipeOf('pipe', bytes), bytes.length), bytes)).toBe(0);
    expect(readBounded(pipeOf('empty-pipe', new Uint8Array()), 10).length).toBe(0);
  });

  it('refuses a regular file over the limit with its size, and a stream once it gives a byte more', () => {
    writeFileSync(join(dir, 'sparse'), '');
    truncateSync(join(dir, 'sparse'), 5_000_000);
    expect(thrown(() => readBounded(join(dir, 'sparse'), 4_999_999))).toMatchObject({ size: 5_000_000, limit: 4_999_999 });
    const endless = thrown(() => readBounded('/dev/zero', 3_000_000));
    expect(endless).toBeInstanceOf(TooLarge);
    expect(endless).toMatchObject({ size: null, limit: 3_000_000 });
    expect(thrown(() => readBounded(pipeOf('long-pipe', new Uint8Array(1001)), 1000))).toMatchObject({ size: null, limit: 1000 });
    expect(readBounded(pipeOf('pipe-at-limit', new Uint8Array(1000)), 1000).length).toBe(1000);
  });

  it('refuses a directory (EISDIR) and passes on what Node says of a missing file', () => {
    expect(thrown(() => readBounded(dir, 100))).toMatchObject({ code: 'EISDIR' });
    expect(thrown(() => readBounded(join(dir, 'missing'), 100))).toMatchObject({ code: 'ENOENT' });
  });
});
