/**
 * From aligned sentences to findings: judge each edit by what it adds, group, explain, summarise.
 *
 * A pure function of the two documents (and the model): no clock is read, every changed sentence is
 * classified, and work is bounded by size (MAX_VERSION_WORDS per version), so the same two versions give
 * the same findings on an idle machine and on a busy one.
 */
import { ChangeAnalysis, type Category, type Evidence, type Finding, type FindingKind, type Gained, type PolicyDocument, type Severity, type Statement } from '../schema';
import { attributeKeys, attributesOf, selfNames, type Attributes } from './attributes';
import { memoized, prepareSentence, statementClassifier, type Classification, type Classify } from './classify';
import { alignDocuments, Budget, type SentenceEdit } from './diff';
import { denial } from './lexicon';
import { trimEndChars } from '../text/trim';
import { FNV_OFFSET, hashString } from './model/features';
import type { LinearModel } from './model/linear';
import { dice, foldFast, isBoilerplate, normalizeFast, splitSentences, tokens } from './sentences';

export interface AnalyzeOptions {
  /** The statement model (the shipped one by default; the evaluation passes cross-validation fold models). */
  model?: LinearModel;
}

/**
 * Words of a version that are compared. Past it the rest of the version is left out and the analysis
 * says `truncated`; the longest real policies we know are about a third of this.
 */
export const MAX_VERSION_WORDS = 150_000;

function classifierFor(self: readonly string[], options?: AnalyzeOptions): Classify {
  return memoized(statementClassifier({ model: options?.model, self }));
}

/**
 * What a policy says now, sentence by sentence, for a policy seen for the first time. Headings name a
 * topic ("How long we keep your information") but state nothing, so they are not statements.
 */
export function describePolicy(doc: PolicyDocument, options?: AnalyzeOptions): Statement[] {
  const classify = classifierFor(selfNames(doc.title, doc.url), options);
  const out: Statement[] = [];
  for (const block of capDocument(doc).doc.blocks) {
    if (block.kind === 'heading') continue;
    for (const sentence of splitSentences(normalizeFast(block.text), doc.language)) {
      if (isBoilerplate(sentence)) continue;
      for (const c of classify(sentence)) {
        out.push({ category: c.category, polarity: c.polarity, sentence, section: block.section, triggers: c.triggers });
      }
    }
  }
  return out;
}

/**
 * The document cut to MAX_VERSION_WORDS words, and whether anything was cut. Words are estimated from
 * characters (about six a word); the block that crosses the limit keeps its head.
 */
function capDocument(doc: PolicyDocument): { doc: PolicyDocument; cut: boolean } {
  const maxChars = MAX_VERSION_WORDS * 6;
  let chars = 0;
  for (let i = 0; i < doc.blocks.length; i++) {
    const block = doc.blocks[i];
    if (!block) continue;
    if (chars + block.text.length > maxChars) {
      const head = { ...block, text: block.text.slice(0, Math.max(0, maxChars - chars)) };
      return { doc: { ...doc, blocks: [...doc.blocks.slice(0, i), ...(head.text ? [head] : [])] }, cut: true };
    }
    chars += block.text.length;
  }
  return { doc, cut: false };
}

/** What a version says in one category: how often it states or restricts it, and what those statements name. */
interface CategoryProfile {
  states: number;
  restricts: number;
  /** Attribute keys (attributes.ts) of its statements, and of its restrictions. */
  keys: Set<string>;
  restrictKeys: Set<string>;
  /** Its statements, to quote beside a new one ("before, it said ..."); at most PROFILE_QUOTES. */
  sentences: string[];
  /** Their word sets, computed on first use. */
  tokenSets?: Array<Set<string>>;
}
const PROFILE_QUOTES = 200;

/** Sentences classified between two pauses of a yielding analysis (a bound on work, not on time). */
export const SENTENCES_PER_STEP = 40;

/**
 * Every category's profile of a version, from one pass of the classifier over its sentences. A
 * generator: it yields every SENTENCES_PER_STEP sentences so an asynchronous caller can let other work
 * run; what it computes does not depend on whether or when it is paused.
 */
