import { useEffect, useId, useRef, useState } from 'react';
import type { PolicyView, TabState } from '@/lib/extension/views';
import { hasReviewableChange } from '@/lib/core/review';
import { AnalysisView } from './AnalysisView';
import { displayUrl, quotesLanguage } from './format';
import { StorageNotice } from './StorageNotice';
import { StatementsCard } from './StatementsCard';
import { useWords } from './words';
import type { Explainer } from '@/lib/core/explain';
import { digestOf } from '@/lib/core/schema';

export interface PopupActions {
  onShowOnPage: (policy: PolicyView, quote: string) => void;
  onMarkReviewed: (versionId: string) => void;
  onWatch: (policyUrl: string) => void;
  onUnwatch: (site: string) => void;
  onOpenHistory: () => void;
  onOpenOptions: () => void;
  /** Closes the notice of what was removed to make room. */
  onDismissStorageProblem: () => void;
}

/** Privacy policy first, then cookie and other related policies. */
export function sortPolicies(policies: readonly PolicyView[]): PolicyView[] {
  const rank = (p: PolicyView) => (p.kind === 'privacy-policy' ? 0 : 1);
  return [...policies].sort((a, b) => rank(a) - rank(b));
}

/**
 * What the popup says of a watched site's background checks when they are not running as they should:
 * paused in the settings, or failing (the options page lists every site; the popup is where a user looks).
 */
function ChecksNotice({ checks }: { checks: NonNullable<TabState['checks']> }) {
  const { ui } = useWords();
  if (checks.paused) return <p className="muted small">{ui.popup.checksPaused}</p>;
  if (!checks.failed) return null;
  return <p className="small status-failed">{ui.popup.checkFailed(checks.failed.attempts)}</p>;
}

/** `now`: when the state was read, what "today" means. */
export function stateLine(state: TabState, { ui, format }: Explainer, now: number): string {
  const primary = sortPolicies(state.policies)[0];
  if (!primary) return ui.popup.noPolicySeen(state.site);
  const analysis = primary.latest.analysis;
  if (analysis && hasReviewableChange(analysis)) return ui.popup.changed(format.when(primary.latest.firstSeen, now));
  // A watch is dated from when the site went on the watch list; the policy may have been seen long before.
  if (state.watched && state.watchedSince !== null) return ui.popup.watchingSince(format.day(state.watchedSince), primary.versionCount);
  return ui.popup.firstSeen(format.day(primary.firstSeen), primary.versionCount);
}

