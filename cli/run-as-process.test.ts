/**
 * The program as a process (cli/main.ts runAsProcess, from the sources): what happens to its output
 * streams, which the in-process tests (cli/test-helpers.ts run) cannot show.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
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
});
