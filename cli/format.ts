/**
 * Human-readable rendering of the CLI's JSON documents. Colour only on a terminal; when piped, edits
 * are marked with [+inserted+] and [-deleted-] so they survive in a file or an e-mail, and not a single
 * escape code is written.
 */
import type { DetectOutput, DiffOutput } from './output';
import type { Category, Severity, Span, Statement } from '../lib/core/schema';
import { splitOuterSpace } from '../lib/core/text/trim';
import { explainer, type Explainer } from '../lib/core/explain';
import { counting } from '../lib/core/explain/count';
import { visible } from './safe-text';

export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  severity(sev: Severity, s: string): string;
  insert(s: string): string;
  remove(s: string): string;
}

/** Every string of a value as `visible` writes it. */
function visibleAll<T>(value: T): T {
  if (typeof value === 'string') return visible(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => visibleAll(v)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, visibleAll(v)])) as T;
  return value;
}

const esc = (codes: string, s: string): string => (s ? `\x1b[${codes}m${s}\x1b[0m` : s);
/** Word by word, so that wrapping never leaves an underline running through the next line's indent. */
const escWords = (codes: string, s: string): string => s.split(/( +)/).map((w) => (w.trim() ? esc(codes, w) : w)).join('');

export const colorStyle: Style = {
  bold: (s) => esc('1', s),
  dim: (s) => esc('2', s),
  severity: (sev, s) => esc(sev === 'major' ? '1;31' : sev === 'good-news' ? '1;32' : sev === 'minor' ? '33' : '2', s),
  insert: (s) => escWords('32;4', s),
  remove: (s) => escWords('31;9', s),
};

export const plainStyle: Style = {
  bold: (s) => s,
  dim: (s) => s,
  severity: (_sev, s) => s,
  insert: (s) => `[+${s}+]`,
  remove: (s) => `[-${s}-]`,
};

/** Marks only the words themselves, so leading/trailing spaces of an edit stay unmarked and readable. */
function markEdit(text: string, mark: (s: string) => string): string {
  const [lead, words, trail] = splitOuterSpace(text);
  if (!words) return text;
  return `${lead}${mark(words)}${trail}`;
}

export function renderSpans(spans: Span[], style: Style): string {
  return spans
    .map((s) => (s.op === 'insert' ? markEdit(s.text, style.insert) : s.op === 'delete' ? markEdit(s.text, style.remove) : s.text))
    .join('');
}

