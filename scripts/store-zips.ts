/**
 * The store packages `npm run zip` writes (WXT's default names, `{{name}}-{{version}}-{{browser}}.zip`
 * and `-sources.zip`, in .output/) and a reader for them, shared by the Firefox lint and the tests.
 */
import JSZip from 'jszip';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export function storeZips(root = ROOT): { chrome: string; firefox: string; sources: string } {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };
  const at = (suffix: string) => join(root, '.output', `${pkg.name}-${pkg.version}-${suffix}.zip`);
  return { chrome: at('chrome'), firefox: at('firefox'), sources: at('sources') };
}

/** Every file in the archive (folders left out), by its path inside it. */
export async function readZip(path: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const files = new Map<string, Buffer>();
  for (const entry of Object.values(zip.files)) {
    if (!entry.dir) files.set(entry.name, await entry.async('nodebuffer'));
  }
  return files;
}

/** Unpacks the archive into `dir`; a path that would land outside it is refused. */
export async function extractZip(path: string, dir: string): Promise<string[]> {
  const files = await readZip(path);
  const root = resolve(dir);
  for (const [name, content] of files) {
    const target = resolve(root, name);
    if (!target.startsWith(`${root}/`)) throw new Error(`${path}: entry ${name} points outside the folder`);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  return [...files.keys()];
}