function* profile(doc: PolicyDocument, classify: Classify): Generator<void, (category: Category) => CategoryProfile> {
  const profiles = new Map<Category, CategoryProfile>();
  const get = (category: Category) => {
    let p = profiles.get(category);
    if (!p) {
      p = { states: 0, restricts: 0, keys: new Set(), restrictKeys: new Set(), sentences: [] };
      profiles.set(category, p);
    }
    return p;
  };
  let n = 0;
  for (const block of doc.blocks) {
    for (const sentence of splitSentences(normalizeFast(block.text), doc.language)) {
      if (++n % SENTENCES_PER_STEP === 0) yield;
      for (const c of classify(sentence)) {
        const p = get(c.category);
        const keys = attributeKeys(c.attributes);
        if (c.polarity === 'states') {
          p.states++;
          for (const k of keys) p.keys.add(k);
          if (p.sentences.length < PROFILE_QUOTES) p.sentences.push(sentence);
        } else {
          p.restricts++;
          for (const k of keys) p.restrictKeys.add(k);
        }
      }
    }
  }
  return get;
}

interface Judgement {
  category: Category;
  kind: FindingKind;
  evidence: Evidence;
  section: string[];
  /** Attribute keys the edit adds, for the headline. */
  added: string[];
  attributes: Attributes;
  order: number;
}

// What never makes a practice "wider" on its own: disclosures the law compels, the purposes every policy
// names (running the service, security, legal reasons), and "personal data" itself, which every
// statement is about. (De-identified data is handled apart, below.)
const NEVER_WIDENS = new Set(['to:authorities', 'for:legal', 'for:service', 'for:security', 'data:personal-data']);
const DEIDENTIFIED = new Set(['aggregated', 'aggregate', 'de-identified', 'deidentified', 'anonymized', 'anonymised', 'pseudonymized', 'pseudonymised']);

const spanText = (edit: SentenceEdit, op: 'insert' | 'delete') =>
  edit.spans
    .filter((s) => s.op === op)
    .map((s) => s.text)
    .join(' ');

const keysOf = (text: string, self: readonly string[]) => new Set(attributeKeys(attributesOf(prepareSentence(text), text, self)));

/**
 * An item taken out of an enumeration inside a denial ("we do not train on inputs when you use Team,
 * Enterprise or the API" losing "Team,"), with nothing put in its place: the denial now covers less.
 */
function listItemDropped(edit: SentenceEdit): boolean {
  const deleted = spanText(edit, 'delete').trim();
  const inserted = spanText(edit, 'insert').replace(/[\W_]+/g, '');
  if (inserted.length > 0 || !/[\p{L}]{3}/u.test(deleted)) return false;
  const before = edit.before ?? '';
  const at = before.indexOf(deleted);
  if (at < 0) return false;
  // The dropped words sat in a list: a comma or "and"/"or" right next to them.
  const around = `${before.slice(Math.max(0, at - 3), at)}|${before.slice(at + deleted.length, at + deleted.length + 5)}`;
  return /,|\b(?:and|or)\b/.test(`${around} ${deleted}`) && deleted.split(/\s+/).length <= 6;
}

/** A limit ("only", "aggregated", "with your consent") that the deleted words held and the new sentence lacks. */
function limitsRemoved(deleted: string, after: string): boolean {
  const kept = new Set(attributesOf(prepareSentence(after), after).limits);
  return attributesOf(prepareSentence(deleted), deleted).limits.some((t) => !kept.has(t));
}

/** The older statement most like a new one, to quote beside it. */
function closest(sentence: string, profile: CategoryProfile): string | undefined {
  const t = new Set(tokens(sentence));
  const sets = (profile.tokenSets ??= profile.sentences.map((c) => new Set(tokens(c))));
  let best: string | undefined;
  let bestScore = 0.2;
  sets.forEach((set, i) => {
    const score = dice(set, t);
    if (score > bestScore) {
      bestScore = score;
      best = profile.sentences[i];
    }
  });
  return best;
}

