/**
 * Finds the "last updated" / "effective" date a policy states about itself. Policies write it in many
 * ways; we only accept a date that sits right after such a label, so that other dates in the text (a
 * law's date, a copyright year) are not taken for it.
 */

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, janvier: 1, januar: 1,
  feb: 2, february: 2, fevrier: 2, février: 2, februar: 2,
  mar: 3, march: 3, mars: 3, märz: 3, maerz: 3,
  apr: 4, april: 4, avril: 4,
  may: 5, mai: 5,
  jun: 6, june: 6, juin: 6, juni: 6,
  jul: 7, july: 7, juillet: 7, juli: 7,
  aug: 8, august: 8, août: 8, aout: 8,
  sep: 9, sept: 9, september: 9, septembre: 9,
  oct: 10, october: 10, octobre: 10, oktober: 10,
  nov: 11, november: 11, novembre: 11,
  dec: 12, december: 12, décembre: 12, decembre: 12, dezember: 12,
};

const LABEL =
  /\b(?:last\s+(?:updated|modified|revised|changed|amended)|(?:date\s+of\s+)?last\s+revision|effective(?:\s+date)?(?:\s+(?:as\s+of|from|on))?|updated(?:\s+on)?|revised(?:\s+on)?|version\s+date|derni[eè]re\s+mise\s+[aà]\s+jour|mis\s+[aà]\s+jour\s+le|en\s+vigueur(?:\s+(?:le|au|à\s+compter\s+du))?|stand|zuletzt\s+aktualisiert)\b/giu;

const MONTH_NAME = '([a-zà-ÿ]{3,9})\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th|er)?';
const YEAR = '(\\d{4})';
const AFTER_LABEL_GAP = '[\\s:/,\\-–—*_()]*(?:(?:date|is|on|as of|from|le|du|on or after)[\\s:]*)*';

const PATTERNS: Array<{ re: RegExp; order: 'mdy' | 'dmy' | 'ymd' | 'numeric' }> = [
  { re: new RegExp(`^${AFTER_LABEL_GAP}${MONTH_NAME}\\s+${DAY},?\\s+${YEAR}`, 'iu'), order: 'mdy' },
  { re: new RegExp(`^${AFTER_LABEL_GAP}${DAY}\\s+(?:of\\s+)?${MONTH_NAME},?\\s+${YEAR}`, 'iu'), order: 'dmy' },
  { re: new RegExp(`^${AFTER_LABEL_GAP}${YEAR}-(\\d{1,2})-(\\d{1,2})`, 'iu'), order: 'ymd' },
  { re: new RegExp(`^${AFTER_LABEL_GAP}(\\d{1,2})[./](\\d{1,2})[./](\\d{4})`, 'iu'), order: 'numeric' },
];

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function valid(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1990 || y > 2100) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

function parseAt(rest: string): string | null {
  for (const { re, order } of PATTERNS) {
    const m = re.exec(rest);
    if (!m) continue;
    const [a = '', b = '', c = ''] = [m[1], m[2], m[3]];
    if (order === 'mdy') {
      const month = MONTHS[a.toLowerCase()];
      if (month) return valid(Number(c), month, Number(b));
    } else if (order === 'dmy') {
      const month = MONTHS[b.toLowerCase()];
      if (month) return valid(Number(c), month, Number(a));
    } else if (order === 'ymd') {
      return valid(Number(a), Number(b), Number(c));
    } else {
      // 01/02/2024 is ambiguous; a first number above 12 settles it, otherwise a slash reads US-style
      // (month first) and a dot reads European-style (day first).
      const x = Number(a);
      const yv = Number(b);
      const usesDot = rest.slice(m.index, m.index + m[0].length).includes('.');
      if (x > 12) return valid(Number(c), yv, x);
      return usesDot ? valid(Number(c), yv, x) : valid(Number(c), x, yv);
    }
  }
  return null;
}

/** The first date that follows a "last updated" / "effective" label, as YYYY-MM-DD, or null. */
export function findStatedDate(text: string): string | null {
  // Only the opening of a policy carries its date in practice; scanning all of it finds other dates.
  const head = text.slice(0, 20_000).replace(/[*_`]/g, '');
  LABEL.lastIndex = 0;
  for (const m of head.matchAll(LABEL)) {
    const rest = head.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 60);
    const date = parseAt(rest);
    if (date) return date;
  }
  return null;
}

/** True when a short line is only a "last updated" / "effective" statement, which is never news. */
export function isDateLine(text: string): boolean {
  if (text.length > 160) return false;
  const stripped = text.replace(/[*_`#]/g, '').trim();
  LABEL.lastIndex = 0;
  const m = LABEL.exec(stripped);
  LABEL.lastIndex = 0;
  if (!m || (m.index ?? 0) > 40) return false;
  return /\d{4}/.test(stripped);
}
