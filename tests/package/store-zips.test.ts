/**
 * The store packages `npm run zip` wrote: what they hold, and the README's permissions table against the
 * manifests inside them, for both browsers.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readZip, ROOT, storeZips } from '../../scripts/store-zips';

const zips = storeZips();
const zipped = new Map<string, Map<string, Buffer>>();

beforeAll(async () => {
  for (const [browser, path] of Object.entries(zips)) {
    if (!existsSync(path)) throw new Error(`No ${relative(ROOT, path)}: run "npm run zip" first.`);
    zipped.set(browser, await readZip(path));
  }
});

function filesUnder(dir: string, base = dir, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) filesUnder(path, base, out);
    else out.push(relative(base, path));
  }
  return out;
}

interface Manifest {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  content_scripts?: { matches: string[] }[];
}

function manifestIn(browser: 'chrome' | 'firefox'): Manifest {
  const raw = zipped.get(browser)?.get('manifest.json');
  if (!raw) throw new Error(`no manifest.json in the ${browser} zip`);
  return JSON.parse(raw.toString('utf8')) as Manifest;
}

interface PermissionRow {
  /** The backticked names in the first cell. */
  names: string[];
  hosts: boolean;
  optional: boolean;
  only?: 'chrome' | 'firefox';
}

/** The rows of README "## Permissions, and why", and the names its "No `x`, `y`..." line rules out. */
function readmePermissions(): { rows: PermissionRow[]; never: string[] } {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## Permissions, and why\n');
  if (start < 0) throw new Error('README.md has no "## Permissions, and why" section');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
  const ticks = (s: string) => [...s.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '');
  const rows = section
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| permission') && !l.startsWith('|---'))
    .map((l) => {
      const cell = l.split('|')[1] ?? '';
      const names = ticks(cell);
      const hosts = names.some((n) => n.includes('://'));
      return {
        names: hosts ? names.filter((n) => n.includes('://')) : names.slice(0, 1),
        hosts,
        optional: /\(optional\)/.test(cell),
        only: /\(Chrome only\)/.test(cell) ? ('chrome' as const) : /\(Firefox only\)/.test(cell) ? ('firefox' as const) : undefined,
      };
    });
  const noLine = section.split('\n').find((l) => l.startsWith('No `')) ?? '';
  return { rows, never: ticks(noLine) };
}

describe('the Chrome and Firefox packages', () => {
  it.each(['chrome', 'firefox'] as const)('the %s zip holds exactly the build in .output/', (browser) => {
    const dir = join(ROOT, '.output', `${browser}-mv3`);
    const files = zipped.get(browser);
    expect([...(files?.keys() ?? [])].sort()).toEqual(filesUnder(dir).sort());
    for (const [name, content] of files ?? []) expect(content.equals(readFileSync(join(dir, name))), name).toBe(true);
  });

  it.each(['chrome', 'firefox'] as const)("the README's permissions table is the %s manifest's", (browser) => {
    const { rows, never } = readmePermissions();
    const applies = rows.filter((r) => r.only === undefined || r.only === browser);
    const manifest = manifestIn(browser);
    const sorted = (a: readonly string[] | undefined) => [...(a ?? [])].sort();
    expect(sorted(manifest.permissions)).toEqual(sorted(applies.filter((r) => !r.hosts && !r.optional).flatMap((r) => r.names)));
    expect(sorted(manifest.optional_permissions)).toEqual(sorted(applies.filter((r) => !r.hosts && r.optional).flatMap((r) => r.names)));
    const hosts = sorted(applies.filter((r) => r.hosts).flatMap((r) => r.names));
    expect(sorted(manifest.host_permissions)).toEqual(hosts);
    // The table's host row covers the content script too ("content script and host_permissions").
    for (const script of manifest.content_scripts ?? []) expect(sorted(script.matches)).toEqual(hosts);
    expect(never.length).toBeGreaterThan(0);
    for (const name of never) {
      expect(manifest.permissions ?? []).not.toContain(name);
      expect(manifest.optional_permissions ?? []).not.toContain(name);
    }
  });
});

describe("AMO's source archive", () => {
  it('leaves out dependencies, build outputs and run leftovers', () => {
    const names = [...(zipped.get('sources')?.keys() ?? [])];
    expect(names.length).toBeGreaterThan(50);
    for (const name of names) {
      expect(name).not.toMatch(/^(?:node_modules|\.output|\.wxt|\.git|dist|test-results|demo-output|bench-output)\//);
      expect(name).not.toMatch(/(?:^|\/)node_modules\//);
      expect(name).not.toMatch(/\.(?:tgz|zip)$/);
      expect(name).not.toMatch(/\.test\.tsx?$/);
    }
  });

  it('holds every tracked file the Firefox build reads, with the lockfile and the README', () => {
    const names = new Set(zipped.get('sources')?.keys());
    const tracked = execFileSync('git', ['ls-files', '-z', 'entrypoints', 'pages', 'components', 'lib', 'utils', 'public', 'assets'], { cwd: ROOT, encoding: 'utf8' })
      .split('\0')
      .filter((f) => f && !/\.test\.tsx?$/.test(f))
      // The offscreen document is Chrome's; WXT leaves the entry points a build skips out of the archive.
      .filter((f) => !f.startsWith('entrypoints/offscreen'));
    expect(tracked.length).toBeGreaterThan(50);
    for (const file of [...tracked, 'package.json', 'package-lock.json', 'wxt.config.ts', 'tsconfig.json', 'README.md']) {
      expect(names.has(file), file).toBe(true);
    }
  });
});
