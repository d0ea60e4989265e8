import { useCallback, useEffect, useRef, useState } from 'react';
import { sendMessage } from '@/utils/send';
import { quoteParts } from '@/lib/core/page/locate';
import { receiveText } from '../transfer';
import type { ChainView, Comparison } from '@/lib/extension/views';
import { downloadText } from '@/components/download';
import { HistoryTimeline } from '@/components/HistoryTimeline';
import { defaultSelection, focusGone, orderedPair, type Selection } from '@/components/history-selection';
import { ComparisonView, type CompareMode } from '@/components/ComparisonView';
import { LoadState, useLoader, type Loaded } from '@/components/loader';
import { markdownSummary } from '@/components/markdown-summary';
import { errorMessage, showOnPageText } from '@/components/format';
import { useWords } from '@/components/words';

const params = new URLSearchParams(location.search);
const site = params.get('site') ?? '';
/** A link to `?site=S&version=V` shows that version against the one before it (notifications open `?site=S`). */
const focusVersion = params.get('version');

export function App() {
  const load = useCallback(() => sendMessage('getHistory', { site }), []);
  const words = useWords();
  const { ui } = words;
  useEffect(() => {
    document.title = site ? ui.history.documentTitle(site) : `${ui.history.title} · Clausewatch`;
  }, [ui]);
  const [history, reloadHistory] = useLoader(load, { whenShown: true });
  const [picked, setPicked] = useState<Selection | null>(null);
  const [mode, setMode] = useState<CompareMode>('inline');
  const [compared, setCompared] = useState<{ key: string; result: Loaded<Comparison> } | null>(null);
  // Asking for the same comparison again ("Try again"): a new round, and "Loading…" until its answer.
  const [compareRound, setCompareRound] = useState(0);
  // The outcome of the last action on the comparison (a copy, "Show on page"), for the pair it was done on.
  const [outcome, setOutcome] = useState<{ key: string; text: string } | null>(null);
  const [chains, setChains] = useState<Loaded<ChainView[]>>({ status: 'loading' });
  const [exporting, setExporting] = useState(false);
  const [exportMessage, setExportMessage] = useState('');

  // Verifying reads every kept page of the site: loaded after the timeline, so the timeline never waits.
  const versionCount = history.status === 'ready' ? history.value.policies.reduce((n, p) => n + p.versions.length, 0) : -1;
  useEffect(() => {
    if (versionCount < 0) return;
    let live = true;
    sendMessage('verifySite', { site }).then(
      (value) => live && setChains({ status: 'ready', value, at: Date.now() }),
      (err: unknown) => live && setChains({ status: 'error', error: err }),
    );
    return () => {
      live = false;
    };
  }, [versionCount]);

  const onExportEvidence = async () => {
    setExporting(true);
    setExportMessage(ui.history.exporting);
    try {
      const r = await sendMessage('exportEvidence', { site });
      downloadText(await receiveText(r.transfer), r.filename, 'application/warc');
      setExportMessage(ui.common.exported(r.filename, r.records));
    } catch (err) {
      setExportMessage(ui.common.exportFailed(errorMessage(err, ui)));
    } finally {
      setExporting(false);
    }
  };
  const chainOf = (policyId: string): ChainView | null | undefined =>
    chains.status === 'ready' ? chains.value.find((c) => c.policyId === policyId) : chains.status === 'loading' ? null : undefined;

  const view = history.status === 'ready' ? history.value : null;
  const selection = picked ?? (view ? defaultSelection(view, focusVersion) : null);
  const pair = view ? orderedPair(view, selection) : null;
  const key = pair ? `${pair.olderId}|${pair.newerId}` : '';
  // Until the reader picks, the latest change stands in for a linked version no longer stored: said first.
  const linkedGone = view !== null && picked === null && focusGone(view, focusVersion);

  // Requests are numbered: an answer is shown while its pair is the one shown, unless a later request's
  // answer is shown already. "Try again" abandons nothing: a busy background's late answer is still shown.
  const shownPair = useRef('');
  const sentCompare = useRef(0);
  const shownCompare = useRef(0);
  useEffect(() => {
    shownPair.current = key;
    if (!pair) return;
    const request = ++sentCompare.current;
    const done = (result: Loaded<Comparison>) => {
      if (shownPair.current !== key || request < shownCompare.current) return;
      shownCompare.current = request;
      setCompared({ key, result });
    };
    sendMessage('compareVersions', pair).then(
      (value) => done({ status: 'ready', value, at: Date.now() }),
      (err: unknown) => done({ status: 'error', error: err }),
    );
    // `pair` is rebuilt every render; `key` names it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, compareRound]);
  useEffect(
    () => () => {
      shownPair.current = '';
    },
    [],
  );

  if (!site) {
    return (
      <main className="page">
        <h1>{ui.history.title}</h1>
        <p className="alert" role="alert">
          {ui.history.noSite}
        </p>
      </main>
    );
  }

  const toggle = (policyId: string, versionId: string) => {
    const current = selection && selection.policyId === policyId ? selection.ids : [];
    const ids = current.includes(versionId)
      ? current.filter((id) => id !== versionId)
      : [...current, versionId].slice(-2); // a third pick replaces the earliest pick
    setPicked({ policyId, ids });
  };

  const comparison = compared && compared.key === key ? compared.result : ({ status: 'loading' } as const);

  const copy = async (c: Comparison) => {
    try {
      await navigator.clipboard.writeText(markdownSummary(c, site, words));
      setOutcome({ key, text: ui.comparison.copied });
    } catch (err) {
      setOutcome({ key, text: ui.comparison.couldNotCopy(errorMessage(err, ui)) });
    }
  };

  // Said where a copy's outcome is: the newer version may no longer be the live page, and then the passage is
  // not found there.
  const showOnPage = async (c: Comparison, quote: string) => {
    try {
      const r = await sendMessage('showOnPage', { tabId: null, url: c.newer.document.url, ...quoteParts(quote) });
      setOutcome({ key, text: showOnPageText(ui, r) });
    } catch (err) {
      setOutcome({ key, text: ui.common.somethingWentWrong(errorMessage(err, ui)) });
    }
  };

  return (
    <main className="page">
      <h1>{ui.history.titleOf(site)}</h1>
      {linkedGone && (
        <p className="alert" role="alert">
          {ui.history.versionGone(pair !== null)}
        </p>
      )}
      {history.status !== 'ready' && <LoadState state={history} failed={(error) => ui.loadFailed.history(site, error)} onRetry={reloadHistory} />}
      {view && view.policies.length > 0 && (
        <div className="evidence-export">
          <p className="muted small">{ui.history.evidenceNote(site)}</p>
          <div className="actions">
            <button type="button" onClick={() => !exporting && void onExportEvidence()} aria-disabled={exporting}>
              {ui.common.exportEvidence}
            </button>
          </div>
          <p className="status-line" role="status" aria-live="polite">
            {exportMessage}
          </p>
        </div>
      )}
      {view && view.policies.length === 0 && <p>{ui.history.noPolicy(site)}</p>}
      {view && view.policies.length > 0 && (
        <div className="two-col">
          <div className="stack">
            {view.policies.map((p) => (
              <HistoryTimeline
                key={p.policyId}
                policy={p}
                selected={selection?.policyId === p.policyId ? selection.ids : []}
                onToggle={(versionId) => toggle(p.policyId, versionId)}
                chain={chainOf(p.policyId)}
                now={history.status === 'ready' ? history.at : 0}
              />
            ))}
          </div>
          <div>
            {!pair && (
              <p className="muted comparison">
                {view.policies.some((p) => p.versions.length > 1) ? ui.history.pickTwoOfOne : ui.history.onlyOne}
              </p>
            )}
            {pair && comparison.status !== 'ready' && (
              <div className="comparison">
                <LoadState
                  key={key}
                  state={comparison}
                  failed={ui.loadFailed.comparison}
                  onRetry={() => {
                    setCompared(null);
                    setCompareRound((r) => r + 1);
                  }}
                />
              </div>
            )}
            {pair && comparison.status === 'ready' && (
              <ComparisonView
                comparison={comparison.value}
                mode={mode}
                onModeChange={setMode}
                status={outcome?.key === key ? outcome.text : ''}
                onCopyMarkdown={() => void copy(comparison.value)}
                onShowOnPage={(quote) => void showOnPage(comparison.value, quote)}
              />
            )}
          </div>
        </div>
      )}
    </main>
  );
}
