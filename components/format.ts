/**
 * Wording and formatting shared by the popup, history and options pages. No browser extension API and
 * no messaging here, so the components can be previewed and tested outside the extension.
 */
import type { Category, Finding } from '@/lib/schema';

/** The categories a reader cares most about come first on the first-visit card. */
const CATEGORY_ORDER: Category[] = [
  'third-party-sharing',
  'ai-training',
  'advertising-profiling',
  'sensitive-data',
  'international-transfer',
  'children',
  'retention',
  'user-rights',
];

export function categoryRank(c: Category): number {
  const i = CATEGORY_ORDER.indexOf(c);
  return i < 0 ? CATEGORY_ORDER.length : i;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

const DAY = 24 * 60 * 60 * 1000;

/** A date in the user's locale; "today"/"yesterday"/"N days ago" within the last week. */
export function formatDate(ms: number, now: number = Date.now()): string {
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return 'an unknown date';
  const startOfDay = (t: number) => new Date(new Date(t).toDateString()).getTime();
  const days = Math.round((startOfDay(now) - startOfDay(ms)) / DAY);
  if (days >= 0 && days < 7) {
    return new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' }).format(-days, 'day');
  }
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(date);
}

/** "today", "3 days ago", or "on Nov 2, 2026": reads after a verb ("Changed …"). */
export function formatWhen(ms: number, now: number = Date.now()): string {
  const text = formatDate(ms, now);
  return text === formatDay(ms) ? `on ${text}` : text;
}

/** A calendar date in the user's locale, never relative (for headings that name two dates). */
export function formatDay(ms: number): string {
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return 'an unknown date';
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(date);
}

/** Date with the time of day within the last week, for "last check" where the hour matters. */
export function formatDateTime(ms: number, now: number = Date.now()): string {
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return 'an unknown time';
  const day = formatDate(ms, now);
  if (now - ms > 7 * DAY || ms > now) return day;
  return `${day}, ${new Intl.DateTimeFormat(undefined, { timeStyle: 'short' }).format(date)}`;
}

/** A stated YYYY-MM-DD date in the user's locale, without shifting it by the time zone. */
export function formatStatedDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

export function humanBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return 'unknown';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${value.toFixed(digits)} ${units[unit]}`;
}

/**
 * The URL if it is http(s), else null. Policy URLs come from pages we do not control; only these
 * schemes may ever become a link (no javascript:, data: or extension URLs).
 */
export function safeHttpUrl(raw: string): string | null {
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** The URL shortened for display: host and path, no scheme or query. */
export function displayUrl(raw: string): string {
  if (safeHttpUrl(raw) === null) return raw;
  const url = new URL(raw);
  const path = url.pathname === '/' ? '' : url.pathname;
  return `${url.host}${path}`;
}

export function sectionPath(section: readonly string[]): string {
  return section.filter((s) => s.trim() !== '').join(' › ');
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * One sentence can carry two findings (new sharing with advertisers is also new targeted advertising).
 * For each finding and each of its first `max` passages: null where the passage is quoted, or the headline
 * of the earlier finding that already quotes it, which the later one points back to instead.
 */
export function passageReferences(findings: readonly Finding[], max: number, headline: (f: Finding) => string): Array<Array<string | null>> {
  const quotedBy = new Map<string, string>();
  return findings.map((f) => {
    const shown = f.evidence.slice(0, max);
    const refs = shown.map((e) => quotedBy.get(e.sentence) ?? null);
    for (const e of shown) if (!quotedBy.has(e.sentence)) quotedBy.set(e.sentence, headline(f));
    return refs;
  });
}