function judgeEdit(
  edit: SentenceEdit,
  order: number,
  older: (c: Category) => CategoryProfile,
  newer: (c: Category) => CategoryProfile,
  classify: Classify,
  olderKeys: () => Set<string>,
  self: readonly string[],
): Judgement[] {
  const out: Judgement[] = [];
  if (edit.type === 'removed') {
    // A denial that disappears, with no denial left in its category, widens the practice it limited.
    const text = edit.before ?? '';
    const found = classify(text);
    for (const c of found) {
      // AI training only: a vanished "we do not train on your data" is a real widening, whereas a vanished
      // "we do not sell" is, in practice, mostly a rewritten state-law section.
      if (c.polarity !== 'restricts' || c.category !== 'ai-training' || c.stance !== 'does-not') continue;
      if (found.some((o) => o.category === c.category && o.polarity === 'states')) continue;
      // Only when the newer version denies nothing at all in the category: denials are often merged or
      // moved, and a reworded one must not read as a widening.
      if (newer(c.category).restricts > 0) continue;
      out.push({ category: c.category, kind: 'expanded', evidence: { sentence: text, spans: edit.spans, triggers: c.triggers }, section: edit.section, added: [], attributes: c.attributes, order });
    }
    return out;
  }
  const after = edit.after ?? '';
  const now = edit.context ? classify(`${trimEndChars(edit.context, ' :')} ${after}`) : classify(after);
  const before: Classification[] = edit.type === 'modified' && edit.before ? classify(edit.before) : [];
  const categories = new Set(now.map((c) => c.category));
  for (const category of categories) {
    const statesNow = now.find((c) => c.category === category && c.polarity === 'states');
    const restrictsNow = now.find((c) => c.category === category && c.polarity === 'restricts');
    const statesBefore = before.some((c) => c.category === category && c.polarity === 'states');
    const restrictsBefore = before.some((c) => c.category === category && c.polarity === 'restricts');
    const triggers = [...new Set([...(statesNow?.triggers ?? []), ...(restrictsNow?.triggers ?? [])])];
    const attributes = (statesNow ?? restrictsNow)?.attributes ?? attributesOf(prepareSentence(after), after);
    const known = older(category);
    const previous = edit.type === 'modified' ? (edit.before ?? undefined) : closest(after, known);
    const evidence: Evidence = { sentence: after, spans: edit.spans, triggers, ...(previous ? { previous } : {}) };
    const push = (kind: FindingKind, added: string[] = []) => out.push({ category, kind, evidence, section: edit.section, added, attributes, order });

    if (statesNow) {
      if (edit.type === 'modified' && (statesBefore || restrictsBefore)) {
        // "We do not sell" became "we may sell": the practice is new.
        if (!statesBefore && restrictsBefore && statesNow.stance === 'does') {
          push('new', attributeKeys(attributes));
          continue;
        }
        const beforeKeys = keysOf(edit.before ?? '', self);
        const gained = [...keysOf(spanText(edit, 'insert'), self)].filter((k) => !beforeKeys.has(k) && !NEVER_WIDENS.has(k));
        if (gained.length > 0 || limitsRemoved(spanText(edit, 'delete'), after)) push('expanded', gained);
        else push(restrictsNow && !restrictsBefore ? 'restricted' : 'reworded');
        continue;
      }
      if (known.states === 0) {
        push('new', attributeKeys(attributes));
        continue;
      }
      // Against everything the older version names anywhere: a recipient or kind of data it already
      // mentioned elsewhere is a restatement, not news. AI training is newer and narrower: data or actors
      // it never named *for training* widen it even when the policy mentioned them for other purposes.
      const everywhere = category === 'ai-training' ? new Set<string>() : olderKeys();
      // De-identified data still feeds a model, so that exemption is for sharing only.
      const deidentified = category !== 'ai-training' && attributes.limits.some((l) => DEIDENTIFIED.has(l));
      const gained = deidentified ? [] : attributeKeys(attributes).filter((k) => !known.keys.has(k) && !everywhere.has(k) && !NEVER_WIDENS.has(k));
      if (gained.length > 0) push('expanded', gained);
      else push(restrictsNow && !restrictsBefore ? 'restricted' : 'reworded');
      continue;
    }
    if (restrictsNow) {
      // An opt-out presupposes the practice: offered where the older version never spoke of it, it is how
      // the reader learns that the practice exists ("you can opt out of having your posts used to train").
      if (restrictsNow.stance === 'choice' && !restrictsBefore && known.states === 0 && known.restricts === 0) push('new', attributeKeys(attributes));
      else if (restrictsBefore && category === 'ai-training' && edit.type === 'modified' && listItemDropped(edit)) push('expanded');
      else if (restrictsBefore) push('reworded');
      else if (edit.type === 'added' && known.restricts > 0 && attributeKeys(attributes).every((k) => known.restrictKeys.has(k))) push('reworded');
      else push('restricted');
    }
  }
  return out;
}

