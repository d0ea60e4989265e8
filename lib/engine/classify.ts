/**
 * Sentence classification: which practices a sentence talks about, whether it states or restricts them,
 * and which words fired. Pure and cheap (a few regular expressions per sentence, most stopped by a gate).
 */
import type { Category } from '../schema';
import { foldFast } from './sentences';
import { CONSENT_ONLY, EXCEPTION, RECIPIENT_EN, RESTRICTORS, RULES, type Rule } from './rules';

const RECIPIENTS = new RegExp(`\\b${RECIPIENT_EN}\\b`, 'g');

export type Polarity = 'states' | 'restricts';
export interface Classification {
  category: Category;
  polarity: Polarity;
  triggers: string[];
}

/** Lower-cased, typographically normalised, markdown leftovers removed. */
export function prepareSentence(sentence: string): string {
  return foldFast(sentence)
    .replace(/[*_`#>]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

// Split where a sentence turns ("..., but ...", "; however"), so a denial only covers its own clause.
// A colon before an enumeration ("we may provide your information to: (1) a law enforcement agency ...") does
// not break: the first item completes the lead-in's sentence.
const CLAUSE_BREAK = /\s*(?:;|:\s(?!\(?(?:\d{1,2}|[a-h]|[ivx]{1,4})\)\s)|,\s+but\s+|[,.]\s+however,?\s+|,\s+although\s+|,\s+whereas\s+|,\s+while\s+|\s+-\s+)\s*/;

const QUESTION = /\?["'”)\]]*$/;

const SUBJECT = /\b(?:we|you|they|it|our|us|i)\b/;

export function splitClauses(s: string): string[] {
  return s.split(CLAUSE_BREAK).filter((c) => c && c.trim().length > 0);
}

/** The triggers of a rule on a prepared clause, or null when it does not fire. */
export function matchRule(rule: Rule, clause: string): string[] | null {
  if (rule.gate) {
    if (Array.isArray(rule.gate)) {
      for (const g of rule.gate) if (!g.test(clause)) return null;
    } else if (!rule.gate.test(clause)) return null;
  }
  const triggers: string[] = [];
  for (const re of rule.all) {
    const m = re.exec(clause);
    if (!m) return null;
    triggers.push(m[0].replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
  }
  if (rule.none?.some((re) => re.test(clause))) return null;
  return triggers;
}

/**
 * Whether a clause restricts a category's practice. `alsoStates` when the practice still stands: a
 * denial with an exception after it ("we do not share ... except with service providers"), or an
 * opt-out, which reveals the practice it lets the user refuse.
 */
function isRestricted(category: Category, clause: string, inherited: boolean): { restricts: boolean; alsoStates: boolean } {
  if (inherited) return { restricts: true, alsoStates: false };
  let denialAt = -1;
  let optOut = false;
  for (const r of RESTRICTORS) {
    if (r.category !== '*' && r.category !== category) continue;
    const m = r.re.exec(clause);
    if (!m) continue;
    if (r.kind === 'opt-out') optOut = true;
    else if (denialAt < 0 || m.index < denialAt) denialAt = m.index;
  }
  if (denialAt < 0 && !optOut) return { restricts: false, alsoStates: false };
  if (denialAt < 0) return { restricts: true, alsoStates: true };
  let exceptionAfter = false;
  for (const m of clause.matchAll(EXCEPTION)) {
    if ((m.index ?? 0) > denialAt && !CONSENT_ONLY.test(clause.slice(m.index ?? 0, (m.index ?? 0) + 60))) exceptionAfter = true;
  }
  return { restricts: true, alsoStates: exceptionAfter };
}

export function classifySentence(sentence: string, only?: Category): Classification[] {
  const s = prepareSentence(sentence);
  // A question ("Who do we share your information with?", a heading or a table of contents) states no
  // practice; the answer that follows it does.
  if (s.length < 8 || QUESTION.test(s)) return [];
  const clauses = splitClauses(s);
  const found = new Map<string, Classification>();
  const add = (category: Category, polarity: Polarity, triggers: string[]) => {
    const key = `${category}|${polarity}`;
    const prev = found.get(key);
    if (prev) {
      for (const t of triggers) if (!prev.triggers.includes(t)) prev.triggers.push(t);
    } else {
      found.set(key, { category, polarity, triggers: [...triggers] });
    }
  };
  let denied = false;
  for (const clause of clauses) {
    // "We do not sell or use your data for: advertising; training AI models" - the items after a denial
    // that have no subject of their own are still denied.
    const inherited: boolean = denied && !SUBJECT.test(clause);
    denied = inherited || RESTRICTORS.some((r) => r.kind === 'denial' && r.category === '*' && r.re.test(clause));
    for (const rule of RULES) {
      if (only && rule.category !== only) continue;
      const triggers = matchRule(rule, clause);
      if (!triggers) continue;
      // Who receives the data is the part a reader needs; name every recipient, not just the first.
      if (rule.category === 'third-party-sharing' || rule.category === 'ai-training') {
        for (const m of clause.matchAll(RECIPIENTS)) if (!triggers.some((t) => t.includes(m[0]))) triggers.push(m[0]);
      }
      const { restricts, alsoStates } = isRestricted(rule.category, clause, inherited);
      // A user right is a choice granted to the user; its "polarity" is always that it exists.
      if (rule.category === 'user-rights' || !restricts) add(rule.category, 'states', triggers);
      else {
        add(rule.category, 'restricts', triggers);
        if (alsoStates) add(rule.category, 'states', triggers);
      }
    }
  }
  return [...found.values()];
}

/** The rule ids that fire on a sentence, for the rule meta-test and debugging. */
export function firingRules(sentence: string): string[] {
  const s = prepareSentence(sentence);
  const ids = new Set<string>();
  for (const clause of splitClauses(s)) for (const rule of RULES) if (matchRule(rule, clause)) ids.add(rule.id);
  return [...ids];
}

/** A classifier that remembers its answers: the two versions of a policy share most of their text. */
export function memoClassifier(): (sentence: string, only?: Category) => Classification[] {
  const memo = new Map<string, Classification[]>();
  return (sentence: string, only?: Category) => {
    const key = only ? `${only}\u0000${sentence}` : sentence;
    let r = memo.get(key);
    if (!r) {
      r = only ? (memo.get(sentence)?.filter((c) => c.category === only) ?? classifySentence(sentence, only)) : classifySentence(sentence);
      memo.set(key, r);
    }
    return r;
  };
}

/**
 * Words without which no sharing or AI-training rule can fire (and the sensitive-data words the severity
 * policy treats as major): the cheap test used once the time budget is spent.
 */
export const SALIENT =
  /\b(?:shar|disclos|sell|sold|sale|rent|trad|transfer|third|partner|affiliat|advertis|provider|vendor|broker|public|collect|cookie|train|fine-?tun|model|machine|learning|artificial|ai|llms?|algorithm|neural|generative|biometric|health|precise|genetic|partag|tiers|entra[iî]n|mod[eè]le|intelligence)/i;

/** How many sentences may still be classified, after the budget is spent, before classification stops. */
export const LATE_CLASSIFICATION_CAP = 300;

/**
 * A memoised classifier that answers to a time budget. While time is left it classifies everything; once
 * `spent()` says the budget is gone it classifies only sentences with a salient word (sharing, AI
 * training, sensitive data), and at most `cap` of them; beyond that it answers nothing. `spent()` records
 * the truncation itself, so the caller reports it. Never unbounded.
 */
export function boundedClassifier(
  spent: () => boolean,
  cap = LATE_CLASSIFICATION_CAP,
): { classify: (sentence: string, only?: Category) => Classification[]; skipped: () => number } {
  const memo = memoClassifier();
  let late = 0;
  let skipped = 0;
  const classify = (sentence: string, only?: Category) => {
    if (!spent()) return memo(sentence, only);
    if (late >= cap || !SALIENT.test(sentence)) {
      skipped++;
      return [];
    }
    late++;
    return memo(sentence, only);
  };
  return { classify, skipped: () => skipped };
}
