/**
 * A page the content script copied: checked against its tab, run through the page pipeline in the
 * background's DOM, saved as a version of its policy, put on the watch list when the user asked for
 * visited policies to be watched, and every step's outcome written to the diagnostics log.
 */
import { joinsOnCapture } from '@/lib/extension/autowatch';
import { samePolicyAddress, StoreError } from '@/lib/history';
import type { Badges } from './badges';
import type { ChangeNotices } from './change-notices';
import { recordOutcome } from './diagnostics';
import type { RunInDom } from './dom';
import type { History } from './history';
import type { Handlers } from './messaging';
import { getSettings, getWatches, wasRemoved } from './prefs';
import { policyKind, policyUrlOf, type WatchList } from './watchlist';

export interface CaptureDeps {
  history: Pick<History, 'save'>;
  watchList: Pick<WatchList, 'watch' | 'noteChangeSeen'>;
  badges: Pick<Badges, 'refresh' | 'refreshAll'>;
  /** A change seen on the page is not told again by a desktop notification (./change-notices.ts). */
  notices: Pick<ChangeNotices, 'seenOnPage'>;
  dom: RunInDom;
}

/** Why a capture was ignored: it came from a private (incognito) window. */
export const PRIVATE_WINDOW = 'private-window';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function createCapture(deps: CaptureDeps): Pick<Handlers, 'pageCaptured'> {
  return {
    async pageCaptured(data, sender) {
      const at = Date.now();
      // A private (incognito) window leaves no trace: nothing of it is saved to the history, put on the
      // watch list or written to the log with its address (possible only when the user let the extension
      // run in private windows).
      if (sender.tab?.incognito) {
        await recordOutcome({ at, url: '', outcome: 'ignored', reason: PRIVATE_WINDOW });
        return { status: 'ignored', reason: PRIVATE_WINDOW };
      }
      const note = (outcome: string, reason: string) => recordOutcome({ at: Date.now(), url: data.url, outcome, reason });
      // A version is filed under the address the content script names; that address must be the page
      // the tab shows (origin and path), or a compromised or confused sender could file text under
      // another site's policy.
      if (!samePolicyAddress(data.url, sender.tab?.url ?? '')) {
        await recordOutcome({ at, url: data.url.slice(0, 2000), outcome: 'rejected', reason: `the page's address does not match its tab (${(sender.tab?.url ?? 'unknown').slice(0, 300)})` });
        return { status: 'rejected' };
      }
      await recordOutcome({ at, url: data.url, outcome: 'gate-passed', reason: data.reason });
      // The content script sends no copy when the page was too large to copy; its reason says so.
      if (!data.html) {
        await note('failed', data.reason.slice(0, 2000));
        return { status: 'failed' };
      }
      const result = await deps.dom({ task: 'process', html: data.html, url: data.url }).catch(
        (error: unknown) => ({ task: 'process', outcome: 'failed', detection: null, reason: `extraction error: ${String(error)}` }) as const,
      );
      if (result.outcome !== 'policy') {
        await note(result.outcome, result.reason.slice(0, 2000));
        return { status: result.outcome };
      }
      const kind = policyKind(result.detection);
      let status: string;
      try {
        const saved = await deps.history.save(data.url, result.document, kind, { html: data.html, source: 'visit' });
        status = saved.status;
        // The watch list is bookkeeping: if it cannot be written, the version is still saved.
        try {
          const watched = (await getWatches()).some((w) => w.site === saved.site);
          // First, before anything else can fail: a change seen on a watched site's page is not told
          // again by a desktop notification (a site watched only now keeps no older change to tell).
          if (status === 'changed' && watched) await deps.notices.seenOnPage(saved.policyId);
          const { autoWatchVisited } = await getSettings();
          if (joinsOnCapture({ autoWatchVisited, kind, watched, removed: await wasRemoved(saved.site) })) await deps.watchList.watch(policyUrlOf(data.url));
          if (status === 'changed') await deps.watchList.noteChangeSeen(saved.policyId, saved.analysis);
        } catch (error) {
          await note('watch-list-failed', message(error));
        }
      } catch (error) {
        // A site past its bound of policies (MAX_POLICIES_PER_SITE) or of changes in a day, or a text too large to keep, is no failure to retry: the page script
        // copies a page again only after 'failed' or 'not-policy'.
        const refused = error instanceof StoreError && (error.code === 'limit' || error.code === 'too-many-changes' || error.code === 'too-large');
        status = refused ? 'limit' : 'failed';
        await note(refused ? 'save-refused' : 'save-failed', message(error));
      }
      await note('policy', `${result.detection.kind}: ${status} (${result.document.blocks.length} blocks)`);
      // The badge is bookkeeping too: a failure to read it (its own analysis of the change failing) does not
      // turn a saved version into an error, which would make the page send its copy again.
      try {
        if (status === 'changed' || status === 'first') await deps.badges.refreshAll();
        else if (sender.tab?.id != null) await deps.badges.refresh(sender.tab.id, sender.tab.url);
      } catch (error) {
        await note('badge-failed', message(error));
      }
      return { status };
    },
  };
}