const SEVERITY_RANK: Record<Severity, number> = { major: 0, 'good-news': 1, minor: 2, cosmetic: 3 };
const CATEGORY_RANK: Record<Category, number> = {
  'ai-training': 0,
  'third-party-sharing': 1,
  'sensitive-data': 2,
  'advertising-profiling': 3,
  'international-transfer': 4,
  children: 5,
  retention: 6,
  'user-rights': 7,
};

/**
 * Severity policy. AI training and sharing are what users fear most, so new or wider is major. New
 * sensitive data (biometrics, health, precise location) is major too: it is rare and always worth a look;
 * wider is minor. A new user right is good news. Rewording never alerts.
 */
export function severityOf(category: Category, kind: FindingKind): Severity {
  if (kind === 'restricted') return 'good-news';
  if (kind === 'reworded') return category === 'ai-training' || category === 'third-party-sharing' ? 'minor' : 'cosmetic';
  if (category === 'user-rights') return 'good-news';
  if (category === 'ai-training' || category === 'third-party-sharing') return 'major';
  if (category === 'sensitive-data' && kind === 'new') return 'major';
  return 'minor';
}

/**
 * What a finding gained, by kind of attribute, from its keys ("to:advertisers", "for:advertising", ...).
 * Company names are compared lower-cased; `spelling` gives them back as the policy writes them.
 */
export function gainedOf(keys: string[], spelling: ReadonlyMap<string, string> = new Map()): Gained {
  const pick = (prefix: string) => [...new Set(keys.filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length)))];
  return { recipients: pick('to:'), named: pick('named:').map((n) => spelling.get(n) ?? n), data: pick('data:'), purposes: pick('for:') };
}

const RECIPIENT_WORDS: Record<string, string> = {
  advertisers: 'advertisers',
  'data-brokers': 'data brokers',
  'ai-providers': 'AI providers',
  'service-providers': 'service providers',
  affiliates: 'affiliates',
  partners: 'partners',
  authorities: 'authorities',
  buyers: 'a buyer of the business',
  employers: 'employers',
  'financial-institutions': 'banks and insurers',
  'social-networks': 'social networks',
  researchers: 'researchers',
  public: 'the public',
  'third-parties': 'third parties',
};
const DATA_WORDS: Record<string, string> = {
  content: 'your content',
  messages: 'your messages and conversations',
  feedback: 'your feedback and survey answers',
  'voice-images': 'your voice or images',
  contact: 'your contact details',
  location: 'your location',
  activity: 'your activity',
  device: 'device data',
  purchases: 'your purchases',
  sensitive: 'sensitive data',
  'personal-data': 'personal data',
};
const PURPOSE_WORDS: Record<string, string> = {
  advertising: 'advertising',
  marketing: 'marketing',
  analytics: 'analytics',
  'ai-training': 'AI training',
  research: 'research',
  personalization: 'personalisation',
  security: 'security',
  legal: 'legal reasons',
  service: 'running the service',
};

function list(items: string[]): string {
  const nice = items.slice(0, 3);
  if (nice.length <= 1) return nice[0] ?? '';
  return `${nice.slice(0, -1).join(', ')} and ${nice[nice.length - 1]}`;
}

/** Who a finding's evidence names as recipients: company names first, then kinds (the most specific). */
function recipientWords(g: Gained, only?: (kind: string) => boolean): string {
  const kinds = g.recipients.filter((r) => (only ? only(r) : true));
  // "third parties" says less than any other kind; drop it when another is there.
  const specific = kinds.length > 1 ? kinds.filter((r) => r !== 'third-parties') : kinds;
  return list([...g.named, ...specific.map((r) => RECIPIENT_WORDS[r] ?? r)]);
}

