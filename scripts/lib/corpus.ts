import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The evaluation corpus: CLAUSEWATCH_CORPUS, or ../shared/corpus beside the repository. */
export function corpusDir(): string {
  return process.env.CLAUSEWATCH_CORPUS ?? resolve(import.meta.dirname, '..', '..', '..', 'shared', 'corpus');
}

/** A development change pair as `changes/index.jsonl` lists it (the fields the checks read). */
export interface DevelopmentPair {
  id: string;
  lang?: string;
  older: { file: string };
  newer: { file: string };
}

/**
 * The development change pairs for a check run from the command line (`check-determinism`, `check-engines`),
 * the first N with `--limit N` or `--limit=N`. Without the corpus the check says so and the process ends
 * cleanly (the corpus stays out of the repository); a bad limit or an empty list ends it with an error.
 */
export function pairsForCheck(tool: string, argv: readonly string[] = process.argv): { corpus: string; pairs: DevelopmentPair[] } {
  const corpus = corpusDir();
  const index = join(corpus, 'changes', 'index.jsonl');
  if (!existsSync(index)) {
    console.log(`${tool}: no corpus at ${corpus}; skipped.`);
    process.exit(0);
  }
  const at = argv.findIndex((a) => a === '--limit' || a.startsWith('--limit='));
  const text = at < 0 ? undefined : (argv[at]?.split('=')[1] ?? argv[at + 1]);
  const limit = text === undefined ? Infinity : Number(text);
  if (!(limit > 0)) {
    console.error(`${tool}: --limit needs a positive number`);
    process.exit(2);
  }
  const pairs = readFileSync(index, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .slice(0, limit)
    .map((l) => JSON.parse(l) as DevelopmentPair);
  if (pairs.length === 0) {
    console.error(`${tool}: no pairs in ${index}`);
    process.exit(1);
  }
  return { corpus, pairs };
}
