import { useId, useMemo } from 'react';
import { changeSpans } from '@/lib/core/engine';
import type { Block, Change } from '@/lib/core/schema';
import type { Comparison } from '@/lib/extension/views';
import { AnalysisView } from './AnalysisView';
import { comparisonHeading, sectionPath } from './format';
import { SpanText } from './SpanText';
import { useWords } from './words';

export type CompareMode = 'inline' | 'side-by-side';

/** Block and change texts may differ in spacing only; match them on a whitespace-folded key. */
const key = (text: string) => text.replace(/\s+/g, ' ').trim();

function InlineChanges({ changes }: { changes: readonly Change[] }) {
  const { ui } = useWords();
  if (changes.length === 0) return <p className="muted">{ui.comparison.noDifferences}</p>;
  return (
    <ol className="changes" aria-label={ui.comparison.changesLabel}>
      {changes.map((c, i) => {
        const section = sectionPath(c.section);
        return (
          <li key={i} className="card">
            <span className="change-type">{ui.comparison.changeType[c.type]}</span>
            {section && <span className="muted small"> · {section}</span>}
            <p className="evidence">
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

function DocumentColumn({
  title,
  blocks,
  changed,
  side,
}: {
  title: string;
  blocks: readonly Block[];
  changed: Map<string, Change>;
  side: 'before' | 'after';
}) {
  const headingId = useId();
  const { ui } = useWords();
  return (
    <section aria-labelledby={headingId}>
      <h4 id={headingId}>{title}</h4>
      {blocks.map((b, i) => {
        const change = changed.get(key(b.text));
        const className = `doc-block${b.kind === 'heading' ? ' block-heading' : ''}${change ? ' changed' : ''}`;
        return (
          <p key={i} className={className}>
            {change && <span className="change-mark">{ui.comparison.changeType[change.type]}</span>}
            {change && change.spans.length > 0 ? (
              <SpanText spans={change.spans} side={side} />
            ) : change?.type === 'added' ? (
              <ins>{b.text}</ins>
            ) : change?.type === 'removed' ? (
              <del>{b.text}</del>
            ) : (
              b.text
            )}
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
  copyStatus,
  onShowOnPage,
}: {
  comparison: Comparison;
  mode: CompareMode;
  onModeChange: (mode: CompareMode) => void;
  onCopyMarkdown: () => void;
  copyStatus: string;
  onShowOnPage?: (quote: string) => void;
}) {
  const headingId = useId();
  const radioName = useId();
  const { ui, format } = useWords();
  const { older, newer, analysis } = comparison;
  // Word diffs of modified blocks are computed here, once per comparison (the analysis leaves them out).
  const changes = useMemo(() => analysis.changes.map((c) => ({ ...c, spans: changeSpans(c) })), [analysis]);
  const beforeChanged = new Map<string, Change>();
  const afterChanged = new Map<string, Change>();
  for (const c of changes) {
    if (c.before !== null) beforeChanged.set(key(c.before), c);
    if (c.after !== null) afterChanged.set(key(c.after), c);
  }
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
          {copyStatus}
        </span>
      </div>
      <h3 className="subheading">{ui.comparison.whatChanged}</h3>
      <AnalysisView analysis={analysis} headingLevel={4} onShowOnPage={onShowOnPage} />
      <h3 className="subheading">{ui.comparison.theText}</h3>
      {mode === 'inline' ? (
        <InlineChanges changes={changes} />
      ) : (
        <div className="side-by-side">
          <DocumentColumn
            title={ui.comparison.older(format.day(older.firstSeen))}
            blocks={older.document.blocks}
            changed={beforeChanged}
            side="before"
          />
          <DocumentColumn
            title={ui.comparison.newer(format.day(newer.firstSeen))}
            blocks={newer.document.blocks}
            changed={afterChanged}
            side="after"
          />
        </div>
      )}
    </section>
  );
}
