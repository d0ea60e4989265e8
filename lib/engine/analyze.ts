/**
 * From aligned sentences to findings: judge each edit by what it adds, group, explain, summarise.
 */
import { ChangeAnalysis, type Category, type Evidence, type Finding, type FindingKind, type PolicyDocument, type Severity, type Statement } from '../schema';
import { boundedClassifier, classifySentence, prepareSentence, type Classification } from './classify';
import { conceptsOf, describeRecipients, recipientsOf } from './concepts';
import { alignDocuments, Budget, DEFAULT_BUDGET_MS, type DiffOptions, type SentenceEdit } from './diff';
import { LIMIT_TERMS } from './rules';
import { isBoilerplate, normalizeFast, splitSentences } from './sentences';

const ALIGN_SHARE = 0.6;

export type AnalyzeOptions = DiffOptions;

/**
 * What a policy says now, sentence by sentence, for a policy seen for the first time. Headings name a
 * topic ("How long we keep your information") but state nothing, so they are not statements.
 */
export function describePolicy(doc: PolicyDocument): Statement[] {
  const out: Statement[] = [];
  for (const block of doc.blocks) {
    if (block.kind === 'heading') continue;
    for (const sentence of splitSentences(normalizeFast(block.text), doc.language)) {
      if (isBoilerplate(sentence)) continue;
      for (const c of classifySentence(sentence)) {
        out.push({ category: c.category, polarity: c.polarity, sentence, section: block.section, triggers: c.triggers });
      }
    }
  }
  return out;
}

interface CategoryProfile {
  states: number;
  restricts: number;
  /** Everything the policy names in its statements of this category. */
  concepts: Set<string>;
  restrictConcepts: Set<string>;
}

/**
 * What a version says in one category, for judging new sentences against it; computed on demand, since
 * most changes touch few categories. Blocks are classified whole; only those that fire are split into
 * sentences to collect what they name.
 */
type Profiler = (category: Category) => CategoryProfile;
type Classify = (s: string, only?: Category) => Classification[];

function profiler(doc: PolicyDocument, classify: Classify): Profiler {
  const cache = new Map<Category, CategoryProfile>();
  return (category) => {
    const cached = cache.get(category);
    if (cached) return cached;
    const p: CategoryProfile = { states: 0, restricts: 0, concepts: new Set(), restrictConcepts: new Set() };
    for (const block of doc.blocks) {
      const text = normalizeFast(block.text);
      if (classify(text, category).length === 0) continue;
      const sentences = splitSentences(text, doc.language);
      for (const sentence of sentences.length > 1 ? sentences : [text]) {
        for (const c of classify(sentence, category)) {
          const concepts = conceptsOf(sentence);
          if (c.polarity === 'states') {
            p.states++;
            for (const x of concepts) p.concepts.add(x);
          } else {
            p.restricts++;
            for (const x of concepts) p.restrictConcepts.add(x);
          }
        }
      }
    }
    cache.set(category, p);
    return p;
  };
}

interface Judgement {
  category: Category;
  kind: FindingKind;
  evidence: Evidence;
  section: string[];
  /** Concepts the edit adds, for the headline. */
  added: string[];
  order: number;
}

// Disclosures the law compels, and data that no longer identifies anyone, are not what users fear: they
// never make a sharing sentence "wider" on their own.
const LEGAL_RECIPIENT = /^(?:law enforcement|(?:\w+ )?authorit(?:y|ies)|court|regulator|(?:\w+ )?(?:agency|agencie|bodie|official))$/;
const DEIDENTIFIED = /\b(?:aggregated?|de-?identified|anonymi[sz]ed|non-personal|pseudonymi[sz]ed|hashed)\b/;

// Cheap pre-test: only a sentence with a negation or an opt-out can be a removed restriction.
const MAYBE_RESTRICTS = /\b(?:not|never|no|neither|nor|opt|object|withdraw|without|prohibit\w*|cannot|ne|pas)\b|n't|n’t/i;

const spanText = (edit: SentenceEdit, op: 'insert' | 'delete') =>
  edit.spans
    .filter((s) => s.op === op)
    .map((s) => s.text)
    .join(' ');

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

function limitsRemoved(deleted: string, after: string): boolean {
  const kept = new Set(prepareSentence(after).match(LIMIT_TERMS) ?? []);
  return (prepareSentence(deleted).match(LIMIT_TERMS) ?? []).some((t) => !kept.has(t));
}

