import { useCallback, useState } from 'react';
import { browser } from 'wxt/browser';
import { sendMessage } from '@/utils/send';
import { quoteParts } from '@/lib/core/page/locate';
import type { PolicyView } from '@/lib/extension/views';
import { PopupView, type PopupActions } from '@/components/PopupView';
import { LoadState, useLoader } from '@/components/loader';
import { errorMessage, showOnPageText } from '@/components/format';
import { useWords } from '@/components/words';

/** The tab the popup is about: `?tabId=N` (tests, or the popup opened as a page), else the active tab. */
async function resolveTabId(noActiveTab: string): Promise<number> {
  const param = new URLSearchParams(location.search).get('tabId');
  if (param !== null && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id == null) throw new Error(noActiveTab);
  return tab.id;
}

export function App() {
  const { ui } = useWords();
  const load = useCallback(async () => sendMessage('getTabState', { tabId: await resolveTabId(ui.popup.noActiveTab) }), [ui]);
  const [state, reload] = useLoader(load);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');

  if (state.status !== 'ready') {
    return (
      <div className="popup-page">
        <h1>Clausewatch</h1>
        <LoadState state={state} failed={ui.loadFailed.tabPolicy} onRetry={reload} />
      </div>
    );
  }
  const tab = state.value;

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    try {
      setStatus(await work());
    } catch (err) {
      setStatus(ui.common.somethingWentWrong(errorMessage(err, ui)));
    } finally {
      setBusy(false);
    }
  };

  const actions: PopupActions = {
    onShowOnPage: (policy: PolicyView, quote: string) =>
      void run(async () => {
        const r = await sendMessage('showOnPage', { tabId: tab.tabId, url: policy.url, ...quoteParts(quote) });
        return showOnPageText(ui, r);
      }),
    onMarkReviewed: (versionId: string) =>
      void run(async () => {
        const r = await sendMessage('markReviewed', { versionId });
        // Refused when the version is no longer stored (pruned, or replaced by an import meanwhile): the
        // reload shows what is stored now.
        reload();
        return r.ok ? ui.popup.markedReviewed : ui.popup.couldNotMarkReviewed;
      }),
    onWatch: (policyUrl: string) =>
      void run(async () => {
        const r = await sendMessage('watchSite', { policyUrl });
        reload();
        return r.ok ? ui.popup.watching(r.site) : ui.popup.couldNotWatch;
      }),
    onDismissStorageProblem: () =>
      void run(async () => {
        await sendMessage('dismissStorageProblem', {});
        reload();
        return '';
      }),
    onUnwatch: (site: string) =>
      void run(async () => {
        await sendMessage('unwatchSite', { site });
        reload();
        return ui.popup.stoppedWatching(site);
      }),
    onOpenHistory: () => {
      if (tab.site) void browser.tabs.create({ url: historyUrl(tab.site) });
    },
    onOpenOptions: () => void browser.runtime.openOptionsPage(),
  };

  return (
    <div className="popup-page">
      <PopupView
        state={tab}
        now={state.at}
        actions={actions}
        historyHref={tab.site ? historyUrl(tab.site) : '#'}
        busy={busy}
        status={status}
      />
    </div>
  );
}

function historyUrl(site: string): string {
  return browser.runtime.getURL(`/site-history.html?site=${encodeURIComponent(site)}`);
}
