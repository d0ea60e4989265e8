import { describe, expect, it } from 'vitest';
import { explainer } from './index';

const now = new Date(2026, 10, 29, 15, 0).getTime();
const earlierToday = new Date(2026, 10, 29, 9, 0).getTime();
const yesterday = new Date(2026, 10, 28, 9, 0).getTime();
const january = new Date(2026, 0, 5, 12, 0).getTime();

describe('dates in the reader’s language', () => {
  it('says "today" rather than "on today" for a change earlier today, and "on" with a calendar date', () => {
    const { format } = explainer('en');
    expect(format.when(earlierToday, now)).toBe('today');
    expect(format.when(january, now)).toBe('on 5 Jan 2026');
  });

  it.each([
    ['de', 'heute', 'gestern', 'am 05.01.2026'],
    ['fr', 'aujourd’hui', 'hier', 'le 5 janv. 2026'],
    ['es', 'hoy', 'ayer', 'el 5 ene 2026'],
  ])('%s: relative within the week, the language’s preposition beyond', (lang, today, yday, older) => {
    const { format } = explainer(lang);
    expect(format.when(earlierToday, now)).toBe(today);
    expect(format.when(yesterday, now)).toBe(yday);
    expect(format.when(january, now)).toBe(older);
  });

  it('a date reads after a verb in German too', () => {
    const words = explainer('de');
    expect(words.ui.popup.changed(words.format.when(earlierToday, now))).toBe('Heute geändert');
    expect(words.ui.popup.changed(words.format.when(january, now))).toBe('Am 05.01.2026 geändert');
  });

  it('follows the region of the browser’s language for dates, the language for words', () => {
    expect(explainer('en-US').format.day(january)).toBe('Jan 5, 2026');
    expect(explainer('en').format.day(january)).toBe('5 Jan 2026');
    expect(explainer('de-AT').format.day(january)).toBe('05.01.2026');
    expect(explainer('de_CH').locale).toBe('de-CH');
    // A tag of another language, or one Intl cannot read, keeps the language's own default.
    expect(explainer('pt-BR').locale).toBe('en-GB');
    expect(explainer('de-!!').locale).toBe('de');
  });

  it('writes a stated date as stated, whatever the time zone', () => {
    expect(explainer('de').format.statedDate('2026-11-02')).toBe('02.11.2026');
    expect(explainer('fr').format.statedDate('2026-11-02')).toBe('2 nov. 2026');
    expect(explainer('en').format.statedDate('not a date')).toBe('not a date');
    expect(explainer('en').format.statedDate('2025-13-45')).toBe('2025-13-45');
    expect(explainer('en').format.statedDate('2025-02-29')).toBe('2025-02-29');
    expect(explainer('en').format.statedDate('2024-02-29')).toBe('29 Feb 2024');
  });

  it('says so for a date it cannot read', () => {
    expect(explainer('en').format.date(Number.NaN, now)).toBe('an unknown date');
    expect(explainer('de').format.when(Number.NaN, now)).toBe('zu einem unbekannten Zeitpunkt');
  });

  it('adds the time of day within the last week only', () => {
    expect(explainer('en').format.dateTime(earlierToday, now)).toMatch(/^today, 09:00$/);
    expect(explainer('en').format.dateTime(january, now)).toBe('5 Jan 2026');
  });
});

describe('sizes', () => {
  it.each([
    ['en', 0, '0 B'],
    ['en', 812, '812 B'],
    ['en', 1536, '1.5 KB'],
    ['en', 1_843_200, '1.8 MB'],
    ['en', 25 * 1024 * 1024, '25 MB'],
    ['de', 1536, '1,5 KB'],
    ['fr', 1536, '1,5 Ko'],
    ['fr', 812, '812 o'],
    ['es', 1_843_200, '1,8 MB'],
    ['en', -1, 'unknown'],
  ])('%s: %d bytes reads %s', (lang, bytes, want) => {
    expect(explainer(lang).format.bytes(bytes)).toBe(want);
  });
});
