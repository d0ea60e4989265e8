/**
 * The questions the statement model answers about a sentence, one logistic-regression head each: does it
 * state a practice of this category (the other categories are read from their vocabulary: lexicon.ts). How it stands on the practice (it does not; the user can choose) is
 * read from its grammar (lexicon.ts): learned denial and choice heads, fitted on OPP-115's 315 "Does Not"
 * practices and our labels, were worse on obvious sentences and no better in the grouped validation.
 */
import { namesHandingOver } from './cues';
import { words } from './features';

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
  'ai-training': /\b(?:ai|a\.i|artificial|intelligence|machine|models?|algorithm\w*|llms?|generative|neural|gpt|chatbots?|ia|mod[eè]les?|apprentissage|ki|modell\w*|\w+modell(?:e|en|s)?|k[uü]nstlich\w*|maschinell\w*|modelos?|inteligencia|algoritmos?|aprendizaje|modelli|intelligenza|algoritmi|apprendimento|modellen|kunstmatige|intelig[eê]ncia)\b/i,
};

const SPACE = /\s+/;
const LETTER = /[\p{L}\p{N}]/u;
/** A word without the punctuation around it (a character scan: nothing to backtrack). */
export function trimEdges(raw: string): string {
  let from = 0;
  let to = raw.length;
  while (from < to && !LETTER.test(raw[from] ?? '')) from++;
  while (to > from && !LETTER.test(raw[to - 1] ?? '')) to--;
  return raw.slice(from, to);
}
// French elision: "l'entraînement" is "entraînement".
const ELISION = /^(?:[cdjlmnst]|qu)['’]/;
const POSSESSIVE = /['’]s$/;
const CLAUSE_END = /[.;:!?|]["'’”)\]]*$/;
// An abbreviation's full stop ends no clause ("e.g. machine learning models", "Acme Inc. trains").
const ABBREVIATION = /^(?:e\.g|i\.e|etc|inc|ltd|co|corp|llc|vs|a\.i|z\.b|p\.ex|ej)\.["'’”)\]]*$/;
/**
 * The words of a prepared sentence as it spaces them ("ai-powered" and "fine-tuning" stay one word), without
 * the punctuation around them, and whether each ends a sentence or clause.
 */
function spaced(prepared: string): { ws: string[]; ends: boolean[] } {
  const ws: string[] = [];
  const ends: boolean[] = [];
  for (const raw of prepared.split(SPACE)) {
    const w = trimEdges(raw).replace(ELISION, '').replace(POSSESSIVE, '');
    if (!w) {
      if (ends.length && CLAUSE_END.test(raw)) ends[ends.length - 1] = true;
      continue;
    }
    ws.push(w);
    ends.push(CLAUSE_END.test(raw) && !ABBREVIATION.test(raw.replace(/^["'‘“([]+/, '')));
  }
  return { ws, ends };
}
const AI_WORD = /^(?:ai(?:-\p{L}+)?|ki(?:-\p{L}+)?|ia|models?|mod[eè]les?|modell(?:e|en)?|\p{L}+-?modell(?:e|en)?|modelos?|algorithm\w*|algoritmos?|llms?|classifiers?|gpt)$/u;
// Two-word names of AI, by their second word: "machine learning", "intelligence artificielle".
const AI_PAIR: Record<string, RegExp> = {
  intelligence: /^(?:artificial)$/,
  intelligenz: /^(?:k[uü]nstliche[nr]?)$/,
  learning: /^(?:machine)$/,
  lernen: /^(?:maschinelle[ns]?)$/,
  networks: /^(?:neural)$/,
  network: /^(?:neural)$/,
  artificielle: /^(?:intelligence)$/,
  artificial: /^(?:inteligencia)$/,
  automatique: /^(?:apprentissage)$/,
  automatico: /^(?:aprendizaje)$/,
  automático: /^(?:aprendizaje)$/,
};
// Verbs and their nouns, not the adjectives or agents that share their stems: "improve our models", not
// "advanced AI models", "optimized algorithms" or "developers who build with our models".
const IMPROVE =
  /^(?:improv(?:e|es|ed|ing|ements?)|develop(?:s|ed|ing|ments?)?|build(?:s|ing)?|built|enhanc(?:e|es|ed|ing|ements?)|refin(?:e|es|ed|ing|ements?)|optimi[sz](?:e|es|ing|ation)|advanc(?:e|es|ing)|foster(?:s|ed|ing)?|tun(?:e|es|ed|ing)|am[eé]lior(?:er|ons|ent|e|é|ée|ées|és|ation|ations)|d[eé]velopp(?:er|ons|ent|e|é|ée|ées|és|ement)|perfectionn(?:er|ons|ent|ement)|verbesser\w*|weiterentwickl\w*|entwickel(?:n|t|te|ten)|entwicklung|optimier(?:en|t|te|ung)|mejor(?:ar|amos|an|a)|desarroll(?:ar|amos|an|o|a|ado)|perfeccion(?:ar|amos))$/;
// The forms of those verbs whose object comes before them: participles ("models developed by us").
const IMPROVED = /(?:ed|é|ée|ées|és|ado|ados|built)$/;
const GERMAN_VERB = /^(?:verbesser|optimier|weiterentwickl|entwickel)/;
const SUBJECT = /^(?:we|you|they|nous|wir|nosotros)$/;
const FUNCTION_WORD = /^(?:so|and|or|to|as|if|when|then|but|because|such)$/;
const DETERMINER = /^(?:the|our|its|their|your|these|those|any|all)$/;
// A hyphenated word is read by its parts too ("ai-training", "model-training"): see trains().
const TRAIN = /^(?:train|retrain|pretrain|entra[iî]n|trainier|entrenar|entrenamiento|entrena|addestr|treina|treino)|^(?:teach\w*|fine-?tun\w*)$/;
const STAFF = /^(?:employees?|staff|personnel|workforce|workers?|mitarbeiter\w*|salari[eé]s|collaborateurs|empleados|personale)$/;
const FORM = /^(?:former|forment|formons|formation)$/;
const FORMED = /^(?:mod[eè]les?|syst[eè]mes?|ia|algorithmes?|intelligence)$/;
const ML_FOR = /^(?:for|apply\w*|applying|conduct\w*|fins)$/;
const ML_WHAT = /^(?:purposes|techniques|development|on)$/;
const BETTER_VERB = /^(?:become|becomes|get|gets|respond|learn\w*)$/;

/** Whether word i + offset (within the sentence) matches. */
const at = (ws: readonly string[], i: number, re: RegExp) => i >= 0 && i < ws.length && re.test(ws[i] ?? '');

/**
 * Whether a (prepared) sentence names the training of an AI: "train", "fine-tune", improving or building
 * a model, an AI or an algorithm (within a few words, either order), machine learning done on data or for
 * a purpose, a model that "becomes more accurate". "We use AI to answer your questions" or
 * "recommendations through machine learning" only use a model. A scan of the sentence's words, each
 * tested against anchored word lists: linear in the sentence, nothing to backtrack.
 */
export function namesTraining(prepared: string): boolean {
  // Every word of the prepared sentence (prepare() keeps at most MAX_CHARS characters), not only the
  // first MAX_WORDS the n-grams read: a long table row names its purpose at its end.
  const { ws, ends } = spaced(prepared);
  // Words within `from` (< 0: before) to `to` (> 0: after) of word i, searched outwards from it; a window
  // never reaches across the end of a sentence or clause ("... about AI. Learn more").
  const near = (i: number, from: number, to: number, re: RegExp | ((j: number) => boolean)) => {
    const hit = (j: number) => (typeof re === 'function' ? re(j) : at(ws, j, re));
    for (let d = -1; d >= from; d--) {
      if (ends[i + d]) break;
      if (hit(i + d)) return true;
    }
    for (let d = 1; d <= to; d++) {
      if (ends[i + d - 1]) break;
      if (hit(i + d)) return true;
    }
    return false;
  };
  const trains = (w: string) => TRAIN.test(w) || (w.includes('-') && w.split('-').some((part) => TRAIN.test(part)));
  // French "peut entraîner" is "may cause", not "may train".
  // "staff training", "employee training": the training of people, named by the word before the noun (the
  // guidelines' "staff training is not AI training"). Labelled sentences of six services read so, all
  // "none"; it closes no sentence labelled as training.
  // "Training our staff" and "training of employees" too; never "staff training our AI models" (a word for
  // AI within three words after it: the staff train a model).
  const staffTraining = (i: number) => {
    if (!/^trainings?$/.test(ws[i] ?? '') || near(i, 1, 3, aiAt)) return false;
    if (!ends[i - 1] && at(ws, i - 1, STAFF)) return true;
    let j = i + 1;
    if (!ends[j - 1] && at(ws, j, /^of$/)) j++;
    if (!ends[j - 1] && at(ws, j, DETERMINER)) j++;
    return j > i && !ends[j - 1] && at(ws, j, STAFF);
  };
  const causes = (i: number) => /^entra[iî]ner$/.test(ws[i] ?? '') && at(ws, i - 1, /^(?:peut|peuvent|pourrait|pourraient|risque|risquent)$/) && !ends[i - 1];
  const aiAt = (i: number) => at(ws, i, AI_WORD) || (i > 0 && !ends[i - 1] && Object.hasOwn(AI_PAIR, ws[i] ?? '') && at(ws, i - 1, AI_PAIR[ws[i] ?? ''] as RegExp));
  // Whether the improving verb at i improves a model, not something AI is used for: "improve our models",
  // "AI development", "our models improve" (a model right before), a participle or a German infinitive
  // whose object comes first ("models developed by us", "um unsere KI-Modelle zu verbessern"), a relative
  // clause ("the models (that) we (continuously) improve"; the head may be two words, "the AI features
  // that we improve", and without "that" or "which" needs its determiner, so "with AI, we improve your
  // search" stays closed). "We use AI to improve your experience" only uses a model.
  const head = (k: number) => !ends[k] && (aiAt(k) || (!ends[k - 1] && aiAt(k - 1) && !at(ws, k, FUNCTION_WORD)));
  const modelImproves = (i: number) => {
    const w = ws[i] ?? '';
    if (near(i, 1, 8, aiAt) || (!ends[i - 1] && aiAt(i - 1))) return true;
    if ((IMPROVED.test(w) || GERMAN_VERB.test(w)) && near(i, -6, -1, aiAt)) return true;
    return [1, 2].some(
      (d) => at(ws, i - d, SUBJECT) && ((at(ws, i - d - 1, /^(?:that|which)$/) && head(i - d - 2)) || (head(i - d - 1) && (at(ws, i - d - 2, DETERMINER) || at(ws, i - d - 3, DETERMINER)))),
    );
  };
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i] ?? '';
    if (trains(w) && !causes(i) && !staffTraining(i)) return true;
    if ((w === 'learn' || w === 'learns') && at(ws, i + 1, /^from$/)) return true;
    if (FORM.test(w) && near(i, 1, 3, FORMED)) return true;
    if (IMPROVE.test(w) && modelImproves(i)) return true;
    const machineLearning = (w === 'machine' && !ends[i] && at(ws, i + 1, /^learning$/)) || (w === 'apprentissage' && at(ws, i + 1, /^automatique$/));
    if (machineLearning && (near(i, -3, -1, ML_FOR) || at(ws, i + 2, ML_WHAT))) return true;
    if (aiAt(i) && near(i, 1, 3, BETTER_VERB)) {
      for (let j = i + 1; j <= i + 3 && !ends[j - 1]; j++) if (at(ws, j, BETTER_VERB) && near(j, 1, 3, /^(?:more|better)$/)) return true;
    }
  }
  return false;
}

/**
 * A second thing a head's statement cannot lack: AI training names the training (namesTraining). The head
 * is fitted and applied only where both its gate and its action open.
 *
 * Grouped cross-validation (5 folds by service), the AI head's sentences, without -> with this action:
 * P 0.692 R 0.699 F1 0.696 -> P 0.789 R 0.784 F1 0.786; AI change alerts P 0.750 R 0.900 -> P 0.800 R 0.933.
 * The word lists were written after reading the labelled AI-training sentences a first, narrower list
 * closed, so these figures are somewhat optimistic: the check on material kept aside is the one to trust.
 */
export const HEAD_ACTIONS: Partial<Record<Head, (prepared: string) => boolean>> = { 'ai-training': namesTraining };

/**
 * The sharing gate also opens on a word the cues know (cues.ts) for handing over or for another party, in
 * any language their lists hold: "Wir geben Ihre Daten an Werbepartner weiter", "a terceros"; the cues know a
 * word their lists lack by its English gloss (gloss.ts), so "Auftragsverarbeiter" (processors) opens it too —
 * not every gloss the gate's own words would take ("légales", "accès"), which left it nearly always open in
 * those languages. (The gate's own English words still open it on some French ones: "passe", "services", "police".)
 */
const GATE_ALSO: Partial<Record<Head, (prepared: string) => boolean>> = {
  'third-party-sharing': (prepared) => namesHandingOver(words(prepared)),
};

/** Whether a head's gate (and its action word, where it has one) opens on a prepared sentence. */
export function gateOpen(head: Head, prepared: string): boolean {
  const gate = HEAD_GATES[head];
  const open = !gate || gate.test(prepared) || (GATE_ALSO[head]?.(prepared) ?? false);
  return open && (HEAD_ACTIONS[head]?.(prepared) ?? true);
}
