/**
 * The CLI as a user gets it: `npm pack` in the repository (which builds dist/ first), the tarball
 * installed into an empty folder with plain `npm install` (dependencies from the registry only), and the
 * installed `clausewatch` run there on fixtures copied next to it.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BatchDiffResult, DetectOutput, DiffOutput } from '../../cli/output';
import { ROOT } from '../../scripts/store-zips';

const exec = promisify(execFile);
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };

// The variables `npm run` sets for this script describe the repository, not the folder we install into.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_(?:package|lifecycle)_/.test(k) && k !== 'INIT_CWD'));

let dir: string;
let tarball: string;
let app: string;
let work: string;

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

const clausewatch = (args: string[]): Promise<Ran> =>
  exec(join(app, 'node_modules', '.bin', 'clausewatch'), args, { cwd: work, env }).then(
    (r) => ({ code: 0, ...r }),
    (e: unknown) => e as Ran,
  );

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clausewatch-pack-'));
  await exec('npm', ['pack', '--pack-destination', dir], { cwd: ROOT, env });
  tarball = join(dir, `${pkg.name}-${pkg.version}.tgz`);
  app = join(dir, 'app');
  mkdirSync(app);
  await exec('npm', ['install', '--no-audit', '--no-fund', tarball], { cwd: app, env });
  work = join(dir, 'work');
  mkdirSync(work);
  for (const f of ['policy-v1.html', 'policy-v2.html', 'policy-v1.md', 'policy-v2.md', 'not-a-policy.html']) {
    copyFileSync(join(ROOT, 'cli', 'fixtures', f), join(work, f));
  }
  writeFileSync(
    join(work, 'pairs.jsonl'),
    [
      { id: 'html', older: 'policy-v1.html', newer: 'policy-v2.html', url: 'https://examplo.test/privacy' },
      { id: 'markdown', older: 'policy-v1.md', newer: 'policy-v2.md' },
      { id: 'gone', older: 'policy-v1.md', newer: 'missing.md' },
    ]
      .map((l) => JSON.stringify(l))
      .join('\n'),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the npm package', () => {
  it('ships only the launcher, the bundle with its licences, the README and package.json', async () => {
    const { stdout } = await exec('tar', ['-tzf', tarball]);
    const files = stdout.trim().split('\n').sort();
    for (const f of files) {
      expect(f).toMatch(/^package\/(?:package\.json|README\.md|bin\/clausewatch\.mjs|dist\/cli\.mjs|dist\/THIRD-PARTY-LICENSES\.txt|dist\/chunks\/[\w-]+\.mjs)$/);
    }
    expect(files).toContain('package/dist/cli.mjs');
    expect(files).toContain('package/bin/clausewatch.mjs');
    expect(readFileSync(join(app, 'node_modules', 'clausewatch', 'dist', 'THIRD-PARTY-LICENSES.txt'), 'utf8')).toContain('@mozilla/readability@');
  });

  it('installs with jsdom as its one dependency, no install script, and none of the extension toolchain', () => {
    const installed = JSON.parse(readFileSync(join(app, 'node_modules', 'clausewatch', 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
      scripts?: Record<string, string>;
    };
    expect(Object.keys(installed.dependencies ?? {})).toEqual(['jsdom']);
    for (const hook of ['preinstall', 'install', 'postinstall']) expect(installed.scripts?.[hook]).toBeUndefined();
    expect(existsSync(join(app, 'node_modules', 'jsdom'))).toBe(true);
    for (const absent of ['react', 'react-dom', 'wxt', 'zod', 'tsx', 'esbuild', '@mozilla/readability', 'vite']) {
      expect(existsSync(join(app, 'node_modules', absent)), absent).toBe(false);
    }
    // The repository's `prepare` (wxt prepare, the CLI build) never runs in an installed package.
    expect(existsSync(join(app, 'node_modules', 'clausewatch', '.wxt'))).toBe(false);
  });

  it('--version and --help', async () => {
    expect(await clausewatch(['--version'])).toMatchObject({ code: 0, stdout: `clausewatch ${pkg.version}\n`, stderr: '' });
    const help = await clausewatch(['--help']);
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toContain('clausewatch diff OLDER NEWER [--url URL] [--json]');
  });

  it('detect: a saved policy page, read through jsdom, as text and as JSON', async () => {
    const human = await clausewatch(['detect', 'policy-v1.html']);
    expect(human).toMatchObject({ code: 0, stderr: '' });
    expect(human.stdout).toContain('policy-v1.html: a privacy policy');
    const json = await clausewatch(['detect', 'policy-v2.html', '--json', '--url', 'https://examplo.test/legal/privacy']);
    const out = DetectOutput.parse(JSON.parse(json.stdout));
    expect(out).toMatchObject({ kind: 'privacy-policy', url: 'https://examplo.test/legal/privacy', document: { statedDate: '2024-09-15' } });
    expect(out.statements?.some((s) => s.category === 'ai-training')).toBe(true);
    const other = DetectOutput.parse(JSON.parse((await clausewatch(['detect', 'not-a-policy.html', '--json'])).stdout));
    expect(other.kind).toBe('other');
  });

  it('diff --json: the new AI training and the wider sharing, with quoted evidence', async () => {
    const r = await clausewatch(['diff', 'policy-v1.html', 'policy-v2.html', '--json']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const out = DiffOutput.parse(JSON.parse(r.stdout));
    expect(out.findings.find((f) => f.category === 'ai-training')).toMatchObject({ kind: 'new', severity: 'major' });
    const sharing = out.findings.find((f) => f.category === 'third-party-sharing');
    expect(sharing?.severity).toBe('major');
    expect(sharing?.evidence.join(' ')).toContain('advertising partners');
  });

  it('diff --batch: one result per line, a bad line its own error, exit 1', async () => {
    const r = await clausewatch(['diff', '--batch', 'pairs.jsonl']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string });
    expect(lines.map((l) => l.id)).toEqual(['html', 'markdown', 'gone']);
    for (const ok of lines.slice(0, 2)) {
      const result = BatchDiffResult.parse(ok);
      if ('error' in result) throw new Error(`line ${result.line}: ${result.error}`);
      expect(result.findings.some((f) => f.category === 'ai-training' && f.severity === 'major')).toBe(true);
    }
    expect(lines[2]).toEqual({ id: 'gone', line: 3, command: 'diff', error: 'missing.md: no such file' });
  });

  it('a usage error and a missing file: one line each, exit 2 and 1', async () => {
    expect(await clausewatch(['diff', 'policy-v1.md'])).toMatchObject({
      code: 2,
      stdout: '',
      stderr: "clausewatch: error: diff needs two files: OLDER NEWER\nRun 'clausewatch --help' for usage.\n",
    });
    expect(await clausewatch(['detect', 'nope.html'])).toMatchObject({ code: 1, stdout: '', stderr: 'clausewatch: error: nope.html: no such file\n' });
  });
});
