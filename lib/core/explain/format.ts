/**
 * Dates, times and sizes in the reader's locale, with Intl: relative days within the last week
 * ("today", "gestern", "il y a 3 jours"), calendar dates beyond, byte sizes with the language's units.
 * `now` is a parameter (the clock is the caller's), so a test gets the same words every time.
 */
import type { UiWords } from './ui';

export interface Formats {
  /** "today", "3 days ago" within the last week, else the calendar date. */
  date(ms: number, now: number): string;
  /** The same, to read after a verb: "today", "3 days ago", "on 2 Nov 2026" (language's own preposition). */
  when(ms: number, now: number): string;
  /** A calendar date, never relative (for headings that name two dates). */
  day(ms: number): string;
  /** A calendar date with the time of day, never relative (two versions first seen the same day). */
  dayTime(ms: number): string;
  /** The same, to read after a verb: "on 5 Dec 2026, 09:30", „am 05.12.2026, 09:30“. */
  whenTime(ms: number): string;
  /** The same with the seconds: "on 5 Dec 2026, 09:30:12" (two versions first seen in the same minute). */
  whenSecond(ms: number): string;
  /** `date` with the time of day within the last week, for "last check" where the hour matters. */
  dateTime(ms: number, now: number): string;
  /** A YYYY-MM-DD date the policy states, without shifting it by the time zone. */
  statedDate(iso: string): string;
  /** 1536 → "1.5 KB" ("1,5 Ko" in French). */
  bytes(n: number): string;
}

const DAY = 24 * 60 * 60 * 1000;

export function formats(locale: string, ui: UiWords): Formats {
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const medium = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const mediumUtc = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short' });
  const mediumWithTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const mediumWithSeconds = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' });
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const oneDecimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const valid = (ms: number) => !Number.isNaN(new Date(ms).getTime());
  const startOfDay = (t: number) => new Date(new Date(t).toDateString()).getTime();
  /** Days before today (local time), or null beyond the last week or in the future. */
  const daysAgo = (ms: number, now: number) => {
    const days = Math.round((startOfDay(now) - startOfDay(ms)) / DAY);
    return days >= 0 && days < 7 ? days : null;
  };
  const day = (ms: number) => (valid(ms) ? medium.format(ms) : ui.time.unknownDate);
  const date = (ms: number, now: number) => {
    if (!valid(ms)) return ui.time.unknownDate;
    const days = daysAgo(ms, now);
    return days === null ? medium.format(ms) : relative.format(-days, 'day');
  };
  return {
    date,
    day,
    dayTime: (ms) => (valid(ms) ? mediumWithTime.format(ms) : ui.time.unknownTime),
    whenTime: (ms) => (valid(ms) ? ui.time.on(mediumWithTime.format(ms)) : ui.time.unknownWhen),
    whenSecond: (ms) => (valid(ms) ? ui.time.on(mediumWithSeconds.format(ms)) : ui.time.unknownWhen),
    when(ms, now) {
      if (!valid(ms)) return ui.time.unknownWhen;
      return daysAgo(ms, now) === null ? ui.time.on(medium.format(ms)) : date(ms, now);
    },
    dateTime(ms, now) {
      if (!valid(ms)) return ui.time.unknownTime;
      const text = date(ms, now);
      if (now - ms > 7 * DAY || ms > now) return text;
      return `${text}, ${time.format(ms)}`;
    },
    statedDate(iso) {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
      if (!m) return iso;
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const t = Date.UTC(y, mo - 1, d);
      // A date that is no day of the calendar ("2025-13-45", from an imported file) is shown as written.
      const back = new Date(t);
      if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return iso;
      return mediumUtc.format(t);
    },
    bytes(n) {
      if (!Number.isFinite(n) || n < 0) return ui.time.unknownSize;
      const units = ui.time.byteUnits;
      let value = n;
      let unit = 0;
      while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
      }
      // Whole bytes, and sizes of 10 or more, without decimals: "812 B", "25 MB", "1.5 KB".
      const digits = unit === 0 || value >= 10 ? whole : oneDecimal;
      return `${digits.format(value)} ${units[unit]}`;
    },
  };
}