const forPurposes = (g: Gained) => {
  const p = g.purposes.filter((x) => x !== 'service' && x !== 'legal' && x !== 'security');
  return p.length ? `, for ${list(p.map((x) => PURPOSE_WORDS[x] ?? x))}` : '';
};

function hasOptOut(evidence: Evidence[]): boolean {
  return evidence.some((e) => /\b(?:opt[- ]?out|object|turn off|switch off|disable|withdraw)\b/i.test(e.sentence));
}
function mentionsSale(evidence: Evidence[]): boolean {
  return evidence.some((e) => /\b(?:sell|sells|sold|sale|selling)\b/i.test(e.sentence));
}

/** Headline and the short label used in the summary line. */
export function explain(category: Category, kind: FindingKind, evidence: Evidence[], gained: Gained, all: Gained): { headline: string; label: string } {
  switch (category) {
    case 'ai-training': {
      const by = recipientWords(all, (r) => r !== 'authorities' && r !== 'public' && r !== 'buyers');
      if (kind === 'new') return { headline: `New: your data may be used to train AI models${by ? `, including by ${by}` : ''}`, label: 'new AI training' };
      if (kind === 'expanded') {
        const what = list(gained.data.map((d) => DATA_WORDS[d] ?? d));
        const who = recipientWords(gained, (r) => r !== 'authorities' && r !== 'public');
        return {
          headline: `Expanded: ${what ? `${what} may now be used` : 'more of your data may be used'} to train AI models${who ? `, now also by ${who}` : ''}`,
          label: 'wider AI training',
        };
      }
      if (kind === 'restricted')
        return hasOptOut(evidence)
          ? { headline: 'Good news: you can now opt out of AI training', label: 'AI training opt-out' }
          : { headline: 'Good news: new limits on using your data to train AI models', label: 'limits on AI training' };
      return { headline: 'Reworded: the AI training terms were rewritten, same practice', label: 'reworded AI training terms' };
    }
    case 'third-party-sharing': {
      const sale = mentionsSale(evidence);
      if (kind === 'new') {
        if (sale) return { headline: 'New: your personal data may be sold', label: 'new sale of data' };
        const who = recipientWords(all);
        return who
          ? { headline: `New: your data may be shared with ${who}${forPurposes(all)}`, label: `new sharing with ${who}` }
          : { headline: 'New: your data may be shared with others', label: 'new sharing of your data' };
      }
      if (kind === 'expanded') {
        const who = recipientWords(gained);
        if (who) return { headline: `Expanded: now also shared with ${who}${forPurposes(gained)}`, label: `wider sharing with ${who}` };
        if (sale) return { headline: 'Expanded: your personal data may now be sold', label: 'wider sale of data' };
        const what = list(gained.data.map((d) => DATA_WORDS[d] ?? d));
        if (what) return { headline: `Expanded: ${what} may now be shared`, label: 'wider sharing of your data' };
        const why = forPurposes(gained);
        if (why) return { headline: `Expanded: your data may now be shared${why}`, label: 'wider sharing of your data' };
        return { headline: 'Expanded: your data may now be shared more widely', label: 'wider sharing of your data' };
      }
      if (kind === 'restricted') {
        if (hasOptOut(evidence)) return { headline: 'Good news: you can now opt out of the sale or sharing of your data', label: 'sharing opt-out' };
        if (sale) return { headline: 'Good news: the policy now says your data is not sold', label: 'no sale of data' };
        return { headline: 'Good news: new limits on sharing your data', label: 'limits on sharing' };
      }
      return { headline: 'Reworded: the sharing terms were rewritten, same practice', label: 'reworded sharing terms' };
    }
    case 'sensitive-data': {
      const what = evidence.flatMap((e) => e.triggers).slice(0, 2).join(', ');
      if (kind === 'new') return { headline: `New: sensitive data is mentioned (${what})`, label: 'new sensitive data' };
      if (kind === 'expanded') return { headline: `Expanded: more sensitive data is mentioned (${what})`, label: 'more sensitive data' };
      if (kind === 'restricted') return { headline: 'Good news: new limits on sensitive data', label: 'limits on sensitive data' };
      return { headline: 'Reworded: the sensitive-data terms were rewritten', label: 'reworded sensitive-data terms' };
    }
    case 'advertising-profiling':
      if (kind === 'restricted') return { headline: 'Good news: you can now limit targeted advertising or profiling', label: 'ad opt-out' };
      if (kind === 'reworded') return { headline: 'Reworded: the advertising terms were rewritten', label: 'reworded advertising terms' };
      return { headline: `${kind === 'new' ? 'New' : 'Expanded'}: your data may be used for targeted advertising or profiling`, label: `${kind === 'new' ? 'new' : 'wider'} targeted advertising` };
    case 'retention':
      if (kind === 'restricted') return { headline: 'Good news: new limits on how long your data is kept', label: 'shorter retention' };
      if (kind === 'reworded') return { headline: 'Reworded: the retention terms were rewritten', label: 'reworded retention terms' };
      return { headline: 'Changed: how long your data is kept', label: 'retention change' };
    case 'international-transfer':
      if (kind === 'restricted') return { headline: 'Good news: new limits on transfers abroad', label: 'limits on transfers' };
      if (kind === 'reworded') return { headline: 'Reworded: the international transfer terms were rewritten', label: 'reworded transfer terms' };
      return { headline: `${kind === 'new' ? 'New' : 'Expanded'}: your data may be transferred to other countries`, label: 'transfers abroad' };
    case 'children':
      if (kind === 'restricted') return { headline: "Good news: new limits on children's data", label: "limits on children's data" };
      if (kind === 'reworded') return { headline: "Reworded: the children's data terms were rewritten", label: "reworded children's terms" };
      return { headline: "Changed: terms about children's data", label: "children's data" };
    case 'user-rights':
      if (kind === 'reworded') return { headline: 'Reworded: the section on your rights was rewritten', label: 'reworded rights' };
      return { headline: 'Good news: new rights or choices over your data', label: 'new rights or choices' };
  }
}

