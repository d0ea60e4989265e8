import { useCallback, useState } from 'react';
import { browser } from 'wxt/browser';
import { sendMessage } from '@/utils/send';
import type { Settings } from '@/lib/views';
import { LoadState, useLoader } from '@/components/loader';
import { AddSiteForm, HistoryTransfer, SettingsForm, StorageInfo, WatchTable } from '@/components/OptionsSections';
import { errorMessage } from '@/components/format';
import { downloadText } from '@/components/download';

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

  const onCheckNow = async (site: string) => {
    setBusySite(site);
    try {
      const r = await sendMessage('checkNow', { site });
      setWatchMessage(`${site}: ${r.status}${r.reason ? ` (${r.reason})` : ''}`);
    } catch (err) {
      setWatchMessage(`${site}: the check failed: ${errorMessage(err)}`);
    } finally {
      setBusySite(null);
      reload();
    }
  };

  const onRemove = async (site: string) => {
    try {
      await sendMessage('unwatchSite', { site });
      setWatchMessage(`Stopped watching ${site}. Its history is kept.`);
    } catch (err) {
      setWatchMessage(`Could not remove ${site}: ${errorMessage(err)}`);
    }
    reload();
  };

  const onWatchInstead = async (site: string, url: string) => {
    try {
      const r = await sendMessage('watchSite', { policyUrl: url });
      // Another site gets its own entry; the old one would only keep failing.
      if (r.site !== site) await sendMessage('unwatchSite', { site });
      setWatchMessage(`Now watching ${url}.`);
    } catch (err) {
      setWatchMessage(`Could not watch ${url}: ${errorMessage(err)}`);
    }
    reload();
  };

  const onFrequency = async (site: string, frequencyHours: number) => {
    try {
      await sendMessage('setWatchFrequency', { site, frequencyHours });
    } catch (err) {
      setWatchMessage(`Could not change how often ${site} is checked: ${errorMessage(err)}`);
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
          setSettingsMessage('Notifications stay off: the browser permission was not granted.');
          return;
        }
      }
      await sendMessage('setSettings', patch);
      setSettingsMessage('Saved.');
    } catch (err) {
      setSettingsMessage(`Could not save: ${errorMessage(err)}`);
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
      setTransferMessage('History exported.');
    } catch (err) {
      setTransferMessage(`Export failed: ${errorMessage(err)}`);
    } finally {
      setTransferBusy(false);
    }
  };

  const onExportEvidence = async () => {
    setTransferBusy(true);
    setTransferMessage('Exporting the evidence file…');
    try {
      const r = await sendMessage('exportEvidence', { site: null });
      downloadText(r.warc, r.filename, 'application/warc');
      setTransferMessage(`Exported ${r.filename} (${r.records} WARC records). Check it with: clausewatch verify ${r.filename}`);
    } catch (err) {
      setTransferMessage(`Export failed: ${errorMessage(err)}`);
    } finally {
      setTransferBusy(false);
    }
  };

  const onImport = async (file: File) => {
    setTransferBusy(true);
    setTransferMessage(`Importing ${file.name}…`);
    try {
      const r = await sendMessage('importHistory', { json: await file.text() });
      setTransferMessage(r.ok ? r.message : `Import failed: ${r.message}`);
    } catch (err) {
      setTransferMessage(`Import failed: ${errorMessage(err)}`);
    } finally {
      setTransferBusy(false);
      reload();
    }
  };

  const view = options.status === 'ready' ? options.value : null;
  return (
    <main className="page options-page">
      <h1>Clausewatch settings</h1>
      {!view && <LoadState state={options} what="the settings" />}
      {view && (
        <>
          {view.storageProblem && (
            <p className="alert" role="alert">
              {view.storageProblem}
            </p>
          )}
          <section className="card options-section" aria-labelledby="watched-heading">
            <h2 id="watched-heading">Watched sites</h2>
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
            <h2 id="add-heading">Add a site</h2>
            <AddSiteForm
              onDiscover={(input) => sendMessage('discoverPolicy', { input })}
              onConfirm={async (policyUrl) => {
                const r = await sendMessage('watchSite', { policyUrl });
                reload();
                return r.ok ? `Now watching ${r.site}.` : `Could not watch ${r.site}.`;
              }}
            />
          </section>
          <section className="card options-section" aria-labelledby="settings-heading">
            <h2 id="settings-heading">Checks and notifications</h2>
            <SettingsForm settings={view.settings} disabled={settingsBusy} onChange={(p) => void onSettings(p)} />
            <p className="status-line" role="status" aria-live="polite">
              {settingsMessage}
            </p>
          </section>
          <section className="card options-section" aria-labelledby="history-heading">
            <h2 id="history-heading">History</h2>
            <HistoryTransfer
              onExport={() => void onExport()}
              onImport={(file) => void onImport(file)}
              onExportEvidence={() => void onExportEvidence()}
              message={transferMessage}
              busy={transferBusy}
            />
          </section>
          <section className="card options-section" aria-labelledby="storage-heading">
            <h2 id="storage-heading">Storage</h2>
            <StorageInfo view={view} />
          </section>
        </>
      )}
    </main>
  );
}