function judgeEdit(
  edit: SentenceEdit,
  order: number,
  older: Profiler,
  newer: Profiler,
  classifySentence: Classify,
  olderConcepts: () => Set<string>,
): Judgement[] {
  const out: Judgement[] = [];
  if (edit.type === 'removed') {
    // A denial that disappears, with no denial left in its category, widens the practice it limited.
    const text = edit.before ?? '';
    if (!MAYBE_RESTRICTS.test(text)) return out;
    for (const c of classifySentence(text)) {
      // AI training only: a vanished "we do not train on your data" is a real widening, whereas a vanished
      // "we do not sell" is, in practice, mostly a rewritten state-law section (measured on the dev corpus).
      if (c.polarity !== 'restricts' || c.category !== 'ai-training') continue;
      if (classifySentence(text).some((o) => o.category === c.category && o.polarity === 'states')) continue;
      // Only when the newer version denies nothing at all in the category: denials are often merged or
      // moved, and a reworded one must not read as a widening.
      if (newer(c.category).restricts > 0) continue;
      out.push({ category: c.category, kind: 'expanded', evidence: { sentence: text, spans: edit.spans, triggers: c.triggers }, section: edit.section, added: [], order });
    }
    return out;
  }
  const after = edit.after ?? '';
  const now = edit.context ? classifySentence(`${edit.context.replace(/[\s:]+$/, '')} ${after}`) : classifySentence(after);
  const before: Classification[] = edit.type === 'modified' && edit.before ? classifySentence(edit.before) : [];
  const categories = new Set(now.map((c) => c.category));
  for (const category of categories) {
    const statesNow = now.find((c) => c.category === category && c.polarity === 'states');
    const restrictsNow = now.find((c) => c.category === category && c.polarity === 'restricts');
    const statesBefore = before.some((c) => c.category === category && c.polarity === 'states');
    const restrictsBefore = before.some((c) => c.category === category && c.polarity === 'restricts');
    const triggers = [...(statesNow?.triggers ?? []), ...(restrictsNow?.triggers ?? [])];
    const evidence: Evidence = { sentence: after, spans: edit.spans, triggers };
    const push = (kind: FindingKind, added: string[] = []) => out.push({ category, kind, evidence, section: edit.section, added, order });
    const known = older(category);

    if (statesNow) {
      if (edit.type === 'modified' && (statesBefore || restrictsBefore)) {
        if (!statesBefore && restrictsBefore) {
          push('new');
          continue;
        }
        const beforeConcepts = conceptsOf(edit.before ?? '');
        const novel = [...conceptsOf(spanText(edit, 'insert'))].filter((c) => !beforeConcepts.has(c) && !LEGAL_RECIPIENT.test(c));
        if (novel.length > 0 || limitsRemoved(spanText(edit, 'delete'), after)) push('expanded', novel);
        else push(restrictsNow && !restrictsBefore ? 'restricted' : 'reworded');
        continue;
      }
      if (!known || known.states === 0) {
        push('new', recipientsOf(prepareSentence(after)));
        continue;
      }
      // Against everything the older version names anywhere: a recipient or kind of data it already
      // mentioned elsewhere is a restatement, not news.
      // AI training is newer and narrower: data or actors it never named *for training* widen it even
      // when the policy mentioned them for other purposes.
      const everywhere = category === 'ai-training' ? new Set<string>() : olderConcepts();
      // De-identified data still feeds a model, so that exemption is for sharing only.
      const novel = category !== 'ai-training' && DEIDENTIFIED.test(prepareSentence(after)) ? [] : [...conceptsOf(after)].filter((c) => !known.concepts.has(c) && !everywhere.has(c) && !LEGAL_RECIPIENT.test(c));
      if (novel.length > 0) push('expanded', novel);
      else push(restrictsNow && !restrictsBefore ? 'restricted' : 'reworded');
      continue;
    }
    if (restrictsNow) {
      if (restrictsBefore && category === 'ai-training' && edit.type === 'modified' && listItemDropped(edit)) push('expanded');
      else if (restrictsBefore) push('reworded');
      else if (edit.type === 'added' && known && known.restricts > 0 && [...conceptsOf(after)].every((c) => known.restrictConcepts.has(c))) push('reworded');
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

function hasOptOut(evidence: Evidence[]): boolean {
  return evidence.some((e) => /\b(?:opt[- ]?out|object|turn off|switch off|disable|withdraw)\b/i.test(e.sentence));
}
function mentionsSale(evidence: Evidence[]): boolean {
  return evidence.some((e) => e.triggers.some((t) => /\b(?:sell|sold|sale|selling)\b/.test(t)));
}
function recipientsIn(evidence: Evidence[]): string[] {
  const all = new Set<string>();
  for (const e of evidence) for (const r of recipientsOf(prepareSentence(e.sentence))) all.add(r);
  return [...all];
}
function preferSpecific(recipients: string[]): string[] {
  // "advertising partner" says more than "partner"; drop a recipient that another one contains.
  return recipients.filter((r) => !recipients.some((o) => o !== r && o.endsWith(` ${r}`)));
}

/** Headline and the short label used in the summary line. */
export function explain(category: Category, kind: FindingKind, evidence: Evidence[], added: string[]): { headline: string; label: string } {
  const addedRecipients = preferSpecific(added.filter((a) => recipientsIn(evidence).includes(a)));
  const recipients = preferSpecific(recipientsIn(evidence));
  switch (category) {
    case 'ai-training': {
      const by = describeRecipients(recipients.filter((r) => /affiliat|third|partner|provider|compan|subsidiar|vendor|developer|others/.test(r)));
      if (kind === 'new') return { headline: `New: your content may be used to train AI models${by ? `, including by ${by}` : ''}`, label: 'new AI training' };
      if (kind === 'expanded') return { headline: `Expanded: more of your data may be used to train AI models${by ? `, including by ${by}` : ''}`, label: 'wider AI training' };
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
        const who = describeRecipients(recipients);
        return who
          ? { headline: `New: your data may be shared with ${who}`, label: `new sharing with ${who}` }
          : { headline: 'New: your data may be shared with others', label: 'new sharing of your data' };
      }
      if (kind === 'expanded') {
        const who = describeRecipients(addedRecipients);
        if (who) return { headline: `Expanded: your data may now be shared with ${who}`, label: `wider sharing with ${who}` };
        if (sale) return { headline: 'Expanded: your personal data may now be sold', label: 'wider sale of data' };
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

function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

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

/** Whether this process has classified a change yet (see analyzeChange). */
let warm = false;

/**
 * What changed between two versions of a policy, within a time budget (DEFAULT_BUDGET_MS).
 *
 * The first analysis that classifies anything in a fresh process (a service worker that has just woken
 * up, a command-line run) also pays for compiling the classifier's expressions: 0.15-0.35 s, measured in
 * Chromium and Node on a 300-word policy, against 5-30 ms once warm. That alone can run the budget out,
 * and the result would be "simplified" for a reason that has nothing to do with the policy. So when that
 * first analysis comes back truncated, it is run once more, warm. The cost: a change that is too big for
 * the budget anyway is analysed twice when it is a process's first, at most twice the budget. (Compiling
 * every rule up front instead costs 0.5 s, more than the first analysis itself compiles.)
 */
export function analyzeChange(older: PolicyDocument, newer: PolicyDocument, options?: AnalyzeOptions): ChangeAnalysis {
  const first = analyzeWithinBudget(older, newer, options);
  if (warm || !first.classified) return first.analysis;
  warm = true;
  return first.analysis.truncated ? analyzeWithinBudget(older, newer, options).analysis : first.analysis;
}

/** One analysis; `classified` when it ran the classifier on any sentence (so compiled some of it). */
function analyzeWithinBudget(older: PolicyDocument, newer: PolicyDocument, options?: AnalyzeOptions): { analysis: ChangeAnalysis; classified: boolean } {
  // Alignment may simplify itself when short of time, so it gets 60% of the budget. Classification counts
  // against the whole budget: past it, only sentences with a sharing, AI or sensitive-data word are
  // classified, up to a cap, so the answer users need most survives and the time stays bounded.
  const total = new Budget(options);
  const budget = new Budget({ ...options, budgetMs: (options?.budgetMs ?? DEFAULT_BUDGET_MS) * ALIGN_SHARE });
  const alignment = alignDocuments(older, newer, budget);
  const { classify } = boundedClassifier(() => total.spent());
  const olderProfile = profiler(older, classify);
  let allOlder: Set<string> | null = null;
  const olderConcepts = () => (allOlder ??= conceptsOf(older.blocks.map((b) => b.text).join('\n')));
  const newerProfile = profiler(newer, classify);

  const judgements: Judgement[] = [];
  let unclassified = 0;
  alignment.sentences.forEach((edit, order) => {
    if (edit.cosmetic) return;
    const js = judgeEdit(edit, order, olderProfile, newerProfile, classify, olderConcepts);
    if (js.length === 0) unclassified++;
    judgements.push(...js);
  });

  // One finding per category, kind and section, so a rewritten section reads as one item, not twenty.
  const groups = new Map<string, Judgement[]>();
  for (const j of judgements) {
    const key = `${j.category}|${j.kind}|${j.section.join('\u0000')}`;
    const list = groups.get(key);
    if (list) list.push(j);
    else groups.set(key, [j]);
  }
  const labels = new Map<string, string>();
  const findings: Array<Finding & { order: number }> = [];
  for (const list of groups.values()) {
    const first = list[0];
    if (!first) continue;
    const evidence = list.slice(0, MAX_EVIDENCE).map((j) => j.evidence);
    const added = [...new Set(list.flatMap((j) => j.added))];
    const { headline, label } = explain(first.category, first.kind, evidence, added);
    const id = `${first.category}:${first.kind}:${hash(`${first.section.join('/')}|${first.evidence.sentence}`)}`;
    labels.set(id, label);
    findings.push({ id, category: first.category, kind: first.kind, severity: severityOf(first.category, first.kind), headline, evidence, section: first.section, order: first.order });
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
  const analysis = ChangeAnalysis.parse({
    schemaVersion: 1,
    summary,
    counts,
    findings: clean,
    changes: alignment.changes,
    truncated: alignment.truncated || budget.truncated || total.truncated,
  });
  return { analysis, classified: alignment.sentences.some((e) => !e.cosmetic) };
}
