/**
 * Every benchmark and evaluation loads in plain Node, as `npm run bench|eval -- NAME` runs it: a module
 * that needs the extension's APIs at import time (a WXT storage item, say) fails here, not on the day
 * someone measures. Each module is imported in a fresh process (what dispatch.ts does), without running it.
 */
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const run = promisify(execFile);

const modules = ['bench', 'eval'].flatMap((kind) =>
  readdirSync(join(ROOT, 'scripts', kind))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => `scripts/${kind}/${f}`),
);

describe('benchmarks and evaluations', () => {
  it('finds them', () => {
    expect(modules).toContain('scripts/bench/badge.ts');
    expect(modules).toContain('scripts/eval/changes.ts');
  });

  it.each(modules)('%s loads in Node and exports run()', async (file) => {
    const code = `const m = await import(${JSON.stringify(join(ROOT, file))}); if (typeof m.run !== 'function') { console.error('no run()'); process.exit(3); }`;
    const { stderr } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: ROOT, timeout: 60_000 });
    expect(stderr).not.toMatch(/Error/);
  }, 90_000);
});
