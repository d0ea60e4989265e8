/**
 * `npm run eval|bench -- NAME [args]`: runs scripts/<kind>/NAME.ts, whose `run(args)` returns the exit
 * code. With no NAME, runs every one in turn and exits with the worst code.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export async function dispatch(kind: 'eval' | 'bench', argv: string[]): Promise<never> {
  const here = join(import.meta.dirname, '..', kind);
  const available = readdirSync(here)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.replace(/\.ts$/, ''))
    .sort();
  const [name, ...rest] = argv;
  const names = name ? [name] : available;
  let code = 0;
  for (const n of names) {
    if (!available.includes(n)) {
      console.error(`Unknown ${kind} "${n}". Available: ${available.join(', ')}`);
      process.exit(2);
    }
    console.log(`\n== ${kind} ${n} ==`);
    const mod = (await import(join(here, `${n}.ts`))) as { run: (args: string[]) => Promise<number> };
    code = Math.max(code, await mod.run(rest));
  }
  process.exit(code);
}
