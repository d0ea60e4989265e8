/**
 * Categories recognised by their vocabulary. Sensitive data and international transfers are labelled by
 * no public data set, and are legal terms of art ("biometric", "standard contractual clauses"). Retention
 * and children are labelled in OPP-115, where these word lists beat the learned heads in the grouped
 * validation (sentence F1 0.51 against 0.26 for retention, 0.64 against 0.48 for children). The learned
 * heads cover the rest (model/heads.ts).
 *
 * The gaps between words are `(?:\W+\w+){0,n}?\W+`: word and non-word runs alternate, so there is one
 * way to read any text and nothing backtracks.
 */
import { handsOver } from './model/cues';
import { trimEndChars } from '../text/trim';
import { trimEdges } from './model/heads';
import type { Category } from '../schema';

export interface LexiconRule {
  category: Extract<Category, 'sensitive-data' | 'international-transfer' | 'retention' | 'children'>;
  /** Any of these (a rule with many forms keeps one pattern per form, each simple enough to prove linear). */
  re: RegExp | RegExp[];
  examples: { positive: string[]; negative: string[] };
}

export const LEXICON_RULES: LexiconRule[] = [
  {
    category: 'sensitive-data',
    re: /\b(?:biometric(?:s| data| information| identifiers)?|face ?prints?|facial (?:recognition|geometry|scans?|features)|fingerprints?|voice ?prints?|iris scans?|retina|precise (?:geo-?)?location|exact location|gps (?:location|coordinates|data)|health(?: data| information| conditions?| records)|medical (?:data|information|records|conditions?)|genetic(?: data| information)?|racial or ethnic|ethnic origin|religious (?:or philosophical )?beliefs|sex(?:ual)? (?:orientation|life)|trade union|political (?:opinions|views)|sensitive (?:personal )?(?:data|information)|special categor(?:y|ies) of (?:personal )?data|social security numbers?|government[- ]issued id|passport numbers?|financial account|donn[eé]es (?:de sant[eé]|biom[eé]triques|sensibles))\b/,
    examples: {
      positive: ['We collect biometric identifiers such as face geometry.', 'We may process your precise location.', 'This includes health information you provide.'],
      negative: ['We collect your approximate location from your IP address.', 'We collect your email address.'],
    },
  },
  {
    category: 'international-transfer',
    re: [
      /\btransfer(?:s|red|ring)?(?:\W+\w+){0,8}?\W+(?:outside|other countries|countries other|united states|the u\.s|eea|european economic area|abroad|internationally|third countr(?:y|ies)|across borders|jurisdictions?)\b/,
      /\b(?:cross[- ]border|international (?:data )?transfers?|standard contractual clauses|adequacy decisions?|data privacy framework|privacy shield|binding corporate rules)\b/,
      /\b(?:stored|processed|hosted) (?:\w+ ){0,4}(?:in|outside) (?:the )?(?:united states|u\.s|eu|eea|other countries)\b|\btransf[eé]r[eé]?e?s? (?:\w+ ){0,6}?hors de l['’]union\b/,
    ],
    examples: {
      positive: ['Your data may be transferred to the United States.', 'We rely on standard contractual clauses.'],
      negative: ['You can transfer your account to another email.'],
    },
  },
  {
    category: 'retention',
    re: /\b(?:retain(?:s|ed|ing)?|retention|keep (?:your |personal |this |the |such )(?:data|information)|stor(?:e|ed) (?:\w+ ){0,4}for (?:as long as|up to|\d+|a period)|delet(?:e|ed) (?:\w+ ){0,5}(?:after|within) (?:\d+|a period)|as long as (?:necessary|needed|your account)|conserv(?:ons|[eé]es?|ation)|dur[eé]e de conservation)\b/,
    examples: {
      positive: ['We retain your data for 30 days.', 'We keep your information as long as necessary.'],
      negative: ['We keep you informed about updates.'],
    },
  },
  {
    category: 'children',
    re: /\b(?:children|child's|childrens?|minors?|kids|under (?:the age of )?1[3-8]|coppa|teens?|teenagers?|parental consent|enfants?|mineurs?)\b/,
    examples: {
      positive: ['Inkwell is not meant for children under 13.', 'We require parental consent for minors.'],
      negative: ['Our services are for adults.'],
    },
  },
];

/**
 * How a sentence stands on what it states, by its grammar: a negation governing a practice verb ("we do
 * not sell", "will never be used to train"), or a choice given to the user ("you can opt out", "unless
 * you withdraw consent"). Grammar, not a learned head: OPP-115 has 315 "Does Not" practices in 17,126, and
 * heads fitted on them read "we use your notes to train our models" as a denial. `npm run train -- --cv`
 * prints how these agree with the expert stance labels.
 *
 * Gaps are `(?:\s+\S+){0,n}?\s+`: space and non-space runs alternate, one reading per text.
 */
const PRACTICE_VERB =
  '(?:sells?|sold|selling|shares?|shared|sharing|rents?|rented|disclos(?:e|es|ed|ing)|trades?|transfers?|transferred|provides?|provided|gives?|uses?|used|using|utili[sz](?:e|es|ed)|trains?|trained|training|allows?|permits?|process(?:es|ed)?|collects?|collected|accesses?|accessed|makes? available|made available|leverages?|feeds?|monetiz(?:e|es|ed))';

const AUXILIARY = new Set(['do', 'does', 'did', 'will', 'shall', 'would', 'should', 'may', 'can', 'must', 'is', 'are', 'was', 'were', 'has', 'have', 'had']);
const NEGATIVE_WORD = /^(?:never|neither|nor|cannot|can['’]t|won['’]t|(?:do|does|did|is|are|was|were|has|have|had|should|would|must|may)n['’]t),?$/;
// "At no time will we sell", "under no circumstances", "in no event": "no" and its noun negate what follows.
const NEGATIVE_NOUN = /^(?:time|event|circumstances?|case|point)[,]?$/;
const COMMITMENT = /^(?:promise|promises|promised|commit|commits|committed|agree|agrees|agreed|undertake|undertakes|pledge|pledges|policy|is|require|requires|required|obligated|obliged|bound|instruct|instructs|decided|vendors?|providers?|partners?|them)$/;
// "Not only … but also" states the practice twice over; "not just", "not merely" too.
const NOT_ONLY = /^(?:only|just|merely|solely)$/;
// After a negation, an auxiliary after a comma starts another clause: "messages, which are not encrypted, are used".
const CLAUSE_AUXILIARY = /^(?:is|are|was|were|will|may|can|might|shall)$/;
// A verb may stand in quotes, as the state laws' terms do: we do not "sell" or "share".
const VERB_WORD = new RegExp(`^["'“‘]?${PRACTICE_VERB}["'”’]?[.,;:]?["'”’]?$`);
const VERB_REACH = 6;
const NOT_A_PRACTICE = /^(?:able|responsible|liable|know|knows|aware|sure|certain|guarantee|ensure|assure|control|promise)$/;
// A negated limit or hesitation states the practice: "we do not need your consent to sell", "will not hesitate to share".
const NEGATED_LIMIT = /^(?:need|needs|require|requires|hesitate|restrict|restricts|limit|limits|prohibit|prohibits|honou?r|honou?rs|respond|block|blocks|stop|stops)$/;
const NEW_SUBJECT = /^(?:we|you|they|it|he|she|this|these|those|our|your|their|nous|vous|ils|elles)$/;

/**
 * A denial that leaves its verb out, after a clause that states the practice: "we share it with service
 * providers, but never with advertisers", "... and not to data brokers". It denies only what follows it.
 */
export const ELLIPTICAL_DENIAL = /(?:,|\bbut|\band) (?:never|not) (?:with|to|for)\b/;
/**
 * Denials by their form. A negation governing a practice verb ("we do not sell", "will never be used",
 * "ne ... pas") is found word by word in code: a gap of a few words inside one regular expression is more
 * than a ReDoS checker can prove linear. The other forms are short patterns: "no data is used", "no sale",
 * "not directed to children".
 */
export const DENIALS: readonly RegExp[] = [
  ELLIPTICAL_DENIAL,
  // The recipient as the subject: "advertisers never receive your data", "partners do not have access to it"
  // (not "we do not receive", which is about what the service collects, nor "you may not have access to
  // some features").
  /(?<=\b(?:advertisers?|partners?|part(?:y|ies)|compan(?:y|ies)|vendors?|providers?|affiliates?|brokers?|processors?|sponsors?|insurers?|employers?|networks?|platforms?|subsidiaries|they) )(?:never|(?:do|does|will|shall|can|may) not|(?:don|doesn|won|can)['’]t|cannot) (?:receive|get access|have access|gain access)\b/,
  /\b(?:not|never|no longer) (?:be |been |being )?["'“]?(?:sold|shared|rented|disclosed|traded|transferred|provided|made available|used|utili[sz]ed|given|accessed|processed)\b/,
  /\bno (?:\S+ ){0,3}?(?:data|information|content|inputs?|prompts?|conversations?|messages?) (?:is|are|will be|shall be|gets?|may be) (?:ever )?(?:sold|shared|used|disclosed|processed|transferred|provided)\b/,
  // A negative subject: "no content you create is used", "none of your conversations are used", "nothing you
  // upload is shared", "not a single byte is sold".
  /\b(?:no(?! (?:matter|longer|doubt)\b)|none|nothing|not a single|not one|zero)\b (?:\S+ ){0,6}?(?:is|are|was|were|will be|shall be|gets?|may be|can be|ever gets?) (?:ever |being )?["'“]?(?:sold|shared|rented|disclosed|traded|transferred|provided|made available|used|utili[sz]ed|given|passed|fed)\b/,
  // A negative subject that would receive it: "no third party gets your email", "not one of our partners receives".
  /\b(?:no (?!longer\b)|not a single |not one of (?:our|the|these) |none of (?:our|the|these) )(?:\S+ ){0,3}?(?:receives?|gets?|has access|have access|gains? access)\b/,
  // A recipient that is nobody: "we share it with no third parties", "we sell it to no one".
  /\b(?:with|to) (?:no one|nobody|no-one|no (?:\S+ )?(?:third[- ]part(?:y|ies)|parties|compan(?:y|ies)|advertisers?|partners?|entit(?:y|ies)|organi[sz]ations?|businesses|one))\b/,
  // Prohibitions, exclusions and refusals: "they are forbidden from selling it", "excluded from training",
  // "we refrain from sharing", "we refuse to sell".
  /\b(?:forbidden|prohibited|barred|precluded) from\b|\bexcluded from\b|\b(?:refrain|refrains|abstain|abstains) from\b|(?<!\b(?:i|you) )\b(?:refuse|refuses|decline|declines) to (?:sell|share|rent|disclose|use|train|transfer|provide)\b/,
  // Ads not shown: "we will never show you personalised ads", "no targeted advertising is served".
  /\b(?:not|never|no longer) (?:be )?(?:show|shown|serve|served|display|displayed)(?: to)?(?: you)? (?:\S+ ){0,2}?(?:ads|advertising|advertisements)\b/,
  /\bno (?:sale|sales|selling|sharing)\b|\bnot (?:directed|intended|designed|targeted|aimed)\b|\bdo not knowingly\b|\bmust be (?:at least|over) \d+/,
];

/** Words of a prepared sentence with their offsets, split at spaces. */
function spaced(text: string): Array<{ word: string; at: number }> {
  const out: Array<{ word: string; at: number }> = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const space = i === text.length || text.charCodeAt(i) <= 32;
    if (!space && start < 0) start = i;
    else if (space && start >= 0) {
      out.push({ word: text.slice(start, i), at: start });
      start = -1;
    }
  }
  return out;
}

/**
 * Whether word j is a verb of handing over the cues know (model/cues.ts: send, pass, release, reveal, …)
 * that the negation governs directly: nothing between them but "be", "ever", "otherwise" or an adverb ("we
 * do not send it to third parties", "will not be passed on", "never knowingly release"). The practice
 * verbs above may stand further off; these words also name other things, and a negation a few words
 * before may govern another verb ("we do not encrypt the data we send", "do not need your consent to
 * pass it"). Not the noun "sale" ("disclosures are not deemed a sale" states them), nor "pass judgement".
 */
function handedOverRightAfter(ws: ReadonlyArray<{ word: string }>, from: number, j: number): boolean {
  const w = trimEndChars((ws[j]?.word ?? '').replace(/^["'“‘]+/, ''), '"\'”’.,;:');
  if (w === 'sale' || !handsOver(w)) return false;
  if (/^pass/.test(w) && /^(?:judge?ments?|up)\b/.test(ws[j + 1]?.word ?? '')) return false;
  for (let k = from; k < j; k++) if (!BETWEEN_NEGATION_AND_VERB.test(ws[k]?.word ?? '')) return false;
  return true;
}
const BETWEEN_NEGATION_AND_VERB = /^(?:be|been|being|ever|otherwise|\p{L}+ly)$/u;

/** Words of a parenthetical after a negation that are skipped ("we do not, under any circumstances, sell"). */
const PARENTHETICAL_WORDS = 40;
const DASH = /^[—–-]$/;
/**
 * Where the governed words start after a parenthetical that follows a negation: "not, under any
 * circumstances and whatever a partner offers, sell", "not — even where the law allows it — share",
 * "not (not even in aggregated form) used". `from`, the word after the negation, when none opens there.
 */
function afterParenthetical(ws: ReadonlyArray<{ word: string }>, from: number): number {
  const opener = ws[from - 1]?.word ?? '';
  const first = ws[from]?.word ?? '';
  let closes: (w: string) => boolean;
  let at = from;
  if (/,$/.test(opener)) closes = (w) => /,$/.test(w);
  else if (DASH.test(first)) {
    closes = (w) => DASH.test(w);
    at = from + 1;
  } else if (first.startsWith('(')) closes = (w) => /\)[,.;:]?$/.test(w);
  else return from;
  // A parenthetical holds lists of its own ("regardless of any offer from advertisers, data brokers or other
  // partners, sell"): the close it ends at is the first one a verb of the practice follows, else the first.
  // Never past the clause ("we do not, at present, charge for it; instead, advertisers, as said, use it").
  let firstClose = -1;
  for (let k = at; k < at + PARENTHETICAL_WORDS && k < ws.length; k++) {
    const w = ws[k]?.word ?? '';
    const prev = ws[k - 1]?.word ?? '';
    if (k > at && (/;$/.test(prev) || CLAUSE_WORD.test(w) || (/^(?:though|although)$/.test(w) && prev !== 'even'))) break;
    if (!closes(w)) continue;
    if (firstClose < 0) firstClose = k + 1;
    if (VERB_WORD.test(ws[k + 1]?.word ?? '')) return k + 1;
  }
  return firstClose < 0 ? from : firstClose;
}
/** Words that open another clause, where a parenthetical's search for its verb stops. */
const CLAUSE_WORD = /^(?:but|however,?|instead,?|whereas|yet)$/;

/** A negation word (or pair) governing a practice verb within a few words, English or French. */
function governedNegation(ws: ReadonlyArray<{ word: string; at: number }>): { index: number; end: number } | null {
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]?.word ?? '';
    const next = ws[i + 1]?.word ?? '';
    let from = -1;
    if (NEGATIVE_WORD.test(w)) from = i + 1;
    else if ((AUXILIARY.has(w) && (next === 'not' || next === 'not,')) || (w === 'no' && (next === 'longer' || NEGATIVE_NOUN.test(next)))) from = i + 2;
    // "We promise not to use", "our policy is not to share", "we require vendors not to retain": a negated
    // infinitive after a word of commitment (not "you may choose not to provide", a choice).
    else if (w === 'not' && next === 'to' && COMMITMENT.test(ws[i - 1]?.word ?? '')) from = i + 2;
    else if (w === 'ne' || /^n['’]/.test(w)) {
      for (let j = i + 1; j <= i + 7 && j < ws.length; j++) {
        const x = ws[j]?.word.replace(/[.,;:]$/, '');
        if (x === 'pas' || x === 'jamais' || x === 'plus') return { index: ws[i]?.at ?? 0, end: (ws[j]?.at ?? 0) + (ws[j]?.word.length ?? 0) };
      }
      continue;
    }
    if (from < 0) continue;
    // A negation of ability, knowledge or blame governs no practice: "you may not be able to use",
    // "we are not responsible for the use", "we do not know how you use it". OPP-115's denial stance:
    // 13 fewer false readings, none lost (F1 0.500 -> 0.519); our labels and the change alerts unchanged.
    const first = ws[from]?.word === 'be' ? ws[from + 1]?.word : ws[from]?.word;
    // (A limit coordinated with a practice, "we do not require or collect", still denies the practice.)
    const coordinated = /^(?:or|and|nor)$/.test(ws[from + 1]?.word ?? '') || /,$/.test(first ?? '');
    // "Need" and "require" only of a consent or a notice: "we do not need your consent to sell" states the sale,
    // "we never require that you disclose it" denies nothing it states.
    const needsConsent = !/^(?:need|needs|require|requires)$/.test(first ?? '') || ws.slice(from + 1, from + 4).some((x) => /^(?:consent|permission|authori[sz]ation|approval|notice)\b/.test(x.word));
    if (NOT_A_PRACTICE.test(first ?? '') || (NEGATED_LIMIT.test(first ?? '') && !coordinated && needsConsent) || NOT_ONLY.test(first ?? '')) continue;
    const start = afterParenthetical(ws, from);
    // A negation with its comma ("never, whether … , disclose") is a denial only through a parenthetical that
    // closes, or "never, ever": "if you don't, advertising partners will use cookies" denies nothing.
    if (/,$/.test(w) && NEGATIVE_WORD.test(w) && start === from && !/^ever\b/.test(next)) continue;
    for (let j = start; j < start + VERB_REACH && j < ws.length; j++) {
      const x = ws[j]?.word ?? '';
      // A comma and a new subject start another clause: "although we do not receive payment, we share",
      // "we do not charge for it, and we share".
      if (j >= 1 && /,$/.test(ws[j - 1]?.word ?? '') && (NEW_SUBJECT.test(x) || CLAUSE_AUXILIARY.test(x) || (/^(?:and|but|so|yet|et|mais)$/.test(x) && NEW_SUBJECT.test(ws[j + 1]?.word ?? '')))) break;
      const hit = VERB_WORD.test(x) || handedOverRightAfter(ws, from, j) || (x.startsWith('available') && ws.slice(Math.max(from, j - 3), j).some((p) => /^(?:make|makes|made|making)$/.test(p.word)));
      if (hit) return { index: ws[i]?.at ?? 0, end: (ws[j]?.at ?? 0) + x.length };
    }
  }
  return null;
}

// Negations of the languages the sharing gate opens on beyond English and French (model/cues.ts), and
// their verbs of using and training (their verbs of handing over come from cues.ts handsOver).
// German and Dutch negations may stand a few words before the verb ("unter keinen Umständen an Dritte
// weitergeben"); the Romance ones stand just before it, or before one clitic or auxiliary ("non li
// vendiamo", "não são partilhados"), so that "non personal data" or "i dati non personali" deny nothing.
const NEG_GERMANIC = /^(?:nicht|kein\p{L}*|nie|niemals|niet|geen|nooit)$/u;
const NEG_ROMANCE = /^(?:nunca|jam[aá]s|non|não|mai)$/u;
const BETWEEN_ROMANCE = /^(?:si|ci|vi|li|lo|la|le|gli|ne|se|lhe|lhes|os|as|los|las|les|nos|son|es|sono|è|são|é|ser[aá]n?|vengono|viene|han|hanno|têm|foram|fueron)$/u;
const ONLY = /^(?:nur|alleen|only|solo|solamente|soltanto|apenas|só|ausschlie(?:ß|ss)lich)$/u;
const FOREIGN_USE = /^(?:verwend\p{L}*|nutz\p{L}*|genutzt|trainier\p{L}*|gebruik\p{L}*|utiliz\p{L}*|usamos|usar|usiamo|usare|utilizziamo|entren\p{L}*|addestr\p{L}*|trein\p{L}*|verarbeit\p{L}*)$/u;
// Spanish "no" before a verb of the policy's "we" or a passive ("no vendemos", "no se los vendemos", "no
// son compartidos"); in English "no" is the determiner of "no sale", read above.
const SPANISH_NO = /^(?:(?:se|les|los|las|lo|la|le|nos) ){0,2}\p{L}+(?:mos|[ae]n)$|^(?:son|es|ser[aá]n?|fueron|han sido) \p{L}+$/u;
// Words that make a sentence English: there, the negations above are other words ("Nie & Co", "non EU").
const ENGLISH = new Set(['the', 'we', 'our', 'your', 'you', 'and', 'with', 'of', 'to', 'is', 'are', 'this', 'that', 'for']);
/**
 * A negation beside a verb of handing over or of using in German, Dutch, Spanish, Italian or Portuguese:
 * "no vendemos", "non condividiamo", "wir geben Ihre Daten nicht weiter", "wij verkopen uw gegevens niet".
 * The negation comes before the verb (German and Dutch up to four words, in the same clause), or, in German
 * and Dutch, up to six words after it in the same clause; never as "not only" ("nicht nur", "non solo").
 * An English sentence is left to the English grammar above.
 */
function foreignNegation(ws: ReadonlyArray<{ word: string; at: number }>): { index: number; end: number } | null {
  // Two different English function words make the sentence English (checked first: most sentences are).
  let first = '';
  for (const { word } of ws) {
    const w = ENGLISH.has(word) ? word : word.length > 1 && ENGLISH.has(word.slice(0, -1)) ? word.slice(0, -1) : '';
    if (!w || w === first) continue;
    if (first) return null;
    first = w;
  }
  const bare = ws.map((w) => trimEdges(w.word));
  // Where a word ends without its punctuation: the comma after "nicht," belongs to the clause turn.
  const wordEnd = (j: number) => {
    const raw = ws[j]?.word ?? '';
    const b = bare[j] ?? '';
    return (ws[j]?.at ?? 0) + Math.max(0, raw.indexOf(b)) + b.length;
  };
  for (let i = 0; i < ws.length; i++) {
    const w = bare[i] ?? '';
    if (!(FOREIGN_USE.test(w) || handsOver(w))) continue;
    // German and Dutch up to six words before ("nicht zum Training von KI-Modellen verwendet").
    for (let k = 1; k <= 6 && i - k >= 0; k++) {
      const n = bare[i - k] ?? '';
      if (/[,;:]$/.test(ws[i - k]?.word ?? '')) break;
      if (ONLY.test(bare[i - k + 1] ?? '')) continue;
      const romanceNear = k === 1 || (k === 2 && BETWEEN_ROMANCE.test(bare[i - 1] ?? ''));
      // Spanish "no" right before the verb, or before one clitic ("no se utiliza", "no se comparte").
      const denies =
        NEG_GERMANIC.test(n) || (romanceNear && (NEG_ROMANCE.test(n) || n === 'no')) || (n === 'no' && k <= 3 && SPANISH_NO.test(bare.slice(i - k + 1, i + 1).join(' ')));
      if (denies) return { index: ws[i - k]?.at ?? 0, end: wordEnd(i) };
    }
    for (let k = 1; k <= 6 && i + k < ws.length; k++) {
      if (/[,;:.]$/.test(ws[i + k - 1]?.word ?? '')) break;
      if (NEG_GERMANIC.test(bare[i + k] ?? '') && !ONLY.test(bare[i + k + 1] ?? '')) return { index: ws[i]?.at ?? 0, end: wordEnd(i + k) };
    }
  }
  return null;
}

/** The earliest denial in a prepared sentence, or null. */
export function denial(prepared: string): { index: number; end: number } | null {
  const ws = spaced(prepared);
  let best = governedNegation(ws);
  const foreign = foreignNegation(ws);
  if (foreign && (!best || foreign.index < best.index)) best = foreign;
  for (const re of DENIALS) {
    const m = re.exec(prepared);
    if (m && (!best || m.index < best.index)) best = { index: m.index, end: m.index + m[0].length };
  }
  // "We cannot guarantee that your messages will not be used": a caveat, not a denial.
  if (best && unguaranteed(prepared, best.index)) return null;
  return best;
}
/**
 * A choice left to the user: an opt-out, a setting, "if you do not want us to ...", "you can choose whether".
 * Not "if you choose to take part, we share it with the sponsor" (the practice stands for whoever takes
 * part), nor an unsubscribe link or a preferences page beside a practice ("when you unsubscribe, we share
 * your address with partners"): the choice must govern the practice. The clauses before "opt out" were
 * added on OPP-115's choice stance (F1 0.539 -> 0.583) and checked on our AI labels, not read while writing
 * them (0.667 -> 0.694, no new false reading); change alerts unchanged.
 */
export const CHOICE =
  /\b(?:if you (?:do not|don['’]t|no longer) (?:want|wish)|if you (?:would )?prefer not|you (?:may|can) (?:choose|elect|decide) (?:whether|not)|ask us not to|opt(?:[- ])?out|opt(?:[- ])?in|object to|turn (?:it )?off|switch off|disable|withdraw (?:your )?consent|choose not to|choose whether|decline|exclude (?:your )?(?:data|content)|limit the use|do not sell(?: or share)?["'”’]? my|right to (?:object|opt[- ]out|limit|restrict)|(?:privacy |data )?settings? (?:to|where you can)|s['’]opposer|retirer (?:votre|son) consentement)\b/;
/**
 * A choice that leaves the practice on until the user acts: the clause it opens is the user's choice, the rest
 * of the sentence states the practice ("unless you opt out, we share it with advertisers", "we sell it if you
 * do not object", "even if you opt out, we keep sharing"). Not "if you opt out, we stop" (what follows the
 * choice), not "if you do not want us to …, adjust your preferences" (the wish is the choice), nor "unless you
 * opt in" beside a denial (classify.ts checks that the rest denies nothing). English only: the choice words of
 * the other languages, tried with their forms, misread more sentences of our own than they fixed
 * (scripts/train/experiments/2026-judgement.md, session 21).
 */
export const DEFAULT_ON = /\b(?:unless you|if you (?:do not|don['’]t)(?! (?:want|wish|like|prefer)\b)|even if you|until you)\b/;
/** A choice offered in a clause of its own after one that states the practice ("…, but you can opt out"). */
export const CHOICE_BESIDE = /(?:[,;]|\s[-–—]) (?:but |and |however,? |although |though )?(?:you (?:can|may|are able to|have the (?:right|option)|will be able to|could|always have)|which you (?:can|may))\b/;
/** A choice the sentence takes away: "you cannot opt out of", "you may not object to", "can no longer opt out". */
export const NEGATED_CHOICE = /\b(?:cannot|can['’]t|can no longer|may not|are not able to|will not be able to|unable to|no longer able to|not possible to) (?:\S+ )?(?:opt|object|choose|decline|disable|withdraw|turn|switch|limit)\b/;
/** "We cannot guarantee that … will not": no denial, only a caveat. */
export const NO_GUARANTEE = /\b(?:no|not|cannot|can['’]t|unable to) (?:\S+ ){0,2}?(?:guarantee|warrant|promise|ensure)\b/;
const NO_GUARANTEE_G = new RegExp(NO_GUARANTEE.source, 'g');
/**
 * Whether the denial at `at` is what a "cannot guarantee that" governs: the caveat comes shortly before it,
 * in the same clause, through "that" ("we cannot guarantee security, but we never share it" still denies).
 */
function unguaranteed(prepared: string, at: number): boolean {
  const before = prepared.slice(Math.max(0, at - 80), at);
  for (const m of before.matchAll(NO_GUARANTEE_G)) {
    const between = before.slice(m.index + m[0].length);
    if (/^,? that\b/.test(between) && !/[;:]|, (?:but|and|however|so)\b/.test(between)) return true;
  }
  return false;
}
/** After a denial, these bring the practice back ("we do not share ... except with service providers"). */
export const EXCEPTION = /\b(?:except|unless|other than|apart from|save for)\b/;
export const CONSENT_ONLY = /\b(?:except|unless|other than) (?:you (?:give|provide|consent|choose|opt|ask|instruct)|we have|as (?:you|authori[sz]ed|required|permitted|needed|necessary)|(?:where|when|if) (?:\w+ )?(?:required|permitted|necessary|needed|compelled)|(?:with |upon |at )?(?:your |their )?(?:prior |express |explicit |affirmative )?(?:consent|permission|instruction|request|authori[sz]ation))/;
/** Where a sentence turns ("..., but ...", "; however"): a denial before it does not cover what follows. */
export const CLAUSE_TURN = /,\s+(?:but|aber|sondern|jedoch|pero|ma|però|mas|maar)\s+| but (?=(?:we|they|it|our|your) )|;\s+(?:however,?\s+)?|[,.]\s+however,?\s+|,\s+although\s+|,\s+whereas\s+/;

