import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_FREQUENCY_HOURS, dueEntries, firstCheck, HOUR, MINUTE, nextAfterFailure, nextAfterSuccess, type Schedulable } from './schedule';

const mid = () => 0.5; // no jitter
const start = Date.UTC(2026, 10, 29, 9, 0, 0);

describe('re-check scheduling', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(start);
  });
  afterEach(() => vi.useRealTimers());

  it('checks daily by default, within ±10% jitter', () => {
    const samples = [0, 0.25, 0.5, 0.999].map((r) => nextAfterSuccess(Date.now(), DEFAULT_FREQUENCY_HOURS, () => r) - Date.now());
    for (const delay of samples) {
      expect(delay).toBeGreaterThanOrEqual(21.6 * HOUR);
      expect(delay).toBeLessThanOrEqual(26.4 * HOUR);
    }
    expect(new Set(samples).size).toBe(samples.length);
  });

  it('backs off exponentially after failures, capped at the normal period', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8].map((f) => nextAfterFailure(Date.now(), f, 24, mid) - Date.now());
    expect(delays.slice(0, 4)).toEqual([15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR]);
    expect(Math.max(...delays)).toBe(24 * HOUR);
    expect(nextAfterFailure(Date.now(), 10, 6, mid) - Date.now()).toBe(6 * HOUR);
  });

  it('runs a site through failures and recovery as the clock advances', () => {
    const site: Schedulable = { frequencyHours: 24, failures: 0, nextCheck: firstCheck(Date.now(), mid) };
    const checks: number[] = [];
    const outcomes = [false, false, true, true]; // two failures, then up again
    for (const ok of outcomes) {
      vi.setSystemTime(site.nextCheck);
      expect(dueEntries([site], Date.now(), { paused: false, limit: 5 })).toHaveLength(1);
      checks.push(Date.now() - start);
      site.failures = ok ? 0 : site.failures + 1;
      site.nextCheck = ok ? nextAfterSuccess(Date.now(), site.frequencyHours, mid) : nextAfterFailure(Date.now(), site.failures, site.frequencyHours, mid);
      vi.advanceTimersByTime(MINUTE);
      expect(dueEntries([site], Date.now(), { paused: false, limit: 5 })).toHaveLength(0);
    }
    expect(checks).toEqual([3 * MINUTE, 18 * MINUTE, 48 * MINUTE, 48 * MINUTE + 24 * HOUR]);
  });

  it('checks nothing while paused, and the most overdue first within a limit', () => {
    const now = Date.now();
    const entries = [
      { id: 'a', frequencyHours: 24, failures: 0, nextCheck: now - HOUR },
      { id: 'b', frequencyHours: 24, failures: 0, nextCheck: now - 3 * HOUR },
      { id: 'c', frequencyHours: 24, failures: 0, nextCheck: now + HOUR },
      { id: 'd', frequencyHours: 24, failures: 0, nextCheck: now - 2 * HOUR },
    ];
    expect(dueEntries(entries, now, { paused: true, limit: 10 })).toEqual([]);
    expect(dueEntries(entries, now, { paused: false, limit: 2 }).map((e) => e.id)).toEqual(['b', 'd']);
  });

  it('checks a site whose next check was set while the clock ran ahead once the clock is right, not at that date', () => {
    const ahead = Date.now() + 365 * 24 * HOUR;
    const site = { id: 'ahead', frequencyHours: 24, failures: 0, nextCheck: nextAfterSuccess(ahead, 24, mid) };
    const others = [
      { id: 'tomorrow', frequencyHours: 24, failures: 0, nextCheck: nextAfterSuccess(Date.now(), 24, () => 0.999) },
      { id: 'overdue', frequencyHours: 24, failures: 0, nextCheck: Date.now() - HOUR },
      { id: 'weekly', frequencyHours: 24 * 7, failures: 0, nextCheck: nextAfterSuccess(Date.now(), 24 * 7, () => 0.999) },
    ];
    // Due now, after the one already overdue; the furthest check ever set (a period and its jitter) is not.
    expect(dueEntries([site, ...others], Date.now(), { paused: false, limit: 5 }).map((e) => e.id)).toEqual(['overdue', 'ahead']);
  });
});
