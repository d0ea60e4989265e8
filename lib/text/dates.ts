/**
 * Find the date a policy says it was last updated or took effect, in the seven supported languages,
 * and return it as YYYY-MM-DD. Used by HTML extraction, the Markdown reader and the change engine
 * (which treats a line that is only such a date as never news). Only a date right after such a label
 * counts, so a law's date or a copyright year is not taken for it.
 */
import { stripAccents } from './normalize';

const MONTHS: Record<string, number> = {};
const MONTH_NAMES: Array<[number, string[]]> = [
  [1, ['january', 'jan', 'januar', 'janner', 'janvier', 'enero', 'gennaio', 'januari', 'janeiro', 'ene', 'gen', 'janv']],
  [2, ['february', 'feb', 'februar', 'feber', 'fevrier', 'fev', 'febrero', 'febbraio', 'februari', 'fevereiro', 'fevr']],
  [3, ['march', 'mar', 'marz', 'maerz', 'mars', 'marzo', 'maart', 'marco', 'mrt']],
  [4, ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'aprile']],
  [5, ['may', 'mai', 'mayo', 'maggio', 'mei', 'maio', 'mag']],
  [6, ['june', 'jun', 'juni', 'juin', 'junio', 'giugno', 'junho', 'giu']],
  [7, ['july', 'jul', 'juli', 'juillet', 'juil', 'julio', 'luglio', 'julho', 'lug']],
  [8, ['august', 'aug', 'aout', 'agosto', 'ago', 'augustus']],
  [9, ['september', 'sep', 'sept', 'septembre', 'septiembre', 'setiembre', 'settembre', 'set', 'setembro']],
  [10, ['october', 'oct', 'oktober', 'okt', 'octobre', 'octubre', 'ottobre', 'ott', 'outubro', 'out']],
  [11, ['november', 'nov', 'novembre', 'noviembre', 'novembro']],
  [12, ['december', 'dec', 'dezember', 'dez', 'decembre', 'diciembre', 'dic', 'dicembre', 'dezembro']],
];
for (const [n, names] of MONTH_NAMES) for (const name of names) MONTHS[name] = n;
const MONTH_ALT = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');

/** Labels that introduce the date. Matched on accent-folded, lower-cased text. */
const LABEL =
  /(last (updated|modified|revised|changed)|applies (from|as of)|s applique a partir (de|du)|applicable a partir (de|du)|valable a partir (de|du)|updated( on| as of)?|effective( date| as of| from| on)?|date of (last )?(update|revision)|revised( on)?|version (date|of)|in (force|effect) (from|as of|since)|valid (from|as of)|zuletzt (aktualisiert|geandert|uberarbeitet)|letzte (aktualisierung|anderung)|aktualisiert am|stand|gultig ab|version vom|derniere (mise a jour|modification|revision)|mis(e)? a jour (le)?|date d entree en vigueur|en vigueur (le|a compter du|au)|ultima (actualizacion|modificacion|revision|atualizacao|alteracao)|actualizad[ao]( el| en)?|fecha de (entrada en vigor|actualizacion|ultima actualizacion)|vigente (desde|a partir de)|ultimo aggiornamento|aggiornat[ao]( il| al)?|data di (entrata in vigore|aggiornamento)|in vigore (dal|da)|laatst (bijgewerkt|gewijzigd|herzien)|bijgewerkt (op)?|datum van (inwerkingtreding|laatste wijziging)|van kracht (vanaf|per)|atualizad[ao]( em)?|data (da ultima atualizacao|de vigencia|de entrada em vigor)|em vigor (desde|a partir de)|vigente a partir de)/g;

const D = '(\\d{1,2})';
const Y = '(\\d{4})';
const PATTERNS: Array<{ re: RegExp; order: 'ymd' | 'dmy-name' | 'mdy-name' | 'num' | 'my-name' }> = [
  { re: new RegExp(`^${Y}[-/.]${D}[-/.]${D}\\b`), order: 'ymd' },
  { re: new RegExp(`^${D}(?:st|nd|rd|th|er|o|º)?\\.?\\s*(?:de\\s+)?(${MONTH_ALT})\\.?,?\\s*(?:de\\s+|del\\s+)?${Y}\\b`), order: 'dmy-name' },
  { re: new RegExp(`^(${MONTH_ALT})\\.?\\s+${D}(?:st|nd|rd|th)?,?\\s+${Y}\\b`), order: 'mdy-name' },
  { re: new RegExp(`^${D}[-/.]${D}[-/.]${Y}\\b`), order: 'num' },
  { re: new RegExp(`^(${MONTH_ALT})\\.?\\s+(?:de\\s+)?${Y}\\b`), order: 'my-name' },
];

function fold(s: string): string {
  return stripAccents(s).toLowerCase().replace(/[\u2019']/g, ' ');
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

/**
 * The first "last updated"/"effective" date stated in `text`. Looks a short way past each label,
 * since pages write "Last updated: March 3, 2024" as often as "Effective date of this policy: ...".
 */
export function findStatedDate(text: string, options: { usOrder?: boolean } = {}): string | null {
  const folded = fold(text.length > 600_000 ? text.slice(0, 600_000) : text);
  LABEL.lastIndex = 0;
  let m: RegExpExecArray | null;
  let guard = 0;
  while ((m = LABEL.exec(folded)) !== null && guard++ < 500) {
    const after = folded.slice(m.index + m[0].length, m.index + m[0].length + 60);
    // Skip separators and filler words between the label and the date.
    const rest = after.replace(/^[\s:.,\-–—()]*(?:(?:on|am|le|el|il|em|op|the|of|this|policy|date|datum|du|al|dal|sinds|since|as|den|der|vom)\b[\s:.,\-–—]*){0,4}/, '');
    const d = parseDateAtStart(rest, options.usOrder ?? false);
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
