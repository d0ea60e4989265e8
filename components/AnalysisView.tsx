import type { ChangeAnalysis } from '@/lib/schema';
import { FindingCard } from './FindingCard';

/** True when the change has something worth a reader's attention (not only formatting or rewording). */
export function hasReviewableChange(analysis: ChangeAnalysis): boolean {
  const { major, minor, goodNews } = analysis.counts;
  return major + minor + goodNews > 0 || analysis.findings.some((f) => f.severity !== 'cosmetic');
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
        {findings.map((f) => (
          <li key={f.id}>
            <FindingCard finding={f} headingLevel={headingLevel} onShowOnPage={onShowOnPage} />
          </li>
        ))}
      </ul>
    </div>
  );
}
