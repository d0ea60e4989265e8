/**
 * Same input, same answer, on any machine: runs `clausewatch diff --batch` over the development change
 * pairs twice, once alone and once beside a CPU-bound process on every core, and fails unless the
 * findings (summary, counts, findings, truncated) of every pair are byte-identical.
 *
 * Usage: node --import tsx scripts/check-determinism.ts [--limit N]   (part of `npm test`; skipped
 * without the corpus)
 */
import { execFile, fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { pairsForCheck } from './lib/corpus';

const ROOT = join(import.meta.dirname, '..');
const { corpus, pairs } = pairsForCheck('check-determinism');
const dir = mkdtempSync(join(tmpdir(), 'clausewatch-determinism-'));
const batch = join(dir, 'pairs.jsonl');
writeFileSync(batch, pairs.map((p) => JSON.stringify({ id: p.id, older: join(corpus, p.older.file), newer: join(corpus, p.newer.file) })).join('\n'));

const run = promisify(execFile);
async function findings(): Promise<string[]> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', join(ROOT, 'cli', 'main.ts'), 'diff', '--batch', batch], { cwd: ROOT, maxBuffer: 512 * 1024 * 1024 });
  return stdout
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const r = JSON.parse(l) as Record<string, unknown>;
      return JSON.stringify({ id: r.id, error: r.error, summary: r.summary, counts: r.counts, findings: r.findings, truncated: r.truncated });
    });
}

// A busy machine: one spinning process per core for as long as the second run lasts.
function burners(): ChildProcess[] {
  return Array.from({ length: availableParallelism() }, () => fork('-e', ['for(;;){}'], { execArgv: [], stdio: 'ignore' }));
}

try {
  const t0 = performance.now();
  const calm = await findings();
  const calmMs = performance.now() - t0;
  const spinning = burners();
  let busy: string[];
  const t1 = performance.now();
  try {
    busy = await findings();
  } finally {
    for (const p of spinning) p.kill('SIGKILL');
  }
  const busyMs = performance.now() - t1;
  const differing = calm.filter((line, i) => line !== busy[i]).length + Math.abs(calm.length - busy.length);
  console.log(`check-determinism: ${calm.length} pairs; alone ${(calmMs / 1000).toFixed(1)} s, beside ${availableParallelism()} CPU-bound processes ${(busyMs / 1000).toFixed(1)} s; ${differing} pairs differ`);
  if (differing > 0 || calm.length === 0 || calm.length !== pairs.length) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