const hash = (s: string): string => hashString(FNV_OFFSET, s).toString(16).padStart(8, '0');

const MAX_EVIDENCE = 8;

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function summarize(findings: Finding[], labels: Map<string, string>, minorEdits: number, hasAnyChange: boolean): string {
  const bySeverity = (s: Severity) => findings.filter((f) => f.severity === s);
  const majors = bySeverity('major');
  const good = bySeverity('good-news');
  const parts: string[] = [];
  const uniqueLabels = (fs: Finding[]) => [...new Set(fs.map((f) => labels.get(f.id) ?? f.headline))];
  if (majors.length) parts.push(`${plural(majors.length, 'major change')}: ${uniqueLabels(majors).join('; ')}.`);
  if (good.length) parts.push(`${good.length} good news: ${uniqueLabels(good).join('; ')}.`);
  if (minorEdits) parts.push(`${plural(minorEdits, 'minor edit')}.`);
  if (parts.length) return parts.join(' ');
  return hasAnyChange ? 'No meaningful changes (only formatting).' : 'No changes.';
}

/** What changed between two versions of a policy: a pure function of the two documents and the model. */
export function analyzeChange(olderDoc: PolicyDocument, newerDoc: PolicyDocument, options?: AnalyzeOptions): ChangeAnalysis {
  const steps = analysisSteps(olderDoc, newerDoc, options);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * The same analysis, pausing (`await pause()`) every SENTENCES_PER_STEP classified sentences, so a
 * service worker keeps answering its other messages while it analyses a long or hostile policy. The
 * result is the same as analyzeChange's, whatever the pauses (a test checks it).
 */
export async function analyzeChangeYielding(olderDoc: PolicyDocument, newerDoc: PolicyDocument, pause: () => Promise<void>, options?: AnalyzeOptions): Promise<ChangeAnalysis> {
  const steps = analysisSteps(olderDoc, newerDoc, options);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    await pause();
  }
}

