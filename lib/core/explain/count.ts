/**
 * Numbers in words for one language: the number written the language's way (1,234 / 1.234 / 1 234) and
 * the noun in the form the language's plural rules ask for. Only "one" and "other" forms are needed by
 * the four languages we write; Intl's "many" (French and Spanish millions) reads as "other".
 */
export interface Counting {
  /** The number as the language writes it. */
  num(n: number): string;
  /** `one` or `other`, as the language's plural rules pick for n. */
  pick(n: number, one: string, other: string): string;
  /** The number and its noun: "1 version", "3 versions". */
  count(n: number, one: string, other: string): string;
}

export function counting(locale: string): Counting {
  const rules = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);
  const pick = (n: number, one: string, other: string) => (rules.select(n) === 'one' ? one : other);
  return {
    num: (n) => numbers.format(n),
    pick,
    count: (n, one, other) => `${numbers.format(n)} ${pick(n, one, other)}`,
  };
}

/** Items joined as the language lists them ("A, B and C"), the empty ones left out. */
export function listing(locale: string): (items: readonly string[]) => string {
  const lists = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
  return (items) => lists.format(items.filter(Boolean));
}

/** `make(locale)`, made once per tag and then remembered (a language's words for "es-MX", "de-CH"…). */
export function perLocale<T>(make: (locale: string) => T): (locale: string) => T {
  const made = new Map<string, T>();
  return (locale) => {
    let hit = made.get(locale);
    if (hit === undefined) made.set(locale, (hit = make(locale)));
    return hit;
  };
}
