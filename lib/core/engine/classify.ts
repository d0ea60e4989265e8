/**
 * Sentence classification: which practices a sentence states, how it stands on each (does it, does not,
 * leaves it to the user), what it names (attributes.ts), and which words weighed most.
 *
 * Four categories (sharing, AI training, advertising, user rights) come from the learned statement model
 * (model/, trained by `npm run train` on expert labels; see model/DATA_CARD.md); sensitive data,
 * international transfers, retention and children from their vocabulary, and the stance (denial, choice)
 * from grammar (lexicon.ts). The work is bounded by the sentence's length (features.ts reads at most MAX_WORDS
 * words), never by a clock: the same sentence gets the same answer on any machine.
 */
import type { Category } from '../schema';
import { attributesOf, type Attributes, type Names } from './attributes';
import { CHOICE, CHOICE_BESIDE, CLAUSE_TURN, CONSENT_ONLY, DEFAULT_ON, denial as findDenial, ELLIPTICAL_DENIAL, EXCEPTION, LEXICON_RULES, NEGATED_CHOICE } from './lexicon';
import { prepare, words } from './model/features';
import { inOtherLanguage } from './model/gloss';
import { gateOpen, HEADS, type Head } from './model/heads';
import type { LinearModel } from './model/linear';
import { shippedModel } from './model/shipped';

/** 'states': the policy does it (or may); 'restricts': a denial or a choice left to the user. */
export type Polarity = 'states' | 'restricts';
/** How the sentence stands on the practice. */
export type Stance = 'does' | 'does-not' | 'choice';

export interface Classification {
  category: Category;
  polarity: Polarity;
  stance: Stance;
  /** The words that weighed most towards the verdict (or the vocabulary that matched). */
  triggers: string[];
  /** The model's probability for the category (1 for vocabulary matches). */
  score: number;
  attributes: Attributes;
  /**
   * A choice that sits in a sentence which also denies ("we do not share it, and you can disable
   * cookies"): the stance shown is the choice, and this keeps the denial the grammar read.
   */
  alsoDenies?: true;
}

export interface ClassifierOptions {
  /** The statement model; the shipped one by default. Evaluation passes cross-validation fold models. */
  model?: LinearModel;
  /** What tells company names apart in this policy: the service's own names (attributes.ts selfNames), its lower-case words (attributes.ts Names). */
  names?: Names;
}

export type Classify = (sentence: string, only?: Category) => Classification[];

