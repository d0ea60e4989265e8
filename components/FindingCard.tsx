import { useId } from 'react';
import type { Finding } from '@/lib/core/schema';
import { policyTextAttributes, sectionPath } from './format';
import { useWords } from './words';
import { SpanText } from './SpanText';
import { WordsAround } from './WordsAround';

/** Passages quoted per card; the rest are counted. */
export const MAX_EVIDENCE = 3;

export function SeverityBadge({ severity }: { severity: Finding['severity'] }) {
  const words = useWords();
  return <span className={`badge badge-${severity}`}>{words.severity(severity)}</span>;
}

/** One finding: severity in words and colour, headline, quoted evidence with the edit marked, section. */
export function FindingCard({
  finding,
  language,
  headingLevel = 3,
  onShowOnPage,
  quotedAbove,
  policyNameIds,
}: {
  finding: Finding;
  /** The language of the policy text it quotes (PolicyDocument.language). */
  language: string;
  headingLevel?: 3 | 4;
  /** Called with the sentence to find on the policy page; no button when absent. */
  onShowOnPage?: (quote: string) => void;
  /**
   * Per passage shown, the headline of an earlier card that already quotes it (then pointed to, not
   * quoted again), or null (see passageReferences).
   */
  quotedAbove?: ReadonlyArray<string | null>;
  /**
   * The ids (space-separated) of the elements that name the policy, where a page shows more than one (the
   * popup, a privacy policy and a cookie policy): the "Show on page" button's name ends with them, as two
   * policies can each have a finding of the same headline and section.
   */
  policyNameIds?: string;
}) {
  const headingId = useId();
  const sectionId = useId();
  const buttonId = useId();
  const words = useWords();
  const { ui } = words;
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const evidence = finding.evidence.slice(0, MAX_EVIDENCE);
  const more = finding.evidence.length - evidence.length;
  const section = sectionPath(finding.section);
  const first = finding.evidence[0];
  // A wholly removed passage is only in the older version: there is nothing to find on today's page.
  const removedOnly = first !== undefined && first.spans.length > 0 && first.spans.every((s) => s.op === 'delete');
  const quote = first && !removedOnly ? first.sentence : null;
  const quoted = policyTextAttributes(language);
  return (
    <article className={`card finding sev-${finding.severity}`} aria-labelledby={headingId}>
      <div className="finding-meta">
        <SeverityBadge severity={finding.severity} />
        <span>
          {words.category(finding.category)} · {words.kind(finding.kind)}
        </span>
      </div>
      <Heading id={headingId}>{words.headline(finding)}</Heading>
      {evidence.map((e, i) => {
        const above = quotedAbove?.[i] ?? null;
        return above !== null ? (
          <p className="evidence-ref" key={i}>
            {words.samePassage(above)}
          </p>
        ) : (
          <div key={i}>
            <blockquote className="evidence" {...quoted}>
              <p>
                <SpanText spans={e.spans} fallback={e.sentence} />
              </p>
            </blockquote>
            {e.previous && e.spans.every((s) => s.op === 'insert') && (
              <p className="evidence-before small">
                <span className="muted">{e.previousKept ? ui.analysis.beforeKept : ui.analysis.before} </span>
                <span {...quoted}>{ui.common.quote(e.previous)}</span>
              </p>
            )}
          </div>
        );
      })}
      {more > 0 && <p className="muted small">{ui.analysis.morePassages(more)}</p>}
      {(section || (onShowOnPage && quote !== null)) && (
        <div className="card-footer">
          {section ? (
            <p className="section-path" id={sectionId}>
              <WordsAround words={ui.analysis.section} policyText={section} language={language} />
            </p>
          ) : (
            <span />
          )}
          {onShowOnPage && quote !== null && (
            // Every card has one: named by its own words alone, a screen reader's list of buttons reads "Show on
            // page" once per card with nothing to tell them apart. Its name adds the card's headline and section
            // (a finding is one per category, kind and section), and the policy's where the page shows more than
            // one, after the words shown, which a voice command says.
            <button
              type="button"
              className="small-button"
              id={buttonId}
              aria-labelledby={[buttonId, headingId, ...(section ? [sectionId] : []), ...(policyNameIds ? [policyNameIds] : [])].join(' ')}
              onClick={() => onShowOnPage(quote)}
            >
              {ui.analysis.showOnPage}
            </button>
          )}
        </div>
      )}
    </article>
  );
}
