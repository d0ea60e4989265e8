/**
 * The one place that turns the engine's codes into words for people, in the reader's language: the
 * popup, the history page, the Markdown summary, the badge's tooltip and the CLI all call it. The engine
 * and the store hold codes only, so a finding stored today reads in German tomorrow.
 *
 * `explainer(locale)` takes a BCP 47 tag ("de-AT", "fr", "en-US") and falls back to English for a
 * language we do not have. The words come from the tag's language; dates, sizes and counts follow the
 * whole tag when it names a region ("en-US" writes "Nov 2, 2026", "en-GB" and a bare "en" write
 * "2 Nov 2026"; "es-MX" writes "1.5 MB" and "12,345 versiones", a bare "es" "1,5 MB" and "12.345").
 *
 * `ui` holds every other word of the extension's pages, the badge and the notification (ui.ts), and
 * `format` writes dates and sizes in the reader's locale (format.ts).
 */
import { type AnalysisDigest, type Category, type Finding, type FindingKind, type Gained, type Severity, type Signal } from '../schema';
import { de } from './de';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';
import { counting } from './count';
import { formats, type Formats } from './format';
import type { UiWords } from './ui';
import type { Parts, Polarity, Words } from './words';

export type { Words, Parts, Polarity } from './words';
export type { UiWords, CheckStatus } from './ui';
export type { Formats } from './format';

export const LANGUAGES: Readonly<Record<string, Words>> = { en, de, fr, es };
export type Language = 'en' | 'de' | 'fr' | 'es';

/** The language of a BCP 47 tag that we have words for, English otherwise. */
export function languageOf(locale: string | undefined | null): Language {
  const base = (locale ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  return base === 'de' || base === 'fr' || base === 'es' ? base : 'en';
}

/** What a headline needs of a finding (the codes; the evidence only for sensitive terms). */
export type FindingFacts = Pick<Finding, 'category' | 'kind' | 'gained' | 'attributes' | 'signals'> & { evidence?: ReadonlyArray<{ triggers: readonly string[] }> };


const MAX_LISTED = 3;
const ROUTINE_PURPOSES = new Set(['service', 'legal', 'security']);
/** Recipients that are never said to train AI models: they receive data, they do not train on it. */
const NOT_TRAINERS = ['authorities', 'public', 'buyers'] as const;

export interface Explainer {
  language: Language;
  /** The BCP 47 tag dates and numbers are written in. */
  locale: string;
  words: Words;
  ui: UiWords;
  format: Formats;
  list(items: readonly string[]): string;
  category(c: Category): string;
  severity(s: Severity): string;
  kind(k: FindingKind): string;
  statement(c: Category, p: Polarity): string;
  headline(f: FindingFacts): string;
  label(f: FindingFacts): string;
  summary(d: AnalysisDigest): string;
  samePassage(headline: string): string;
  /** A plural category of Intl.PluralRules, for callers that pick between forms. */
  plural(n: number): Intl.LDMLPluralRule;
  date(ms: number, options?: Intl.DateTimeFormatOptions): string;
}

const cache = new Map<string, Explainer>();

/**
 * The tag to write dates in: the caller's own when it names a region or script of the same language
 * and Intl knows it, else the language's default (`Words.locale`).
 */
function formatLocaleOf(tag: string | undefined | null, language: Language, fallback: string): string {
  if (!tag || !/[-_]/.test(tag)) return fallback;
  try {
    const [canonical] = Intl.getCanonicalLocales(tag.replace(/_/g, '-'));
    if (!canonical || canonical.split('-')[0] !== language) return fallback;
    return Intl.DateTimeFormat.supportedLocalesOf([canonical]).length > 0 ? canonical : fallback;
  } catch {
    return fallback; // not a well-formed tag
  }
}

export function explainer(locale?: string | null): Explainer {
  const language = languageOf(locale);
  const words = LANGUAGES[language] as Words;
  const formatLocale = formatLocaleOf(locale, language, words.locale);
  const key = `${language}|${formatLocale}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const lists = new Intl.ListFormat(words.locale, { style: 'long', type: 'conjunction' });
  const plurals = new Intl.PluralRules(words.locale);
  const list = (items: readonly string[]) => lists.format(items.slice(0, MAX_LISTED));
  const plainly = (word: string) => word;
  const who = (g: Gained, skip: readonly string[] = [], form: (word: string, code: string | null) => string = plainly) => {
    const kinds = g.recipients.filter((r) => !skip.includes(r));
    // "third parties" says less than any other kind; dropped when another is there.
    const specific = kinds.length > 1 ? kinds.filter((r) => r !== 'third-parties') : kinds;
    return list([...g.named.map((n) => form(n, null)), ...specific.map((r) => form(words.recipient[r] ?? r, r))]);
  };
  const by = words.recipientForms?.by;
  const to = words.recipientForms?.to;
  const purposes = (g: Gained) => list(g.purposes.filter((x) => !ROUTINE_PURPOSES.has(x)).map((x) => words.purpose[x] ?? x));
  const parts = (f: FindingFacts): Parts => ({
    category: f.category,
    kind: f.kind,
    signals: f.signals as readonly Signal[],
    whoAll: who(f.attributes),
    whoGained: who(f.gained),
    trainersAll: who(f.attributes, NOT_TRAINERS, by),
    trainersGained: who(f.gained, NOT_TRAINERS, by),
    toWhoGained: who(f.gained, [], to),
    dataGained: list(f.gained.data.map((d) => words.data[d] ?? d)),
    purposesAll: purposes(f.attributes),
    purposesGained: purposes(f.gained),
    sensitive: (f.evidence ?? []).flatMap((e) => e.triggers).slice(0, 2).join(', '),
  });
  const dates = new Map<string, Intl.DateTimeFormat>();
  // Counts in the same convention as sizes and dates: "1.5 MB … 12,345 versions" in Mexico, not "12.345".
  const ui = words.uiFor(formatLocale);
  const counts = counting(formatLocale);
  const e: Explainer = {
    language,
    locale: formatLocale,
    words,
    ui,
    format: formats(formatLocale, ui),
    list,
    category: (c) => words.category[c],
    severity: (s) => words.severity[s],
    kind: (k) => words.kind[k],
    statement: (c, p) => words.statement[c][p],
    headline: (f) => words.headline(parts(f)),
    label: (f) => words.label(parts(f)),
    summary(d) {
      const labels = (s: Severity) => [...new Set(d.findings.filter((f) => f.severity === s).map((f) => words.label(parts(f))))].join(words.summary.separator);
      const majors = d.findings.filter((f) => f.severity === 'major').length;
      const good = d.findings.filter((f) => f.severity === 'good-news').length;
      const out: string[] = [];
      if (majors) out.push(words.summary.major(majors, labels('major'), counts));
      if (good) out.push(words.summary.goodNews(good, labels('good-news'), counts));
      if (d.counts.minor) out.push(words.summary.minorEdits(d.counts.minor, counts));
      if (out.length) return out.join(' ');
      return d.changed ? words.summary.onlyFormatting : words.summary.noChange;
    },
    samePassage: (h) => words.samePassage(h),
    plural: (n) => plurals.select(n),
    date(ms, options = { dateStyle: 'medium' }) {
      const id = JSON.stringify(options);
      let f = dates.get(id);
      if (!f) dates.set(id, (f = new Intl.DateTimeFormat(formatLocale, options)));
      return f.format(ms);
    },
  };
  cache.set(key, e);
  return e;
}
