import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { sendMessage } from '@/utils/send';
import type { Settings } from '@/lib/views';
import { LoadState, useLoader } from '@/components/loader';
import { AddSiteForm, HistoryTransfer, SettingsForm, StorageInfo, WatchTable } from '@/components/OptionsSections';
import { errorMessage } from '@/components/format';
import { downloadText } from '@/components/download';
import { useWords } from '@/components/words';
import type { CheckStatus } from '@/lib/explain';

const CHECK_STATUSES: readonly string[] = ['unchanged', 'changed', 'first', 'failed'] satisfies CheckStatus[];
const isCheckStatus = (s: string): s is CheckStatus => CHECK_STATUSES.includes(s);

function todayStamp(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function App() {
  const load = useCallback(() => sendMessage('getOptions', {}), []);
  const [options, reload] = useLoader(load);
  const [busySite, setBusySite] = useState<string | null>(null);
  const [watchMessage, setWatchMessage] = useState('');
  const [settingsBusy, setSettingsBusy] = useState(false);
  const [settingsMessage, setSettingsMessage] = useState('');
  const [transferBusy, setTransferBusy] = useState(false);
  const [transferMessage, setTransferMessage] = useState('');
  const { ui } = useWords();
  const w = ui.options;
  useEffect(() => {
    document.title = w.title;
  }, [w]);

  const onCheckNow = async (site: string) => {
    setBusySite(site);
    try {
      const r = await sendMessage('checkNow', { site });
      // A status the words do not know (a newer background) is shown as its code rather than hidden.
      setWatchMessage(isCheckStatus(r.status) ? w.checkResult(site, r.status, r.reason) : `${site}: ${r.status}${r.reason ? ` (${r.reason})` : ''}`);
    } catch (err) {
      setWatchMessage(w.checkFailed(site, errorMessage(err)));
    } finally {
      setBusySite(null);
      reload();
    }
  };

  const onRemove = async (site: string) => {
    try {
      await sendMessage('unwatchSite', { site });
      setWatchMessage(w.stoppedWatching(site));
    } catch (err) {
      setWatchMessage(w.couldNotRemove(site, errorMessage(err)));
    }
    reload();
  };

  const onWatchInstead = async (site: string, url: string) => {
    try {
      const r = await sendMessage('watchSite', { policyUrl: url });
      // Another site gets its own entry; the old one would only keep failing.
      if (r.site !== site) await sendMessage('unwatchSite', { site });
      setWatchMessage(w.nowWatching(url));
    } catch (err) {
      setWatchMessage(w.couldNotWatch(url, errorMessage(err)));
    }
    reload();
  };

  const onFrequency = async (site: string, frequencyHours: number) => {
    try {
      await sendMessage('setWatchFrequency', { site, frequencyHours });
    } catch (err) {
      setWatchMessage(w.couldNotSetFrequency(site, errorMessage(err)));
    }
    reload();
  };

  const onSettings = async (patch: Partial<Settings>) => {
    setSettingsBusy(true);
    try {
      if (patch.notifications) {
        // Asked before any other await: the browser grants permissions only during the user's click.
        const granted = await browser.permissions.request({ permissions: ['notifications'] });
        if (!granted) {
          setSettingsMessage(w.notificationsDenied);
          return;
        }
      }
      await sendMessage('setSettings', patch);
      setSettingsMessage(w.saved);
    } catch (err) {
      setSettingsMessage(w.couldNotSave(errorMessage(err)));
    } finally {
      setSettingsBusy(false);
      reload();
    }
  };

  const onExport = async () => {
    setTransferBusy(true);
    try {
      const { json } = await sendMessage('exportHistory', {});
      downloadText(json, `clausewatch-history-${todayStamp()}.json`, 'application/json');
      setTransferMessage(w.historyExported);
    } catch (err) {
      setTransferMessage(ui.common.exportFailed(errorMessage(err)));
    } finally {
      setTransferBusy(false);
    }
  };

  const onExportEvidence = async () => {
    setTransferBusy(true);
    setTransferMessage(w.exportingEvidence);
    try {
      const r = await sendMessage('exportEvidence', { site: null });
      downloadText(r.warc, r.filename, 'application/warc');
      setTransferMessage(ui.common.exported(r.filename, r.records));
    } catch (err) {
      setTransferMessage(ui.common.exportFailed(errorMessage(err)));
    } finally {
      setTransferBusy(false);
    }
  };

  const onImport = async (file: File) => {
    setTransferBusy(true);
    setTransferMessage(w.importing(file.name));
    try {
      const r = await sendMessage('importHistory', { json: await file.text() });
      const o = r.outcome;
      setTransferMessage(o.kind === 'imported' ? w.imported(o.added, o.skipped) : w.importFailed(o.kind === 'not-json' ? w.notJson : o.kind === 'full' ? w.importFull : r.message));
    } catch (err) {
      setTransferMessage(w.importFailed(errorMessage(err)));
    } finally {
      setTransferBusy(false);
      reload();
    }
  };

  const view = options.status === 'ready' ? options.value : null;
  return (
    <main className="page options-page">
      <h1>{w.title}</h1>
      {!view && <LoadState state={options} failed={ui.loadFailed.settings} />}
      {view && (
        <>
          {view.storageProblem && (
            <p className="alert" role="alert">
              {view.storageProblem.kind === 'pruned' ? ui.storage.pruned(view.storageProblem.removedRaw, view.storageProblem.removedVersions) : ui.storage.saveFailed(view.storageProblem.detail)}
            </p>
          )}
          <section className="card options-section" aria-labelledby="watched-heading">
            <h2 id="watched-heading">{w.watchedSites}</h2>
            <WatchTable
              watches={view.watches}
              busySite={busySite}
              onCheckNow={(site) => void onCheckNow(site)}
              onRemove={(site) => void onRemove(site)}
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
              onConfirm={async (policyUrl) => {
                const r = await sendMessage('watchSite', { policyUrl });
                reload();
                return r.ok ? w.nowWatching(r.site) : w.couldNotWatch(r.site, null);
              }}
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
