/**
 * Receives the messages of lib/extension/protocol.ts over runtime messaging (sending is in ./send.ts).
 *
 * Hand-written rather than @webext-core/messaging: that library brings webextension-polyfill into the
 * content script that runs on every page, and we need a zod check and a sender allow-list on receipt
 * anyway, which it does not do. This file is the whole of it.
 *
 * Two channels share runtime messaging: the background's (content scripts and our pages ask it) and the
 * offscreen document's (only the background asks it). Each side answers its own channel's messages
 * and stays silent on the other's, so the two never race to answer one message.
 */
import { browser, type Browser } from 'wxt/browser';
import type { Reply as SendReply } from './send';
import { userErrorOf } from '@/lib/core/user-error';
import {
  channelOf,
  parseMessage,
  responseSchema,
  type Channel,
  type MessageType,
  type OffscreenMessageType,
  type OffscreenRequest,
  type OffscreenResponse,
  type Request,
  type Response,
  type SenderKind,
} from '@/lib/extension/protocol';

type Sender = Browser.runtime.MessageSender;

/** One handler per message type: a type without a handler does not compile. */
export type Handlers = {
  [T in MessageType]: (data: Request<T>, sender: Sender) => Promise<Response<T>>;
};
export type OffscreenHandlers = {
  [T in OffscreenMessageType]: (data: OffscreenRequest<T>, sender: Sender) => Promise<OffscreenResponse<T>>;
};

type Reply = SendReply<unknown>;

/** What kind of context sent a message, from the browser's own account of the sender; null = not ours. */
export function senderKind(sender: Sender): SenderKind | null {
  if (sender.id !== browser.runtime.id) return null;
  const ours = browser.runtime.getURL('/');
  if (sender.tab?.id != null && sender.url && !sender.url.startsWith(ours)) return 'tab';
  if (!sender.tab && sender.url === browser.runtime.getURL('/background.js')) return 'background';
  if (sender.url?.startsWith(ours)) return 'extension-page';
  return null;
}

/**
 * The answer to one raw message on `channel`, or null when the message belongs to the other channel
 * (then this side must not answer). Every refusal is an answer with a reason, never a throw.
 */
export async function answer(channel: Channel, handlers: Record<string, (data: never, sender: Sender) => Promise<unknown>>, raw: unknown, sender: Sender): Promise<Reply | null> {
  const meant = channelOf(raw);
  if (meant !== null && meant !== channel) return null;
  const kind = senderKind(sender);
  const parsed = kind ? parseMessage(raw, kind, channel) : ({ ok: false, error: 'unexpected sender' } as const);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const handler = handlers[parsed.type];
  if (!handler) return { ok: false, error: `no handler for "${parsed.type}"` };
  try {
    const value = await handler(parsed.data as never, sender);
    const checked = responseSchema(channel, parsed.type)?.safeParse(value);
    return checked?.success ? { ok: true, value: checked.data } : { ok: false, error: 'invalid response' };
  } catch (err) {
    const known = userErrorOf(err);
    return { ok: false, error: err instanceof Error ? err.message : String(err), ...(known ? { code: known.code, value: known.value.slice(0, 300) } : {}) };
  }
}

function listen(channel: Channel, handlers: Record<string, (data: never, sender: Sender) => Promise<unknown>>, onRejected?: (error: string) => void): void {
  browser.runtime.onMessage.addListener((raw: unknown, sender: Sender, sendResponse: (r: unknown) => void) => {
    // The other channel's messages, and anything that is not ours at all (another listener's), are left alone.
    if (channelOf(raw) !== channel && !(channel === 'background' && channelOf(raw) === null)) return false;
    void answer(channel, handlers, raw, sender).then((reply) => {
      if (!reply) return;
      if (!reply.ok) onRejected?.(reply.error);
      sendResponse(reply);
    });
    return true; // keeps the channel open for the async answer
  });
}

/** Registers the background's handlers; call synchronously at service-worker start. */
export function registerHandlers(handlers: Handlers, onRejected?: (error: string) => void): void {
  listen('background', handlers as unknown as Record<string, (data: never, sender: Sender) => Promise<unknown>>, onRejected);
}

/** Registers the offscreen document's handlers. */
export function registerOffscreenHandlers(handlers: OffscreenHandlers): void {
  listen('offscreen', handlers as unknown as Record<string, (data: never, sender: Sender) => Promise<unknown>>);
}
