/**
 * The questions the statement model answers about a sentence, one logistic-regression head each. The
 * first six are practice categories; `denial` and `choice` say how a sentence that states a practice
 * stands on it (it does not do it; the user can choose), whatever the category.
 */
export const HEADS = ['third-party-sharing', 'ai-training', 'advertising-profiling', 'retention', 'children', 'user-rights', 'denial', 'choice'] as const;
export type Head = (typeof HEADS)[number];

/**
 * A head whose question cannot be "yes" without some vocabulary: no sentence trains AI on anyone's data
 * without a word for AI, models, learning, algorithms or training. The head is fitted and applied only
 * where its gate opens, so it learns to tell AI-training statements from other sentences about AI (using
 * an AI feature, a chatbot, staff training), not from the thousands of sentences about something else.
 * The vocabulary is the one the corpus used to select the AI candidate sentences we labelled.
 */
export const HEAD_GATES: Partial<Record<Head, RegExp>> = {
  'ai-training': /\b(?:ai|a\.i|artificial|intelligence|machine|learning|models?|train\w*|algorithm\w*|llms?|generative|neural|gpt|chatbots?|ia|entra[iî]n\w*|mod[eè]les?|apprentissage)\b/i,
};
