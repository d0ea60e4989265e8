import { useCallback, useEffect, useRef } from 'react';
import { sendMessage } from '@/utils/send';
import { LoadState, useLoader } from '@/components/loader';
import { AddSiteForm, HistoryTransfer, SettingsForm, StorageInfo, WatchTable } from '@/components/OptionsSections';
import { useWords } from '@/components/words';
import { StorageNotice } from '@/components/StorageNotice';
import { useOptionsActions } from './actions';

export function App() {
  const load = useCallback(() => sendMessage('getOptions', {}), []);
  const [options, reload] = useLoader(load, { whenShown: true });
  const { busySites, watchMessage, settingsBusy, settingsMessage, transferBusy, transferMessage, onCheckNow, onRemove, onWatchInstead, onFrequency, onSettings, onExport, onExportEvidence, onImport, onConfirmWatch } =
    useOptionsActions(reload);
  const { ui } = useWords();
  const w = ui.options;
  // "Remove" takes its own row (and the focused button) away: focus goes to the list's heading, not the page's top.
  const watchedHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = w.title;
  }, [w]);

  const view = options.status === 'ready' ? options.value : null;
  return (
    <main className="page options-page">
      <h1>{w.title}</h1>
      {!view && <LoadState state={options} failed={ui.loadFailed.settings} onRetry={reload} />}
      {view && (
        <>
          {view.storageProblem && <StorageNotice problem={view.storageProblem} onDismiss={() => void sendMessage('dismissStorageProblem', {}).then(reload, reload)} />}
          <section className="card options-section" aria-labelledby="watched-heading">
            <h2 id="watched-heading" ref={watchedHeading} tabIndex={-1}>
              {w.watchedSites}
            </h2>
            <WatchTable
              watches={view.watches}
              now={options.status === 'ready' ? options.at : 0}
              busySites={busySites}
              onCheckNow={(site) => void onCheckNow(site)}
              onRemove={(site) => void onRemove(site).then(() => watchedHeading.current?.focus())}
              onFrequency={(site, hours) => void onFrequency(site, hours)}
              onWatchInstead={(site, url) => void onWatchInstead(site, url)}
            />
            <p className="status-line" role="status" aria-live="polite">
              {watchMessage}
            </p>
          </section>
          <section className="card options-section" aria-labelledby="add-heading">
            <h2 id="add-heading">{w.addSite}</h2>
            <AddSiteForm
              onDiscover={(input) => sendMessage('discoverPolicy', { input })}
              onConfirm={onConfirmWatch}
            />
          </section>
          <section className="card options-section" aria-labelledby="settings-heading">
            <h2 id="settings-heading">{w.checksAndNotifications}</h2>
            <SettingsForm settings={view.settings} disabled={settingsBusy} onChange={(p) => void onSettings(p)} />
            <p className="status-line" role="status" aria-live="polite">
              {settingsMessage}
            </p>
          </section>
          <section className="card options-section" aria-labelledby="history-heading">
            <h2 id="history-heading">{w.history}</h2>
            <HistoryTransfer
              onExport={() => void onExport()}
              onImport={(file) => void onImport(file)}
              onExportEvidence={() => void onExportEvidence()}
              message={transferMessage}
              busy={transferBusy}
            />
          </section>
          <section className="card options-section" aria-labelledby="storage-heading">
            <h2 id="storage-heading">{w.storage}</h2>
            <StorageInfo view={view} />
          </section>
        </>
      )}
    </main>
  );
}
