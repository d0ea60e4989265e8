/**
 * The program as a process (cli/main.ts runAsProcess, from the sources): what happens to its output
 * streams, which the in-process tests (cli/test-helpers.ts run) cannot show.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DetectOutput, DiffOutput } from './output';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** Runs `clausewatch ARGS` in the fixtures folder with its standard output going to `stdout` (a file descriptor). */
function runTo(stdout: number, args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['--import', 'tsx', `${ROOT}cli/main.ts`, ...args], { cwd: FIXTURES, stdio: ['ignore', stdout, 'pipe'], encoding: 'utf8', env: { ...process.env, ...env } });
}

describe('an output that cannot be written', () => {
  // /dev/full fails every write with ENOSPC, as a full disk does: Node's stack trace and exit 1 before.
  it.skipIf(!existsSync('/dev/full'))('is one line on standard error and exit 4, in a single run or a batch; the stack only with CLAUSEWATCH_DEBUG=1', () => {
    const full = openSync('/dev/full', 'w');
    try {
      for (const args of [['diff', 'policy-v1.md', 'policy-v2.md'], ['diff', '--batch', 'pairs.jsonl']]) {
        const r = runTo(full, args);
        expect(r.stderr).toBe('clausewatch: error: cannot write the output (ENOSPC: no space left on device)\n');
        expect(r.status).toBe(4);
      }
      const debug = runTo(full, ['detect', 'policy-v1.md'], { CLAUSEWATCH_DEBUG: '1' });
      expect(debug.status).toBe(4);
      expect(debug.stderr).toMatch(/^clausewatch: error: cannot write the output \(ENOSPC: no space left on device\)\nError: ENOSPC[^\n]*\n\s+at /);
    } finally {
      closeSync(full);
    }
  }, 60_000);
});

