/**
 * Bundles the CLI (cli/main.ts and the lib/ it uses) into dist/ with esbuild, so the installed package
 * runs plain JavaScript with one runtime dependency, jsdom, which stays outside the bundle and loads only
 * when a page is parsed (cli/dom.ts). Code splitting keeps the engine in chunks that only a command
 * loads: `--help` and `--version` read the entry file alone. The version comes from package.json at
 * build time. Licences of the bundled packages go to dist/THIRD-PARTY-LICENSES.txt.
 *
 * Usage: node --import tsx scripts/build-cli.ts [OUTDIR]   (default dist/; npm pack runs it first)
 */
import { build, type Metafile } from 'esbuild';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Packages that are required at run time instead of bundled: package.json's `dependencies`. */
function runtimeDependencies(): string[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  return Object.keys(pkg.dependencies ?? {});
}

/** The package each bundled input came from: `node_modules/@scope/name/...` → `@scope/name`. */
function bundledPackages(meta: Metafile): string[] {
  const names = new Set<string>();
  for (const input of Object.keys(meta.inputs)) {
    const parts = input.split('/');
    const at = parts.lastIndexOf('node_modules');
    if (at < 0) continue;
    const first = parts[at + 1] ?? '';
    names.add(first.startsWith('@') ? `${first}/${parts[at + 2] ?? ''}` : first);
  }
  return [...names].sort();
}

function licenceText(name: string): string {
  const dir = join(ROOT, 'node_modules', name);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version?: string; license?: string };
  const files = readdirSync(dir).filter((f) => /^(?:licen[cs]e|notice|copying)/i.test(f)).sort();
  if (files.length === 0) throw new Error(`${name} has no licence file to ship with the bundle`);
  const texts = files.map((f) => readFileSync(join(dir, f), 'utf8').trim());
  return [`${name}@${pkg.version ?? '?'} (${pkg.license ?? 'see below'})`, '', ...texts].join('\n');
}

export interface BuiltCli {
  outdir: string;
  entry: string;
  /** Every file written, relative to outdir. */
  files: string[];
  bundled: string[];
  /** Bytes Node reads to start: the entry and the chunks it imports statically (what `--help` loads). */
  startBytes: number;
}

/** The entry's size plus that of every chunk reachable from it by static imports (dynamic ones are a command's). */
function startBytes(meta: Metafile, entry: string): number {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const i of meta.outputs[file]?.imports ?? []) if (i.kind === 'import-statement' && !i.external) visit(i.path);
  };
  visit(entry);
  return [...seen].reduce((sum, f) => sum + (meta.outputs[f]?.bytes ?? 0), 0);
}

export async function buildCli(outdir = join(ROOT, 'dist')): Promise<BuiltCli> {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  rmSync(outdir, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { cli: 'cli/main.ts' },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    external: runtimeDependencies(),
    define: { __CLAUSEWATCH_VERSION__: JSON.stringify(pkg.version) },
    minifySyntax: true,
    minifyWhitespace: true,
    // Licences are collected into one file below rather than left as comments in every chunk.
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
  });
  const bundled = bundledPackages(result.metafile);
  const notice = [
    'The clausewatch command-line tool bundles these packages; their licences follow.',
    '',
    ...bundled.map((name) => `${licenceText(name)}\n\n${'-'.repeat(78)}\n`),
  ].join('\n');
  writeFileSync(join(outdir, 'THIRD-PARTY-LICENSES.txt'), notice);
  const files = [...Object.keys(result.metafile.outputs).map((o) => relative(outdir, resolve(ROOT, o))), 'THIRD-PARTY-LICENSES.txt'].sort();
  const entryKey = Object.keys(result.metafile.outputs).find((o) => resolve(ROOT, o) === join(outdir, 'cli.mjs'));
  if (!entryKey) throw new Error('esbuild wrote no cli.mjs');
  return { outdir, entry: join(outdir, 'cli.mjs'), files, bundled, startBytes: startBytes(result.metafile, entryKey) };
}

const launchedDirectly = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (launchedDirectly) {
  const outdir = process.argv[2] ? resolve(process.argv[2]) : undefined;
  const built = await buildCli(outdir);
  if (!existsSync(built.entry)) throw new Error(`no ${built.entry} after the build`);
  console.log(
    `clausewatch CLI → ${relative(process.cwd(), built.outdir) || '.'}/ (${built.files.length} files; ${(built.startBytes / 1024).toFixed(1)} KB to start; bundles ${built.bundled.join(', ')})`,
  );
}
