/**
 * Find the date a policy says it was last updated or took effect, in the seven supported languages,
 * and return it as YYYY-MM-DD. Used by HTML extraction, the Markdown reader and the change engine
 * (which treats a line that is only such a date as never news). Only a date right after such a label
 * counts, so a law's date or a copyright year is not taken for it.
 */
import { LANGUAGES } from '../lang';
import { hasAccentable, stripAccents } from './normalize';

/** Month number by name, every language's (lib/core/lang); a name two languages share is listed by each. */
const MONTHS: Record<string, number> = {};
for (let month = 1; month <= 12; month++) {
  for (const lang of LANGUAGES) {
    for (const name of lang.months[month - 1] ?? []) {
      const known = MONTHS[name];
      if (known !== undefined && known !== month) throw new Error(`month name "${name}" is both ${known} and ${month}`);
      MONTHS[name] = month;
    }
  }
}
const MONTH_ALT = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');

/** Labels that introduce the date. Matched on accent-folded, lower-cased text. */
const LABEL = new RegExp(`(${LANGUAGES.flatMap((l) => l.dateLabels).join('|')})`, 'g');

/**
 * English's labels, alone. A numeric date after another language's label ("Stand: 01.02.2024", "Mis à jour le
 * 03/04/2024") is read day first whatever the page declares: every other language read here writes day first,
 * and the label is the text's own word, where a page's `lang` may be a template's default. Only after an
 * English label does `usOrder` (the page's US English) decide.
 */
const ENGLISH_LABEL = new RegExp(`^(?:${LANGUAGES.filter((l) => l.code === 'en').flatMap((l) => l.dateLabels).join('|')})$`);

/** Separators and filler words between a label and its date. */
const FILLER = new RegExp(`^[\\s:.,\\-–—()]*(?:(?:${LANGUAGES.flatMap((l) => l.dateFillers).join('|')})\\b[\\s:.,\\-–—]*){0,4}`);

const D = '(\\d{1,2})';
const Y = '(\\d{4})';
const PATTERNS: Array<{ re: RegExp; order: 'ymd' | 'dmy-name' | 'mdy-name' | 'num' | 'my-name' }> = [
  { re: new RegExp(`^${Y}[-/.]${D}[-/.]${D}\\b`), order: 'ymd' },
  { re: new RegExp(`^${D}(?:st|nd|rd|th|er|o|º)?\\.?\\s*(?:de\\s+)?(${MONTH_ALT})\\.?,?\\s*(?:de\\s+|del\\s+)?${Y}\\b`), order: 'dmy-name' },
  { re: new RegExp(`^(${MONTH_ALT})\\.?\\s+${D}(?:st|nd|rd|th)?,?\\s+${Y}\\b`), order: 'mdy-name' },
  { re: new RegExp(`^${D}[-/.]${D}[-/.]${Y}\\b`), order: 'num' },
  { re: new RegExp(`^(${MONTH_ALT})\\.?\\s+(?:de\\s+)?${Y}\\b`), order: 'my-name' },
];

