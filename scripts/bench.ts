/**
 * `npm run bench -- NAME [args]`: runs scripts/bench/NAME.ts, whose `run(args)` returns the exit code.
 * With no NAME, runs every one in turn.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = join(dirname(fileURLToPath(import.meta.url)), 'bench');
const available = readdirSync(here)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.replace(/\.ts$/, ''))
  .sort();
const [name, ...rest] = process.argv.slice(2);
const names = name ? [name] : available;
let code = 0;
for (const n of names) {
  if (!available.includes(n)) {
    console.error(`Unknown bench "${n}". Available: ${available.join(', ')}`);
    process.exit(2);
  }
  console.log(`\n== bench ${n} ==`);
  const mod = (await import(join(here, `${n}.ts`))) as { run: (args: string[]) => Promise<number> };
  code = Math.max(code, await mod.run(rest));
}
process.exit(code);
