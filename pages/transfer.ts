/**
 * A page's half of a file's journey to or from the background, in pieces of TRANSFER_CHUNK characters
 * (utils/transfer.ts holds the other half): exports and imports can be larger than one message may be.
 */
// The limit from lib/core/limits and the type alone: the protocol's schemas (zod, and the page pipeline
// the offscreen messages name) stay out of the pages' bundle.
import { TRANSFER_CHUNK } from '@/lib/core/limits';
import type { Response, Transfer } from '@/lib/extension/protocol';
import type { UiWords } from '@/lib/core/explain';
import { sendMessage } from '@/utils/send';
import { UserError } from '@/lib/core/user-error';
import { shownValue } from '@/lib/core/import-refusal';

/** How a page asks the background (sendMessage; a test passes the background's handlers). */
export type Ask = typeof sendMessage;

/** The text of an export the background holds, read piece by piece. */
export async function receiveText(transfer: Transfer, ask: Ask = sendMessage): Promise<string> {
  const parts: string[] = [];
  let read = 0;
  while (read < transfer.length) {
    const { text } = await ask('readTransfer', { id: transfer.id, offset: read });
    if (text.length === 0) throw new UserError('export-incomplete', 'The export ended early. Export again.');
    parts.push(text);
    read += text.length;
  }
  return parts.join('');
}

/** Sends a text to the background piece by piece; the id names it in the message that uses it. */
export async function sendText(text: string, ask: Ask = sendMessage, chunk = TRANSFER_CHUNK): Promise<string> {
  let id: string | null = null;
  let offset = 0;
  do {
    ({ id } = await ask('writeTransfer', { id, text: text.slice(offset, offset + chunk) }));
    offset += chunk;
  } while (offset < text.length);
  return id;
}

/**
 * What an import's reply says, in the reader's language: the versions added (and the policies left out, and
 * why, when some were), or why nothing was (a file
 * that is not JSON, no room left, or the store's refusal by its code). A refusal without a code (the store
 * failed in a way nobody foresaw) is an unexpected error, the background's sentence its technical detail.
 */
export function importReplyText(r: Response<'importHistory'>, ui: Pick<UiWords, 'options' | 'unexpectedError'>): string {
  const w = ui.options;
  const o = r.outcome;
  if (o.kind === 'imported') return o.leftOut ? `${w.imported(o.added, o.skipped)} ${w.importLeftOut(o.leftOut)}` : w.imported(o.added, o.skipped);
  const why = o.kind === 'not-json' ? w.notJson : o.kind === 'full' ? w.importFull : o.refusal ? w.importRefused(o.refusal) : ui.unexpectedError(shownValue(r.message));
  return w.importFailed(why);
}

