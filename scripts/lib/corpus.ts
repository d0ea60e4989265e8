import { resolve } from 'node:path';

/** The evaluation corpus: CLAUSEWATCH_CORPUS, or ../shared/corpus beside the repository. */
export function corpusDir(): string {
  return process.env.CLAUSEWATCH_CORPUS ?? resolve(import.meta.dirname, '..', '..', '..', 'shared', 'corpus');
}
