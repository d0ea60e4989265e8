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
