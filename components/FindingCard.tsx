import { useId } from 'react';
import type { Finding } from '@/lib/schema';
import { CATEGORY_LABEL, KIND_LABEL, samePassageNote, SEVERITY_LABEL, sectionPath } from './format';
import { SpanText } from './SpanText';

/** Passages quoted per card; the rest are counted. */
export const MAX_EVIDENCE = 3;

export function SeverityBadge({ severity }: { severity: Finding['severity'] }) {
  return <span className={`badge badge-${severity}`}>{SEVERITY_LABEL[severity]}</span>;
}

/** One finding: severity in words and colour, headline, quoted evidence with the edit marked, section. */
export function FindingCard({
  finding,
  headingLevel = 3,
  onShowOnPage,
  quotedAbove,
}: {
  finding: Finding;
  headingLevel?: 3 | 4;
  /** Called with the sentence to find on the policy page; no button when absent. */
  onShowOnPage?: (quote: string) => void;
  /**
   * Per passage shown, the headline of an earlier card that already quotes it (then pointed to, not
   * quoted again), or null (see passageReferences).
   */
  quotedAbove?: ReadonlyArray<string | null>;
}) {
  const headingId = useId();
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const evidence = finding.evidence.slice(0, MAX_EVIDENCE);
  const more = finding.evidence.length - evidence.length;
  const section = sectionPath(finding.section);
  const first = finding.evidence[0];
  // A wholly removed passage is only in the older version: there is nothing to find on today's page.
  const removedOnly = first !== undefined && first.spans.length > 0 && first.spans.every((s) => s.op === 'delete');
  const quote = first && !removedOnly ? first.sentence : null;
  return (
    <article className={`card finding sev-${finding.severity}`} aria-labelledby={headingId}>
      <div className="finding-meta">
        <SeverityBadge severity={finding.severity} />
        <span>
          {CATEGORY_LABEL[finding.category]} · {KIND_LABEL[finding.kind]}
        </span>
      </div>
      <Heading id={headingId}>{finding.headline}</Heading>
      {evidence.map((e, i) => {
        const above = quotedAbove?.[i] ?? null;
        return above !== null ? (
          <p className="evidence-ref" key={i}>
            {samePassageNote(above)}
          </p>
        ) : (
          <div key={i}>
            <blockquote className="evidence">
              <p>
                <SpanText spans={e.spans} fallback={e.sentence} />
              </p>
            </blockquote>
            {e.previous && e.spans.every((s) => s.op === 'insert') && (
              <p className="evidence-before small">
                <span className="muted">Before, the policy said: </span>“{e.previous}”
              </p>
            )}
          </div>
        );
      })}
      {more > 0 && <p className="muted small">and {more} more passage{more === 1 ? '' : 's'} like this</p>}
      {(section || (onShowOnPage && quote !== null)) && (
        <div className="card-footer">
          {section ? <p className="section-path">Section: {section}</p> : <span />}
          {onShowOnPage && quote !== null && (
            <button type="button" className="small-button" onClick={() => onShowOnPage(quote)}>
              Show on page
            </button>
          )}
        </div>
      )}
    </article>
  );
}