function fold(s: string, hasAccents?: boolean): string {
  return stripAccents(s, hasAccents).toLowerCase().replace(/[\u2019']/g, ' ');
}

function valid(y: number, m: number, d: number): string | null {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Parse a date at the very start of `s` (already folded). `usOrder` picks MM/DD for ambiguous numbers. */
export function parseDateAtStart(s: string, usOrder: boolean): string | null {
  for (const { re, order } of PATTERNS) {
    const m = re.exec(s);
    if (!m) continue;
    const a = m[1] ?? '';
    const b = m[2] ?? '';
    const c = m[3] ?? '';
    switch (order) {
      case 'ymd':
        return valid(+a, +b, +c);
      case 'dmy-name':
        return valid(+c, MONTHS[b] ?? 0, +a);
      case 'mdy-name':
        return valid(+c, MONTHS[a] ?? 0, +b);
      case 'num': {
        const x = +a;
        const y = +b;
        // Day first unless the page is US English or the first number cannot be a day... of a month.
        if (x > 12) return valid(+c, y, x);
        if (y > 12) return valid(+c, x, y);
        return usOrder ? valid(+c, x, y) : valid(+c, y, x);
      }
      case 'my-name':
        return valid(+b, MONTHS[a] ?? 0, 1);
    }
  }
  return null;
}

/** How much of the text is folded at first; each later piece is twice the one before. */
const FIRST_PIECE = 8_000;
const MAX_SCAN_CHARS = 600_000;
/**
 * A label that starts this close to the end of what has been folded so far might read differently, or
 * lose its date, once more text follows: it is looked at again after the next piece. Labels are under
 * 50 characters and the date is looked for in the 60 after them.
 */
const LOOK_AHEAD = 200;
const MAX_LABELS = 500;

/**
 * Where to cut `text` near `at` so that folding each side on its own gives what folding the whole
 * would: at a whitespace character, which no accent combines with and no case rule looks across.
 */
function pieceEnd(text: string, at: number): number {
  if (at >= text.length) return text.length;
  for (let i = at; i < text.length && i < at + 1_000; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13) return i;
  }
  // No whitespace near (text without spaces): cut anyway, but not inside a surrogate pair.
  const end = Math.min(text.length, at + 1_000);
  const c = text.charCodeAt(end);
  return c >= 0xdc00 && c <= 0xdfff ? end + 1 : end;
}

/** The date the label match `m` in folded text introduces, if the text right after it starts with one. */
function dateAfterLabel(folded: string, m: RegExpExecArray, usOrder: boolean): string | null {
  const after = folded.slice(m.index + m[0].length, m.index + m[0].length + 60);
  // Every date form has a four-digit year: without one, nothing here can parse.
  if (!/\d{4}/.test(after)) return null;
  // Skip separators and filler words between the label and the date.
  const rest = after.replace(FILLER, '');
  return parseDateAtStart(rest, usOrder && ENGLISH_LABEL.test(m[0]));
}

/**
 * The first "last updated"/"effective" date stated in `text`. Looks a short way past each label,
 * since pages write "Last updated: March 3, 2024" as often as "Effective date of this policy: ...".
 *
 * Policies state their date near the top, so the text is folded a piece at a time and the scan stops
 * at the first date found: a long policy costs what its first page costs. The answer is the same as
 * findStatedDateInWholeText's (see LOOK_AHEAD, pieceEnd and hasAccentable); the tests compare the two.
 */
export function findStatedDate(text: string, options: { usOrder?: boolean } = {}): string | null {
  const all = text.length > MAX_SCAN_CHARS ? text.slice(0, MAX_SCAN_CHARS) : text;
  const usOrder = options.usOrder ?? false;
  const hasAccents = hasAccentable(all);
  let folded = '';
  let cut = 0;
  let piece = FIRST_PIECE;
  // Where the scan goes on from, and how many labels it has looked at: as a single scan would have.
  let from = 0;
  let labels = 0;
  for (;;) {
    const end = pieceEnd(all, cut + piece);
    folded += fold(all.slice(cut, end), hasAccents);
    cut = end;
    piece *= 2;
    const whole = cut >= all.length;
    const safe = whole ? Infinity : folded.length - LOOK_AHEAD;
    LABEL.lastIndex = from;
    for (;;) {
      const before = LABEL.lastIndex;
      const m = LABEL.exec(folded);
      if (m === null || m.index > safe) {
        // Nothing more in this much text, or a label too near its end: fold more and look again.
        from = before;
        break;
      }
      if (labels++ >= MAX_LABELS) return null;
      const d = dateAfterLabel(folded, m, usOrder);
      if (d) return d;
    }
    if (whole) return null;
  }
}

/** The definition findStatedDate keeps to: fold the whole text, then take the first label followed by a date. */
export function findStatedDateInWholeText(text: string, options: { usOrder?: boolean } = {}): string | null {
  const folded = fold(text.length > MAX_SCAN_CHARS ? text.slice(0, MAX_SCAN_CHARS) : text);
  LABEL.lastIndex = 0;
  let labels = 0;
  for (let m = LABEL.exec(folded); m !== null && labels++ < MAX_LABELS; m = LABEL.exec(folded)) {
    const d = dateAfterLabel(folded, m, options.usOrder ?? false);
    if (d) return d;
  }
  return null;
}

/** True when a short line is only a "last updated" / "effective" statement, which is never news. */
export function isDateLine(text: string): boolean {
  if (text.length > 160) return false;
  const folded = fold(text.replace(/[*_`#]/g, '').trim());
  LABEL.lastIndex = 0;
  const m = LABEL.exec(folded);
  LABEL.lastIndex = 0;
  if (!m || m.index > 40) return false;
  return /\d{4}/.test(folded);
}
