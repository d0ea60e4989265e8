import { useId } from 'react';
import type { ChainView, HistoryView } from '@/lib/extension/views';
import { safeHttpUrl, displayUrl, seenLabels } from './format';
import { useWords } from './words';
import { BreakableUrl } from './BreakableUrl';
import { RecordStatus, versionEvidence } from './RecordStatus';
import { newestFirst } from '@/lib/core/version-order';
import { hasReviewableChange } from '@/lib/core/review';

export type HistoryPolicy = HistoryView['policies'][number];

/** One policy's versions as a list, each with a checkbox to pick it for comparison. */
export function HistoryTimeline({
  policy,
  selected,
  onToggle,
  chain,
  now,
}: {
  /** When the history was read: relative dates ("today") are worded from it. */
  now: number;
  policy: HistoryPolicy;
  /** Version ids picked for comparison (at most two). */
  selected: readonly string[];
  onToggle: (versionId: string) => void;
  /** Whether the policy's record verifies: null while checking, undefined when it could not be checked. */
  chain?: ChainView | null;
}) {
  const headingId = useId();
  const words = useWords();
  const { ui, format } = words;
  const href = safeHttpUrl(policy.url);
  // Newest first, the order a reader scans a history in.
  const versions = newestFirst(policy.versions);
  const labels = seenLabels(versions, (v) => v.firstSeen, format, now);
  const kind = policy.kind === 'privacy-policy' ? ui.common.privacyPolicy : ui.common.relatedPolicy;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{policy.title || kind}</h2>
      <p className="muted small policy-address">
        {kind}
        {ui.common.separator}
        {href ? (
          <a href={href} target="_blank" rel="noreferrer noopener">
            <BreakableUrl text={displayUrl(policy.url)} />
          </a>
        ) : (
          <BreakableUrl text={displayUrl(policy.url)} />
        )}
        {ui.common.separator}
        {ui.common.versions(versions.length)}
      </p>
      <RecordStatus chain={chain} now={now} />
      {versions.length > 1 && <p className="small">{ui.history.pickTwo}</p>}
      <ol className="timeline" aria-label={ui.history.timelineLabel(policy.title || kind)}>
        {versions.map((v, i) => {
          const isSelected = selected.includes(v.versionId);
          const inputId = `${headingId}-${v.versionId}`;
          const isFirst = i === versions.length - 1;
          return (
            <li key={v.versionId} className={`card${isSelected ? ' selected' : ''}`}>
              {versions.length > 1 ? (
                <input
                  type="checkbox"
                  id={inputId}
                  checked={isSelected}
                  onChange={() => onToggle(v.versionId)}
                />
              ) : (
                <span />
              )}
              <label htmlFor={versions.length > 1 ? inputId : undefined}>
                {ui.history.seen(labels[i]!.when)}
                {labels[i]!.place !== null && `${ui.common.separator}${ui.history.versionNumber(labels[i]!.place!)}`}
                {v.statedDate && (
                  <span className="muted">
                    {ui.common.separator}
                    {ui.history.dated(format.statedDate(v.statedDate))}
                  </span>
                )}
              </label>
              <div className="version-details">
                {v.digest !== null ? (
                  // Nothing found in a comparison made only in part is not "no change" (as the popup says it).
                  <p>{v.digest.truncated && !hasReviewableChange(v.digest) ? ui.analysis.nothingFoundInPart : words.summary(v.digest)}</p>
                ) : isFirst ? (
                  <p>{ui.history.firstVersion}</p>
                ) : (
                  // A later version with no analysis (imported, its analysis failed, its text damaged): as the popup says.
                  <p>{ui.history.notCompared}</p>
                )}
                {/* As the comparison says of it: a change in the part compared roughly may be missing. */}
                {v.digest?.truncated && <p className="muted small">{ui.analysis.truncated}</p>}
                <span>
                  {v.major > 0 ? (
                    <>
                      <span className="badge badge-major">{ui.history.majorChanges(v.major)}</span>{' '}
                    </>
                  ) : null}
                  {/* Only a change the popup offers to mark as reviewed has a review to tell (not one of formatting). */}
                  {v.digest !== null && hasReviewableChange(v.digest) && (v.reviewed ? ui.history.reviewed : ui.history.notReviewed)}
                </span>
                {(chain?.versions.some((c) => c.versionId === v.versionId) || v.reextractedFrom !== null) && (
                  <p className="muted small version-evidence">
                    {versionEvidence(ui, chain?.versions.find((c) => c.versionId === v.versionId)?.raw, v.extractorVersion, v.reextractedFrom)}
                  </p>
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
