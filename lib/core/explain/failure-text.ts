/**
 * A check failure in English, for the sentence kept beside its code (diagnostics, the CLI-like logs, and
 * watch entries written before codes existed). The reader's own language comes from `ui.failure`.
 */
import type { CheckFailure } from '../check-failure';
import { en } from './en';

export function failureText(f: CheckFailure): string {
  return en.ui.failure(f);
}
