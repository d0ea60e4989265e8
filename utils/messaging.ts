/**
 * Receives the messages of lib/protocol.ts over runtime messaging (sending is in ./send.ts).
 *
 * Hand-written rather than @webext-core/messaging: that library brings webextension-polyfill into the
 * content script that runs on every page, and we need a zod check and a sender allow-list on receipt
 * anyway, which it does not do. This file is the whole of it.
 */
import { browser, type Browser } from 'wxt/browser';
import { parseMessage, Protocol, type MessageType, type Request, type Response, type SenderKind } from '@/lib/protocol';

export type Handlers = {
  [T in MessageType]?: (data: Request<T>, sender: Browser.runtime.MessageSender) => Promise<Response<T>>;
};

function senderKind(sender: Browser.runtime.MessageSender): SenderKind | null {
  if (sender.id !== browser.runtime.id) return null;
  if (sender.tab?.id != null && sender.url && !sender.url.startsWith(browser.runtime.getURL('/'))) return 'tab';
  if (sender.url?.startsWith(browser.runtime.getURL('/'))) return 'extension-page';
  return null;
}

/** Registers the background's handlers; call synchronously at service-worker start. */
export function registerHandlers(handlers: Handlers, onRejected?: (error: string) => void): void {
  browser.runtime.onMessage.addListener((raw: unknown, sender: Browser.runtime.MessageSender, sendResponse: (r: unknown) => void) => {
    const kind = senderKind(sender);
    const parsed = kind ? parseMessage(raw, kind) : ({ ok: false, error: 'unexpected sender' } as const);
    if (!parsed.ok) {
      onRejected?.(parsed.error);
      sendResponse({ ok: false, error: parsed.error });
      return false;
    }
    const handler = handlers[parsed.type] as ((d: unknown, s: Browser.runtime.MessageSender) => Promise<unknown>) | undefined;
    if (!handler) {
      sendResponse({ ok: false, error: `no handler for "${parsed.type}"` });
      return false;
    }
    handler(parsed.data, sender).then(
      (value) => {
        const checked = Protocol[parsed.type].response.safeParse(value);
        sendResponse(checked.success ? { ok: true, value: checked.data } : { ok: false, error: 'invalid response' });
      },
      (err: unknown) => sendResponse({ ok: false, error: err instanceof Error ? err.message : String(err) }),
    );
    return true; // keeps the channel open for the async answer
  });
}