describe('a reader that closes the pipe early (`| head -1`)', () => {
  it('leaves the status the run had come to: 1 when a batch line had failed already (0 before)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cw-early-close-'));
    try {
      const pair = JSON.stringify({ older: join(FIXTURES, 'policy-v1.md'), newer: join(FIXTURES, 'policy-v2.md') }).slice(1);
      const lines = ['{"id":"bad","older":"nope.md","newer":"policy-v2.md"}', ...Array.from({ length: 300 }, (_, i) => `{"id":${i},${pair}`)];
      writeFileSync(join(dir, 'pairs.jsonl'), `${lines.join('\n')}\n`);
      const child = spawn(process.execPath, ['--import', 'tsx', `${ROOT}cli/main.ts`, 'diff', '--batch', join(dir, 'pairs.jsonl')], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      let first = '';
      // Read the first result line, then close the pipe, as `head -1` does: later writes meet EPIPE.
      child.stdout.on('data', (d: Buffer) => {
        first += d.toString();
        if (first.includes('\n')) child.stdout.destroy();
      });
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(first.split('\n')[0]).toBe('{"id":"bad","line":1,"command":"diff","error":"nope.md: no such file"}');
      expect(stderr).toBe('');
      expect(code).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('inputs from a pipe', () => {
  /** A bash command line run in the fixtures folder, `clausewatch` being the program from the sources. */
  const shell = (line: string) =>
    spawnSync('bash', ['-c', `clausewatch() { "${process.execPath}" --import tsx "${ROOT}cli/main.ts" "$@"; }; ${line}`], { cwd: FIXTURES, encoding: 'utf8' });

  it('diff reads a process substitution, and detect reads /dev/stdin (both "not a regular file" before)', () => {
    const diff = shell('clausewatch diff <(cat policy-v1.md) policy-v2.md --json');
    expect(diff.stderr).toBe('');
    expect(diff.status).toBe(0);
    const out = DiffOutput.parse(JSON.parse(diff.stdout));
    expect(out.older).toMatchObject({ format: 'markdown', title: 'Privacy Policy' });
    expect(out.findings.some((f) => f.category === 'ai-training' && f.severity === 'major')).toBe(true);

    const detect = shell('cat policy-v1.html | clausewatch detect /dev/stdin --json');
    expect(detect.stderr).toBe('');
    expect(detect.status).toBe(0);
    expect(DetectOutput.parse(JSON.parse(detect.stdout))).toMatchObject({ source: '/dev/stdin', format: 'html', kind: 'privacy-policy' });
  }, 60_000);

  it('--batch /dev/stdin or <(…) takes the paths of its lines from the working folder, as --batch - does (from /dev before)', () => {
    const line = '{"id":"a","older":"policy-v1.md","newer":"policy-v2.md"}';
    for (const command of [`echo '${line}' | clausewatch diff --batch /dev/stdin`, `clausewatch diff --batch <(echo '${line}')`]) {
      const r = shell(command);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(DiffOutput.parse(JSON.parse(r.stdout)).older.source).toBe('policy-v1.md');
    }
  }, 60_000);
});

/** Runs `clausewatch ARGS` from the sources in `cwd`, standard input from `stdin` (a file descriptor, or none). */
function runWith(args: string[], options: { cwd?: string; stdin?: number | 'ignore'; node?: string[] } = {}) {
  return spawnSync(process.execPath, [...(options.node ?? []), '--import', 'tsx', `${ROOT}cli/main.ts`, ...args], {
    cwd: options.cwd ?? FIXTURES,
    stdio: [options.stdin ?? 'ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

describe('a batch read through standard input', () => {
  it('reads `--batch /dev/stdin < list` with the paths relative to the working folder, as `--batch -` does (from /dev before)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cw-stdin-list-'));
    const listPath = join(dir, 'pairs.jsonl');
    writeFileSync(listPath, '{"id":"md","older":"policy-v1.md","newer":"policy-v2.md"}\n');
    const list = openSync(listPath, 'r');
    try {
      const r = runWith(['diff', '--batch', '/dev/stdin'], { stdin: list });
      expect([r.status, r.stderr]).toEqual([0, '']);
      expect(JSON.parse(r.stdout)).toMatchObject({ id: 'md', counts: { major: 2 } });
    } finally {
      closeSync(list);
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('says so when standard input is a directory, with exit 1, instead of an empty run that succeeds', () => {
    const shell = (redirect: string) => spawnSync('sh', ['-c', `"${process.execPath}" --import tsx "${ROOT}cli/main.ts" diff --batch - ${redirect}`], { cwd: FIXTURES, encoding: 'utf8' });
    const directory = shell('< .');
    expect([directory.status, directory.stderr]).toEqual([1, 'clausewatch: error: -: standard input is a directory, not a JSONL file\n']);
  }, 60_000);
});

describe('a long batch', () => {
  // Each HTML page is read in its own DOM, closed once read; a run that never let the event loop turn kept
  // them all until the end of a piece of the list, and ran out of a 96 MB heap within 200 lines.
  it('runs in flat memory: 200 pages in a 96 MB heap', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cw-long-batch-'));
    try {
      const page = JSON.stringify(join(FIXTURES, 'policy-v1.html'));
      writeFileSync(join(dir, 'pages.jsonl'), Array.from({ length: 200 }, (_, i) => `{"id":${i},"file":${page}}\n`).join(''));
      const r = runWith(['detect', '--batch', join(dir, 'pages.jsonl')], { node: ['--max-old-space-size=96'] });
      expect(r.status).toBe(0);
      expect(r.stdout.trim().split('\n')).toHaveLength(200);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('an error line', () => {
  it('writes a file name from the command line with its control and direction characters escaped', () => {
    const r = runWith(['detect', 'x\u001b[2J\u202e.md']);
    expect(r.status).toBe(1);
    expect(r.stderr.includes('\u001b') || r.stderr.includes('\u202e')).toBe(false);
    expect(r.stderr).toContain('x\\u001b[2J\\u202e.md');
  }, 60_000);
});

describe('a batch list in /dev/shm', () => {
  it.skipIf(!existsSync('/dev/shm'))('is a file like any other: its paths are relative to its folder', () => {
    const dir = mkdtempSync('/dev/shm/cw-list-');
    try {
      writeFileSync(join(dir, 'policy-v1.md'), '# Privacy\n\nWe collect your email address to run the service.\n');
      writeFileSync(join(dir, 'pages.jsonl'), '{"id":"shm","file":"policy-v1.md"}\n');
      const r = runWith(['detect', '--batch', join(dir, 'pages.jsonl')]);
      expect([r.status, r.stderr]).toEqual([0, '']);
      expect(JSON.parse(r.stdout)).toMatchObject({ id: 'shm' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