const MODEL_CATEGORIES: readonly Head[] = HEADS;
const QUESTION = /\?["'”)\]]*$/;
const MIN_WORDS = 4;

/** At most twelve words, no closing punctuation, and the longer words capitalised. */
function looksLikeTitle(sentence: string): boolean {
  const t = sentence.trim();
  if (/[.!?;:,)"'”]$/.test(t)) return false;
  const words = t.split(/\s+/);
  if (words.length > 12) return false;
  const long = words.filter((w) => /^\p{L}{4,}/u.test(w));
  return long.length > 0 && long.every((w) => /^\p{Lu}/u.test(w));
}

function wordCount(s: string): number {
  let n = 0;
  for (const part of s.split(' ')) if (/[\p{L}\p{N}]/u.test(part) && ++n >= MIN_WORDS) break;
  return n;
}

/** Prepared (folded) form of a sentence: what the model and the vocabularies read. */
export const prepareSentence = prepare;

/** A classifier bound to a model and a service's names. Pure: no state but its arguments. */
export function statementClassifier(options: ClassifierOptions = {}): Classify {
  const names: Names = options.names ?? { self: [] };
  return (sentence, only) => classifyWith(options.model ?? shippedModel(), names, sentence, only);
}

/**
 * The grammar's reading of a sentence's stance: a denial; whether the practice still stands beside it
 * (an exception after the denial, "except with service providers", or a clause after a turn that denies
 * nothing, "..., but we share it with partners"); a choice left to the user.
 */
function grammarStance(s: string): { denial: boolean; excepted: boolean; choice: boolean; affirmed: string; besideChoice: string | null } {
  // "You cannot opt out of the sale" takes a choice away: no choice, and the sale stands. Another choice in
  // the same sentence still counts ("you can opt out of the sale, although you cannot opt out of …").
  const choice = offersChoice(s);
  const besideChoice = choice ? practiceBesideChoice(s) : null;
  if (besideChoice !== null) return { denial: false, excepted: false, choice, affirmed: besideChoice, besideChoice };
  const reach = denialReach(s);
  if (!reach) return { denial: false, excepted: false, choice, affirmed: s, besideChoice };
  // "We share it with service providers, but never with advertisers": the clause before still states it. So
  // does a first predicate before a denied second one ("they have access to it to do this, and are obligated
  // not to disclose it for any other purpose").
  const elliptical = ELLIPTICAL_DENIAL.exec(s)?.index === reach.from;
  const before = s.slice(Math.max(0, reach.from - 40), reach.from);
  // (And a denial in a relative clause about whoever received it: "we share data with vendors, who never sell
  // it"; not "your data, which is never sold, stays with us".)
  const secondPredicate = SECOND_PREDICATE.test(before) || RELATIVE_WHO.test(before);
  // Where the practice is stated before the denial (the three forms above), it must be spoken of there: "we
  // share data with service providers, who may not use it to train AI" states sharing, not training. (After
  // an exception, "we do not share it except in the following cases:", the sentence as a whole says it.)
  // A denial that ends with its own subordinate or relative clause leaves the rest of the sentence to say what
  // it states ("we collect your location, which we do not share, and your device identifiers" states no sharing).
  const affirmed = elliptical || secondPredicate ? s.slice(0, reach.from) : reach.byClause ? outsideDenial(s, reach) : s;
  return { denial: true, excepted: reach.to !== null || elliptical || secondPredicate, choice, affirmed, besideChoice };
}

/**
 * The rest of a sentence whose choice sits in a clause of its own, blanked (offsets kept), when that rest
 * states the practice: it denies nothing and offers no other choice. "Unless you opt out, we share it with
 * advertisers" and "we share it with advertisers, but you can opt out" state the sharing and limit it; "if you
 * opt out, we stop sharing it" and "unless you opt in, we never share it" do not state it. Null otherwise.
 */
function practiceBesideChoice(s: string): string | null {
  let span: readonly [number, number] | null = null;
  const on = DEFAULT_ON.exec(s);
  if (on) {
    // The condition's clause ends at the next comma or semicolon, or with the sentence.
    const end = /[,;]|\s-\s/.exec(s.slice(on.index + on[0].length));
    span = [on.index, end ? on.index + on[0].length + end.index : s.length];
  } else {
    const beside = CHOICE_BESIDE.exec(s);
    if (beside) span = [beside.index, s.length];
  }
  if (!span) return null;
  const clause = s.slice(span[0], span[1]);
  const rest = blank(s, span[0], span[1]);
  // The clause holds the choice ("unless you are under 16" is a limit, not a choice); the rest none, and no denial.
  if (!CHOICE.test(clause) && !/\b(?:tell|ask|instruct) us\b/.test(clause)) return null;
  if (CHOICE.test(rest) || findDenial(rest)) return null;
  // Not a practice that waits for the user: an opt-in ("if you would like …, you can opt in"), a consent or
  // permission asked first ("we will ask for your permission before sharing it, and you may decline"), nor a
  // rest that is itself only a condition ("if you …").
  if (OPT_IN.test(clause) || ASKED_FIRST.test(rest) || NOT_A_STATEMENT.test(rest) || TOPIC.test(rest.trimEnd())) return null;
  // Nor a rest with a negation before its verb that the grammar does not read as a denial ("we have no plans
  // to sell it, but you can opt out of any future sale", "we don't engage in the sale of data, but …"); one
  // after the verb is about something else ("we sell it to companies that are not affiliated with us").
  const verb = PRACTICE_VERB.exec(rest);
  const negation = ANY_NEGATION.exec(rest);
  if (negation && (!verb || negation.index < verb.index)) return null;
  return rest;
}

/** A prepared sentence with its denial's reach blanked, offsets kept: what it says outside the denial. */
export function outsideDenial(s: string, reach: { from: number; to: number | null }): string {
  return blank(s, reach.from, reach.to ?? s.length);
}

/** `s` with its characters from `from` to `to` turned into spaces: offsets kept. */
function blank(s: string, from: number, to: number): string {
  return `${s.slice(0, from)}${' '.repeat(to - from)}${s.slice(to)}`;
}

const CHOICES = new RegExp(CHOICE.source, 'g');
const NEGATED_CHOICES = new RegExp(NEGATED_CHOICE.source, 'g');
/** Whether a prepared sentence leaves the user a choice that it does not take away again. */
function offersChoice(s: string): boolean {
  if (!CHOICE.test(s)) return false;
  const taken = [...s.matchAll(NEGATED_CHOICES)].map((m) => [m.index, m.index + m[0].length] as const);
  if (taken.length === 0) return true;
  for (const m of s.matchAll(CHOICES)) if (!taken.some(([a, b]) => m.index >= a && m.index < b)) return true;
  return false;
}

/**
 * How far a prepared sentence's denial reaches: from where it starts to the first exception or turn of
 * the clause that brings the practice back ("we do not rent it, except to ...", "..., but we sell it");
 * `to` null: to the end of the sentence; `byException`: an exception ends it (what it denies still happens,
 * to those the exception names). Null when the sentence denies nothing.
 */
export function denialReach(s: string): { from: number; to: number | null; byException: boolean; byClause?: true } | null {
  const d = findDenial(s);
  if (!d) return null;
  const rest = s.slice(d.end);
  const e = EXCEPTION.exec(rest);
  const byException = e !== null && !CONSENT_ONLY.test(rest.slice(e.index, e.index + 80)) ? e.index : Infinity;
  const turn = clauseTurn(rest);
  const byTurn = turn !== null && !findDenial(rest.slice(turn.index)) ? turn.index : Infinity;
  // "Although we do not sell your data, we may disclose it to partners": a denial inside an opening
  // subordinate clause ends with it, where the main clause's subject comes ("…, we"); not a denial in the main
  // clause after one ("While you use our app, we never share it with advertisers, data brokers or insurers").
  const inSubordinate = SUBORDINATE.test(s) && !MAIN_CLAUSE.test(s.slice(0, d.index));
  const comma = inSubordinate ? (MAIN_CLAUSE.exec(rest)?.index ?? -1) : -1;
  const bySubordinate = comma >= 0 && !findDenial(rest.slice(comma)) ? comma : Infinity;
  // "Our partners, who are prohibited from using it for other purposes, receive your email": a denial in a
  // relative clause ends with it; the main clause goes on after the comma.
  // (Not a comma inside a list of what it denies: "who do not sell, share, or use it".)
  const relative = RELATIVE_OPENING.test(s.slice(Math.max(0, d.index - 40), d.index)) ? (CLAUSE_COMMA.exec(rest)?.index ?? -1) : -1;
  const byRelative = relative >= 0 && !findDenial(rest.slice(relative)) ? relative : Infinity;
  const back = Math.min(byException, byTurn, bySubordinate, byRelative);
  // Ended with its subordinate or relative clause: what the sentence states lies outside it (grammarStance).
  const byClause = back !== Infinity && back === Math.min(bySubordinate, byRelative) && back < Math.min(byException, byTurn);
  return { from: d.index, to: back === Infinity ? null : d.end + back, byException: byException < byTurn, ...(byClause ? { byClause: true as const } : {}) };
}

/**
 * Where the clause after a denial turns. A semicolon after a colon separates the items of a list the
 * denial governs ("we do not use it for: advertising; marketing; training"), not two clauses.
 */
function clauseTurn(rest: string): { index: number } | null {
  const list = LIST_COLON.exec(rest);
  for (const turn of rest.matchAll(CLAUSE_TURNS)) {
    const listItem = turn[0].startsWith(';') && !/however/.test(turn[0]) && list !== null && list.index < turn.index;
    if (!listItem) return { index: turn.index };
  }
  return null;
}
const CLAUSE_TURNS = new RegExp(CLAUSE_TURN.source, 'g');
const OPT_IN = /\bopt(?:[- ])?in\b/;
/**
 * A rest that is a condition, a hedge or a topic, not a statement: "if we sell it, you can opt out", "to the
 * extent we sell it, …", "in the unlikely event that …", "with respect to the sale of your data, you have the
 * right to opt out", "for any sale of it, you can opt out here".
 */
const NOT_A_STATEMENT = /^\W*(?:if|when|whenever|whether|once|should|where|to the extent|insofar|in so far|in the (?:\S+ )?event|in case|with (?:respect|regard) to|regarding|concerning|as (?:to|for|regards))\b/;
/** A rest that names a practice as a noun, with no clause of its own: "for any sale of your data, …". */
const TOPIC = /^\W*(?:for|about|on) (?:any|the|each|every|all|such)\b[^,;]{0,80}\b(?:sale|sales|sharing|disclosure|disclosures|transfer|transfers|use)\b[^,;]*[,;]?$/;
/** A verb of the practices, where a statement's clause has its verb. */
const PRACTICE_VERB = /\b(?:shar(?:e|es|ed|ing)|sell(?:s|ing)?|sold|disclos\w*|transfer\w*|provid\w*|us(?:e|es|ed|ing)|train\w*|rent\w*|pass(?:es|ed|ing)?|giv\w*|send\w*|combin\w*|collect\w*|let|allow\w*|includ\w*)\b/;
const ANY_NEGATION = /\b(?:not|no|never|nor|neither|none|nothing|nobody)\b|n['’]t\b/;
const ASKED_FIRST = /\b(?:consent|permission|authori[sz]ation|opt(?:[- ])?in)\b/;
const SUBORDINATE = /^\W*(?:although|though|while|whilst|even though|even if)\b/;
const RELATIVE_OPENING = /, (?:who|which|that) (?:\S+ ){0,3}$/;
// (", who" or a coordinated "and which", about whoever receives it: "…, and which agrees not to sell it".
// Not ", which": "we collect your location, which we do not share" states no sharing.)
const RELATIVE_WHO = /(?:, who|\band (?:who|which)) (?:\S+ ){0,3}$/;
/** A comma that ends a clause, not one inside a list of verbs or objects ("sell, share, or use"). */
const CLAUSE_COMMA = /, (?!(?:or|and|nor)\b)(?!(?:sell|share|use|rent|disclose|transfer|trade|provide|process|collect|access|store|retain)\w*\b)/;
const SECOND_PREDICATE = /\b(?:and|but) (?:are|is|will be|will|must|shall)(?: be)? (?:\S+ )?$/;
const MAIN_CLAUSE = /, (?:we|you|they|it|our|your|this|these|such|the)\b/;
// A colon that opens a list ("for: advertising; marketing"), not one inside an address ("https://").
const LIST_COLON = /:\s/;

/**
 * How much lower the sharing threshold is for a sentence in another language (two or more words the gloss table
 * reads as English: no English sentence has any). The model learned from English; a French or Italian
 * sentence reaches it through glosses, with fewer of its words known, so its scores run lower (0.15 below the
 * English threshold is where the sharing sentences of 17 real French and German policy pages we labelled
 * read best, F1 0.47 -> 0.54; measured, not chosen, on our written Spanish, Italian, Portuguese and Dutch sets
 * and pairs: scripts/train/experiments/2026-features.md, session 26).
 */
export const OTHER_LANGUAGE_SHARING_OFFSET = 0.15;
const SHARING = HEADS.indexOf('third-party-sharing');

/** The model's decisions for a prepared sentence, the sharing threshold lowered for a sentence in another language. */
function decide(model: LinearModel, s: string, p: Float64Array): boolean[] {
  const yes = model.decide(p);
  if (yes[SHARING] || (p[SHARING] ?? 0) < (model.threshold[SHARING] ?? 0.5) - OTHER_LANGUAGE_SHARING_OFFSET) return yes;
  if (inOtherLanguage(words(s))) yes[SHARING] = true;
  return yes;
}

function classifyWith(model: LinearModel, names: Names, sentence: string, only?: Category): Classification[] {
  const s = prepare(sentence);
  // A question ("Who do we share your information with?", a heading or a table of contents) states no
  // practice; the answer that follows it does.
  // Nor does a fragment of fewer than four words ("From your device.", "Ready to review").
  // A title in disguise ("Our Use of Artificial Intelligence", bold text standing for a heading) names a topic.
  if (s.trim().length < 8 || QUESTION.test(s.trimEnd()) || wordCount(s) < MIN_WORDS || looksLikeTitle(sentence)) return [];
  const p = model.score(s);
  const yes = decide(model, s, p);
  // The grammar is read only for a sentence that states something (most sentences of a policy state nothing).
  let reading: ReturnType<typeof grammarStance> | undefined;
  const grammarOf = () => (reading ??= grammarStance(s));
  let attributes: Attributes | undefined;
  const attrs = () => (attributes ??= attributesOf(s, sentence, names));
  const out: Classification[] = [];
  let restYes: boolean[] | undefined;
  for (const category of MODEL_CATEGORIES) {
    if (only && category !== only) continue;
    const k = HEADS.indexOf(category);
    if (!yes[k] || !gateOpen(category, s)) continue;
    const grammar = grammarOf();
    const { denial, choice } = grammar;
    const triggers = model.explain(s, k);
    const score = p[k] ?? 0;
    // A user right is a choice granted to the user: its "polarity" is that it exists.
    if (category === 'user-rights') out.push({ category, polarity: 'states', stance: 'does', triggers, score, attributes: attrs() });
    // A choice left to the user (an opt-out, an opt-in, a setting) limits the practice, as a denial does.
    else if (choice) {
      out.push({ category, polarity: 'restricts', stance: 'choice', triggers, score, attributes: attrs(), ...(denial ? { alsoDenies: true as const } : {}) });
      // "Unless you opt out, we share it with advertisers": the rest of the sentence still states it, as the
      // model reads the rest alone ("for all other services, you may opt out of this sharing" states nothing).
      if (grammar.besideChoice !== null && gateOpen(category, grammar.besideChoice) && (restYes ??= decide(model, grammar.besideChoice, model.score(grammar.besideChoice)))[k])
        out.push({ category, polarity: 'states', stance: 'does', triggers, score, attributes: attrs() });
    } else if (denial) {
      out.push({ category, polarity: 'restricts', stance: 'does-not', triggers, score, attributes: attrs() });
      // "We do not share your data, except with service providers": the exception still states it.
      if (grammar.excepted && gateOpen(category, grammar.affirmed)) out.push({ category, polarity: 'states', stance: 'does', triggers, score, attributes: attrs() });
    }
    else out.push({ category, polarity: 'states', stance: 'does', triggers, score, attributes: attrs() });
  }
  for (const rule of LEXICON_RULES) {
    if (only && rule.category !== only) continue;
    const patterns = Array.isArray(rule.re) ? rule.re : [rule.re];
    const m = patterns.map((re) => re.exec(s)).find((x) => x !== null);
    if (!m) continue;
    const grammar = grammarOf();
    const { denial, choice } = grammar;
    const triggers = [m[0]];
    if (choice) {
      out.push({ category: rule.category, polarity: 'restricts', stance: 'choice', triggers, score: 1, attributes: attrs(), ...(denial ? { alsoDenies: true as const } : {}) });
      const rest = grammar.besideChoice;
      if (rest !== null && patterns.some((re) => re.exec(rest) !== null)) out.push({ category: rule.category, polarity: 'states', stance: 'does', triggers, score: 1, attributes: attrs() });
    } else if (denial) {
      out.push({ category: rule.category, polarity: 'restricts', stance: 'does-not', triggers, score: 1, attributes: attrs() });
      if (grammar.excepted) out.push({ category: rule.category, polarity: 'states', stance: 'does', triggers, score: 1, attributes: attrs() });
    } else out.push({ category: rule.category, polarity: 'states', stance: 'does', triggers, score: 1, attributes: attrs() });
  }
  return out;
}

let shippedClassifier: Classify | undefined;

/** The shipped model's verdicts on one sentence (no service names: see statementClassifier). */
export function classifySentence(sentence: string, only?: Category): Classification[] {
  return (shippedClassifier ??= statementClassifier())(sentence, only);
}

/** A classifier that remembers its answers: the two versions of a policy share most of their text. */
export function memoized(classify: Classify): Classify {
  const memo = new Map<string, Classification[]>();
  return (sentence, only) => {
    let r = memo.get(sentence);
    if (!r) {
      r = classify(sentence);
      memo.set(sentence, r);
    }
    return only ? r.filter((c) => c.category === only) : r;
  };
}