/** Wrapped, indented paragraph; words are never split, so long URLs simply overflow. */
function wrap(text: string, width: number, indent: string, hanging = indent): string {
  const lines: string[] = [];
  let line = '';
  let visible = 0;
  for (const word of text.split(/ +/)) {
    // Escape codes take no room on screen.
    // eslint-disable-next-line no-control-regex
    const w = word.replace(/\x1b\[[0-9;]*m/g, '').length;
    if (line && visible + 1 + w > width) {
      lines.push((lines.length ? hanging : indent) + line);
      line = word;
      visible = w;
    } else {
      line = line ? `${line} ${word}` : word;
      visible += (visible ? 1 : 0) + w;
    }
  }
  if (line) lines.push((lines.length ? hanging : indent) + line);
  return lines.join('\n');
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * "Major: 2 · Good news: 0 · Minor: 1 · Cosmetic: 0", in the language of the explanations: the
 * severity names of lib/core/explain, its numbers, and the colon its labels use ("Gravité\u00a0:").
 */
function countsLine(c: DiffOutput['counts'], words: Explainer, style: Style): string {
  // "Severity:", "Gravité\u00a0:": the colon with the space the language puts before it.
  const label = words.ui.markdown.severityLabel.replace(/:$/, '');
  const colon = `${label.slice(label.trimEnd().length)}:`;
  const { num } = counting(words.locale);
  const shown: [Severity, number][] = [['major', c.major], ['good-news', c.goodNews], ['minor', c.minor], ['cosmetic', c.cosmetic]];
  return shown.map(([sev, n]) => style.severity(sev, `${words.severity(sev)}${colon} ${num(n)}`)).join(' · ');
}

function describeDoc(d: DiffOutput['older']): string {
  const parts = [d.title ? `“${d.title}”` : '(untitled)', d.statedDate ? `stated date ${d.statedDate}` : 'no stated date', plural(d.words, 'word')];
  return `${parts.join(', ')} — ${d.source}`;
}

export function formatDiff(page: DiffOutput, style: Style, width = 100, lang?: string): string {
  const out = visibleAll(page);
  const words = explainer(lang);
  const lines: string[] = [];
  lines.push(style.bold('Privacy policy change'));
  lines.push(`  older: ${describeDoc(out.older)}`);
  lines.push(`  newer: ${describeDoc(out.newer)}`);
  for (const n of out.notes) lines.push(style.dim(`  note: ${n}`));
  lines.push('');
  lines.push(wrap(style.bold(out.summary), width, ''));
  lines.push(countsLine(out.counts, words, style));
  if (out.truncated) lines.push(style.dim('(compared in part: a version was longer than the size cap, or the edits between them were too many to follow one by one)'));
  if (out.findings.length === 0) {
    lines.push('');
    lines.push(out.changes ? `No finding; ${plural(out.changes, 'block')} changed in ways that do not alter what the policy allows.` : 'No change in the policy text.');
  }
  out.findings.forEach((f, i) => {
    lines.push('');
    lines.push(`${style.dim(`${i + 1}.`)} ${style.severity(f.severity, `[${words.severity(f.severity).toUpperCase()}]`)} ${style.bold(f.headline)}`);
    // In the language of the explanations, like the extension's card: the section when there is one.
    const section = f.section.length ? [`${words.ui.markdown.sectionLabel} ${f.section.join(' › ')}`] : [];
    lines.push(`   ${[words.category(f.category), words.kind(f.kind), ...section].join(' · ')}`);
    f.evidence.forEach((sentence, k) => {
      const spans = f.evidenceSpans[k];
      const quoted = spans && spans.length ? renderSpans(spans, style) : sentence;
      lines.push(wrap(words.ui.common.quote(quoted), width - 6, '     ', '      '));
      const before = f.before[k];
      if (before && spans?.every((s) => s.op === 'insert')) lines.push(style.dim(wrap(`${f.beforeKept?.[k] ? words.ui.analysis.beforeKept : words.ui.analysis.before} ${words.ui.common.quote(before)}`, width - 6, '     ', '      ')));
    });
  });
  return `${lines.join('\n')}\n`;
}

const MAX_STATEMENTS_SHOWN = 3;
/** Categories always listed for a policy, even when it says nothing: the questions people ask first. */
const ALWAYS_SHOWN: Category[] = ['third-party-sharing', 'ai-training'];

function statementsByCategory(statements: Statement[]): Map<Category, Statement[]> {
  const by = new Map<Category, Statement[]>();
  for (const c of ALWAYS_SHOWN) by.set(c, []);
  for (const s of statements) {
    const list = by.get(s.category) ?? [];
    list.push(s);
    by.set(s.category, list);
  }
  return by;
}

export function formatDetect(page: DetectOutput, style: Style, width = 100, lang?: string): string {
  const out = visibleAll(page);
  const words = explainer(lang);
  const lines: string[] = [];
  const kindLabel = out.kind === 'privacy-policy' ? 'a privacy policy' : out.kind === 'privacy-adjacent' ? 'privacy-adjacent (cookie policy, DPA…)' : 'not a privacy policy';
  lines.push(`${style.bold(out.source)}: ${style.bold(kindLabel)} (confidence ${out.confidence.toFixed(2)}, language ${out.language})`);
  lines.push(style.dim(`  read as ${out.format}, address ${out.url}`));
  lines.push('  Why:');
  for (const r of out.reasons) lines.push(wrap(`- ${r}`, width - 6, '    ', '      '));
  if (out.extractionError) lines.push(`  The text could not be extracted: ${out.extractionError}`);
  const d = out.document;
  if (d) {
    lines.push('');
    lines.push(`  Title:       ${d.title || '(untitled)'}`);
    lines.push(`  Stated date: ${d.statedDate ?? '(none found)'}`);
    lines.push(`  Length:      ${plural(d.words, 'word')} in ${plural(d.blocks, 'block')} (${d.method})`);
    lines.push('');
    lines.push(style.bold('  What it says:'));
    for (const [category, list] of statementsByCategory(out.statements ?? [])) {
      lines.push(`  ${style.bold(words.category(category))}:`);
      if (list.length === 0) {
        lines.push(style.dim('    nothing found'));
        continue;
      }
      for (const s of list.slice(0, MAX_STATEMENTS_SHOWN)) {
        const tag = s.polarity === 'restricts' ? style.severity('good-news', 'limits:') : 'states:';
        lines.push(wrap(`${tag} “${s.sentence}”`, width - 12, '    ', '            '));
      }
      if (list.length > MAX_STATEMENTS_SHOWN) lines.push(style.dim(`    … and ${list.length - MAX_STATEMENTS_SHOWN} more (see --json)`));
    }
  }
  return `${lines.join('\n')}\n`;
}
