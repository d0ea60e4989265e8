/**
 * `npm run eval -- changes`: the change engine on real consecutive policy versions (Open Terms Archive),
 * against gold labels given by reading the two texts. An alert in a category = a finding of kind `new` or
 * `expanded` there. Headline figures exclude capture artifacts, which are reported apart.
 *
 * Two sets of figures, side by side:
 * - **cross-validated** (the honest ones): each pair is analysed with the fold model that was fitted
 *   without its service (scripts/train/cv.ts: folds by service across every training source, including
 *   the statements mined from these very pairs);
 * - **plain**: the shipped model. On the development corpus it was fitted on these pairs' evidence, so a
 *   figure here is not a result, printed so the gap shows; on pairs it never saw (another copy of the
 *   corpus, such as the part kept aside) it is the held-out result, and the targets are judged on it
 *   (scripts/train/fitted-on.ts).
 *
 * Beside each category's precision and recall: how many true alerts quote one of the sentences the gold
 * gives as evidence (the gold lists a few, not all, so the rest are listed to be read: right about the
 * pair, but on which sentence?).
 *
 * Options: `--verbose` prints every finding of each pair; `--only SUBSTRING` restricts to pair ids
 * containing it; `--no-html` skips the HTML route; `--no-cv` prints the plain figures only.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { documentFromMarkdown } from '../../lib/core/page/markdown';
import { analyzeChange, type LinearModel } from '../../lib/core/engine/index';
import { explainer } from '../../lib/core/explain';
const words = explainer('en');
import { trainFoldModels } from '../train/run';
import { loadChangePairs, missingTraining } from '../train/data';
import { fittedCount, foldNote, heldOut, itemKey, plainHeading, skippedLine, targetsBasis } from '../train/fitted-on';
import { digestOf, type Category, type ChangeAnalysis, type PolicyDocument } from '../../lib/core/schema';
import { corpusDir } from '../lib/corpus';
import { tokens } from '../../lib/core/engine/sentences';
import { serviceBootstrap, type Interval, type Outcome } from '../lib/interval';

type Gold = 'new' | 'expanded' | 'reworded' | 'restricted' | 'none';
interface Pair {
  id: string;
  service: string;
  lang: string;
  older: { file: string; html: string[] };
  newer: { file: string; html: string[] };
  gold: { ai_training: Gold; third_party_sharing: Gold; ai_evidence: string[]; tp_evidence: string[]; capture_artifact?: boolean; note?: string };
}

const CATEGORIES: Array<{ cat: Category; gold: 'ai_training' | 'third_party_sharing'; evidence: 'ai_evidence' | 'tp_evidence'; name: string }> = [
  { cat: 'ai-training', gold: 'ai_training', evidence: 'ai_evidence', name: 'AI training' },
  { cat: 'third-party-sharing', gold: 'third_party_sharing', evidence: 'tp_evidence', name: 'third-party sharing' },
];


const isAlert = (g: Gold) => g === 'new' || g === 'expanded';

/**
 * A sentence's words (the engine's tokens), for comparing a quote with the gold's evidence, which keeps the
 * Markdown: its marks are no words, and neither is a link's target ("[partners](https://…)") or a bare
 * address; neither holds a space, so each run of text is cut where one begins.
 */
const wordSet = (s: string) =>
  new Set(
    tokens(
      s
        .toLowerCase()
        .split(/\s+/)
        .map((run) => {
          const at = [run.indexOf(']('), run.indexOf('http')].filter((i) => i >= 0);
          return at.length ? run.slice(0, Math.min(...at)) : run;
        })
        .join(' '),
    ),
  );
/**
 * Whether an alert quotes one of the gold's evidence sentences: the same words, give or take a few (the
 * gold quotes the Markdown, the engine the sentence as it reads it, with a list item's lead-in; either may
 * be cut short). Nine tenths of the smaller word set found in the larger, and the shared words at least
 * three fifths of the larger, so that a short sentence is not taken for a long one it shares words with.
 */
