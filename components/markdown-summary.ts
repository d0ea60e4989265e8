/**
 * A Markdown summary of a comparison, for pasting into a note, an issue or a chat.
 *
 * Policy text is untrusted and Markdown renders links, images and HTML: every piece of it is escaped
 * so a pasted summary shows the policy's words and nothing else. Our own words (lib/core/explain's, in the
 * reader's language) are written as they are. Dates are ISO (UTC) so the text reads the same for everyone
 * it is pasted to.
 */
import type { Span } from '@/lib/core/schema';
import type { Comparison } from '@/lib/extension/views';
import { nothingToReview, passageReferences, safeHttpUrl, sectionPath } from './format';
import { explainer, type Explainer } from '@/lib/core/explain';
import { digestOf } from '@/lib/core/schema';

/**
 * Backslash-escapes the inline Markdown and HTML syntax (emphasis, code, links, images, tags, tables,
 * strikethrough) and what would start a block at the start of the text; collapses newlines so the text
 * cannot open a block of its own.
 */
export function escapeMarkdown(text: string): string {
  return text
    // No-break spaces stay: French puts one before a colon, and they start no Markdown syntax.
    .replace(/[^\S\u00a0\u202f]+/g, ' ')
    .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([#+\-=>]|\d+[.)])/, (_m, space: string, mark: string) => `${space}${mark.replace(/[#+\-=>.)]/, (c) => `\\${c}`)}`);
}

const WORD_CHAR = /^[\p{L}\p{N}]$/u;
/** Leading spaces and punctuation, the words from the first to the last letter or digit, trailing ones (a scan). */
function edgeSplit(text: string): [string, string, string] {
  const chars = [...text];
  let a = 0;
  while (a < chars.length && !WORD_CHAR.test(chars[a] ?? '')) a++;
  let b = chars.length;
  while (b > a && !WORD_CHAR.test(chars[b - 1] ?? '')) b--;
  return [chars.slice(0, a).join(''), chars.slice(a, b).join(''), chars.slice(b).join('')];
}

/** Inserted words in bold, deleted words struck through, the rest as is. */
export function spansMarkdown(spans: readonly Span[], fallback: string): string {
  if (spans.length === 0) return escapeMarkdown(fallback);
  return spans
    .map((s) => {
      const text = escapeMarkdown(s.text);
      if (text.trim() === '' || s.op === 'equal') return text;
      // Emphasis must hug the words: spaces and punctuation at either end stay outside the markers, or
      // CommonMark does not read them as emphasis (", advertisers" after "providers" would print
      // "providers**, advertisers**"). Punctuation alone is left unmarked.
      const [before, words, after] = edgeSplit(text);
      if (!words) return text;
      const mark = s.op === 'insert' ? '**' : '~~';
      return `${before}${mark}${words}${mark}${after}`;
    })
    .join('');
}

function isoDate(ms: number, unknown: string): string {
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? unknown : d.toISOString().slice(0, 10);
}

/** The two versions' ISO dates; with the UTC time of day when they were first seen on the same date. */
function isoDates(older: number, newer: number, unknown: string): [string, string] {
  const a = isoDate(older, unknown);
  const b = isoDate(newer, unknown);
  if (a !== b || a === unknown) return [a, b];
  const moment = (ms: number) => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return [moment(older), moment(newer)];
}

/** The summary in the reader's language; the policy's own words (title, quotes, sections) stay as written. */
export function markdownSummary(comparison: Comparison, site: string, words: Explainer = explainer('en')): string {
  const { older, newer, analysis } = comparison;
  const md = words.ui.markdown;
  const title = newer.document.title || md.untitled;
  const lines: string[] = [];
  lines.push(`## ${escapeMarkdown(title)} (${escapeMarkdown(site)})`);
  lines.push('');
  lines.push(md.compared(...isoDates(older.firstSeen, newer.firstSeen, words.ui.time.unknownDate)));
  // URL parsing percent-encodes spaces and angle brackets, so the autolink cannot be broken out of.
  const url = safeHttpUrl(newer.document.url);
  if (url) lines.push(`${md.policyLabel} <${url}>`);
  lines.push('');
  lines.push(`**${md.summaryLabel}** ${escapeMarkdown(words.summary(digestOf(analysis)))}`);
  const findings = analysis.findings.filter((f) => f.severity !== 'cosmetic');
  if (findings.length === 0) {
    lines.push('');
    lines.push(nothingToReview(words.ui, analysis));
  }
  // A version past the size cap was compared only up to it: the reader of the note must know.
  if (analysis.truncated) {
    lines.push('');
    lines.push(words.ui.analysis.truncated);
  }
  const references = passageReferences(findings, Infinity, (f) => words.headline(f));
  findings.forEach((f, fi) => {
    lines.push('');
    lines.push(`### ${escapeMarkdown(words.headline(f))}`);
    lines.push('');
    lines.push(`- ${md.severityLabel} ${words.severity(f.severity)}`);
    lines.push(`- ${md.categoryLabel} ${words.category(f.category)}`);
    const section = sectionPath(f.section);
    if (section) lines.push(`- ${md.sectionLabel} ${escapeMarkdown(section)}`);
    f.evidence.forEach((e, ei) => {
      lines.push('');
      const above = references[fi]?.[ei] ?? null;
      lines.push(above !== null ? escapeMarkdown(words.samePassage(above)) : `> ${spansMarkdown(e.spans, e.sentence)}`);
    });
  });
  lines.push('');
  lines.push(`_${md.footer}_`);
  return lines.join('\n') + '\n';
}
