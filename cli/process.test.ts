import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DiffOutput } from '../lib/cli-output';
import { ANSI } from './test-helpers';

const exec = promisify(execFile);
const ROOT = fileURLToPath(new URL('..', import.meta.url));

describe('bin/clausewatch.mjs', () => {
  it('runs as a real process: --version, a piped diff, and an exit status for bad input', async () => {
    const v = await exec(process.execPath, ['bin/clausewatch.mjs', '--version'], { cwd: ROOT });
    expect(v.stdout).toMatch(/^clausewatch \d+\.\d+\.\d+\n$/);

    const d = await exec(process.execPath, ['bin/clausewatch.mjs', 'diff', 'cli/fixtures/policy-v1.html', 'cli/fixtures/policy-v2.html', '--json'], { cwd: ROOT });
    expect(d.stdout).not.toMatch(ANSI);
    const out = DiffOutput.parse(JSON.parse(d.stdout));
    expect(out.findings.some((f) => f.category === 'ai-training' && f.severity === 'major')).toBe(true);

    const bad = await exec(process.execPath, ['bin/clausewatch.mjs', 'detect', 'cli/fixtures/nope.html'], { cwd: ROOT }).catch((e: unknown) => e);
    expect(bad).toMatchObject({ code: 1, stdout: '', stderr: 'clausewatch: error: cli/fixtures/nope.html: no such file\n' });
  }, 60_000);
});
