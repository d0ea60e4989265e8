import { hasReviewableChange } from '@/lib/review';
import type { ChangeAnalysis, Finding } from '@/lib/schema';
import { FindingCard, MAX_EVIDENCE } from './FindingCard';


/**
 * The passages the cards before card `index` quote, each with the headline of the first card that quotes
 * it. One sentence can carry two findings (new sharing with advertisers, and new targeted advertising):
 * the second card then points to the first instead of quoting the same passage again.
 */
function quotedBefore(findings: Finding[], index: number): Map<string, string> {
  const quoted = new Map<string, string>();
  for (const f of findings.slice(0, index)) {
    for (const e of f.evidence.slice(0, MAX_EVIDENCE)) if (!quoted.has(e.sentence)) quoted.set(e.sentence, f.headline);
  }
  return quoted;
}

/** The summary line and one card per finding, in the order the engine gives (major first). */
export function AnalysisView({
  analysis,
  headingLevel = 3,
  onShowOnPage,
}: {
  analysis: ChangeAnalysis;
  headingLevel?: 3 | 4;
  onShowOnPage?: (quote: string) => void;
}) {
  const findings = analysis.findings.filter((f) => f.severity !== 'cosmetic');
  if (!hasReviewableChange(analysis)) {
    return <p className="note">Only formatting or wording changed — nothing to review.</p>;
  }
  return (
    <div>
      <p className="summary">{analysis.summary}</p>
      {analysis.truncated && (
        <p className="muted small">This policy is very long, so part of the comparison was simplified.</p>
      )}
      <ul className="cards">
        {findings.map((f, i) => (
          <li key={f.id}>
            <FindingCard finding={f} headingLevel={headingLevel} onShowOnPage={onShowOnPage} quotedAbove={quotedBefore(findings, i)} />
          </li>
        ))}
      </ul>
    </div>
  );
}
