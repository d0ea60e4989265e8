/**
 * The gloss table (gloss.json), read once: features.ts reads a word of another language as its English too,
 * cues.ts and heads.ts know a word of handing over or of another party by its English.
 */
import glossFile from './gloss.json';

/**
 * English for words of the other languages the engine reads (gloss.json: German, French, Spanish, Italian,
 * Dutch and Portuguese words of privacy policies, each with one or two English words). The model learned
 * almost all it knows from English sentences; a word of another language is also read as its English
 * equivalent, so "Wir übermitteln Ihre Daten an Werbepartner" carries the weights of "transfer" and
 * "advertising partners". No key is a word of OPP-115's English or of ours (gloss.test.ts), so English
 * sentences read as before, but for a name or an address written in another language ("Société Générale",
 * "datenschutz@…"); words with a second sense ("vente", a sale of goods; "Filiale", a shop) are left out.
 */
export const GLOSS: ReadonlyMap<string, readonly string[]> = new Map(Object.entries(glossFile as Record<string, string>).map(([k, v]) => [k, v.split(' ')]));

/** The English words a word is also read as (none for an English word or one the table lacks). */
export function glossOf(w: string): readonly string[] | undefined {
  return GLOSS.get(w);
}

/**
 * Whether a sentence's words are of another language the table holds: two or more of them have a gloss (no
 * English sentence has any, as no key is an English word). Stops at the second.
 */
export function inOtherLanguage(ws: readonly string[]): boolean {
  let glossed = 0;
  for (const w of ws) if (GLOSS.has(w) && ++glossed >= 2) return true;
  return false;
}