function* analysisSteps(olderDoc: PolicyDocument, newerDoc: PolicyDocument, options?: AnalyzeOptions): Generator<void, ChangeAnalysis> {
  const olderCap = capDocument(olderDoc);
  const newerCap = capDocument(newerDoc);
  const older = olderCap.doc;
  const newer = newerCap.doc;
  const budget = new Budget();
  const alignment = alignDocuments(older, newer, budget);
  const self = selfNames(newer.title, newer.url);
  const classify = classifierFor(self, options);
  yield;
  const olderProfile = yield* profile(older, classify);
  const newerProfile = yield* profile(newer, classify);
  let allOlder: Set<string> | null = null;
  const olderKeys = () => {
    if (allOlder) return allOlder;
    // What the older version names anywhere, in any sentence that does not deny it ("we do not use
    // advertising cookies" does not make advertising known).
    allOlder = new Set<string>();
    for (const b of older.blocks) {
      const folded = foldFast(b.text);
      const pieces = denial(folded) ? splitSentences(normalizeFast(b.text), older.language) : [b.text];
      for (const piece of pieces) {
        const f = foldFast(piece);
        if (pieces.length > 1 && denial(f)) continue;
        for (const k of attributeKeys(attributesOf(f, piece, self))) allOlder.add(k);
      }
    }
    return allOlder;
  };

  // A heading names a topic ("Our use of artificial intelligence") and states nothing.
  const headings = new Set<string>();
  for (const d of [older, newer]) for (const b of d.blocks) if (b.kind === 'heading') headings.add(normalizeFast(b.text));
  const judgements: Judgement[] = [];
  let unclassified = 0;
  for (const [order, edit] of alignment.sentences.entries()) {
    if (edit.cosmetic || headings.has(edit.after ?? edit.before ?? '')) continue;
    if (order % SENTENCES_PER_STEP === 0) yield;
    const js = judgeEdit(edit, order, olderProfile, newerProfile, classify, olderKeys, self);
    if (js.length === 0) unclassified++;
    judgements.push(...js);
  }

  // One finding per category, kind and section, so a rewritten section reads as one item, not twenty.
  const groups = new Map<string, Judgement[]>();
  for (const j of judgements) {
    const key = `${j.category}|${j.kind}|${j.section.join('\u0000')}`;
    const group = groups.get(key);
    if (group) group.push(j);
    else groups.set(key, [j]);
  }
  const labels = new Map<string, string>();
  const findings: Array<Finding & { order: number }> = [];
  for (const group of groups.values()) {
    const first = group[0];
    if (!first) continue;
    const evidence = group.slice(0, MAX_EVIDENCE).map((j) => j.evidence);
    const spelling = new Map(group.flatMap((j) => j.attributes.named.map((n) => [n.toLowerCase(), n] as const)));
    const gained = gainedOf([...new Set(group.flatMap((j) => j.added))], spelling);
    const all = gainedOf([...new Set(group.flatMap((j) => attributeKeys(j.attributes)))], spelling);
    const { headline, label } = explain(first.category, first.kind, evidence, gained, all);
    const id = `${first.category}:${first.kind}:${hash(`${first.section.join('/')}|${first.evidence.sentence}`)}`;
    labels.set(id, label);
    findings.push({ id, category: first.category, kind: first.kind, severity: severityOf(first.category, first.kind), headline, evidence, section: first.section, gained, order: first.order });
  }
  findings.sort(
    (x, y) => SEVERITY_RANK[x.severity] - SEVERITY_RANK[y.severity] || CATEGORY_RANK[x.category] - CATEGORY_RANK[y.category] || x.order - y.order,
  );
  const clean: Finding[] = findings.map(({ order: _order, ...f }) => f);
  const count = (s: Severity) => clean.filter((f) => f.severity === s).length;
  const counts = {
    major: count('major'),
    minor: count('minor') + unclassified,
    goodNews: count('good-news'),
    cosmetic: alignment.cosmetic + count('cosmetic') + alignment.sentences.filter((e) => e.cosmetic).length,
  };
  const hasAnyChange = alignment.changes.length > 0 || counts.cosmetic > 0;
  const summary = summarize(clean, labels, counts.minor, hasAnyChange);
  return ChangeAnalysis.parse({
    schemaVersion: 1,
    summary,
    counts,
    findings: clean,
    changes: alignment.changes,
    truncated: alignment.truncated || olderCap.cut || newerCap.cut,
  });
}