export function quotesGold(quote: string, evidence: readonly string[]): boolean {
  const q = wordSet(quote);
  return evidence.some((e) => {
    const g = wordSet(e);
    const [small, large] = q.size <= g.size ? [q, g] : [g, q];
    if (small.size < 4) return false;
    let shared = 0;
    for (const w of small) if (large.has(w)) shared++;
    return shared >= 0.9 * small.size && shared >= 0.6 * large.size;
  });
}
/** Quotes a finding card shows (components/FindingCard.tsx MAX_EVIDENCE); the rest are counted there. */
const SHOWN = 3;
const short = (s: string, n = 220) => (s.length > n ? `${s.slice(0, n)}…` : s);

function alerts(a: ChangeAnalysis, cat: Category) {
  return a.findings.filter((f) => f.category === cat && (f.kind === 'new' || f.kind === 'expanded'));
}

interface Tally {
  tp: number;
  /** Of the true alerts, those whose quoted evidence is one of the sentences the gold gives as evidence. */
  tpQuoted: number;
  /** Of those, the ones where a quote the popup shows is such a sentence (SHOWN per card), and where the first card's first quote is. */
  tpShown: number;
  tpFirst: number;
  fp: number;
  fn: number;
  byGold: Record<Gold, { n: number; alerts: number }>;
}
const emptyTally = (): Tally => ({
  tp: 0,
  tpQuoted: 0,
  tpShown: 0,
  tpFirst: 0,
  fp: 0,
  fn: 0,
  byGold: { new: { n: 0, alerts: 0 }, expanded: { n: 0, alerts: 0 }, reworded: { n: 0, alerts: 0 }, restricted: { n: 0, alerts: 0 }, none: { n: 0, alerts: 0 } },
});

/** A rate to three decimals, or "n/a" for a rate of nothing (0/0). */
const rate = (x: number) => (Number.isNaN(x) ? 'n/a' : x.toFixed(3));

function report(label: string, tally: Tally) {
  const p = tally.tp + tally.fp ? tally.tp / (tally.tp + tally.fp) : Number.NaN;
  const r = tally.tp + tally.fn ? tally.tp / (tally.tp + tally.fn) : Number.NaN;
  const rates = (['reworded', 'restricted', 'none'] as const).map((g) => `${g} ${tally.byGold[g].alerts}/${tally.byGold[g].n}`).join(', ');
  console.log(`  ${label}: precision ${rate(p)} (${tally.tp}/${tally.tp + tally.fp}), recall ${rate(r)} (${tally.tp}/${tally.tp + tally.fn}); alert rate on ${rates}; true alerts quoting the gold's evidence ${tally.tpQuoted}/${tally.tp} (among the quotes shown ${tally.tpShown}, first ${tally.tpFirst})`);
  return { p, r };
}

