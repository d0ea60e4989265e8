/**
 * Moving the history in and out: the JSON export and import (options page) and the evidence export
 * (WARC 1.1) of one site or of all of them (history and options pages). A file travels in pieces of
 * TRANSFER_CHUNK characters, because it can be larger than one message may be (Chrome: 64 MiB): an export
 * is held here until its last piece is read, an import gathered here until it is imported. A worker that
 * stops in between forgets them, and the page says the transfer failed (nothing is half-imported).
 */
import { browser } from 'wxt/browser';
import { buildEvidenceWarc } from '@/lib/history/evidence';
import { packHistory } from '@/lib/history';
import { MAX_IMPORT_CHARS, TRANSFER_CHUNK } from '@/lib/core/limits';
import type { Transfer } from '@/lib/extension/protocol';
import type { Badges } from './badges';
import type { History } from './history';
import type { Handlers } from './messaging';
import type { WatchList } from './watchlist';
import { UserError } from '@/lib/core/user-error';

export interface TransferDeps {
  history: Pick<History, 'store' | 'backfill'>;
  badges: Pick<Badges, 'refreshAll'>;
  /** A watched site's row after an import (watchlist.ts noteLateAnalyses, settleChangedRows). */
  watchList: Pick<WatchList, 'noteLateAnalyses' | 'settleChangedRows'>;
  /** Characters per piece (TRANSFER_CHUNK; tests pass a small one). */
  chunk?: number;
}

const IMPORT_LOST = 'This import is no longer held (the background restarted). Import the file again.';

/** Transfers held at once, of each direction; the oldest is dropped first. */
const MAX_HELD = 4;

type TransferHandlers = Pick<Handlers, 'exportHistory' | 'importHistory' | 'exportEvidence' | 'readTransfer' | 'writeTransfer'>;

export function createTransfer(deps: TransferDeps): TransferHandlers {
  const chunk = deps.chunk ?? TRANSFER_CHUNK;
  const outgoing = new Map<string, string>();
  const incoming = new Map<string, { parts: string[]; length: number }>();
  const hold = <T>(map: Map<string, T>, value: T): string => {
    const id = crypto.randomUUID();
    map.set(id, value);
    for (const old of map.keys()) if (map.size > MAX_HELD) map.delete(old);
    return id;
  };
  const offer = (text: string): Transfer => ({ id: hold(outgoing, text), length: text.length });

  return {
    async exportHistory() {
      const store = await deps.history.store();
      // Written with each paragraph once (lib/history/history-file.ts): a long history stays importable.
      return { transfer: offer(JSON.stringify(packHistory(await store.exportAll()))) };
    },

    async readTransfer({ id, offset }) {
      const text = outgoing.get(id);
      if (text === undefined) throw new UserError('export-gone', 'This export is no longer held (the background restarted, or a newer export replaced it). Export again.');
      if (offset + chunk >= text.length) outgoing.delete(id);
      return { text: text.slice(offset, offset + chunk) };
    },

    async writeTransfer({ id, text }) {
      if (text.length > chunk) throw new UserError('import-piece-too-large', `A piece of an import holds at most ${chunk} characters.`, String(chunk));
      const key = id ?? hold(incoming, { parts: [], length: 0 });
      const held = incoming.get(key);
      if (!held) throw new UserError('import-lost', IMPORT_LOST);
      if (held.length + text.length > MAX_IMPORT_CHARS) {
        incoming.delete(key);
        throw new UserError('import-too-large', `The file is larger than ${MAX_IMPORT_CHARS} characters, more than a Clausewatch history holds.`, String(MAX_IMPORT_CHARS));
      }
      held.parts.push(text);
      held.length += text.length;
      return { id: key };
    },

    async importHistory({ transfer }) {
      const held = incoming.get(transfer);
      incoming.delete(transfer);
      if (!held) throw new UserError('import-lost', IMPORT_LOST);
      let data: unknown;
      try {
        data = JSON.parse(held.parts.join(''));
      } catch {
        return { ok: false, message: 'This file is not JSON. Choose a file exported by Clausewatch.', outcome: { kind: 'not-json' } };
      }
      const store = await deps.history.store();
      const result = await store.importAll(data);
      if (!result.ok) return { ok: false, message: result.error, outcome: result.code === 'quota' ? { kind: 'full' } : { kind: 'refused', refusal: result.refusal ?? null } };
      // Imported versions whose change has no analysis here get one, so the badge counts them, and a watched
      // site's row says "Changed" of one that awaits review. Both are bookkeeping: the versions are imported.
      await deps.history.backfill(true);
      await deps.watchList.noteLateAnalyses().catch((e: unknown) => console.warn('[Clausewatch] watch list after an import', e));
      // And a row that says "Changed" of what the file's versions and reviews settled says "Up to date".
      await deps.watchList.settleChangedRows().catch((e: unknown) => console.warn('[Clausewatch] watch list after an import', e));
      await deps.badges.refreshAll().catch((e: unknown) => console.warn('[Clausewatch] badges after an import', e));
      const left = result.leftOut;
      const many = (n: number, one: string, more: string) => `${n} ${n === 1 ? one : more}`;
      const leftOut = left
        ? ` Not imported: ${many(left.policies, 'policy', 'policies')} (${many(left.versions, 'version', 'versions')}) of ${left.site}${left.sites > 1 ? ` and ${many(left.sites - 1, 'other site', 'other sites')}` : ''}, as Clausewatch keeps at most ${left.limit} policies of one site.`
        : '';
      return {
        ok: true,
        message: `Imported ${result.added} versions (${result.skipped} already known).${leftOut}`,
        outcome: { kind: 'imported', added: result.added, skipped: result.skipped, leftOut: left ?? null },
      };
    },

    async exportEvidence({ site }) {
      const store = await deps.history.store();
      const warc = buildEvidenceWarc({
        exportedAt: new Date().toISOString(),
        software: `Clausewatch ${browser.runtime.getManifest().version}`,
        scope: site ?? 'all sites',
        policies: await store.evidence(site),
      });
      return { transfer: offer(new TextDecoder().decode(warc.bytes)), filename: warc.filename, records: warc.records };
    },
  };
}
