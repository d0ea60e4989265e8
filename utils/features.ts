/**
 * The background's features put together: which one needs which, and the handler of every message
 * type (a type without a handler does not compile). The worker (entrypoints/background.ts) builds this
 * once and connects it to the browser's events; tests build it over fake-indexeddb and fakeBrowser.
 */
import type { ExtractFn } from '@/lib/history';
import { createBadges } from './badges';
import { createCapture } from './capture';
import { createChangeNotices } from './change-notices';
import { createCombinedChange } from './combined';
import { createDiscovery } from './discover-policy';
import type { RunInDom } from './dom';
import { createHistory } from './history';
import { createHistoryPages } from './history-pages';
import type { Handlers } from './messaging';
import { createNotifications } from './notifications';
import { createOptions } from './options';
import { createPopup } from './popup';
import { createRecheck } from './recheck';
import { showOnPage } from './show-on-page';
import { createPolicyStates } from './tab-state';
import { createTransfer } from './transfer';
import { createWatchList } from './watchlist';
import { sessionAnalysisCache } from './analysis-cache';

export interface FeatureDeps {
  /** The IndexedDB factory (the extension's `indexedDB`; fake-indexeddb's in tests). */
  idb: () => IDBFactory;
  /** Runs a DOM task where the background has a DOM (./dom.ts). */
  dom: RunInDom;
  /** The reader's language (the browser's UI language). */
  language: () => string;
  /** The network (the global fetch; a test may point it at its own server). */
  fetch?: typeof fetch;
  /** Characters per piece of an export or import (TRANSFER_CHUNK; a test makes files of many pieces). */
  transferChunk?: number;
}

export function createFeatures(deps: FeatureDeps) {
  const { dom, language } = deps;
  /** The page pipeline on a kept capture, in the background's DOM: what re-extraction runs. */
  const extract: ExtractFn = async (html, url) => {
    const result = await dom({ task: 'process', html, url });
    return result.outcome === 'policy' ? { ok: true, document: result.document } : { ok: false, reason: result.reason };
  };
  const history = createHistory({ idb: deps.idb, extract });
  const combined = createCombinedChange(sessionAnalysisCache());
  const policyStates = createPolicyStates(combined);
  const badges = createBadges({ store: history.store, siteOf: history.siteOf, language, combined });
  const notifications = createNotifications(language);
  const notices = createChangeNotices({ history, notifications });
  const watchList = createWatchList({ history, policyStates, badges, notices });
  const recheck = createRecheck({ history, badges, watchList, notices, dom, ...(deps.fetch ? { fetch: deps.fetch } : {}) });

  const handlers: Handlers = {
    ...createCapture({ history, watchList, badges, notices, dom }),
    ...createPopup({ history, policyStates, watchList, badges }),
    showOnPage,
    ...createHistoryPages(history),
    ...createOptions(history),
    ...createDiscovery({ history, fetchPolicyPage: recheck.fetchPolicyPage, dom }),
    ...watchList.handlers,
    ...recheck.handlers,
    ...createTransfer({ history, badges, watchList, ...(deps.transferChunk ? { chunk: deps.transferChunk } : {}) }),
  };

  return { history, badges, watchList, recheck, notifications, notices, handlers };
}