function evaluate(
  route: string,
  pairs: Pair[],
  docs: (p: Pair) => { older: PolicyDocument; newer: PolicyDocument } | null,
  opts: { verbose: boolean; modelFor?: (service: string) => LinearModel },
) {
  const tallies = { clean: new Map<Category, Tally>(), artifact: new Map<Category, Tally>() };
  for (const c of CATEGORIES) {
    tallies.clean.set(c.cat, emptyTally());
    tallies.artifact.set(c.cat, emptyTally());
  }
  /** Each clean pair's outcome per category, for the intervals by service. */
  const outcomes = new Map<Category, Outcome[]>(CATEGORIES.map((c) => [c.cat, []]));
  const problems: string[] = [];
  /** True alerts (the pair's gold is an alert) whose findings quote none of the gold's evidence sentences. */
  const unquoted: string[] = [];
  const times: number[] = [];
  let truncated = 0;
  let skipped = 0;
  for (const pair of pairs) {
    const d = docs(pair);
    if (!d) {
      skipped++;
      continue;
    }
    const t0 = performance.now();
    const analysis = analyzeChange(d.older, d.newer, opts.modelFor ? { model: opts.modelFor(pair.service) } : undefined);
    times.push(performance.now() - t0);
    if (analysis.truncated) truncated++;
    const artifact = pair.gold.capture_artifact === true;
    if (opts.verbose) {
      console.log(`\n# ${pair.id} gold ai=${pair.gold.ai_training} tp=${pair.gold.third_party_sharing}${artifact ? ' (artifact)' : ''}\n  ${words.summary(digestOf(analysis))}`);
      for (const f of analysis.findings.filter((x) => x.severity !== 'cosmetic')) console.log(`  - [${f.severity}] ${words.headline(f)} :: ${short(f.evidence[0]?.sentence ?? '', 160)}`);
    }
    for (const c of CATEGORIES) {
      const tally = (artifact ? tallies.artifact : tallies.clean).get(c.cat);
      if (!tally) continue;
      const gold = pair.gold[c.gold];
      const found = alerts(analysis, c.cat);
      const fired = found.length > 0;
      tally.byGold[gold].n++;
      if (fired) tally.byGold[gold].alerts++;
      if (!artifact) outcomes.get(c.cat)?.push({ group: pair.service, tp: isAlert(gold) && fired ? 1 : 0, fp: !isAlert(gold) && fired ? 1 : 0, fn: isAlert(gold) && !fired ? 1 : 0 });
      if (isAlert(gold) && fired) {
        tally.tp++;
        const isGoldQuote = (e: { sentence: string }) => quotesGold(e.sentence, pair.gold[c.evidence]);
        if (found.some((f) => f.evidence.slice(0, SHOWN).some(isGoldQuote))) tally.tpShown++;
        if (found[0]?.evidence[0] && isGoldQuote(found[0].evidence[0])) tally.tpFirst++;
        if (found.some((f) => f.evidence.some(isGoldQuote))) tally.tpQuoted++;
        else
          unquoted.push(
            `${c.name}${artifact ? ' (artifact)' : ''} ${pair.id}\n` +
              found.slice(0, 2).map((f) => `      ${f.kind}: ${short(f.evidence[0]?.sentence ?? '', 160)}`).join('\n') +
              `\n` +
              pair.gold[c.evidence].slice(0, 2).map((e) => `      gold: ${short(e, 160)}`).join('\n'),
          );
      }
      else if (isAlert(gold) && !fired) {
        tally.fn++;
        const other = analysis.findings.filter((f) => f.category === c.cat).map((f) => f.kind);
        problems.push(
          `MISS ${c.name}${artifact ? ' (artifact)' : ''} ${pair.id} gold=${gold}; engine found: ${other.length ? [...new Set(other)].join(', ') : 'nothing'}\n` +
            pair.gold[c.evidence].slice(0, 3).map((e) => `      gold: ${short(e)}`).join('\n'),
        );
      } else if (!isAlert(gold) && fired) {
        tally.fp++;
        problems.push(
          `FALSE ALARM ${c.name}${artifact ? ' (artifact)' : ''} ${pair.id} gold=${gold}\n` +
            found
              .flatMap((f) => f.evidence.slice(0, 2).map((e) => `      ${f.kind}: ${short(e.sentence)}  [${e.triggers.join(' / ')}]${f.gained ? ` gained ${JSON.stringify(f.gained)}` : ''}${e.previous ? `\n        before: ${short(e.previous, 160)}` : ''}`))
              .slice(0, 4)
              .join('\n'),
        );
      }
    }
  }
  times.sort((x, y) => x - y);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  const p95 = times[Math.min(times.length - 1, Math.floor(times.length * 0.95))] ?? 0;
  console.log(`\n## route: ${route} (${times.length} pairs${skipped ? `, ${skipped} skipped` : ''}; median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms; ${truncated} truncated)`);
  console.log('Headline (pairs without capture artifacts):');
  const results: Record<string, { p: number; r: number; interval: { p: Interval; r: Interval } }> = {};
  for (const c of CATEGORIES) {
    const { precision, recall } = serviceBootstrap(outcomes.get(c.cat) ?? []);
    results[c.cat] = { ...report(c.name, tallies.clean.get(c.cat) ?? emptyTally()), interval: { p: precision, r: recall } };
  }
  console.log('Capture artifacts (reported apart):');
  for (const c of CATEGORIES) report(c.name, tallies.artifact.get(c.cat) ?? emptyTally());
  console.log(`\nMisses and false alarms (${problems.length}):`);
  for (const p of problems) console.log(`  ${p}`);
  // The gold lists a few evidence sentences, not all: an alert on another sentence may be right, or may
  // be right about the pair for a wrong reason (a sentence that does not share). Listed to be read.
  console.log(`\nTrue alerts that quote none of the gold's evidence sentences (${unquoted.length}):`);
  for (const u of unquoted) console.log(`  ${u}`);
  return results;
}

