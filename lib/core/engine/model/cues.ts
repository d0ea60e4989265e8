/**
 * Cues: a few features that no n-gram can express, built from small word lists in several languages.
 * A linear model over words sees "share" and "third parties" apart; it cannot see that a verb of handing
 * over is followed, a few words later, by a word for another party ("we may disclose the information we
 * hold about you to third parties"), which is what a sharing statement is, whatever the words between.
 * Each cue is such an arrangement, fitted like any other feature (its weight is learned, nothing here
 * decides). Because the lists hold the same notions in French, German, Spanish, Italian, Dutch and
 * Portuguese, what the model learns from English statements about an arrangement holds in those languages too.
 *
 * Pure and bounded: one pass over at most MAX_WORDS words (features.ts), and anchored word-level tests
 * that cannot backtrack.
 */

import { GLOSS } from './gloss';

// A verb of handing over, in its forms ("shares", "disclosed", "partageons", "weitergeben", "compartimos").
const GIVE =
  /^(?:shar(?:e|es|ed|ing)|disclos\w*|sell(?:s|ing)?|sold|sale|rent(?:s|ed|ing)?|leas(?:e|es|ed|ing)|trad(?:e|es|ed|ing)|transfer\w*|provid(?:e|es|ed|ing)|giv(?:e|es|en|ing)|gave|releas\w*|pass(?:es|ed|ing)?|exchang\w*|transmit\w*|send(?:s|ing)?|sent|furnish\w*|licens(?:e|es|ed|ing)|reveal\w*|partag\w*|communiqu\w*|transm[ei]\w*|vend(?:re|ons|ez|ent|u|ue|us|ues|emos|en|e|er|ido|ida|idos|idas|ere|iamo|ono)|c[eèé]d(?:er|ons|ez|ent|e|é|ée|és|ées|emos|ido|ida|ere|iamo)|lou(?:er|ons|ez|ent)|weiterge\w*|geben|gegeben|weitergabe|übermitt\w*|offenleg\w*|offengelegt|verkauf\w*|teilen|teilt|geteilt|compart\w*|divulg\w*|comunic\w*|condivi\w*|trasfer\w*|trasmett\w*|verstrek\w*|verkop\w*|verkoopt|verkocht|doorge\w*|delen|deelt|gedeeld|compartilh\w*|partilh\w*)$/;
// A word for another party ("third", "partners", "Werbepartner", "prestataires", "terceros").
const OTHER =
  /^(?:third|part(?:y|ies)|partners?|affiliat\w*|advertisers?|vendors?|providers?|companies|sponsors?|subsidiar\w*|processors?|contractors?|agents|networks|authorities|government\w*|enforcement|others|publishers?|buyers?|purchasers?|successors?|marketers?|merchants?|brokers?|tiers|tierces?|partenaires?|prestataires?|filiales?|soci[eé]t[eé]s|annonceurs?|autorit[eé]s|dritten?|\p{L}*partnern?|\p{L}*dienstleistern?|\p{L}*anbietern?|tochtergesellschaften|beh[oö]rden|\p{L}*unternehmen|werbetreibenden?|terceros?|terceras?|terceiros?|terzi|terze|derde|socios|parceiros|proveedores|fornecedores|fornitori|afiliad[ao]s|affiliate|empresas|aziende|anunciantes|inserzionisti|autoridades|autorit[aà]|derden|dienstverleners|adverteerders|bedrijven|overheid)$/u;
// A verb of taking ("collect", "receive", "use"): another party that collects is a party data reaches.
const TAKE = /^(?:collect\w*|use|uses|used|receiv\w*|access(?:es|ed)?|obtain\w*|gather\w*|track\w*|set|sets|plac(?:e|es|ed)|record\w*|recueill\w*|collect[ée]\w*|erheb\w*|erhalt\w*|erhält|recopil\w*|recib\w*|raccogli\w*|ricev\w*|verzamel\w*|ontvang\w*|coletar|coleta\w*|recebe\w*)$/;
const NOT = /^(?:not|never|cannot|don|doesn|won|no|neither|nor|ne|pas|jamais|nicht|nie|niemals|keine[nmrs]?|kein|nunca|non|mai|niet|nooit|geen|não)$/;
const WE = /^(?:we|nous|wir|nosotros|noi|wij|nós|podemos|possiamo)$/;
// A verb that says "we" by its ending, where Spanish, Italian and Portuguese leave the pronoun out
// ("compartimos", "condividiamo", "compartilhamos").
const WE_ENDING = /(?:amos|emos|imos|iamo)$/;
// Telling, not handing over: "teilen wir Ihnen mit", "geben wir Ihnen einen Überblick" (the verb's object is
// the reader), "Le comunicamos que", "Ti comunichiamo che" (a pronoun before the verb, or "that" after it).
const TOLD = /^(?:ihnen|dir|euch)$/;
const CLITIC = /^(?:le|les|te|os|ti|vi|gli|ci)$/;
const THAT = /^(?:que|che)$/;
// Those two "we" forms count only where the sentence names data or another party: "Comunicaremos cualquier
// cambio", "Änderungen teilen wir auf dieser Seite mit" and "geben wir einen Überblick" tell the reader something.
const DATA_WORD = /^(?:\p{L}*daten|datos|dati|dados|gegevens|données|informationen|angaben|información|informaciones|informazioni|informações)$/u;

