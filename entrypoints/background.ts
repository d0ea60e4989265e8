import { browser } from 'wxt/browser';
import { registerHandlers } from '@/utils/messaging';
import { recordOutcome } from '@/utils/diagnostics';

export default defineBackground(() => {
  // Listeners are registered synchronously: the worker can be woken by any of these events.
  registerHandlers(
    {
      async gatePassed(data, sender) {
        const tabId = sender.tab?.id;
        if (tabId == null) return { injected: false };
        await recordOutcome({ at: Date.now(), url: data.url, outcome: 'gate-passed', reason: data.reason });
        await browser.scripting.executeScript({
          target: { tabId, frameIds: [sender.frameId ?? 0] },
          files: ['/extractor.js'],
        });
        return { injected: true };
      },
      async pageProcessed(data) {
        const reason = data.outcome === 'policy' ? `${data.detection.kind} (${data.document.blocks.length} blocks)` : data.reason;
        await recordOutcome({ at: Date.now(), url: data.url, outcome: data.outcome, reason });
        return { status: 'recorded' };
      },
    },
    (error) => console.warn('[Clausewatch] refused a message:', error),
  );
});
