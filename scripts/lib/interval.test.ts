import { describe, expect, it } from 'vitest';
import { serviceBootstrap, type Outcome } from './interval';

const pair = (group: string, kind: 'tp' | 'fp' | 'fn'): Outcome => ({ group, tp: kind === 'tp' ? 1 : 0, fp: kind === 'fp' ? 1 : 0, fn: kind === 'fn' ? 1 : 0 });

describe('serviceBootstrap', () => {
  it('gives a point interval when every service scores alike', () => {
    const outcomes = ['a', 'b', 'c', 'd'].flatMap((g) => [pair(g, 'tp'), pair(g, 'tp'), pair(g, 'fp'), pair(g, 'fn')]);
    const { precision, recall } = serviceBootstrap(outcomes);
    expect(precision).toEqual({ low: 2 / 3, high: 2 / 3 });
    expect(recall).toEqual({ low: 2 / 3, high: 2 / 3 });
  });

  it('widens when services disagree, and the interval holds the figure of all pairs', () => {
    const outcomes = [...Array.from({ length: 9 }, (_, i) => pair(`good${i}`, 'tp')), pair('bad', 'fp'), pair('bad', 'fp'), pair('bad', 'fp')];
    const { precision } = serviceBootstrap(outcomes);
    expect(precision.low).toBeLessThan(9 / 12);
    expect(precision.high).toBeGreaterThan(9 / 12);
    expect(precision.high).toBeLessThanOrEqual(1);
  });

  it('draws whole services: a service of many pairs moves the figure as one', () => {
    // One service holds all three false alarms; eleven services one true alert each. Drawn pair by pair
    // the false alarms would rarely come together; drawn by service they come and go together.
    const outcomes = [...Array.from({ length: 11 }, (_, i) => pair(`s${i}`, 'tp')), pair('x', 'fp'), pair('x', 'fp'), pair('x', 'fp')];
    const { precision } = serviceBootstrap(outcomes);
    expect(precision.high).toBe(1);
    expect(precision.low).toBeLessThanOrEqual(11 / 17);
  });

  it('is the same for the same outcomes in any order', () => {
    const outcomes = [pair('a', 'tp'), pair('b', 'fp'), pair('c', 'tp'), pair('c', 'fn'), pair('d', 'tp')];
    expect(serviceBootstrap([...outcomes].reverse())).toEqual(serviceBootstrap(outcomes));
  });

  it('reports no interval where nothing was alerted or found', () => {
    const { precision, recall } = serviceBootstrap([]);
    expect(Number.isNaN(precision.low) && Number.isNaN(recall.high)).toBe(true);
  });
});
