import { hasReviewableChange } from '@/lib/core/review';
import type { ChangeAnalysis } from '@/lib/core/schema';
import { FindingCard, MAX_EVIDENCE } from './FindingCard';
import { nothingToReview, passageReferences } from './format';
import { useWords } from './words';
import { digestOf } from '@/lib/core/schema';

/** The summary line and one card per finding, in the order the engine gives (major first). */
export function AnalysisView({
  analysis,
  language,
  headingLevel = 3,
  onShowOnPage,
  policyNameIds,
}: {
  analysis: ChangeAnalysis;
  /** The language of the policy text the cards quote (PolicyDocument.language). */
  language: string;
  headingLevel?: 3 | 4;
  onShowOnPage?: (quote: string) => void;
  /** The ids of the elements that name the policy, where a page shows more than one (see FindingCard). */
  policyNameIds?: string;
}) {
  const words = useWords();
  const findings = analysis.findings.filter((f) => f.severity !== 'cosmetic');
  const references = passageReferences(findings, MAX_EVIDENCE, (f) => words.headline(f));
  if (!hasReviewableChange(analysis)) {
    // Past the size cap the rest of the text was never read: "nothing to review" alone would hide that.
    if (analysis.truncated) {
      return (
        <div>
          <p className="note">{nothingToReview(words.ui, analysis)}</p>
          <p className="note">{words.ui.analysis.truncated}</p>
        </div>
      );
    }
    return <p className="note">{nothingToReview(words.ui, analysis)}</p>;
  }
  return (
    <div>
      <p className="summary">{words.summary(digestOf(analysis))}</p>
      {analysis.truncated && <p className="muted small">{words.ui.analysis.truncated}</p>}
      <ul className="cards">
        {findings.map((f, i) => (
          <li key={f.id}>
            <FindingCard finding={f} language={language} headingLevel={headingLevel} onShowOnPage={onShowOnPage} quotedAbove={references[i]} policyNameIds={policyNameIds} />
          </li>
        ))}
      </ul>
    </div>
  );
}
