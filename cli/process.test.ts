import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiffOutput } from './output';
import { buildCli, type BuiltCli } from '../scripts/build-cli';
import { ANSI } from './test-helpers';

const exec = promisify(execFile);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FIXTURES = join(ROOT, 'cli', 'fixtures');

// The program as installed: the bundle scripts/build-cli.ts writes, started by bin/clausewatch.mjs, in a
// folder of its own whose node_modules holds jsdom alone (linked to the repository's), as the package
// declares: everything else must be in the bundle.
let dir: string;
let bin: string;
let built: BuiltCli;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clausewatch-bundle-'));
  built = await buildCli(join(dir, 'dist'));
  mkdirSync(join(dir, 'bin'));
  bin = join(dir, 'bin', 'clausewatch.mjs');
  copyFileSync(join(ROOT, 'bin', 'clausewatch.mjs'), bin);
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(join(ROOT, 'node_modules', 'jsdom'), join(dir, 'node_modules', 'jsdom'), 'dir');
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (args: string[]) =>
  exec(process.execPath, [bin, ...args], { cwd: FIXTURES }).then(
    (r) => ({ code: 0, ...r }),
    (e: unknown) => e as { code: number; stdout: string; stderr: string },
  );

describe('the bundled CLI (dist/ and bin/clausewatch.mjs)', () => {
  it('runs as a real process: --version from the build, a piped diff, and an exit status for bad input', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const v = await run(['--version']);
    expect(v.stdout).toBe(`clausewatch ${pkg.version}\n`);

    const d = await run(['diff', 'policy-v1.html', 'policy-v2.html', '--json']);
    expect(d.stdout).not.toMatch(ANSI);
    const out = DiffOutput.parse(JSON.parse(d.stdout));
    expect(out.findings.some((f) => f.category === 'ai-training' && f.severity === 'major')).toBe(true);

    const bad = await run(['detect', 'nope.html']);
    expect(bad).toMatchObject({ code: 1, stdout: '', stderr: 'clausewatch: error: nope.html: no such file\n' });

    const usage = await run(['diff', 'policy-v1.html']);
    expect(usage).toMatchObject({ code: 2, stdout: '', stderr: "clausewatch: error: diff needs two files: OLDER NEWER\nRun 'clausewatch --help' for usage.\n" });
  }, 60_000);

  it('needs jsdom only for a command that parses HTML', async () => {
    renameSync(join(dir, 'node_modules', 'jsdom'), join(dir, 'node_modules', 'jsdom-away'));
    try {
      const help = await run(['--help']);
      expect(help).toMatchObject({ code: 0, stderr: '' });
      expect(help.stdout).toContain('clausewatch diff OLDER NEWER');
      const markdown = await run(['diff', 'policy-v1.md', 'policy-v2.md']);
      expect(markdown).toMatchObject({ code: 0, stderr: '' });
      expect(markdown.stdout).toContain('AI training');
      const html = await run(['detect', 'policy-v1.html']);
      expect(html).toMatchObject({ code: 3, stdout: '' });
      expect(html.stderr).toContain('reading HTML needs the jsdom package, which is not installed next to clausewatch');
    } finally {
      renameSync(join(dir, 'node_modules', 'jsdom-away'), join(dir, 'node_modules', 'jsdom'));
    }
    // Starting reads the parser, the table and main(); the engine is in a chunk only a command imports.
    expect(built.startBytes).toBeGreaterThan(statSync(built.entry).size);
    expect(built.startBytes).toBeLessThan(40_000);
  }, 60_000);

  it('says how to build it when dist/ is missing', async () => {
    rmSync(join(dir, 'dist'), { recursive: true });
    const r = await run(['--help']);
    expect(r).toMatchObject({ code: 3, stdout: '', stderr: "clausewatch: error: the command-line tool is not built: run 'npm run build:cli' in the repository\n" });
  });
});
