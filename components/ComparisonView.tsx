import { useId } from 'react';
import type { Block, Change } from '@/lib/schema';
import type { Comparison } from '@/lib/views';
import { AnalysisView } from './AnalysisView';
import { formatDay, sectionPath } from './format';
import { SpanText } from './SpanText';

export type CompareMode = 'inline' | 'side-by-side';

/** Block and change texts may differ in spacing only; match them on a whitespace-folded key. */
const key = (text: string) => text.replace(/\s+/g, ' ').trim();

const CHANGE_LABEL: Record<Change['type'], string> = {
  added: 'Added',
  removed: 'Removed',
  modified: 'Changed',
  moved: 'Moved',
};

function InlineChanges({ changes }: { changes: readonly Change[] }) {
  if (changes.length === 0) return <p className="muted">No differences in the text.</p>;
  return (
    <ol className="changes" aria-label="Changes">
      {changes.map((c, i) => {
        const section = sectionPath(c.section);
        return (
          <li key={i} className="card">
            <span className="change-type">{CHANGE_LABEL[c.type]}</span>
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
  return (
    <section aria-labelledby={headingId}>
      <h4 id={headingId}>{title}</h4>
      {blocks.map((b, i) => {
        const change = changed.get(key(b.text));
        const className = `doc-block${b.kind === 'heading' ? ' block-heading' : ''}${change ? ' changed' : ''}`;
        return (
          <p key={i} className={className}>
            {change && <span className="change-mark">{CHANGE_LABEL[change.type]}</span>}
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
  const { older, newer, analysis } = comparison;
  const beforeChanged = new Map<string, Change>();
  const afterChanged = new Map<string, Change>();
  for (const c of analysis.changes) {
    if (c.before !== null) beforeChanged.set(key(c.before), c);
    if (c.after !== null) afterChanged.set(key(c.after), c);
  }
  return (
    <section className="comparison" aria-labelledby={headingId}>
      <h2 id={headingId}>
        Changes between {formatDay(older.firstSeen)} and {formatDay(newer.firstSeen)}
      </h2>
      <div className="toolbar">
        <fieldset>
          <legend>Show changes</legend>
          {(['inline', 'side-by-side'] as const).map((m) => (
            <label key={m}>
              <input type="radio" name={radioName} value={m} checked={mode === m} onChange={() => onModeChange(m)} />{' '}
              {m === 'inline' ? 'Inline' : 'Side by side'}
            </label>
          ))}
        </fieldset>
        <button type="button" onClick={onCopyMarkdown}>
          Copy Markdown summary
        </button>
        <span role="status" aria-live="polite" className="small">
          {copyStatus}
        </span>
      </div>
      <h3 className="subheading">What changed</h3>
      <AnalysisView analysis={analysis} headingLevel={4} onShowOnPage={onShowOnPage} />
      <h3 className="subheading">The text</h3>
      {mode === 'inline' ? (
        <InlineChanges changes={analysis.changes} />
      ) : (
        <div className="side-by-side">
          <DocumentColumn
            title={`Older: seen ${formatDay(older.firstSeen)}`}
            blocks={older.document.blocks}
            changed={beforeChanged}
            side="before"
          />
          <DocumentColumn
            title={`Newer: seen ${formatDay(newer.firstSeen)}`}
            blocks={newer.document.blocks}
            changed={afterChanged}
            side="after"
          />
        </div>
      )}
    </section>
  );
}
