/**
 * The questions the statement model answers about a sentence, one logistic-regression head each: does it
 * state a practice of this category (the other categories are read from their vocabulary: lexicon.ts). How it stands on the practice (it does not; the user can choose) is
 * read from its grammar (lexicon.ts): learned denial and choice heads, fitted on OPP-115's 315 "Does Not"
 * practices and our labels, were worse on obvious sentences and no better in the grouped validation.
 */
export const HEADS = ['third-party-sharing', 'ai-training', 'advertising-profiling', 'user-rights'] as const;
export type Head = (typeof HEADS)[number];

/**
 * A head whose question cannot be "yes" without some vocabulary: no sentence trains AI on anyone's data
 * without a word for AI, models, learning, algorithms or training. The head is fitted and applied only
 * where its gate opens, so it learns to tell AI-training statements from other sentences about AI (using
 * an AI feature, a chatbot, staff training), not from the thousands of sentences about something else.
 * The vocabulary is the one the corpus used to select the AI candidate sentences we labelled.
 */
export const HEAD_GATES: Partial<Record<Head, RegExp>> = {
  // A user right names the user or the right: "you can delete", "the right to object", "your settings".
  'user-rights': /\b(?:rights?|you|your|users?|individuals?|consumers?|members?|customers?|access\w*|delet\w*|correct\w*|rectif\w*|eras\w*|export\w*|portab\w*|opt\w*|object\w*|withdraw\w*|unsubscrib\w*|request\w*|choices?|choose|control\w*|settings?|preferences?|droits?|vous|votre|vos)\b/i,
  // Nor does a sentence hand data to anyone without a word for handing over or for another party.
  'third-party-sharing':
    /\b(?:shar\w*|disclos\w*|sell\w*|sold|sale|rent\w*|leas\w*|trad\w*|transfer\w*|provid\w*|transmi\w*|releas\w*|available|accessible|send\w*|sent|giv\w*|pass\w*|exchang\w*|third|part(?:y|ies)|partners?|affiliat\w*|subsidiar\w*|advertis\w*|vendors?|providers?|processors?|contractors?|suppliers?|brokers?|public\w*|others?|companies|compan\w*|entit\w*|organi[sz]ations?|businesses|collect\w*|gather\w*|receiv\w*|obtain\w*|cookies?|pixels?|beacons?|sdks?|track\w*|access\w*|authorit\w*|law|legal|court\w*|police|government\w*|regulat\w*|buyers?|purchasers?|merger|acquisition\w*|successors?|employers?|insurers?|banks?|networks?|platforms?|apps?|integrations?|services|tiers|partag\w*|communiqu\w*|transmis\w*|vend\w*|destinataires?|prestataires?|filiales?)\b/i,
  // Nor is a sentence about targeted advertising or profiling without a word for them.
  'advertising-profiling': /\b(?:ads?|advertis\w*|marketing|profil\w*|target\w*|personali[sz]\w*|interest-based|behaviou?ral|remarketing|retargeting|re-targeting|tailor\w*|publicit\w*|ciblage|cibl[eé]e?s?)\b/i,
  // Nor is a sentence about training AI without a word for AI or for a model: "we train our staff" and
  // "learning more about you" stay closed (the grouped validation: fewer false alerts at the same recall).
  'ai-training': /\b(?:ai|a\.i|artificial|intelligence|machine|models?|algorithm\w*|llms?|generative|neural|gpt|chatbots?|ia|mod[eè]les?|apprentissage)\b/i,
};