function PolicySection({
  policy,
  showKindHeading,
  nameByAddress,
  actions,
  historyHref,
  busy,
  now,
}: {
  policy: PolicyView;
  showKindHeading: boolean;
  /** Another policy shown has the same kind and title: the heading also says this one's address, to the ear. */
  nameByAddress: boolean;
  actions: PopupActions;
  historyHref: string;
  busy: boolean;
  now: number;
}) {
  const headingId = useId();
  // A finding's "Show on page" names its policy by kind and title (two policies of a site can share a title),
  // or by its heading alone, which is the kind when the policy has no title; where two shown policies have
  // one kind and title, the heading adds the address. With one policy shown, no name.
  const kindId = useId();
  const policyNameIds = showKindHeading ? (policy.title ? `${kindId} ${headingId}` : headingId) : undefined;
  const words = useWords();
  const { ui, format } = words;
  const [showReviewed, setShowReviewed] = useState(false);
  const { latest } = policy;
  // A button that removes itself ("Show the reviewed changes", "Mark as reviewed" once the change is
  // reviewed) would drop keyboard focus to the page; it goes to the policy's heading instead.
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusPending = useRef(false);
  useEffect(() => {
    if (focusPending.current && (showReviewed || latest.reviewed)) {
      focusPending.current = false;
      headingRef.current?.focus();
    }
  }, [showReviewed, latest.reviewed]);
  const analysis = latest.analysis;
  const reviewable = analysis !== null && hasReviewableChange(analysis);
  const kind = policy.kind === 'privacy-policy' ? ui.common.privacyPolicy : ui.common.relatedPolicy;
  const facts = [
    ui.common.versions(policy.versionCount),
    ui.popup.latestSeen(format.when(latest.firstSeen, now)),
    latest.statedDate ? ui.popup.statedUpdate(format.statedDate(latest.statedDate)) : '',
    reviewable && latest.reviewed ? ui.popup.reviewed : '',
  ];
  return (
    <section className="policy-section" aria-labelledby={headingId}>
      {showKindHeading && (
        <p className="kind-label" id={kindId}>
          {kind}
        </p>
      )}
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {policy.title || kind}
        {nameByAddress && <span className="visually-hidden"> ({displayUrl(policy.url)})</span>}
      </h2>
      <p className="muted small">{facts.filter(Boolean).join(ui.common.separator)}</p>
      {analysis && reviewable && latest.reviewed && !showReviewed ? (
        // Reviewed changes step back so the popup stays calm; they are one click away.
        <div>
          <p className="summary">{words.summary(digestOf(analysis))}</p>
          <button
            type="button"
            onClick={() => {
              focusPending.current = true;
              setShowReviewed(true);
            }}
          >
            {ui.popup.showReviewed}
          </button>
        </div>
      ) : analysis ? (
        <AnalysisView analysis={analysis} language={quotesLanguage(policy.olderLanguage, policy.language)} onShowOnPage={(quote) => actions.onShowOnPage(policy, quote)} policyNameIds={policyNameIds} />
      ) : (
        <StatementsCard statements={policy.statements} language={policy.language} first={policy.versionCount <= 1} />
      )}
      <div className="actions section-footer">
        {reviewable && !latest.reviewed && (
          <button
            type="button"
            className="primary"
            aria-disabled={busy}
            onClick={() => {
              if (busy) return;
              focusPending.current = true;
              actions.onMarkReviewed(latest.versionId);
            }}
          >
            {ui.popup.markReviewed}
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
          {ui.popup.history}
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
  now,
}: {
  state: TabState;
  /** When the state was read: relative dates ("today") are worded from it. */
  now: number;
  actions: PopupActions;
  historyHref: string;
  busy?: boolean;
  /** The outcome of the last action, announced politely. */
  status?: string;
}) {
  const words = useWords();
  const { ui } = words;
  const policies = sortPolicies(state.policies);
  const primary = policies[0];
  // "Stop watching" and "Watch this site" take their card (and the focused button) away once the background
  // answers: focus goes to the card that replaces it ("Watch this site" after "Stop watching"), else to the
  // policy's heading, not to the page's top. Moved once the watch has changed and the buttons are enabled again.
  const mainRef = useRef<HTMLElement>(null);
  const watchClicked = useRef<{ watched: boolean; watchJoined: boolean } | null>(null);
  useEffect(() => {
    const before = watchClicked.current;
    if (!before || busy || (before.watched === state.watched && before.watchJoined === state.watchJoined)) return;
    watchClicked.current = null;
    const main = mainRef.current;
    const target = main?.querySelector<HTMLElement>('.watch-row button') ?? main?.querySelector<HTMLElement>('.policy-section h2');
    target?.focus();
  }, [state.watched, state.watchJoined, busy]);
  const watchClick = () => {
    watchClicked.current = { watched: state.watched, watchJoined: state.watchJoined };
  };
  return (
    <>
      <header className="site-header">
        <h1>
          Clausewatch
          {state.site && <span className="site-name"> · {state.site}</span>}
        </h1>
        {state.site && <p className="muted">{stateLine(state, words, now)}</p>}
      </header>
      <main ref={mainRef}>
        {state.storageProblem && <StorageNotice problem={state.storageProblem} onDismiss={actions.onDismissStorageProblem} />}
        {!state.site && <p>{ui.popup.notAWebPage}</p>}
        {state.site && state.watchJoined && (
          <div className="card watch-row">
            <p className="small">{state.checks?.paused ? ui.popup.watchJoinedPaused : ui.popup.watchJoined}</p>
            <button
              type="button"
              aria-disabled={busy}
              onClick={() => {
                if (busy) return;
                watchClick();
                actions.onUnwatch(state.site!);
              }}
            >
              {ui.popup.stopWatching}
            </button>
          </div>
        )}
        {state.watched && !state.watchJoined && state.checks && <ChecksNotice checks={state.checks} />}
        {primary && !state.watched && (
          <div className="card watch-row">
            <p className="small">{ui.popup.notWatched}</p>
            <button
              type="button"
              className="primary"
              aria-disabled={busy}
              onClick={() => {
                if (busy) return;
                watchClick();
                actions.onWatch(primary.url);
              }}
            >
              {ui.popup.watchSite}
            </button>
          </div>
        )}
        {state.site && !primary && <p className="muted">{ui.popup.noPolicyHint}</p>}
        {policies.map((p) => (
          <PolicySection
            key={p.policyId}
            policy={p}
            showKindHeading={policies.length > 1}
            nameByAddress={policies.some((q) => q !== p && q.kind === p.kind && q.title === p.title)}
            actions={actions}
            historyHref={historyHref}
            busy={busy}
            now={now}
          />
        ))}
        <p className="status-line" role="status" aria-live="polite">
          {status}
        </p>
      </main>
      <footer className="popup-footer">
        <button type="button" onClick={actions.onOpenOptions}>
          {ui.popup.settings}
        </button>
      </footer>
    </>
  );
}
