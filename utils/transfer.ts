/**
 * Moving the history in and out: the JSON export and import (options page) and the evidence export
 * (WARC 1.1) of one site or of all of them (history and options pages).
 */
import { browser } from 'wxt/browser';
import { buildEvidenceWarc } from '@/lib/history/evidence';
import type { Badges } from './badges';
import type { History } from './history';
import type { Handlers } from './messaging';

export interface TransferDeps {
  history: Pick<History, 'store'>;
  badges: Pick<Badges, 'refreshAll'>;
}

export function createTransfer(deps: TransferDeps): Pick<Handlers, 'exportHistory' | 'importHistory' | 'exportEvidence'> {
  return {
    async exportHistory() {
      const store = await deps.history.store();
      return { json: JSON.stringify(await store.exportAll()) };
    },

    async importHistory({ json }) {
      let data: unknown;
      try {
        data = JSON.parse(json);
      } catch {
        return { ok: false, message: 'This file is not JSON. Choose a file exported by Clausewatch.', outcome: { kind: 'not-json' } };
      }
      const store = await deps.history.store();
      const result = await store.importAll(data);
      if (!result.ok) return { ok: false, message: result.error, outcome: { kind: result.code === 'quota' ? 'full' : 'refused' } };
      await deps.badges.refreshAll();
      return { ok: true, message: `Imported ${result.added} versions (${result.skipped} already known).`, outcome: { kind: 'imported', added: result.added, skipped: result.skipped } };
    },

    async exportEvidence({ site }) {
      const store = await deps.history.store();
      const warc = buildEvidenceWarc({
        exportedAt: new Date().toISOString(),
        software: `Clausewatch ${browser.runtime.getManifest().version}`,
        scope: site ?? 'all sites',
        policies: await store.evidence(site),
      });
      return { warc: new TextDecoder().decode(warc.bytes), filename: warc.filename, records: warc.records };
    },
  };
}
