/**
 * The words of one language, for everything the engine reports as codes: category, severity and kind
 * names, how a first-visit statement reads, attribute names, and the headline, label and summary of a
 * change. One file per language (en.ts, de.ts, fr.ts, es.ts); `index.ts` picks one and does the rest.
 *
 * A language writes whole sentences from `Parts` (lists already joined in its own grammar by
 * Intl.ListFormat), because word order and agreement differ between languages: a template with holes
 * would read as a translation.
 */
import type { Category, FindingKind, Gained, Severity, Signal } from '../schema';
import type { UiWords } from './ui';
import type { Counting } from './count';

export type Polarity = 'states' | 'restricts';

/** What a headline is made of: the finding's codes, and its lists already in words. */
export interface Parts {
  category: Category;
  kind: FindingKind;
  signals: readonly Signal[];
  /** Who may receive or use the data, named first, then kinds; '' when none. */
  whoAll: string;
  whoGained: string;
  /**
   * Who trains models (AI findings): the same without authorities, the public or a buyer, each as the
   * language writes it after "by" (`RecipientForms.by`: German „von Werbetreibenden“).
   */
  trainersAll: string;
  trainersGained: string;
  /**
   * `whoGained` with the language's "to" written before each (`RecipientForms.to`: French « aux
   * autorités », Spanish "al público"), for a label; the same as `whoGained` in a language without one.
   */
  toWhoGained: string;
  /** Kinds of data gained, '' when none. */
  dataGained: string;
  /** Purposes (not running the service, security or legal reasons), '' when none. */
  purposesAll: string;
  purposesGained: string;
  /** The sensitive terms a finding quotes, as written in the policy. */
  sensitive: string;
}

export interface Summary {
  /** Joins the labels of one severity ("; ", "\u00a0; " in French). */
  separator: string;
  /** `c` writes the count as the reader's locale does ("1,234", "1.234") with the noun its plural rules pick (count.ts). */
  major(n: number, labels: string, c: Counting): string;
  goodNews(n: number, labels: string, c: Counting): string;
  minorEdits(n: number, c: Counting): string;
  onlyFormatting: string;
  noChange: string;
}

/**
 * A recipient as the language writes it after a preposition, where the word of `Words.recipient` will not
 * do. `code` is the recipient's code, or null for a company the policy names (written as it is).
 */
export interface RecipientForms {
  /** After "by" (who trains AI models): German „von“ takes the dative („von Werbetreibenden“). */
  by?(word: string, code: string | null): string;
  /** With "to" written in, contracted with the article: French « aux autorités », Spanish "al público". */
  to?(word: string, code: string | null): string;
}

export interface Words {
  /** The BCP 47 tag for Intl (lists, plurals, dates). */
  locale: string;
  /** The language's own name, for a language menu. */
  name: string;
  category: Record<Category, string>;
  severity: Record<Severity, string>;
  kind: Record<FindingKind, string>;
  statement: Record<Category, Record<Polarity, string>>;
  recipient: Record<string, string>;
  /** Recipients after a preposition, where the language needs another form (see RecipientForms). */
  recipientForms?: RecipientForms;
  data: Record<string, string>;
  purpose: Record<string, string>;
  headline(p: Parts): string;
  /** A few words for the summary line. */
  label(p: Parts): string;
  summary: Summary;
  /** The card that points to an earlier one quoting the same passage. */
  samePassage(headline: string): string;
  /** Every other word of the extension's pages, the badge and the notification (ui.ts), numbers written as `locale` writes them. */
  ui: UiWords;
  /** The same words with numbers written as another tag of the language writes them ("es-MX": 12,345), made once per tag. */
  uiFor(locale: string): UiWords;
}

export type { Gained };
