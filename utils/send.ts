/**
 * The sending half of the protocol. Type-only imports: content scripts that run on every page use it,
 * and must not pull zod and the schemas into their bundle. The receiver validates everything.
 */
import { browser } from 'wxt/browser';
import type { MessageType, Request, Response } from '@/lib/extension/protocol';

/** A refusal carries the English message and, for an error a person can act on, its code and value (lib/core/user-error.ts). */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string; code?: string; value?: string };

export async function sendMessage<T extends MessageType>(type: T, data: Request<T>): Promise<Response<T>> {
  const reply = (await browser.runtime.sendMessage({ type, data })) as Reply<Response<T>> | undefined;
  if (!reply) throw new Error(`No answer to "${type}"`);
  if (!reply.ok) throw Object.assign(new Error(reply.error), reply.code ? { code: reply.code, value: reply.value ?? '' } : {});
  return reply.value;
}
