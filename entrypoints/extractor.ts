/**
 * Injected by the background only into pages that passed the cheap gate: full detection and
 * extraction, in steps with a yield between them so the page's main thread is never held for long.
 */
import { detectPolicy } from '@/lib/detect/detect';
import { extractPolicy } from '@/lib/extract';
import { sendMessage } from '@/utils/send';

const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function run(): Promise<void> {
  const url = location.href;
  try {
    if (!(document instanceof HTMLDocument) || !document.body) {
      await sendMessage('pageProcessed', { outcome: 'failed', url, detection: null, reason: `not an HTML page (${document.contentType})` });
      return;
    }
    await yieldToPage();
    const detection = detectPolicy(document, url);
    if (detection.kind === 'other') {
      await sendMessage('pageProcessed', { outcome: 'not-policy', url, detection, reason: detection.reasons.join('; ').slice(0, 2000) });
      return;
    }
    await yieldToPage();
    const result = extractPolicy(document, url);
    if (!result.ok) {
      await sendMessage('pageProcessed', { outcome: 'failed', url, detection, reason: result.reason.slice(0, 2000) });
      return;
    }
    await sendMessage('pageProcessed', { outcome: 'policy', url, detection, document: result.document });
    (globalThis as { __clausewatchExtracted?: string }).__clausewatchExtracted = url;
  } catch (error) {
    await sendMessage('pageProcessed', { outcome: 'failed', url, detection: null, reason: `extraction error: ${String(error)}`.slice(0, 2000) }).catch(() => {});
  }
}

export default defineUnlistedScript(() => {
  // Injected again for the same URL (an app shell that rendered its policy late): once a policy was
  // delivered for this URL, there is nothing more to do.
  const marker = globalThis as { __clausewatchExtracted?: string; __clausewatchRunning?: boolean };
  if (marker.__clausewatchExtracted === location.href || marker.__clausewatchRunning) return;
  marker.__clausewatchRunning = true;
  void run().finally(() => {
    marker.__clausewatchRunning = false;
  });
});
