import { useId, useMemo } from 'react';
import { changeSpans } from '@/lib/core/engine';
import type { Block, Change } from '@/lib/core/schema';
import type { Comparison } from '@/lib/extension/views';
import { AnalysisView } from './AnalysisView';
import { comparisonHeading, policyTextAttributes, quotesLanguage, sectionPath } from './format';
import { SpanText } from './SpanText';
import { useWords } from './words';

export type CompareMode = 'inline' | 'side-by-side';

/** Block and change texts may differ in spacing only; match them on a whitespace-folded key. */
const key = (text: string) => text.replace(/\s+/g, ' ').trim();

function InlineChanges({ changes, language }: { changes: readonly Change[]; language: string }) {
  const { ui } = useWords();
  const quoted = policyTextAttributes(language);
  if (changes.length === 0) return <p className="muted">{ui.comparison.noDifferences}</p>;
  return (
    <ol className="changes" aria-label={ui.comparison.changesLabel}>
      {changes.map((c, i) => {
        const section = sectionPath(c.section);
        return (
          <li key={i} className="card">
            <span className="change-type">{ui.comparison.changeType[c.type]}</span>
            {section && (
              <span className="muted small change-section">
                {' · '}
                <span {...quoted}>{section}</span>
              </span>
            )}
            <p className="evidence" {...quoted}>
              {c.spans.length > 0 ? (
                <SpanText spans={c.spans} />
              ) : c.type === 'added' ? (
                <ins>{c.after ?? ''}</ins>
              ) : c.type === 'removed' ? (
                <del>{c.before ?? ''}</del>
              ) : (
                (c.after ?? c.before ?? '')
              )}
            </p>
          </li>
        );
      })}
    </ol>
  );
}

/**
 * Which block of a column each change marks: every change marks one block at most, the block with its text
 * in its section first, else the first block with its text not marked yet. So of two identical paragraphs in
 * two sections ("We keep this data for two years"), only the one that changed is marked.
 */
function markedBlocks(blocks: readonly Block[], changes: readonly Change[], side: 'before' | 'after'): Map<number, Change> {
  const byText = new Map<string, number[]>();
  blocks.forEach((b, i) => {
    const k = key(b.text);
    const list = byText.get(k);
    if (list) list.push(i);
    else byText.set(k, [i]);
  });
  const marked = new Map<number, Change>();
  const pending: Array<{ change: Change; at: number[] }> = [];
  for (const change of changes) {
    const text = side === 'before' ? change.before : change.after;
    const at = text === null ? undefined : byText.get(key(text));
    if (!at) continue;
    const inSection = at.find((i) => !marked.has(i) && sameSection(blocks[i]?.section ?? [], change.section));
    if (inSection !== undefined) marked.set(inSection, change);
    else pending.push({ change, at });
  }
  for (const { change, at } of pending) {
    const free = at.find((i) => !marked.has(i));
    if (free !== undefined) marked.set(free, change);
  }
  return marked;
}
const sameSection = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function DocumentColumn({
  title,
  blocks,
  language,
  changes,
  side,
}: {
  title: string;
  blocks: readonly Block[];
  /** Its version's language (PolicyDocument.language). */
  language: string;
  changes: readonly Change[];
  side: 'before' | 'after';
}) {
  const headingId = useId();
  const { ui } = useWords();
  const changed = useMemo(() => markedBlocks(blocks, changes, side), [blocks, changes, side]);
  const quoted = policyTextAttributes(language);
  return (
    <section aria-labelledby={headingId}>
      <h4 id={headingId}>{title}</h4>
      {blocks.map((b, i) => {
        const change = changed.get(i);
        const className = `doc-block${b.kind === 'heading' ? ' block-heading' : ''}${change ? ' changed' : ''}`;
        return (
          <p key={i} className={className}>
            {change && <span className="change-mark">{ui.comparison.changeType[change.type]}</span>}
            {/* The mark beside it is in the reader's language; only the block's text is the policy's. */}
            <span {...quoted}>
              {change && change.spans.length > 0 ? (
                <SpanText spans={change.spans} side={side} />
              ) : change?.type === 'added' ? (
                <ins>{b.text}</ins>
              ) : change?.type === 'removed' ? (
                <del>{b.text}</del>
              ) : (
                b.text
              )}
            </span>
          </p>
        );
      })}
    </section>
  );
}

/** Two versions compared: the findings, then the text changes inline or side by side. */
export function ComparisonView({
  comparison,
  mode,
  onModeChange,
  onCopyMarkdown,
  status,
  onShowOnPage,
}: {
  comparison: Comparison;
  mode: CompareMode;
  onModeChange: (mode: CompareMode) => void;
  onCopyMarkdown: () => void;
  /** The outcome of the last action (a copy, "Show on page"), announced politely. */
  status: string;
  onShowOnPage?: (quote: string) => void;
}) {
  const headingId = useId();
  const radioName = useId();
  const { ui, format } = useWords();
  const { older, newer, analysis } = comparison;
  // Word diffs of modified blocks are computed here, once per comparison (the analysis leaves them out).
  const changes = useMemo(() => analysis.changes.map((c) => ({ ...c, spans: changeSpans(c) })), [analysis]);
  // The findings and the inline changes quote both versions (quotesLanguage).
  const language = quotesLanguage(older.document.language, newer.document.language);
  return (
    <section className="comparison" aria-labelledby={headingId}>
      <h2 id={headingId}>{comparisonHeading(older, newer, ui, format)}</h2>
      <div className="toolbar">
        <fieldset>
          <legend>{ui.comparison.showChanges}</legend>
          {(['inline', 'side-by-side'] as const).map((m) => (
            <label key={m}>
              <input type="radio" name={radioName} value={m} checked={mode === m} onChange={() => onModeChange(m)} />{' '}
              {m === 'inline' ? ui.comparison.inline : ui.comparison.sideBySide}
            </label>
          ))}
        </fieldset>
        <button type="button" onClick={onCopyMarkdown}>
          {ui.comparison.copyMarkdown}
        </button>
        <span role="status" aria-live="polite" className="small">
          {status}
        </span>
      </div>
      <h3 className="subheading">{ui.comparison.whatChanged}</h3>
      <AnalysisView analysis={analysis} language={language} headingLevel={4} onShowOnPage={onShowOnPage} />
      <h3 className="subheading">{ui.comparison.theText}</h3>
      {mode === 'inline' ? (
        <InlineChanges changes={changes} language={language} />
      ) : (
        <div className="side-by-side">
          <DocumentColumn
            title={ui.comparison.older(format.day(older.firstSeen))}
            blocks={older.document.blocks}
            language={older.document.language}
            changes={changes}
            side="before"
          />
          <DocumentColumn
            title={ui.comparison.newer(format.day(newer.firstSeen))}
            blocks={newer.document.blocks}
            language={newer.document.language}
            changes={changes}
            side="after"
          />
        </div>
      )}
    </section>
  );
}
