/**
 * What the options page does when the reader acts: each action sent to the background, and the line that
 * says how it went (in the reader's language). The page (./App.tsx) renders; this talks to the background.
 */
import { useState } from 'react';
import { browser } from 'wxt/browser';
import { sendMessage } from '@/utils/send';
import { importReplyText, receiveText, sendText } from '../transfer';
import type { Settings } from '@/lib/extension/views';
import { displayUrl, errorMessage } from '@/components/format';
import { downloadText } from '@/components/download';
import { useWords } from '@/components/words';
import type { CheckStatus } from '@/lib/core/explain';

const CHECK_STATUSES: readonly string[] = ['unchanged', 'changed', 'unanalysed', 'formatting', 'first', 'failed'] satisfies CheckStatus[];
const isCheckStatus = (s: string): s is CheckStatus => CHECK_STATUSES.includes(s);

/**
 * What the line under the watch list says of a "Check now" reply: a new version not compared yet (its analysis
 * failed; the backfill compares it later) says so, and one with nothing to review beside an "Up to date" row is
 * "only formatting". A status the words do not know (a newer background) is its code.
 */
export function checkLineStatus(r: { status: string; reviewable: boolean; analysed?: boolean }): string {
  if (r.status === 'changed' && r.analysed === false) return 'unanalysed';
  if (r.status === 'changed' && !r.reviewable) return 'formatting';
  return r.status;
}

function todayStamp(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The options page's actions and their status lines; `reload` reads the options again. */
export function useOptionsActions(reload: () => void) {
  // Every site whose check is running: two "Check now" at once each keep their button busy until their own end.
  const [busySites, setBusySites] = useState<readonly string[]>([]);
  const [watchMessage, setWatchMessage] = useState('');
  const [settingsBusy, setSettingsBusy] = useState(false);
  const [settingsMessage, setSettingsMessage] = useState('');
  const [transferBusy, setTransferBusy] = useState(false);
  const [transferMessage, setTransferMessage] = useState('');
  const { ui } = useWords();
  const w = ui.options;

  const onCheckNow = async (site: string) => {
    setBusySites((busy) => [...busy, site]);
    try {
      const r = await sendMessage('checkNow', { site });
      const status = checkLineStatus(r);
      // A status the words do not know (a newer background) is shown as its code rather than hidden.
      setWatchMessage(isCheckStatus(status) ? w.checkResult(site, status, r.failure ? ui.failure(r.failure) : r.reason) : `${site}: ${r.status}${r.reason ? ` (${r.reason})` : ''}`);
    } catch (err) {
      setWatchMessage(w.checkFailed(site, errorMessage(err, ui)));
    } finally {
      setBusySites((busy) => busy.filter((b) => b !== site));
      reload();
    }
  };

  const onRemove = async (site: string) => {
    try {
      await sendMessage('unwatchSite', { site });
      setWatchMessage(w.stoppedWatching(site));
    } catch (err) {
      setWatchMessage(w.couldNotRemove(site, errorMessage(err, ui)));
    }
    reload();
  };

  const onWatchInstead = async (site: string, url: string) => {
    try {
      const r = await sendMessage('watchSite', { policyUrl: url });
      // Another site gets its own entry; the old one would only keep failing.
      if (r.site !== site) await sendMessage('unwatchSite', { site });
      setWatchMessage(w.nowWatching(displayUrl(url)));
    } catch (err) {
      setWatchMessage(w.couldNotWatch(displayUrl(url), errorMessage(err, ui)));
    }
    reload();
  };

  const onFrequency = async (site: string, frequencyHours: number) => {
    try {
      await sendMessage('setWatchFrequency', { site, frequencyHours });
    } catch (err) {
      setWatchMessage(w.couldNotSetFrequency(site, errorMessage(err, ui)));
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
      setSettingsMessage(w.couldNotSave(errorMessage(err, ui)));
    } finally {
      setSettingsBusy(false);
      reload();
    }
  };

  const onExport = async () => {
    setTransferBusy(true);
    try {
      const { transfer } = await sendMessage('exportHistory', {});
      downloadText(await receiveText(transfer), `clausewatch-history-${todayStamp()}.json`, 'application/json');
      setTransferMessage(w.historyExported);
    } catch (err) {
      setTransferMessage(ui.common.exportFailed(errorMessage(err, ui)));
    } finally {
      setTransferBusy(false);
    }
  };

  const onExportEvidence = async () => {
    setTransferBusy(true);
    setTransferMessage(w.exportingEvidence);
    try {
      const r = await sendMessage('exportEvidence', { site: null });
      downloadText(await receiveText(r.transfer), r.filename, 'application/warc');
      setTransferMessage(ui.common.exported(r.filename, r.records));
    } catch (err) {
      setTransferMessage(ui.common.exportFailed(errorMessage(err, ui)));
    } finally {
      setTransferBusy(false);
    }
  };

  const onImport = async (file: File) => {
    setTransferBusy(true);
    setTransferMessage(w.importing(file.name));
    try {
      const r = await sendMessage('importHistory', { transfer: await sendText(await file.text()) });
      setTransferMessage(importReplyText(r, ui));
    } catch (err) {
      setTransferMessage(w.importFailed(errorMessage(err, ui)));
    } finally {
      setTransferBusy(false);
      reload();
    }
  };

  const onConfirmWatch = async (policyUrl: string) => {
    const r = await sendMessage('watchSite', { policyUrl });
    reload();
    return r.ok ? w.nowWatching(r.site) : w.couldNotWatch(r.site, null);
  };

  return {
    busySites,
    watchMessage,
    settingsBusy,
    settingsMessage,
    transferBusy,
    transferMessage,
    onCheckNow,
    onRemove,
    onWatchInstead,
    onFrequency,
    onSettings,
    onExport,
    onExportEvidence,
    onImport,
    onConfirmWatch,
  };
}