export async function run(args: string[]): Promise<number> {
  const dir = corpusDir();
  const index = join(dir, 'changes', 'index.jsonl');
  if (!existsSync(index)) {
    console.log(`Corpus not found at ${dir} (set CLAUSEWATCH_CORPUS); skipping the changes eval.`);
    return 0;
  }
  const verbose = args.includes('--verbose');
  const onlyArg = args.indexOf('--only');
  const only = onlyArg >= 0 ? args[onlyArg + 1] : undefined;
  let pairs = loadChangePairs(dir) as Pair[];
  if (only) pairs = pairs.filter((p) => p.id.includes(only));
  if (pairs.length === 0) {
    console.error(only ? `No pair's id contains "${only}" in ${index}.` : `No pairs in ${index}.`);
    return 1;
  }

  // A pair whose version files are absent is skipped (and counted), not a crash.
  const read = (file: string, lang: string, url: string) => documentFromMarkdown(readFileSync(join(dir, file), 'utf8'), { url, language: lang });
  const readable = (p: Pair) => existsSync(join(dir, p.older.file)) && existsSync(join(dir, p.newer.file));
  const markdownDocs = (p: Pair) => (readable(p) ? { older: read(p.older.file, p.lang, `corpus:${p.id}:older`), newer: read(p.newer.file, p.lang, `corpus:${p.id}:newer`) } : null);
  const measured = pairs.filter(readable);
  if (measured.length === 0) {
    console.error(`None of the ${pairs.length} pairs' version files are in ${dir} (the first: ${pairs[0]?.older.file}).`);
    return 1;
  }
  const missing = missingTraining(dir);
  if (!args.includes('--no-cv') && missing.length > 0) console.log(`\n${skippedLine(dir, missing)}`);
  const cv = args.includes('--no-cv') || missing.length > 0 ? undefined : trainFoldModels(dir);
  const count = fittedCount('pairs', measured.map(itemKey.pair));
  console.log(`\n# ${plainHeading(count, 'pairs')}`);
  // A later version of a service the model was fitted on repeats much of what it read: said, since the
  // cross-validation keeps whole services apart and these figures do not.
  const sameService = heldOut(count) ? fittedCount('services', measured.map(itemKey.service)) : undefined;
  if (sameService?.fitted) console.log(`(${sameService.fitted} of these ${sameService.total} pairs are of services whose development pairs it was fitted on)`);
  const plain = evaluate('markdown, plain', pairs, markdownDocs, { verbose });
  let folds: typeof plain | undefined;
  const note = cv ? foldNote(dir) : undefined;
  if (cv) {
    console.log('\n# cross-validated: each pair judged by the fold model fitted without its service');
    if (note) console.log(note);
    folds = evaluate('markdown, cross-validated', pairs, markdownDocs, { verbose, modelFor: cv.modelFor });
  }
  const basis = targetsBasis(count, folds !== undefined, 'pairs', { ...(sameService ? { sameService } : {}), foldNote: note !== undefined });
  const md = basis.on === 'plain' ? plain : basis.on === 'cross-validated' ? folds : undefined;
  const targets = [
    ['AI training recall', 'ai-training', 'r', 0.95],
    ['AI training precision', 'ai-training', 'p', 0.9],
    ['third-party sharing recall', 'third-party-sharing', 'r', 0.92],
    ['third-party sharing precision', 'third-party-sharing', 'p', 0.88],
  ] as const;
  console.log(`\nTargets (markdown route, pairs without artifacts): ${basis.label}${md ? ', with a 90% interval from redrawing whole services (scripts/lib/interval.ts)' : ''}${basis.on === 'cross-validated' ? ' [plain beside]' : ''}`);
  for (const [name, cat, key, goal] of targets) {
    const v = (md ?? plain)[cat]?.[key] ?? Number.NaN;
    const iv = md?.[cat]?.interval[key];
    const range = iv && Number.isFinite(iv.low) ? ` (90% interval ${iv.low.toFixed(3)}-${iv.high.toFixed(3)})` : '';
    // A rate of nothing (no alert to be right about, nothing to find) meets no target.
    const verdict = !md ? '' : Number.isNaN(v) ? ' n/a (nothing to judge)' : v >= goal ? ' met' : ' NOT met';
    const beside = basis.on === 'cross-validated' ? `  [plain ${rate(plain[cat]?.[key] ?? Number.NaN)}]` : '';
    console.log(`  ${name}: ${rate(v)}${range} (goal >= ${goal})${verdict}${beside}`);
  }

  // HTML route: the raw pages through extraction, where a version has them.
  const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  if (args.includes('--no-html')) return 0;
  if (!existsSync(join(repo, 'lib', 'core', 'page', 'extract', 'index.ts'))) {
    console.log('\nHTML route skipped: lib/core/page/extract/index.ts (extractPolicy) is not available yet.');
    return 0;
  }
  const extract = (await import('../../lib/core/page/extract/index')) as { extractPolicy?: (doc: Document, url: string) => { ok: boolean; document?: PolicyDocument } };
  const dom = (await import('../lib/dom')) as { loadHtml: (html: string, url: string) => { document: Document; url: string } };
  if (typeof extract.extractPolicy !== 'function') {
    console.log('\nHTML route skipped: extractPolicy is not exported by lib/core/page/extract/index.ts.');
    return 0;
  }
  const extractPolicy = extract.extractPolicy;
  const fromHtml = (files: string[], url: string): PolicyDocument | null => {
    const parts: PolicyDocument[] = [];
    // A page the folder lacks leaves the version to the others; none, and the pair is skipped (counted).
    for (const f of files.filter((x) => existsSync(join(dir, x)))) {
      const { document, url: href } = dom.loadHtml(readFileSync(join(dir, f), 'utf8'), url);
      const r = extractPolicy(document, href);
      if (r.ok && r.document) parts.push(r.document);
    }
    const first = parts[0];
    if (!first) return null;
    return { ...first, blocks: parts.flatMap((p) => p.blocks) };
  };
  const withHtml = pairs.filter((p) => p.older.html.length > 0 && p.newer.html.length > 0);
  evaluate(
    // Judged by the same model as the markdown route's targets: the fold models, or the shipped one (held out, or not a result).
    basis.on === 'cross-validated' ? 'html (extraction), cross-validated' : `html (extraction), ${plainHeading(fittedCount('pairs', withHtml.map(itemKey.pair)), 'pairs')}`,
    withHtml,
    (p) => {
      const older = fromHtml(p.older.html, 'https://policy.invalid/');
      const newer = fromHtml(p.newer.html, 'https://policy.invalid/');
      return older && newer ? { older, newer } : null;
    },
    { verbose, ...(cv && basis.on === 'cross-validated' ? { modelFor: cv.modelFor } : {}) },
  );
  return 0;
}
