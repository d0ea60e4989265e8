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
import type { Category } from '../schema';

export interface LexiconRule {
  category: Extract<Category, 'sensitive-data' | 'international-transfer' | 'retention' | 'children'>;
  re: RegExp;
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
    re: /\b(?:transfer(?:s|red|ring)?(?:\W+\w+){0,8}?\W+(?:outside|other countries|countries other|united states|the u\.s|eea|european economic area|abroad|internationally|third countr(?:y|ies)|across borders|jurisdictions?)|cross[- ]border|international (?:data )?transfers?|standard contractual clauses|adequacy decisions?|data privacy framework|privacy shield|binding corporate rules|(?:stored|processed|hosted) (?:\w+ ){0,4}(?:in|outside) (?:the )?(?:united states|u\.s|eu|eea|other countries)|transf[eé]r[eé]?e?s? (?:\w+ ){0,6}?hors de l['’]union)\b/,
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
const NEGATION = "(?:(?:do|does|did|will|shall|would|should|may|can|must|is|are|was|were|has|have|had)(?: not|n't)|never|no longer|won't|don't|doesn't|cannot|can't)";

export const DENIAL = new RegExp(
  `\\b${NEGATION}(?:\\s+\\S+){0,5}?\\s+["'“]?${PRACTICE_VERB}\\b|\\b(?:not|never|no longer) (?:be |been |being )?["'“]?(?:sold|shared|rented|disclosed|traded|transferred|provided|made available|used|utili[sz]ed|given|accessed|processed)\\b|\\bno (?:\\S+ ){0,3}?(?:data|information|content|inputs?|prompts?|conversations?|messages?) (?:is|are|will be|shall be|gets?|may be) (?:ever )?(?:sold|shared|used|disclosed|processed|transferred|provided)\\b|\\bno (?:sale|sales|selling|sharing)\\b|\\bnot (?:directed|intended|designed|targeted|aimed)\\b|\\bdo not knowingly\\b|\\bmust be (?:at least|over) \\d+|\\b(?:ne|n['’])\\s?(?:\\S+\\s+){0,6}?(?:pas|jamais)\\b`,
);
export const CHOICE =
  /\b(?:opt(?:[- ])?out|opt(?:[- ])?in|object to|turn (?:it )?off|switch off|disable|withdraw (?:your )?consent|choose not to|choose whether|decline|exclude (?:your )?(?:data|content)|limit the use|do not sell(?: or share)? my|right to (?:object|opt[- ]out|limit|restrict)|(?:privacy |data )?settings? (?:to|where you can)|s['’]opposer|retirer (?:votre|son) consentement)\b/;
/** After a denial, these bring the practice back ("we do not share ... except with service providers"). */
export const EXCEPTION = /\b(?:except|unless|other than|apart from|save for)\b/;
export const CONSENT_ONLY = /\b(?:except|unless|other than) (?:you (?:give|provide|consent|choose|opt|ask|instruct)|we have|as (?:you|authori[sz]ed|required|permitted|needed|necessary)|(?:where|when|if) (?:\w+ )?(?:required|permitted|necessary|needed|compelled)|(?:with |upon |at )?(?:your |their )?(?:prior |express |explicit |affirmative )?(?:consent|permission|instruction|request|authori[sz]ation))/;
/** Where a sentence turns ("..., but ...", "; however"): a denial before it does not cover what follows. */
export const CLAUSE_TURN = /,\s+but\s+|;\s+(?:however,?\s+)?|[,.]\s+however,?\s+|,\s+although\s+|,\s+whereas\s+/;

