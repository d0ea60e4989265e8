/**
 * A check failure in English, for the sentence kept beside its code (diagnostics, the CLI-like logs, and
 * watch entries written before codes existed). The reader's own language comes from `ui.failure`.
 */
import type { CheckFailure } from '../check-failure';
import { en } from './en';

export function failureText(f: CheckFailure): string {
  const text = en.ui.failure(f);
  // The detector's reasons ("score -0.50 (threshold 2.5); URL names privacy") are English and technical:
  // kept here for diagnostics, never in the words for people (ui.failure leaves them out).
  return f.code === 'not-a-policy' && f.detail ? `${text} (${f.detail})` : text;
}
