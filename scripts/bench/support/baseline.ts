/**
 * The engine bench's baseline (engine.ts, fresh-analysis.ts): jsdiff `diffWords` over the whole texts, what a
 * naive implementation would do, bounded by work (`maxEditLength`), never by time. It does the same work on
 * any machine, so a ratio to it compares hosts; a `timeout` would make the baseline the timeout itself on a
 * pair it cannot finish. Not a bench of its own (support/ is not listed by `npm run bench`).
 */
import { diffWords } from 'diff';

/** jsdiff stops (no result) once the edit passes this many tokens (words and punctuation, each with the spaces around it). */
export const BASELINE_MAX_EDIT = 1000;

/** `undefined` when the diff stopped at its bound. */
export const baselineDiff = (older: string, newer: string) => diffWords(older, newer, { maxEditLength: BASELINE_MAX_EDIT });