type Kind = 'give' | 'other' | 'take' | undefined;
const kindOfWord = (w: string): Kind => (OTHER.test(w) ? 'other' : GIVE.test(w) ? 'give' : TAKE.test(w) ? 'take' : undefined);
/**
 * A word the lists lack, of a language the gloss table holds, is what its English is: "ceden" (transfer),
 * "disponibilizam" (provide), "fornitori" (providers). The lists' own forms come first; a gloss of two words
 * is the kind of its first word that has one ("terceros": third parties). Read once, when the table loads
 * (1,489 keys), so a word costs one lookup more.
 */
const GLOSS_KIND: ReadonlyMap<string, Kind> = new Map(
  [...GLOSS].flatMap(([w, english]) => {
    for (const e of english) {
      const kind = kindOfWord(e);
      if (kind) return [[w, kind] as const];
    }
    return [];
  }),
);
const glossKind = (w: string): Kind => GLOSS_KIND.get(w);
/**
 * What each word is, remembered: policies repeat their words, and one lookup is cheaper than three
 * regular expressions. The memory is bounded (emptied when full) and changes no answer.
 */
const KINDS = new Map<string, Kind>();
const MAX_KINDS = 20_000;
/** Longer words are not remembered: the memory stays under MAX_KINDS × MAX_REMEMBERED characters. */
const MAX_REMEMBERED = 40;
function kindOf(w: string): Kind {
  if (KINDS.has(w)) return KINDS.get(w);
  const kind: Kind = kindOfWord(w) ?? glossKind(w);
  if (w.length > MAX_REMEMBERED) return kind;
  if (KINDS.size >= MAX_KINDS) KINDS.clear();
  KINDS.set(w, kind);
  return kind;
}

/** Whether a word is a verb of handing over in one of the lists' languages (lexicon.ts reads denials of it). */
export function handsOver(w: string): boolean {
  return kindOf(w) === 'give';
}

/** Whether some word is a verb of handing over or a word for another party, in any language the lists hold. */
export function namesHandingOver(ws: readonly string[]): boolean {
  for (const w of ws) {
    const kind = kindOf(w);
    if (kind === 'give' || kind === 'other') return true;
  }
  return false;
}

/** Whether some index of `b` follows one of `a` within `reach` words. */
function near(a: readonly number[], b: readonly number[], reach: number): boolean {
  for (const x of a) for (const y of b) if (y > x && y - x <= reach) return true;
  return false;
}

/** Whether one of the words from index `from` (at least 0) up to `to` (excluded) matches `re`. */
function anyIn(ws: readonly string[], from: number, to: number, re: RegExp): boolean {
  for (let i = Math.max(0, from); i < to; i++) if (re.test(ws[i] ?? '')) return true;
  return false;
}

/** The cue features of a sentence's words (features.ts words()), each named once at most. */
export function cues(ws: readonly string[]): string[] {
  const give: number[] = [];
  const other: number[] = [];
  const take: number[] = [];
  for (let i = 0; i < ws.length; i++) {
    const kind = kindOf(ws[i] ?? '');
    if (kind === 'other') other.push(i);
    else if (kind === 'give') give.push(i);
    else if (kind === 'take') take.push(i);
  }
  const out: string[] = [];
  if (give.length) out.push('give');
  if (other.length) out.push('other');
  if (near(give, other, 8)) out.push('give>other');
  if (near(other, give, 6)) out.push('other>give');
  if (near(other, take, 5)) out.push('other>take');
  for (const g of give)
    if (anyIn(ws, g - 4, g, NOT)) {
      out.push('not>give');
      break;
    }
  // (And German's verb before its subject: "Außerdem übermitteln wir", "Dazu geben wir".)
  let namesData: boolean | undefined;
  for (const g of give) {
    if (anyIn(ws, g - 3, g, WE)) {
      out.push('we>give');
      break;
    }
    // "we" after the verb (German "geben wir") or in its ending ("compartimos"), where the sentence names data.
    const weAfterOrInVerb = (ws[g + 1] === 'wir' && !TOLD.test(ws[g + 2] ?? '')) || (WE_ENDING.test(ws[g] ?? '') && !CLITIC.test(ws[g - 1] ?? '') && !THAT.test(ws[g + 1] ?? ''));
    if (weAfterOrInVerb && (namesData ??= other.length > 0 || anyIn(ws, 0, ws.length, DATA_WORD))) {
      out.push('we>give');
      break;
    }
  }
  for (let i = 0; i + 2 < ws.length; i++) {
    if (ws[i] === 'on' && (ws[i + 1] === 'our' || ws[i + 1] === 'its' || ws[i + 1] === 'their') && ws[i + 2] === 'behalf') {
      out.push('behalf');
      break;
    }
  }
  return out;
}
