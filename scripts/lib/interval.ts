/**
 * How far a change-level figure could move on other pairs of the same kind: a bootstrap over services.
 * Pairs of one service are not independent (one policy's wording recurs in all its versions), so whole
 * services are drawn with replacement, the figure recomputed, and the 5th and 95th percentiles of the
 * draws reported. Seeded: the same outcomes give the same interval on any machine.
 */
import { mulberry32 } from './random';

/** One pair's outcome in one category: an alert that was right, a false alarm, a miss (each 0 or 1). */
export interface Outcome {
  group: string;
  tp: number;
  fp: number;
  fn: number;
}

export interface Interval {
  low: number;
  high: number;
}

export const DRAWS = 2000;

/** 90% intervals of precision and recall; a draw where a figure is undefined (nothing alerted, nothing to find) is left out of that figure's draws. */
export function serviceBootstrap(outcomes: readonly Outcome[], draws = DRAWS, seed = 20261205): { precision: Interval; recall: Interval } {
  const byGroup = new Map<string, { tp: number; fp: number; fn: number }>();
  for (const o of outcomes) {
    const g = byGroup.get(o.group) ?? { tp: 0, fp: 0, fn: 0 };
    g.tp += o.tp;
    g.fp += o.fp;
    g.fn += o.fn;
    byGroup.set(o.group, g);
  }
  // Sorted, so the draws do not depend on the order the pairs came in.
  const groups = [...byGroup.keys()].sort().map((k) => byGroup.get(k) ?? { tp: 0, fp: 0, fn: 0 });
  const rand = mulberry32(seed);
  const ps: number[] = [];
  const rs: number[] = [];
  for (let d = 0; d < draws && groups.length > 0; d++) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < groups.length; i++) {
      const g = groups[Math.floor(rand() * groups.length)] ?? { tp: 0, fp: 0, fn: 0 };
      tp += g.tp;
      fp += g.fp;
      fn += g.fn;
    }
    if (tp + fp > 0) ps.push(tp / (tp + fp));
    if (tp + fn > 0) rs.push(tp / (tp + fn));
  }
  return { precision: percentiles(ps), recall: percentiles(rs) };
}

function percentiles(xs: number[]): Interval {
  if (xs.length === 0) return { low: Number.NaN, high: Number.NaN };
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.round(q * (s.length - 1))))] ?? Number.NaN;
  return { low: at(0.05), high: at(0.95) };
}
