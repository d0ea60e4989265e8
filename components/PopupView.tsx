import { useId, useState } from 'react';
import type { PolicyView, TabState } from '@/lib/views';
import { hasReviewableChange } from '@/lib/review';
import { AnalysisView } from './AnalysisView';
import { StatementsCard } from './StatementsCard';
import { formatDate, formatDay, formatStatedDate, formatWhen, plural } from './format';
import { useWords } from './words';
import { digestOf } from '@/lib/schema';

export interface PopupActions {
  onShowOnPage: (policy: PolicyView, quote: string) => void;
  onMarkReviewed: (versionId: string) => void;
  onWatch: (policyUrl: string) => void;
  onUnwatch: (site: string) => void;
  onOpenHistory: () => void;
  onOpenOptions: () => void;
}

/** Privacy policy first, then cookie and other related policies. */
export function sortPolicies(policies: readonly PolicyView[]): PolicyView[] {
  const rank = (p: PolicyView) => (p.kind === 'privacy-policy' ? 0 : 1);
  return [...policies].sort((a, b) => rank(a) - rank(b));
}

export function stateLine(state: TabState): string {
  const site = state.site ?? 'this page';
  const primary = sortPolicies(state.policies)[0];
  if (!primary) return `No privacy policy seen on ${site} yet`;
  const analysis = primary.latest.analysis;
  if (analysis && hasReviewableChange(analysis)) return `Changed ${formatWhen(primary.latest.firstSeen)}`;
  const since = formatDay(primary.firstSeen);
  const versions = plural(primary.versionCount, 'version');
  return state.watched ? `Watching since ${since} · ${versions}` : `First seen ${since} · ${versions}`;
}

function PolicySection({
  policy,
  showKindHeading,
  actions,
  historyHref,
  busy,
}: {
  policy: PolicyView;
  showKindHeading: boolean;
  actions: PopupActions;
  historyHref: string;
  busy: boolean;
}) {
  const headingId = useId();
  const words = useWords();
  const [showReviewed, setShowReviewed] = useState(false);
  const { latest } = policy;
  const analysis = latest.analysis;
  const reviewable = analysis !== null && hasReviewableChange(analysis);
  const kind = policy.kind === 'privacy-policy' ? 'Privacy policy' : 'Related policy';
  return (
    <section className="policy-section" aria-labelledby={headingId}>
      {showKindHeading && <p className="kind-label">{kind}</p>}
      <h2 id={headingId}>{policy.title || kind}</h2>
      <p className="muted small">
        {plural(policy.versionCount, 'version')} · latest version seen {formatDate(latest.firstSeen)}
        {latest.statedDate ? ` · says it was updated ${formatStatedDate(latest.statedDate)}` : ''}
        {reviewable && latest.reviewed ? ' · reviewed' : ''}
      </p>
      {analysis && reviewable && latest.reviewed && !showReviewed ? (
        // Reviewed changes step back so the popup stays calm; they are one click away.
        <div>
          <p className="summary">{words.summary(digestOf(analysis))}</p>
          <button type="button" onClick={() => setShowReviewed(true)}>
            Show the reviewed changes
          </button>
        </div>
      ) : analysis ? (
        <AnalysisView analysis={analysis} onShowOnPage={(quote) => actions.onShowOnPage(policy, quote)} />
      ) : (
        <StatementsCard statements={policy.statements} />
      )}
      <div className="actions section-footer">
        {reviewable && !latest.reviewed && (
          <button type="button" className="primary" disabled={busy} onClick={() => actions.onMarkReviewed(latest.versionId)}>
            Mark as reviewed
          </button>
        )}
        <a
          href={historyHref}
          className="button"
          onClick={(e) => {
            e.preventDefault();
            actions.onOpenHistory();
          }}
        >
          History
        </a>
      </div>
    </section>
  );
}

/** Everything the popup shows about the site of the current tab. */
export function PopupView({
  state,
  actions,
  historyHref,
  busy = false,
  status = '',
}: {
  state: TabState;
  actions: PopupActions;
  historyHref: string;
  busy?: boolean;
  /** The outcome of the last action, announced politely. */
  status?: string;
}) {
  const policies = sortPolicies(state.policies);
  const primary = policies[0];
  return (
    <>
      <header className="site-header">
        <h1>
          Clausewatch
          {state.site && <span className="site-name"> · {state.site}</span>}
        </h1>
        {state.site && <p className="muted">{stateLine(state)}</p>}
      </header>
      <main>
        {state.storageProblem && (
          <p className="alert" role="alert">
            {state.storageProblem}
          </p>
        )}
        {!state.site && (
          <p>
            Clausewatch only looks at ordinary web pages (http and https). Open a website to see what its privacy
            policy says and what changed.
          </p>
        )}
        {state.site && state.watchJoined && (
          <div className="card watch-row">
            <p className="small">
              Clausewatch now also checks this policy in the background, about once a day and without cookies, and
              tells you when it changes.
            </p>
            <button type="button" disabled={busy} onClick={() => actions.onUnwatch(state.site!)}>
              Stop watching
            </button>
          </div>
        )}
        {primary && !state.watched && (
          <div className="card watch-row">
            <p className="small">Not watched: Clausewatch only checks this policy when you visit it.</p>
            <button type="button" className="primary" disabled={busy} onClick={() => actions.onWatch(primary.url)}>
              Watch this site
            </button>
          </div>
        )}
        {state.site && !primary && (
          <p className="muted">
            Open the site’s privacy policy page once and Clausewatch will remember it, or add the site on the
            settings page.
          </p>
        )}
        {policies.map((p) => (
          <PolicySection
            key={p.policyId}
            policy={p}
            showKindHeading={policies.length > 1}
            actions={actions}
            historyHref={historyHref}
            busy={busy}
          />
        ))}
        <p className="status-line" role="status" aria-live="polite">
          {status}
        </p>
      </main>
      <footer className="popup-footer">
        <button type="button" onClick={actions.onOpenOptions}>
          Settings and watched sites
        </button>
      </footer>
    </>
  );
}
